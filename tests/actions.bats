#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# ipcbox send and receive: round trips against an independent peer
# (tests/mq-peer.py: python3-sysv-ipc for System V, libc's mq_* through
# ctypes for POSIX) in both directions, the errors, and the no-loss rule:
# every message received is either written or back on the queue, counted.

load helpers

IPCBOX=$BUILD/ipcbox
IPCMK=$BUILD/ipcmk
PEER=$SRC/tests/mq-peer.py

setup() {
	require_ns
	reset_ipc
	started=()
	/usr/bin/python3 -c 'import sysv_ipc' 2>/dev/null || skip "python3-sysv-ipc not installed"
}

teardown() {
	stop_started
	reset_ipc
}

# new_queue: a System V queue; its id in $qid.
new_queue() {
	qid=$("$IPCMK" -Q | grep -oE '[0-9]+$')
}

# qnum ID: the messages queue ID holds, from /proc (not from our tool).
qnum() {
	awk -v id="$1" '$2 == id { print $5 }' /proc/sysvipc/msg
}

# pqnum NAME: the messages POSIX queue NAME holds, from /dev/mqueue.
pqnum() {
	/usr/bin/python3 - "$1" <<'PY'
import ctypes, os, sys
rt = ctypes.CDLL("librt.so.1", use_errno=True)
class Attr(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_long), ("maxmsg", ctypes.c_long), ("msgsize", ctypes.c_long), ("curmsgs", ctypes.c_long), ("pad", ctypes.c_long * 4)]
q = rt.mq_open(sys.argv[1].encode(), os.O_RDONLY)
a = Attr()
rt.mq_getattr(q, ctypes.byref(a))
print(a.curmsgs)
PY
}

hex() {
	od -An -v -tx1 | tr -d ' \n'
}

@test "send: System V messages reach the peer byte for byte (types, empty, the largest, NUL and ESC)" {
	new_queue
	local f=$BATS_TEST_TMPDIR/bin max
	printf 'a\0b\033[31mc\n' >"$f"
	"$IPCBOX" send -q "$qid" hello world
	"$IPCBOX" send -q "$qid" --type 7 --file "$f"
	"$IPCBOX" send -q "$qid" -t 3 --file /dev/null
	max=$(cat /proc/sys/kernel/msgmax)
	head -c "$max" /dev/urandom >"$BATS_TEST_TMPDIR/max"
	"$IPCBOX" send -q "$qid" -t 2 --file "$BATS_TEST_TMPDIR/max"
	[ "$(qnum "$qid")" = 4 ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "1 $(printf 'hello world' | hex)" ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "7 $(hex <"$f")" ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "3 " ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "2 $(hex <"$BATS_TEST_TMPDIR/max")" ]
	[ "$(qnum "$qid")" = 0 ]
}

@test "send --lines: one message per line, empty lines too; -Q with a PATH:PROJ key" {
	: >"$BATS_TEST_TMPDIR/keyfile"
	qid=$("$IPCMK" -Q --key "$BATS_TEST_TMPDIR/keyfile:7" | grep -oE '[0-9]+$')
	printf 'one\n\nthree\nno newline' | "$IPCBOX" send -Q "$BATS_TEST_TMPDIR/keyfile:7" --lines -t 4
	[ "$(qnum "$qid")" = 4 ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "4 $(printf one | hex)" ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "4 " ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "4 $(printf three | hex)" ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "4 $(printf 'no newline' | hex)" ]
}

@test "receive: the peer's System V messages as text, raw and JSON; --type, negative --type, --except" {
	new_queue
	"$PEER" sysv-send "$qid" 5 "$(printf 'five' | hex)"
	"$PEER" sysv-send "$qid" 3 "$(printf 'tab\there \\ \033 \0end' | hex)"
	"$PEER" sysv-send "$qid" 9 ""
	"$PEER" sysv-send "$qid" 2 "$(printf 'two' | hex)"
	"$PEER" sysv-send "$qid" 4 "$(printf 'x\0y' | hex)"
	# The lowest type up to 3: 2, then 3.
	capture r "$IPCBOX" receive -q "$qid" --type -3 --count 2
	[ "$r_rc" = 0 ]
	[ "$r_out" = $'type=2\tsize=3\tdata=two\ntype=3\tsize=17\tdata=tab\\x09here \\x5c \\x1b \\x00end\nx' ]
	[ "$r_err" = x ]
	capture r "$IPCBOX" receive -q "$qid" --except 5 -J
	[ "$r_out" = $'{\n  "messages": [\n    {\n      "type": 9,\n      "size": 0,\n      "data_base64": ""\n    }\n  ]\n}\nx' ]
	"$IPCBOX" receive -q "$qid" -t 4 --raw >"$BATS_TEST_TMPDIR/raw"
	[ "$(hex <"$BATS_TEST_TMPDIR/raw")" = "$(printf 'x\0y' | hex)" ]
	capture r "$IPCBOX" receive -q "$qid" --all
	[ "$r_out" = $'type=5\tsize=4\tdata=five\nx' ]
	[ "$(qnum "$qid")" = 0 ]
	# Empty: --all prints nothing and succeeds; --nowait fails.
	capture r "$IPCBOX" receive -q "$qid" --all
	[ "$r_out$r_rc" = x0 ]
	capture r "$IPCBOX" receive -q "$qid" --nowait
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox receive: message queue id $qid: no message to receive (--nowait)"$'\nx' ]
}

@test "receive -J: the largest binary message, base64, equals the peer's bytes" {
	new_queue
	local max
	max=$(cat /proc/sys/kernel/msgmax)
	head -c "$max" /dev/urandom >"$BATS_TEST_TMPDIR/max"
	"$PEER" sysv-send "$qid" 1 "$(hex <"$BATS_TEST_TMPDIR/max")"
	"$IPCBOX" receive -q "$qid" -J >"$BATS_TEST_TMPDIR/json"
	/usr/bin/python3 -c 'import json, sys, base64; m = json.load(open(sys.argv[1]))["messages"]; assert len(m) == 1 and m[0]["size"] == int(sys.argv[3]); sys.stdout.buffer.write(base64.b64decode(m[0]["data_base64"]))' \
		"$BATS_TEST_TMPDIR/json" x "$max" >"$BATS_TEST_TMPDIR/back"
	cmp "$BATS_TEST_TMPDIR/max" "$BATS_TEST_TMPDIR/back"
}

@test "POSIX queues both ways with the peer: priorities, empty, the largest, NUL and ESC" {
	"$IPCMK" -q -n /pq --maxmsg 10 --msgsize 4096 >/dev/null
	head -c 4096 /dev/urandom >"$BATS_TEST_TMPDIR/max"
	"$IPCBOX" send --posix-mqueue /pq -p 1 low
	"$IPCBOX" send --posix-mqueue /pq -p 9 --file "$BATS_TEST_TMPDIR/max"
	"$IPCBOX" send --posix-mqueue /pq --file /dev/null
	[ "$(pqnum /pq)" = 3 ]
	[ "$("$PEER" posix-recv /pq)" = "9 $(hex <"$BATS_TEST_TMPDIR/max")" ]
	[ "$("$PEER" posix-recv /pq)" = "1 $(printf low | hex)" ]
	[ "$("$PEER" posix-recv /pq)" = "0 " ]
	"$PEER" posix-send /pq 2 "$(printf 'e\033s\0' | hex)"
	"$PEER" posix-send /pq 7 "$(printf 'seven' | hex)"
	"$PEER" posix-send /pq 0 ""
	capture r "$IPCBOX" receive --posix-mqueue /pq --count 3
	[ "$r_out" = $'priority=7\tsize=5\tdata=seven\npriority=2\tsize=4\tdata=e\\x1bs\\x00\npriority=0\tsize=0\tdata=\nx' ]
	"$PEER" posix-send /pq 3 "$(hex <"$BATS_TEST_TMPDIR/max")"
	"$IPCBOX" receive --posix-mqueue /pq --raw >"$BATS_TEST_TMPDIR/back"
	cmp "$BATS_TEST_TMPDIR/max" "$BATS_TEST_TMPDIR/back"
	[ "$(pqnum /pq)" = 0 ]
}

@test "send: a full queue is an error naming its limit; --timeout waits that long, then fails; nothing half-sent" {
	new_queue
	local f=$BATS_TEST_TMPDIR/m4k start end
	head -c 4000 /dev/zero >"$f"
	for _ in 1 2 3 4; do "$IPCBOX" send -q "$qid" --nowait --file "$f"; done
	capture r "$IPCBOX" send -q "$qid" --nowait --file "$f"
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox send: message queue id $qid is full: it holds 16000 bytes in 4 messages, and 4000 more would pass its limit of 16384 bytes (msg_qbytes); receive messages from it, or raise the limit (msgctl IPC_SET msg_qbytes; above /proc/sys/kernel/msgmnb only root may)"$'\nx' ]
	start=$(date +%s%N)
	capture r "$IPCBOX" send -q "$qid" --timeout 300ms --file "$f"
	end=$(date +%s%N)
	[ "$r_rc" = 1 ]
	[[ "$r_err" == "ipcbox send: message queue id $qid is still full at the timeout:"* ]]
	[ $(((end - start) / 1000000)) -ge 300 ]
	[ $(((end - start) / 1000000)) -lt 3000 ]
	[ "$(qnum "$qid")" = 4 ]
	"$IPCMK" -q -n /small --maxmsg 1 >/dev/null
	"$IPCBOX" send --posix-mqueue /small one
	capture r "$IPCBOX" send --posix-mqueue /small --timeout 0.2 two
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox send: POSIX message queue /small is still full at the timeout: it holds 1 messages, its limit (mq_maxmsg, set by ipcmk --maxmsg when it was made); receive messages from it, or make it again with a larger --maxmsg (at most /proc/sys/fs/mqueue/msg_max)"$'\nx' ]
	[ "$(pqnum /small)" = 1 ]
}

@test "a blocked send is released by the peer's receive; a blocked receive by the peer's send" {
	new_queue
	local f=$BATS_TEST_TMPDIR/m8k
	head -c 8192 /dev/zero >"$f"
	"$IPCBOX" send -q "$qid" --file "$f"
	"$IPCBOX" send -q "$qid" --file "$f"
	"$IPCBOX" send -q "$qid" -t 2 last &
	started+=("$!")
	local sender=$!
	sleep 0.2
	kill -0 "$sender"	# still waiting for room
	[ "$("$PEER" sysv-recv "$qid" 0 | cut -c1-2)" = "1 " ]
	wait "$sender"
	"$IPCBOX" receive -q "$qid" --all >/dev/null
	"$IPCBOX" receive -q "$qid" --type 6 >"$BATS_TEST_TMPDIR/out" &
	started+=("$!")
	local receiver=$!
	sleep 0.2
	kill -0 "$receiver"
	"$PEER" sysv-send "$qid" 6 "$(printf six | hex)"
	wait "$receiver"
	[ "$(cat "$BATS_TEST_TMPDIR/out")" = $'type=6\tsize=3\tdata=six' ]
}

@test "receive --timeout gives up after it, System V and POSIX, and the queue is as it was" {
	new_queue
	"$IPCBOX" send -q "$qid" -t 2 keep
	local start end
	start=$(date +%s%N)
	capture r "$IPCBOX" receive -q "$qid" --type 1 --timeout 0.25
	end=$(date +%s%N)
	[ "$r_rc" = 1 ]
	[ "$r_out" = x ]
	[ "$r_err" = "ipcbox receive: message queue id $qid: no message arrived before the timeout"$'\nx' ]
	[ $(((end - start) / 1000000)) -ge 250 ]
	[ $(((end - start) / 1000000)) -lt 3000 ]
	[ "$(qnum "$qid")" = 1 ]
	"$IPCMK" -q -n /pq >/dev/null
	capture r "$IPCBOX" receive --posix-mqueue /pq --timeout 100ms
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox receive: POSIX message queue /pq: no message arrived before the timeout"$'\nx' ]
}

@test "no loss: stdout on /dev/full or a pipe nobody reads: nothing is received" {
	new_queue
	"$IPCBOX" send -q "$qid" one
	"$IPCBOX" send -q "$qid" two
	run bash -c '"$1" receive -q "$2" --all >/dev/full' _ "$IPCBOX" "$qid"
	[ "$status" = 1 ]
	[ "$output" = "ipcbox receive: standard output is /dev/full: nothing was received" ]
	[ "$(qnum "$qid")" = 2 ]
	# A pipe whose reader is gone (the reader exits before we start).
	run bash -c 'exec 3>&1; { sleep 0.3; exec "$1" receive -q "$2" --all 2>&3; } | true' _ "$IPCBOX" "$qid"
	[ "$output" = "ipcbox receive: standard output is a pipe nobody reads: nothing was received" ]
	[ "$(qnum "$qid")" = 2 ]
	"$IPCMK" -q -n /pq >/dev/null
	"$IPCBOX" send --posix-mqueue /pq one
	run bash -c '"$1" receive --posix-mqueue /pq >/dev/full' _ "$IPCBOX"
	[ "$status" = 1 ]
	[ "$(pqnum /pq)" = 1 ]
}

@test "no loss: a write that fails part way (file size limit) puts the rest back, counted, in order" {
	new_queue
	local i f=$BATS_TEST_TMPDIR/m300
	head -c 300 /dev/zero | tr '\0' a >"$f"
	for i in $(seq 10); do "$IPCBOX" send -q "$qid" -t "$i" --file "$f"; done
	run bash -c 'ulimit -f 1; "$1" receive -q "$2" --all --raw >"$3"' _ "$IPCBOX" "$qid" "$BATS_TEST_TMPDIR/out"
	[ "$status" = 1 ]
	[ "$output" = "ipcbox receive: message queue id $qid: 7 messages could not be written (File too large): they were put back at the end of the queue (their place in the queue changed)" ]
	# 1024 bytes written: 3 whole messages and part of the 4th, which is back on the queue.
	[ "$(stat -c %s "$BATS_TEST_TMPDIR/out")" = 1024 ]
	[ "$(qnum "$qid")" = 7 ]
	run "$IPCBOX" receive -q "$qid" --all
	[ "$(cut -f1 <<<"$output" | paste -sd' ')" = "type=4 type=5 type=6 type=7 type=8 type=9 type=10" ]
	# POSIX: the same, priorities kept.
	"$IPCMK" -q -n /pq --maxmsg 10 >/dev/null
	for i in $(seq 10); do "$IPCBOX" send --posix-mqueue /pq -p "$i" --file "$f"; done
	run bash -c 'ulimit -f 1; "$1" receive --posix-mqueue /pq --all --raw >"$2"' _ "$IPCBOX" "$BATS_TEST_TMPDIR/out"
	[ "$status" = 1 ]
	[ "$(pqnum /pq)" = 7 ]
	run "$IPCBOX" receive --posix-mqueue /pq --all
	[ "$(cut -f1 <<<"$output" | paste -sd' ')" = "priority=7 priority=6 priority=5 priority=4 priority=3 priority=2 priority=1" ]
}

@test "no loss: a reader that goes away mid-way (| head -n 1): the message after is put back" {
	new_queue
	local fifo=$BATS_TEST_TMPDIR/fifo
	mkfifo "$fifo"
	"$IPCBOX" send -q "$qid" first
	"$IPCBOX" receive -q "$qid" --count 3 >"$fifo" 2>"$BATS_TEST_TMPDIR/err" &
	started+=("$!")
	local receiver=$!
	head -n 1 <"$fifo" >"$BATS_TEST_TMPDIR/read"
	# The reader is gone; the receiver waits for the 2nd message.
	"$IPCBOX" send -q "$qid" second
	local rc=0
	wait "$receiver" || rc=$?
	[ "$rc" = 1 ]
	[ "$(cat "$BATS_TEST_TMPDIR/read")" = $'type=1\tsize=5\tdata=first' ]
	[ "$(cat "$BATS_TEST_TMPDIR/err")" = "ipcbox receive: message queue id $qid: 1 message could not be written (Broken pipe): it was put back at the end of the queue (its place in the queue changed)" ]
	# 1 written + 1 on the queue = the 2 sent.
	[ "$(qnum "$qid")" = 1 ]
	[ "$("$PEER" sysv-recv "$qid" 0)" = "1 $(printf second | hex)" ]
}

@test "no loss: SIGTERM while messages are held and while waiting: each message written or still queued, counted" {
	new_queue
	# 1500 messages; their JSON (about 130 KiB) is more than the output
	# buffer, and the reader's pipe holds 4 KiB and is read only after
	# 0.5 s: the receiver is stopped while it holds messages not written.
	seq 1001 2500 | "$IPCBOX" send -q "$qid" --lines
	[ "$(qnum "$qid")" = 1500 ]
	local out=$BATS_TEST_TMPDIR/out
	# The receiver writes into a pipe of 4 KiB read only 0.3 s after its SIGTERM,
	# which comes once it has taken messages.
	run /usr/bin/python3 -c 'import fcntl, os, signal, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ
p = subprocess.Popen(sys.argv[3:], stdout=w)
os.close(w)
# Once it has taken messages (it holds them: the pipe is full), SIGTERM.
for _ in range(1000):
    with open("/proc/sysvipc/msg") as f:
        if any(l.split()[1] == sys.argv[2] and int(l.split()[4]) < 1500 for l in f.readlines()[1:]):
            break
    time.sleep(0.01)
time.sleep(0.1)
p.send_signal(signal.SIGTERM)
time.sleep(0.3)
with os.fdopen(r, "rb") as f, open(sys.argv[1], "wb") as o:
    o.write(f.read())
try:
    print(p.wait(10))
except subprocess.TimeoutExpired:
    p.kill()
    p.wait()
    print("stuck")' "$out" "$qid" "$IPCBOX" receive -q "$qid" -J --count 5000
	[ "$status" = 0 ]
	[ "$output" = -15 ]
	local written left
	written=$(grep -c '"size": 4,' "$out")
	left=$(qnum "$qid")
	[ "$written" -gt 0 ]
	[ "$left" -gt 0 ]
	[ $((written + left)) = 1500 ]
	# In order, none twice: the first WRITTEN of the messages sent.
	[ "$(grep -o '"data_base64": "[^"]*"' "$out" | cut -d'"' -f4 | base64 -d | tr -d '\n' | md5sum)" = \
		"$(seq 1001 $((1000 + written)) | tr -d '\n' | md5sum)" ]
	# Waiting on an empty queue: nothing printed, status 143, nothing lost.
	"$IPCBOX" receive -q "$qid" --all >/dev/null
	"$IPCBOX" receive -q "$qid" >"$BATS_TEST_TMPDIR/out2" &
	started+=("$!")
	local receiver=$! rc=0
	sleep 0.2
	kill -TERM "$receiver"
	wait "$receiver" || rc=$?
	[ "$rc" = 143 ]
	[ ! -s "$BATS_TEST_TMPDIR/out2" ]
}

@test "errors name the object and what to do; bad command lines send nothing" {
	new_queue
	capture r "$IPCBOX" send -q 999 x
	[ "$r_err" = $'ipcbox send: message queue id 999 does not exist: ipcs -q lists the queues\nx' ]
	capture r "$IPCBOX" receive -Q 0x1234
	[ "$r_rc" = 1 ]
	[[ "$r_err" == $'ipcbox receive: no message queue has key 0x00001234: ipcs -q lists the queues\n'* ]]
	capture r "$IPCBOX" send --posix-mqueue /nope x
	[ "$r_err" = $'ipcbox send: POSIX message queue /nope does not exist: ipcs -Q lists the queues, ipcmk -q -n /nope makes one\nx' ]
	capture r "$IPCBOX" send -q "$qid"
	[ "$r_err" = $'ipcbox send: nothing to send: give the message as arguments, --file <file> or --lines\nTry \'ipcbox send --help\' for more information.\nx' ]
	capture r "$IPCBOX" send x
	[ "$r_err" = $'ipcbox send: no object given: name one with -q <id>, -Q <key> or --posix-mqueue <name>\nTry \'ipcbox send --help\' for more information.\nx' ]
	capture r "$IPCBOX" send -q "$qid" -t 0 x
	[ "$r_err" = $'ipcbox send: --type: invalid message type \'0\' (1 to 9223372036854775807)\nx' ]
	capture r "$IPCBOX" send -q "$qid" -p 1 x
	[ "$r_rc" = 1 ]
	capture r "$IPCBOX" send -q "$qid" -q 0 x
	[ "$r_err" = $'ipcbox send: --queue-id: one object at a time (--queue-id '"$qid"$' was given already)\nTry \'ipcbox send --help\' for more information.\nx' ]
	capture r "$IPCBOX" send -q "$qid" --timeout 1x x
	[ "$r_err" = $'ipcbox send: --timeout: invalid duration \'1x\' (seconds, or a number with ms, s, m or h, e.g. 1.5 or 250ms)\nx' ]
	capture r "$IPCBOX" receive -q "$qid" --count 0
	[ "$r_rc" = 1 ]
	capture r "$IPCBOX" receive --posix-mqueue /x --type 1
	[ "$r_rc" = 1 ]
	capture r "$IPCBOX" receive -q "$qid" --all --count 2
	[ "$r_rc" = 1 ]
	printf '\e]0;x\a' >"$BATS_TEST_TMPDIR/name"
	capture r "$IPCBOX" send --posix-mqueue "/a$(cat "$BATS_TEST_TMPDIR/name")" x
	[ "$r_err" = $'ipcbox send: POSIX message queue /a\\x1b]0;x\\x07 does not exist: ipcs -Q lists the queues, ipcmk -q -n /a\\x1b]0;x\\x07 makes one\nx' ]
	[ "$(qnum "$qid")" = 0 ]
}

@test "permission denied names the owner and the mode" {
	require_ids
	new_queue
	"$IPCBOX" send -q "$qid" x
	qid2=$("$IPCMK" -Q -p 0600 | grep -oE '[0-9]+$')
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$IPCBOX" receive -q "$qid2"
	[ "$status" = 1 ]
	[ "$output" = "ipcbox receive: permission denied for message queue id $qid2 (owned by root (uid 0), mode 0600): receiving takes read permission; its owner or root can change the mode (msgctl IPC_SET, or chmod for a POSIX queue)" ]
	"$IPCMK" -q -n /pq -p 0644 >/dev/null
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$IPCBOX" send --posix-mqueue /pq x
	[ "$status" = 1 ]
	[ "$output" = "ipcbox send: permission denied for POSIX message queue /pq (owned by root (uid 0), mode 0644): sending takes write permission; its owner or root can change the mode (msgctl IPC_SET, or chmod for a POSIX queue)" ]
}

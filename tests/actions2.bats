#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# ipcbox sem, read, write and set: round trips against an independent peer
# (tests/ipc-peer.py: python3-sysv-ipc for System V, libc's sem_* through
# ctypes and Python's mmap for POSIX) in both directions, util-linux's ipcs
# as the reader of whole semaphore sets, and the errors.

load helpers

IPCBOX=$BUILD/ipcbox
IPCMK=$BUILD/ipcmk
PEER=$SRC/tests/ipc-peer.py

# One Python start for the file, not one per test (each costs ~100 ms).
setup_file() {
	HAVE_SYSV_IPC=0
	/usr/bin/python3 -c 'import sysv_ipc' 2>/dev/null && HAVE_SYSV_IPC=1
	export HAVE_SYSV_IPC
}

setup() {
	[ "$HAVE_SYSV_IPC" = 1 ] || skip "python3-sysv-ipc not installed"
	require_ns
	reset_ipc
	started=()
}

teardown() {
	stop_started
	reset_ipc
}

# new_sems N: a System V set of N semaphores; its id in $sid.
new_sems() {
	sid=$("$IPCMK" -S "$1" | grep -oE '[0-9]+$')
}

# ref_values ID: the values of set ID as util-linux's ipcs -s -i lists them, joined by spaces.
ref_values() {
	/usr/bin/ipcs -s -i "$1" | awk '/^semnum/ { on = 1; next } on && NF { printf "%s%s", sep, $2; sep = " " }'
}

# ncount ID N: processes waiting for semaphore N of set ID to grow (util-linux's ipcs).
ncount() {
	/usr/bin/ipcs -s -i "$1" | awk -v n="$2" '/^semnum/ { on = 1; next } on && $1 == n { print $3 }'
}

# psem_waiters NAME: glibc's count of processes waiting on POSIX semaphore
# NAME (the upper half of its first 8 bytes, on 64-bit machines).
psem_waiters() {
	od -An -t u4 -j 4 -N 4 "/dev/shm/sem.${1#/}" | tr -d ' '
}

# is VALUE CMD...: CMD prints VALUE (for until_true: CMD runs each time).
is() {
	local want=$1
	shift
	[ "$("$@")" = "$want" ]
}

# until_true CMD...: CMD succeeds within 500 tries, 10 ms apart, else fails.
until_true() {
	local _
	for _ in $(seq 500); do
		"$@" && return 0
		sleep 0.01
	done
	return 1
}

@test "sem: --set, --set-all and --op reach util-linux's ipcs; the peer's values reach ipcbox sem" {
	new_sems 3
	"$IPCBOX" sem -s "$sid" --set 0=5,2=32767
	[ "$(ref_values "$sid")" = "5 0 32767" ]
	"$IPCBOX" sem -s "$sid" --set-all 1,2,3
	[ "$(ref_values "$sid")" = "1 2 3" ]
	"$IPCBOX" sem -s "$sid" --op 0-1,1+4,2-3
	[ "$(ref_values "$sid")" = "0 6 0" ]
	# The peer's one-semaphore set: its values shown, ours seen by it.
	new_sems 1
	"$PEER" sem-set "$sid" 7
	capture r "$IPCBOX" sem -s "$sid"
	[ "$r_rc" = 0 ]
	[[ "$r_out" == $'semnum     value      ncount     zcount     pid       \n0          7          0          0          '*$'\nx' ]]
	capture r "$IPCBOX" sem -s "$sid" -J
	[[ "$r_out" == $'{\n  "id": '"$sid"$',\n  "values": [\n    {\n      "semnum": 0,\n      "value": 7,\n      "ncount": 0,\n      "zcount": 0,\n      "pid": '* ]]
	"$IPCBOX" sem -s "$sid" --op 0+2
	[ "$("$PEER" sem-value "$sid")" = 9 ]
}

@test "sem: values above SEMVMX, numbers past the set, wrong counts and mixed kinds are refused; nothing changes" {
	new_sems 2
	"$IPCBOX" sem -s "$sid" --set-all 4,4
	capture r "$IPCBOX" sem -s "$sid" --set 0=1,1=32768
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox sem: --set: '0=1,1=32768': a value is above SEMVMX, 32767, the largest a System V semaphore holds"$'\nx' ]
	capture r "$IPCBOX" sem -s "$sid" --op 0-1,2+1
	[ "$r_err" = "ipcbox sem: semaphore set id $sid has semaphores 0 to 1: there is no semaphore 2"$'\nx' ]
	capture r "$IPCBOX" sem -s "$sid" --set-all 1,2,3
	[ "$r_err" = "ipcbox sem: semaphore set id $sid has 2 semaphores: --set-all takes one value for each, not 3"$'\nx' ]
	capture r "$IPCBOX" sem -s "$sid" --op 0-1,1+32767
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox sem: semaphore set id $sid: a value would pass SEMVMX (32767), the largest a System V semaphore holds"$'\nx' ]
	capture r "$IPCBOX" sem -s "$sid" --post
	[ "$r_rc" = 1 ]
	capture r "$IPCBOX" sem -s "$sid" --op 0=1
	[ "$r_rc" = 1 ]
	[ "$(ref_values "$sid")" = "4 4" ]
	capture r "$IPCBOX" sem -s 99999 --op 0+1
	[ "$r_err" = $'ipcbox sem: semaphore set id 99999 does not exist: ipcs -s lists the semaphore sets\nx' ]
	# A key of another kind: the hint ipcrm gives.
	local q
	q=$("$IPCMK" -Q --key 0x77 | grep -oE '[0-9]+$')
	capture r "$IPCBOX" sem -S 0x77 --op 0+1
	[ "$r_err$r_rc" = "ipcbox sem: no semaphore set has key 0x00000077: ipcs -s lists the semaphore sets
ipcbox sem: 0x77 is the key of message queue id $q: use ipcs -q -i $q"$'\nx1' ]
}

@test "sem --op: all or nothing (--nowait); --timeout expires; --undo is reverted at exit" {
	new_sems 2
	"$IPCBOX" sem -s "$sid" --set-all 3,0
	capture r "$IPCBOX" sem -s "$sid" --op 0-1,1-1 --nowait
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox sem: semaphore set id $sid: the operations cannot be done at once (--nowait): a value is too small, or not zero (ipcbox sem without an action shows the values)"$'\nx' ]
	[ "$(ref_values "$sid")" = "3 0" ]
	local t0=$EPOCHREALTIME
	capture r "$IPCBOX" sem -s "$sid" --op 0-1,1-1 --timeout 200ms
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox sem: semaphore set id $sid: the operations could not be done before the timeout"$'\nx' ]
	awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { exit !(b - a >= 0.2) }'
	[ "$(ref_values "$sid")" = "3 0" ]
	# SEM_UNDO: the kernel takes the 5 back when ipcbox exits.
	"$IPCBOX" sem -s "$sid" --op 0-1,1+5 --undo
	[ "$(ref_values "$sid")" = "3 0" ]
	"$IPCBOX" sem -s "$sid" --op 0-1,1+5
	[ "$(ref_values "$sid")" = "2 5" ]
}

@test "sem --op waits until the peer releases; POSIX --wait until the peer posts" {
	new_sems 1
	"$IPCBOX" sem -s "$sid" --op 0-1 &
	started+=("$!")
	until_true is 1 ncount "$sid" 0
	"$PEER" sem-release "$sid"
	wait "$!"
	[ "$("$PEER" sem-value "$sid")" = 0 ]
	"$IPCMK" -s -n /ps >/dev/null
	"$IPCBOX" sem --posix-semaphore /ps --wait &
	started+=("$!")
	until_true is 1 psem_waiters /ps
	"$PEER" psem-post /ps
	wait "$!"
	[ "$("$PEER" psem-value /ps)" = 0 ]
}

@test "sem on POSIX semaphores: the peer's posts shown, ours seen; --trywait and --timeout fail on 0" {
	"$IPCMK" -s -n /ps >/dev/null
	"$PEER" psem-post /ps
	"$PEER" psem-post /ps
	capture r "$IPCBOX" sem --posix-semaphore /ps
	[ "$r_out$r_rc" = $'value\n2\nx0' ]
	"$IPCBOX" sem --posix-semaphore /ps --post
	[ "$("$PEER" psem-value /ps)" = 3 ]
	capture r "$IPCBOX" sem --posix-semaphore /ps -J
	[ "$r_out" = $'{\n  "value": 3\n}\nx' ]
	"$IPCBOX" sem --posix-semaphore /ps --wait
	"$IPCBOX" sem --posix-semaphore /ps --trywait
	"$IPCBOX" sem --posix-semaphore /ps --wait --nowait
	[ "$("$PEER" psem-value /ps)" = 0 ]
	capture r "$IPCBOX" sem --posix-semaphore /ps --trywait
	[ "$r_err$r_rc" = $'ipcbox sem: POSIX semaphore /ps is 0: nothing to take without waiting\nx1' ]
	capture r "$IPCBOX" sem --posix-semaphore /ps --wait --timeout 100ms
	[ "$r_err$r_rc" = $'ipcbox sem: POSIX semaphore /ps was still 0 at the timeout\nx1' ]
	capture r "$IPCBOX" sem --posix-semaphore /ps --op 0+1
	[ "$r_rc" = 1 ]
	capture r "$IPCBOX" sem --posix-semaphore /nope --post
	[ "$r_err" = $'ipcbox sem: POSIX semaphore /nope does not exist: ipcs -S lists the semaphores, ipcmk -s -n /nope makes one\nx' ]
}

@test "write and read: System V segment bytes at offsets, both ways with the peer; --hex is xxd's layout" {
	local id f=$BATS_TEST_TMPDIR/bin
	id=$("$IPCMK" -M 100 | grep -oE '[0-9]+$')
	printf 'hello\0\033world 0123456789abcdefghij~\x7f\x80' >"$f"
	"$IPCBOX" write -m "$id" --offset 3 <"$f"
	[ "$("$PEER" shm-read "$id" 3 36)" = "$(od -An -v -tx1 "$f" | tr -d ' \n')" ]
	"$PEER" shm-write "$id" 96 00ff1b41
	"$IPCBOX" read -m "$id" -o 3 -l 36 >"$BATS_TEST_TMPDIR/back"
	cmp "$f" "$BATS_TEST_TMPDIR/back"
	# util-linux's peer bytes through xxd, the reference layout.
	"$PEER" shm-read "$id" 0 100 | xxd -r -p >"$BATS_TEST_TMPDIR/whole"
	"$IPCBOX" read -m "$id" --hex >"$BATS_TEST_TMPDIR/ours"
	xxd "$BATS_TEST_TMPDIR/whole" | cmp - "$BATS_TEST_TMPDIR/ours"
	[ "$("$IPCBOX" read -m "$id" -x -o 0x5d -l 5)" = "$(xxd -s 0x5d -l 5 "$BATS_TEST_TMPDIR/whole")" ]
	# Past the end: refused with the size, nothing written.
	capture r "$IPCBOX" write -m "$id" -o 98 --file "$f"
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcbox write: shared memory segment id $id is 100 bytes: more than 2 bytes from offset 98 would pass its end; nothing was written"$'\nx' ]
	capture r "$IPCBOX" read -m "$id" -o 90 -l 11
	[ "$r_err$r_rc" = "ipcbox read: shared memory segment id $id is 100 bytes: 11 bytes from offset 90 would pass its end"$'\nx1' ]
	[ "$("$PEER" shm-read "$id" 96 4)" = 00ff1b41 ]
}

@test "write and read: POSIX segment bytes at offsets, both ways with Python's mmap" {
	local f=$BATS_TEST_TMPDIR/bin
	"$IPCMK" -m 64 -n /seg >/dev/null
	printf 'a\0b\033[31mc\n' >"$f"
	"$IPCBOX" write --posix-shmem /seg -o 16 --file "$f"
	[ "$("$PEER" pshm-read /seg 16 10)" = "$(od -An -v -tx1 "$f" | tr -d ' \n')" ]
	"$PEER" pshm-write /seg 60 deadbeef
	[ "$("$IPCBOX" read --posix-shmem /seg -o 60 | od -An -tx1 | tr -d ' ')" = deadbeef ]
	"$IPCBOX" read --posix-shmem /seg -o 16 -l 10 | cmp - "$f"
	xxd /dev/shm/seg | cmp - <("$IPCBOX" read --posix-shmem /seg -x)
	capture r "$IPCBOX" write --posix-shmem /seg -o 61 --file "$f"
	[ "$r_err$r_rc" = $'ipcbox write: POSIX shared memory /seg is 64 bytes: more than 3 bytes from offset 61 would pass its end; nothing was written\nx1' ]
	[ "$("$PEER" pshm-read /seg 60 4)" = deadbeef ]
	[ "$(stat -c %s /dev/shm/seg)" = 64 ]
	# Not a regular file: not opened (no FIFO waits, no symlink followed).
	ln -s seg /dev/shm/link
	capture r "$IPCBOX" read --posix-shmem /link
	[ "$r_err$r_rc" = $'ipcbox read: POSIX shared memory /link is not a regular file: no POSIX object; leave it alone, or ask who made it\nx1' ]
	# A hostile name is printed escaped.
	local name
	name=/h$(printf '\e]0;x\a')
	"$IPCMK" -m 10 -n "$name" >/dev/null
	capture r "$IPCBOX" write --posix-shmem "$name" -o 20 --file /dev/null
	[ "$r_err$r_rc" = $'ipcbox write: POSIX shared memory /h\\x1b]0;x\\x07 is 10 bytes: offset 20 is past its end\nx1' ]
}

@test "set: System V mode, owner and msg_qbytes as util-linux's ipcs -i shows them; MSGMNB named when refused" {
	require_ids 1234 5678 99 42
	local q mnb
	q=$("$IPCMK" -Q | grep -oE '[0-9]+$')
	"$IPCBOX" set -q "$q" --mode 0600 --owner 1234:5678 --max-bytes 1000
	/usr/bin/ipcs -q -i "$q" | grep -qx $'uid=1234\tgid=5678\tcuid=0\tcgid=0\tmode=0600'
	/usr/bin/ipcs -q -i "$q" | grep -q $'^cbytes=0\tqbytes=1000\t'
	# The owner (not root: no CAP_SYS_RESOURCE) may not pass MSGMNB.
	mnb=$(cat /proc/sys/kernel/msgmnb)
	capture r setpriv --reuid 1234 --regid 5678 --clear-groups "$IPCBOX" set -q "$q" --max-bytes $((mnb + 1))
	[ "$r_err$r_rc" = "ipcbox set: message queue id $q: raising msg_qbytes above MSGMNB, $mnb bytes (/proc/sys/kernel/msgmnb), needs CAP_SYS_RESOURCE (root)"$'\nx1' ]
	setpriv --reuid 1234 --regid 5678 --clear-groups "$IPCBOX" set -q "$q" --max-bytes "$mnb" --mode 640
	/usr/bin/ipcs -q -i "$q" | grep -q $'^cbytes=0\tqbytes='"$mnb"$'\t'
	# Someone else may not; nothing changes.
	capture r setpriv --reuid 99 --regid 99 --clear-groups "$IPCBOX" set -q "$q" --mode 0666 --max-bytes 10
	[ "$r_err$r_rc" = "ipcbox set: message queue id $q: only its owner (uid 1234), its creator (uid 0) or root (CAP_SYS_ADMIN) may change it"$'\nx1' ]
	/usr/bin/ipcs -q -i "$q" | grep -qx $'uid=1234\tgid=5678\tcuid=0\tcgid=0\tmode=0640'
	# Semaphores and segments the same way.
	local s m
	s=$("$IPCMK" -S 1 | grep -oE '[0-9]+$')
	m=$("$IPCMK" -M 10 | grep -oE '[0-9]+$')
	"$IPCBOX" set -s "$s" --mode 0601
	"$IPCBOX" set -m "$m" --owner :42
	/usr/bin/ipcs -s -i "$s" | grep -qx 'mode=0601, access_perms=0601'
	/usr/bin/ipcs -m -i "$m" | grep -q $'^uid=0\tgid=42\t'
}

@test "set: POSIX mode, owner and --size as stat shows them; setuid bits, shrinking and kinds refused" {
	require_ids 42 43 7 8
	"$IPCMK" -m 100 -n /seg >/dev/null
	"$IPCBOX" set --posix-shmem /seg --size 4K --mode 0600 --owner 42:43
	[ "$(stat -c '%s %a %u %g' /dev/shm/seg)" = "4096 600 42 43" ]
	capture r "$IPCBOX" set --posix-shmem /seg --size 10
	[ "$r_err$r_rc" = $'ipcbox set: POSIX shared memory /seg is 4096 bytes: shrinking it would kill with SIGBUS any process touching the bytes cut off; remove it and make it again (ipcrm, ipcmk) if that is what you want\nx1' ]
	capture r "$IPCBOX" set --posix-shmem /seg --mode 04755
	[ "$r_err$r_rc" = $'ipcbox set: mode 4755: IPC objects take permission bits only (at most 0777), not setuid, setgid or sticky\nx1' ]
	capture r "$IPCBOX" set --posix-shmem /seg --max-bytes 10
	[ "$r_rc" = 1 ]
	[ "$(stat -c '%s %a %u %g' /dev/shm/seg)" = "4096 600 42 43" ]
	"$IPCMK" -q -n /pq >/dev/null
	"$IPCMK" -s -n /ps >/dev/null
	"$IPCBOX" set --posix-mqueue /pq --mode 0 --owner 7
	"$IPCBOX" set --posix-semaphore /ps --owner :8 --mode 0660
	[ "$(stat -c '%a %u %g' /dev/mqueue/pq /dev/shm/sem.ps)" = $'0 7 0\n660 0 8' ]
	# Its owner may change the mode without read permission; not give it away.
	setpriv --reuid 7 --regid 7 --clear-groups "$IPCBOX" set --posix-mqueue /pq --mode 0640
	capture r setpriv --reuid 7 --regid 7 --clear-groups "$IPCBOX" set --posix-mqueue /pq --owner 8
	[ "$r_err$r_rc" = $'ipcbox set: cannot change the owner of POSIX message queue /pq: giving a file to another user takes root (CAP_CHOWN); its owner may change its group to one of the owner\'s own groups\nx1' ]
	[ "$(stat -c '%a %u %g' /dev/mqueue/pq)" = "640 7 0" ]
}

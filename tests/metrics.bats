#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# ipcs --global and ipcs --metrics [--output FILE]: every number agrees with
# ipcs -u, ipcs -l, /proc/sys and /dev/shm for a fixture made here, also at
# 100 % of lowered limits; the metrics pass promtool's lint and a real
# node_exporter serves them.  The limits are lowered in the private IPC
# namespace only (/proc/sys/kernel and /proc/sys/fs/mqueue are per namespace).

load helpers

HELPER=$BUILD/tests/ipcs-helper
IPCS=$BUILD/ipcs
IPCMK=$BUILD/ipcmk

setup() {
	require_ns
	reset_ipc
	SAVED=$(cat /proc/sys/kernel/shmmni /proc/sys/kernel/msgmni /proc/sys/kernel/sem \
		/proc/sys/fs/mqueue/queues_max 2>/dev/null) || SAVED=
	OUT=$BATS_TEST_TMPDIR/out
	mkdir -p "$OUT"
}

teardown() {
	# The node_exporter this test started, by its pid, whatever happened.
	if [ -n "${NE_PID:-}" ]; then
		kill "$NE_PID" 2>/dev/null || true
		wait "$NE_PID" 2>/dev/null || true
	fi
	[ -z "${RO_MOUNT:-}" ] || umount "$RO_MOUNT" || true
	reset_ipc
	[ -n "${SAVED:-}" ] || return 0
	local v
	mapfile -t v <<<"$SAVED"
	echo "${v[0]}" >/proc/sys/kernel/shmmni || true
	echo "${v[1]}" >/proc/sys/kernel/msgmni || true
	echo "${v[2]}" >/proc/sys/kernel/sem || true
	echo "${v[3]}" >/proc/sys/fs/mqueue/queues_max || true
}

# id_of OUTPUT: the number ipcmk printed last on its line.
mk() { "$IPCMK" "$@" | awk '{ print $NF }'; }

# A System V fixture: 2 queues (one holding 3 messages), 3 segments, 2 sets.
sysv_fixture() {
	local q
	q=$(mk -Q)
	mk -Q >/dev/null
	"$HELPER" msg-send "$q" a bb cccc
	mk -M 100000 >/dev/null
	mk -M 4096 >/dev/null
	mk -M 1 >/dev/null
	mk -S 3 >/dev/null
	mk -S 7 >/dev/null
}

# A POSIX fixture: 2 queues (one holding 2 messages), 2 shm objects, 1 semaphore.
posix_fixture() {
	"$IPCMK" -q -n /mq.small --maxmsg 4 --msgsize 100 >/dev/null
	"$IPCMK" -q -n /mq.big --maxmsg 8 --msgsize 512 >/dev/null
	"$HELPER" mq-send /mq.big hello world
	"$IPCMK" -m 65536 -n /shm.a >/dev/null
	"$IPCMK" -m 4096 -n /shm.b >/dev/null
	"$IPCMK" -s -n /sem.a >/dev/null
	dd if=/dev/zero of=/dev/shm/shm.a bs=4096 count=4 conv=notrunc status=none
}

# row JSON RESOURCE FIELD: one member of a --global --json row, as written
# (not through jq, which rounds integers above 2^53 such as SHMALL).
row() {
	awk -v r="\"resource\": \"$2\"," -v k="\"$3\":" '
		index($0, r) { on = 1 }
		on && $1 == k { v = $2; sub(/,$/, "", v); gsub(/"/, "", v); print v; exit }' <<<"$1"
}

# metric FILE NAME LABELS: the value of one series, "none" if it is absent.
metric() {
	awk -v want="$2{$3}" '$1 == want { print $2; found = 1 } END { if (!found) print "none" }' "$1"
}

# same_number A B: equal as numbers (floats compare as Prometheus reads them).
same_number() {
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 == b + 0) }' || { echo "differ: '$1' vs '$2'" >&2; return 1; }
}

@test "--global: System V limits equal /proc/sys/kernel and ipcs -l, uses equal ipcs -u and the largest objects" {
	sysv_fixture
	local g u l sem
	g=$("$IPCS" --global --json)
	u=$("$IPCS" -u --json)
	l=$("$IPCS" -l --json)
	read -r -a sem </proc/sys/kernel/sem
	[ "$(row "$g" MSGMNI limit)" = "$(cat /proc/sys/kernel/msgmni)" ]
	[ "$(row "$g" MSGMNI limit)" = "$(jq .limits.message_queues.max_queues <<<"$l")" ]
	[ "$(row "$g" MSGMNI used)" = 2 ]
	[ "$(row "$g" MSGMNI used)" = "$(jq .summary.message_queues.queues <<<"$u")" ]
	[ "$(row "$g" MSGMAX limit)" = "$(cat /proc/sys/kernel/msgmax)" ]
	[ "$(row "$g" MSGMAX used)" = null ]
	[ "$(row "$g" MSGMNB limit)" = "$(cat /proc/sys/kernel/msgmnb)" ]
	[ "$(row "$g" MSGMNB used)" = 7 ]	# a + bb + cccc
	[ "$(row "$g" MSGMNB used)" = "$("$IPCS" -q --json | jq '[.message_queues[].used_bytes] | max')" ]
	[ "$(row "$g" SHMMNI limit)" = "$(cat /proc/sys/kernel/shmmni)" ]
	[ "$(row "$g" SHMMNI used)" = 3 ]
	[ "$(row "$g" SHMMNI used)" = "$(jq .summary.shared_memory.segments <<<"$u")" ]
	[ "$(row "$g" SHMALL limit)" = "$(cat /proc/sys/kernel/shmall)" ]
	[ "$(row "$g" SHMALL unit)" = pages ]
	[ "$(row "$g" SHMALL used)" = "$(jq .summary.shared_memory.pages <<<"$u")" ]
	[ "$(row "$g" SHMMAX limit)" = "$(cat /proc/sys/kernel/shmmax)" ]
	[ "$(row "$g" SHMMAX used)" = 100000 ]
	[ "$(row "$g" SHMMAX largest)" = true ]
	[ "$(row "$g" SHMMIN limit)" = "$(jq .limits.shared_memory.min_segment_size <<<"$l")" ]
	[ "$(row "$g" SEMMSL limit)" = "${sem[0]}" ]
	[ "$(row "$g" SEMMSL used)" = 7 ]
	[ "$(row "$g" SEMMNS limit)" = "${sem[1]}" ]
	[ "$(row "$g" SEMMNS used)" = 10 ]
	[ "$(row "$g" SEMMNS used)" = "$(jq .summary.semaphores.semaphores <<<"$u")" ]
	[ "$(row "$g" SEMOPM limit)" = "${sem[2]}" ]
	[ "$(row "$g" SEMMNI limit)" = "${sem[3]}" ]
	[ "$(row "$g" SEMMNI used)" = 2 ]
	[ "$(row "$g" SEMMNI used)" = "$(jq .summary.semaphores.arrays <<<"$u")" ]
	[ "$(row "$g" SEMVMX limit)" = "$(jq .limits.semaphores.max_value <<<"$l")" ]
	# No POSIX rows without --posix; use_percent is a percentage.
	[ "$(jq '[.global[] | select(.api == "posix")] | length' <<<"$g")" = 0 ]
	[ "$(jq '.global[] | select(.resource == "MSGMNI") | .use_percent' <<<"$g")" = \
		"$(awk -v u=2 -v l="$(cat /proc/sys/kernel/msgmni)" 'BEGIN { printf "%.2f", 100 * u / l }')" ]
	# The text table holds the same numbers.
	# (The last two columns: the top owner and what it holds, issue 27 item 4.)
	"$IPCS" -g | awk -v m="$(cat /proc/sys/kernel/msgmni)" '
		NR == 1 { ok = $1 == "RESOURCE" && $(NF - 2) == "USE%" && $(NF - 1) == "TOP-OWNER" && $NF == "HOLDS" }
		$1 == "SEMMNS" { sem = $(NF - 3) == 10 && $(NF - 1) == "root" && $NF == 10 }
		$1 == "MSGMNI" { msg = $(NF - 4) == m && $(NF - 3) == 2 && $(NF - 1) == "root" && $NF == 2 }
		$1 == "MSGMAX" { dash = $(NF - 3) == "-" && $(NF - 2) == "-" && $(NF - 1) == "-" && $NF == "-" }
		END { exit !(ok && sem && msg && dash) }'
}

@test "--global --posix: POSIX rows equal /proc/sys/fs/mqueue, /dev/shm (statfs) and ipcs -u --posix" {
	posix_fixture
	local g fs
	g=$("$IPCS" --global --posix --json)
	[ "$(jq '[.global[] | select(.api == "sysv")] | length' <<<"$g")" = 0 ]
	[ "$(row "$g" QUEUES_MAX limit)" = "$(cat /proc/sys/fs/mqueue/queues_max)" ]
	[ "$(row "$g" QUEUES_MAX used)" = 2 ]
	[ "$(row "$g" QUEUES_MAX used)" = "$("$IPCS" -u -Q --json | jq .summary.posix_message_queues.queues)" ]
	[ "$(row "$g" MSG_MAX limit)" = "$(cat /proc/sys/fs/mqueue/msg_max)" ]
	[ "$(row "$g" MSG_MAX used)" = 8 ]
	[ "$(row "$g" MSGSIZE_MAX limit)" = "$(cat /proc/sys/fs/mqueue/msgsize_max)" ]
	[ "$(row "$g" MSGSIZE_MAX used)" = 512 ]
	[ "$(row "$g" RLIMIT_MSGQUEUE limit)" = "$(ulimit -q | sed 's/unlimited/null/')" ]
	[ "$(row "$g" RLIMIT_MSGQUEUE used)" = $((4 * 100 + 8 * 512)) ]
	# statfs of /dev/shm, as stat -f reports it.
	read -r -a fs < <(stat -f -c '%S %b %f %c %d' /dev/shm)
	[ "$(row "$g" SHM_FS_SIZE limit)" = $((fs[0] * fs[1])) ]
	[ "$(row "$g" SHM_FS_SIZE used)" = $((fs[0] * (fs[1] - fs[2]))) ]
	[ "$(row "$g" SHM_FS_SIZE used)" -ge 16384 ]
	[ "$(row "$g" SHM_FS_FILES limit)" = "${fs[3]}" ]
	[ "$(row "$g" SHM_FS_FILES used)" = $((fs[3] - fs[4])) ]
	[ "$(row "$g" SEM_VALUE_MAX limit)" = 2147483647 ]
	# -M alone: the /dev/shm rows only.
	[ "$("$IPCS" -g -M --json | jq -c '[.global[].resource]')" = '["SHM_FS_SIZE","SHM_FS_FILES"]' ]
	# As in the listings, --posix chooses the POSIX rows; -a --posix both, as README and ipcs(1) say (issue 29 item 21).
	[ "$("$IPCS" -g --posix --json | jq -c '[.global[].api] | unique')" = '["posix"]' ]
	[ "$("$IPCS" -g -a --posix --json | jq -c '[.global[].api] | unique')" = '["posix","sysv"]' ]
	grep -qF 'ipcs -g -a --posix' "$SRC/README.md"
	! grep -qF '(-g --posix: POSIX too)' "$SRC/README.md" || false
}

@test "--global at the limits: msgmni, shmmni, semmni, semmns and queues_max filled to 100 %" {
	[ -w /proc/sys/kernel/msgmni ] || skip "cannot change IPC limits here"
	echo 3 >/proc/sys/kernel/msgmni
	echo 4 >/proc/sys/kernel/shmmni
	echo "250 10 32 2" >/proc/sys/kernel/sem
	echo 2 >/proc/sys/fs/mqueue/queues_max
	local i g
	for i in 1 2 3; do mk -Q >/dev/null; done
	for i in 1 2 3 4; do mk -M 4096 >/dev/null; done
	mk -S 5 >/dev/null
	mk -S 5 >/dev/null
	"$IPCMK" -q -n /full.1 >/dev/null
	"$IPCMK" -q -n /full.2 >/dev/null
	# The kernel agrees: one more is refused.
	run "$IPCMK" -Q
	[ "$status" -ne 0 ]
	g=$("$IPCS" -g -a --posix --json)
	for i in MSGMNI SHMMNI SEMMNI SEMMNS QUEUES_MAX; do
		[ "$(row "$g" "$i" used)" = "$(row "$g" "$i" limit)" ] || { echo "$i"; false; }
		[ "$(jq ".global[] | select(.resource == \"$i\") | .use_percent" <<<"$g")" = 100 ] || { echo "$i"; false; }
	done
	"$IPCS" -g | awk '$1 ~ /^(MSGMNI|SHMMNI|SEMMNI|SEMMNS)$/ { n += $(NF - 2) == "100.00%" } END { exit n != 4 }'
	# The metrics say the same: used == limit.
	"$IPCS" --metrics >"$OUT/m"
	for i in msg:msgmni shm:shmmni sem:semmni sem:semmns; do
		local labels="api=\"sysv\",kind=\"${i%%:*}\",resource=\"${i#*:}\""
		[ "$(metric "$OUT/m" ipc_used "$labels")" = "$(metric "$OUT/m" ipc_limit "$labels")" ] || { echo "$i"; false; }
	done
	[ "$(metric "$OUT/m" ipc_used 'api="posix",kind="msg",resource="queues_max"')" = 2 ]
	[ "$(metric "$OUT/m" ipc_limit 'api="posix",kind="msg",resource="queues_max"')" = 2 ]
}

@test "-g with resource options: -s only semaphores, -q -m their rows" {
	[ "$("$IPCS" -g -s --json | jq -r '[.global[].resource] | join(" ")')" = "SEMMNI SEMMNS SEMMSL SEMOPM SEMVMX" ]
	[ "$("$IPCS" -g -q -m --json | jq -r '[.global[].kind] | unique | join(" ")')" = "msg shm" ]
	[ "$("$IPCS" --metrics -s | grep -v '^#' | grep -cv 'kind="sem"')" = 0 ]
	"$IPCS" -g -s | grep -q '^SEMMNI '
	[ "$("$IPCS" -g -s | grep -c '^MSGMNI ')" = 0 ]
}

@test "--metrics: every number equals ipcs -u, ipcs -l, /proc/sys and /dev/shm" {
	sysv_fixture
	posix_fixture
	local m=$OUT/m page u l sem fs
	"$IPCS" --metrics >"$m"
	page=$(getconf PAGESIZE)
	u=$("$IPCS" -u -a --posix --json)
	l=$("$IPCS" -l --json)
	read -r -a sem </proc/sys/kernel/sem
	[ "$(metric "$m" ipc_objects 'api="sysv",kind="msg"')" = "$(jq .summary.message_queues.queues <<<"$u")" ]
	[ "$(metric "$m" ipc_objects 'api="sysv",kind="shm"')" = "$(jq .summary.shared_memory.segments <<<"$u")" ]
	[ "$(metric "$m" ipc_objects 'api="sysv",kind="sem"')" = "$(jq .summary.semaphores.arrays <<<"$u")" ]
	[ "$(metric "$m" ipc_objects 'api="posix",kind="msg"')" = "$(jq .summary.posix_message_queues.queues <<<"$u")" ]
	[ "$(metric "$m" ipc_objects 'api="posix",kind="shm"')" = "$(jq .summary.posix_shared_memory.objects <<<"$u")" ]
	[ "$(metric "$m" ipc_objects 'api="posix",kind="sem"')" = "$(jq .summary.posix_semaphores.semaphores <<<"$u")" ]
	[ "$(metric "$m" ipc_objects 'api="posix",kind="sem"')" = 1 ]
	[ "$(metric "$m" ipc_bytes 'api="sysv",kind="msg"')" = "$(jq .summary.message_queues.used_bytes <<<"$u")" ]
	[ "$(metric "$m" ipc_bytes 'api="sysv",kind="shm"')" = $(($(jq .summary.shared_memory.pages <<<"$u") * page)) ]
	[ "$(metric "$m" ipc_bytes 'api="posix",kind="msg"')" = "$(jq .summary.posix_message_queues.used_bytes <<<"$u")" ]
	[ "$(metric "$m" ipc_bytes 'api="posix",kind="shm"')" = "$(jq .summary.posix_shared_memory.size_bytes <<<"$u")" ]
	[ "$(metric "$m" ipc_bytes 'api="posix",kind="shm"')" = $((65536 + 4096)) ]
	[ "$(metric "$m" ipc_messages 'api="sysv",kind="msg"')" = 3 ]
	[ "$(metric "$m" ipc_messages 'api="sysv",kind="msg"')" = "$(jq .summary.message_queues.headers <<<"$u")" ]
	[ "$(metric "$m" ipc_messages 'api="posix",kind="msg"')" = "$(jq .summary.posix_message_queues.messages <<<"$u")" ]
	[ "$(metric "$m" ipc_semaphores 'api="sysv",kind="sem"')" = "$(jq .summary.semaphores.semaphores <<<"$u")" ]
	# Limits: /proc/sys and ipcs -l; uses: ipcs -u.
	[ "$(metric "$m" ipc_limit 'api="sysv",kind="msg",resource="msgmni"')" = "$(cat /proc/sys/kernel/msgmni)" ]
	[ "$(metric "$m" ipc_used 'api="sysv",kind="msg",resource="msgmni"')" = 2 ]
	[ "$(metric "$m" ipc_limit 'api="sysv",kind="shm",resource="shmmni"')" = "$(cat /proc/sys/kernel/shmmni)" ]
	[ "$(metric "$m" ipc_used 'api="sysv",kind="shm",resource="shmmni"')" = 3 ]
	[ "$(metric "$m" ipc_limit 'api="sysv",kind="sem",resource="semmni"')" = "${sem[3]}" ]
	[ "$(metric "$m" ipc_used 'api="sysv",kind="sem",resource="semmni"')" = 2 ]
	[ "$(metric "$m" ipc_limit 'api="sysv",kind="sem",resource="semmns"')" = "${sem[1]}" ]
	[ "$(metric "$m" ipc_used 'api="sysv",kind="sem",resource="semmns"')" = 10 ]
	[ "$(metric "$m" ipc_object_limit 'api="sysv",kind="sem",resource="semmsl"')" = "${sem[0]}" ]
	[ "$(metric "$m" ipc_object_limit 'api="sysv",kind="sem",resource="semopm"')" = "${sem[2]}" ]
	[ "$(metric "$m" ipc_object_limit_bytes 'api="sysv",kind="msg",resource="msgmax"')" = "$(cat /proc/sys/kernel/msgmax)" ]
	[ "$(metric "$m" ipc_object_limit_bytes 'api="sysv",kind="msg",resource="msgmnb"')" = "$(cat /proc/sys/kernel/msgmnb)" ]
	[ "$(metric "$m" ipc_object_limit_bytes 'api="sysv",kind="shm",resource="shmmax"')" = "$(cat /proc/sys/kernel/shmmax)" ]
	[ "$(metric "$m" ipc_object_limit_bytes 'api="sysv",kind="shm",resource="shmmin"')" = "$(jq .limits.shared_memory.min_segment_size <<<"$l")" ]
	# SHMALL in bytes: pages x page size (a float when that passes 2^64).
	same_number "$(metric "$m" ipc_limit_bytes 'api="sysv",kind="shm",resource="shmall"')" \
		"$(awk -v p="$(cat /proc/sys/kernel/shmall)" -v s="$page" 'BEGIN { printf "%.17g", p * s }')"
	[ "$(metric "$m" ipc_used_bytes 'api="sysv",kind="shm",resource="shmall"')" = $(($(jq .summary.shared_memory.pages <<<"$u") * page)) ]
	# Per-object limits are apart from the system-wide ones (issue 27 item 6): the largest object.
	[ "$(metric "$m" ipc_used_bytes 'api="sysv",kind="shm",resource="shmmax"')" = none ]
	[ "$(metric "$m" ipc_object_largest_bytes 'api="sysv",kind="shm",resource="shmmax"')" = 100000 ]
	[ "$(metric "$m" ipc_object_largest_bytes 'api="sysv",kind="msg",resource="msgmnb"')" = 7 ]
	[ "$(metric "$m" ipc_object_largest 'api="sysv",kind="sem",resource="semmsl"')" = 7 ]
	# POSIX.
	[ "$(metric "$m" ipc_limit 'api="posix",kind="msg",resource="queues_max"')" = "$(cat /proc/sys/fs/mqueue/queues_max)" ]
	[ "$(metric "$m" ipc_used 'api="posix",kind="msg",resource="queues_max"')" = 2 ]
	[ "$(metric "$m" ipc_object_limit 'api="posix",kind="msg",resource="msg_max"')" = "$(cat /proc/sys/fs/mqueue/msg_max)" ]
	[ "$(metric "$m" ipc_object_largest 'api="posix",kind="msg",resource="msg_max"')" = 8 ]
	[ "$(metric "$m" ipc_used 'api="posix",kind="msg",resource="msg_max"')" = none ]
	[ "$(metric "$m" ipc_object_limit_bytes 'api="posix",kind="msg",resource="msgsize_max"')" = "$(cat /proc/sys/fs/mqueue/msgsize_max)" ]
	[ "$(metric "$m" ipc_object_largest_bytes 'api="posix",kind="msg",resource="msgsize_max"')" = 512 ]
	if [ "$(ulimit -q)" = unlimited ]; then
		[ "$(metric "$m" ipc_limit_bytes 'api="posix",kind="msg",resource="rlimit_msgqueue"')" = +Inf ]
	else
		[ "$(metric "$m" ipc_limit_bytes 'api="posix",kind="msg",resource="rlimit_msgqueue"')" = "$(ulimit -q)" ]
	fi
	[ "$(metric "$m" ipc_used_bytes 'api="posix",kind="msg",resource="rlimit_msgqueue"')" = $((4 * 100 + 8 * 512)) ]
	read -r -a fs < <(stat -f -c '%S %b %f %c %d' /dev/shm)
	[ "$(metric "$m" ipc_limit_bytes 'api="posix",kind="shm",resource="dev_shm"')" = $((fs[0] * fs[1])) ]
	[ "$(metric "$m" ipc_used_bytes 'api="posix",kind="shm",resource="dev_shm"')" = $((fs[0] * (fs[1] - fs[2]))) ]
	[ "$(metric "$m" ipc_limit 'api="posix",kind="shm",resource="dev_shm_files"')" = "${fs[3]}" ]
	[ "$(metric "$m" ipc_used 'api="posix",kind="shm",resource="dev_shm_files"')" = $((fs[3] - fs[4])) ]
	# Each family has HELP and TYPE gauge, once, before its samples.
	local name
	for name in ipc_collect_errors ipc_objects ipc_bytes ipc_messages ipc_semaphores ipc_queue_full ipc_limit ipc_used \
		ipc_limit_bytes ipc_used_bytes ipc_object_limit ipc_object_largest ipc_object_limit_bytes \
		ipc_object_largest_bytes ipc_owner_objects ipc_owner_bytes ipc_owner_semaphores; do
		[ "$(grep -c "^# HELP $name " "$m")" = 1 ]
		[ "$(grep -c "^# TYPE $name gauge\$" "$m")" = 1 ]
	done
	# Every use has a limit with the same labels.
	awk '/^ipc_used/ { sub(/^ipc_used/, "ipc_limit", $1); want[$1] = 1 }
	     /^ipc_object_largest/ { sub(/^ipc_object_largest/, "ipc_object_limit", $1); want[$1] = 1 }
	     /^ipc_(object_)?limit/ { have[$1] = 1 }
	     END { for (s in want) if (!(s in have)) { print "no limit for " s; bad = 1 } exit bad }' "$m"
}

@test "ipc_queue_full: System V queues without room for 1 byte or at msg_qbytes messages, POSIX queues at mq_maxmsg" {
	[ -w /proc/sys/kernel/msgmnb ] || skip "cannot change IPC limits here"
	local old q1 q2 q3 m=$OUT/m
	old=$(cat /proc/sys/kernel/msgmnb)
	echo 16 >/proc/sys/kernel/msgmnb	# new queues' msg_qbytes
	q1=$(mk -Q)
	q2=$(mk -Q)
	q3=$(mk -Q)
	echo "$old" >/proc/sys/kernel/msgmnb
	"$HELPER" msg-send "$q1" 0123456789abcdef	# 16 of 16 bytes
	"$HELPER" msg-send "$q2" 0123456789abcde	# 15 of 16 bytes, 1 message: room for 1 byte
	"$HELPER" msg-send "$q3" a b c d e f g h i j k l m n o p	# 16 messages of 16
	"$IPCMK" -q -n /full --maxmsg 2 --msgsize 16 >/dev/null
	"$IPCMK" -q -n /half --maxmsg 2 --msgsize 16 >/dev/null
	"$HELPER" mq-send /full one two
	"$HELPER" mq-send /half one
	"$IPCS" --metrics -q -Q >"$m"
	[ "$(metric "$m" ipc_queue_full 'api="sysv",kind="msg"')" = 2 ]
	[ "$(metric "$m" ipc_queue_full 'api="posix",kind="msg"')" = 1 ]
	# The same through /proc/sysvipc, which leaves out msg_qbytes.
	IPCBOX_SYSV_SOURCE=proc "$IPCS" --metrics -q >"$m"
	[ "$(metric "$m" ipc_queue_full 'api="sysv",kind="msg"')" = 2 ]
}

@test "--metrics without /dev/mqueue: ipc_collect_errors 1 for that kind, one stderr line, exit 0 once the file is written" {
	"$IPCMK" -Q >/dev/null
	# A tmpfs over /dev/mqueue in a mount namespace of this command only: no mqueue file system there.
	capture r unshare --mount --propagation private sh -c \
		'mount -t tmpfs none /dev/mqueue && exec "$0" --metrics --output "$1"' "$IPCS" "$OUT/ipc.prom"
	[ "$r_rc" = 0 ]
	[ "$r_err" = "ipcs: cannot list POSIX message queues: /dev/mqueue is not a mounted mqueue file system (mount it with: mount -t mqueue none /dev/mqueue)"$'\nx' ]
	[ "$(metric "$OUT/ipc.prom" ipc_collect_errors 'api="posix",kind="msg"')" = 1 ]
	[ "$(metric "$OUT/ipc.prom" ipc_collect_errors 'api="sysv",kind="msg"')" = 0 ]
	[ "$(metric "$OUT/ipc.prom" ipc_collect_errors 'api="posix",kind="shm"')" = 0 ]
	[ "$(metric "$OUT/ipc.prom" ipc_objects 'api="sysv",kind="msg"')" = 1 ]
	[ "$(metric "$OUT/ipc.prom" ipc_objects 'api="posix",kind="msg"')" = none ]
	# Where the file cannot be written it still fails.
	capture r unshare --mount --propagation private sh -c \
		'mount -t tmpfs none /dev/mqueue && exec "$0" --metrics --output "$1"' "$IPCS" "$OUT/missing/ipc.prom"
	[ "$r_rc" = 1 ]
	# --global still says that it could not read everything.
	run unshare --mount --propagation private sh -c 'mount -t tmpfs none /dev/mqueue && exec "$0" -g -Q' "$IPCS"
	[ "$status" = 1 ]
}

@test "--output FILE: the same bytes as stdout, written atomically; --output needs --metrics" {
	sysv_fixture
	"$IPCS" --metrics >"$OUT/stdout.prom"
	"$IPCS" --metrics --output "$OUT/ipc.prom"
	cmp "$OUT/stdout.prom" "$OUT/ipc.prom"
	[ "$(stat -c %a "$OUT/ipc.prom")" = 644 ]
	# Nothing else is left in the directory: the temporary file was renamed.
	[ "$(find "$OUT" -mindepth 1 | sort | paste -sd' ')" = "$OUT/ipc.prom $OUT/stdout.prom" ]
	# Replacing the file does not write into it: its inode changes.
	local inode
	inode=$(stat -c %i "$OUT/ipc.prom")
	"$IPCS" --metrics --output="$OUT/ipc.prom"
	[ "$(stat -c %i "$OUT/ipc.prom")" != "$inode" ]

	capture r "$IPCS" --output "$OUT/x.prom"
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcs: --output can only be used with --metrics
Try 'ipcs --help' for more information.
x" ]
	capture r "$IPCS" -g --output "$OUT/x.prom"
	[ "$r_rc" = 1 ]
	capture r "$IPCS" --metrics --json
	[ "$r_rc" = 1 ]
	[ "$r_out" = x ]
	capture r "$IPCS" --metrics -m -i 0
	[ "$r_rc" = 1 ]
	[ "$r_out" = x ]
	[ ! -e "$OUT/x.prom" ]
}

@test "--output into a directory that cannot be written: a clear error, exit 1, the old file untouched" {
	capture r "$IPCS" --metrics --output "$OUT/missing/ipc.prom"
	[ "$r_rc" = 1 ]
	[ "$r_out" = x ]
	[[ $r_err == "ipcs: cannot write $OUT/missing/ipc.prom: cannot create a file in $OUT/missing: No such file or directory"* ]]
	# A read-only file system (root ignores permission bits).
	mkdir "$OUT/ro"
	echo "old" >"$OUT/ro/ipc.prom"
	mount --bind -o ro "$OUT/ro" "$OUT/ro" 2>/dev/null || skip "cannot mount a read-only directory"
	RO_MOUNT=$OUT/ro
	capture r "$IPCS" --metrics --output "$OUT/ro/ipc.prom"
	[ "$r_rc" = 1 ]
	[ "$r_out" = x ]
	[[ $r_err == "ipcs: cannot write $OUT/ro/ipc.prom: cannot create a file in $OUT/ro: Read-only file system"* ]]
	[ "$(cat "$OUT/ro/ipc.prom")" = old ]
	[ "$(ls -A "$OUT/ro")" = ipc.prom ]
	umount "$OUT/ro"
	RO_MOUNT=
	# As an unprivileged user in a directory of root's (where setpriv works).
	if "${AS_NOBODY[@]}" true 2>/dev/null; then
		chmod 0755 "$OUT"
		capture r "${AS_NOBODY[@]}" "$IPCS" --metrics --output "$OUT/nobody.prom"
		[ "$r_rc" = 1 ]
		[[ $r_err == *"Permission denied"* ]]
		[ ! -e "$OUT/nobody.prom" ]
		[ "$(find "$OUT" -maxdepth 1 -name '.ipcs-metrics.*' | wc -l)" = 0 ]
	fi
}

@test "--output: mode 0644 whatever the umask" {
	local mask
	for mask in 000 077 027; do
		(umask "$mask" && exec "$IPCS" --metrics --output "$OUT/ipc.prom")
		[ "$(stat -c %a "$OUT/ipc.prom")" = 644 ] || { echo "umask $mask: $(stat -c %a "$OUT/ipc.prom")"; return 1; }
	done
}

@test "--output onto a directory or through a symbolic link: a clear error, exit 1, nothing written" {
	mkdir "$OUT/ipc.prom" "$OUT/real"
	capture r "$IPCS" --metrics --output "$OUT/ipc.prom"
	[ "$r_rc" = 1 ]
	[ "$r_out" = x ]
	[ "$r_err" = "ipcs: cannot write $OUT/ipc.prom: it is a directory (remove it to write the file there)"$'\nx' ]
	[ -d "$OUT/ipc.prom" ]
	capture r "$IPCS" --metrics --output "$OUT/real/"
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcs: cannot write $OUT/real/: Is a directory"$'\nx' ]
	# A directory component that is a symbolic link (one the owner of a
	# parent directory could swap in) is refused, at any depth.
	ln -s "$OUT/real" "$OUT/link"
	mkdir "$OUT/real/sub"
	local p
	for p in "$OUT/link/ipc.prom" "$OUT/link/sub/ipc.prom" "$OUT/link/../ipc2.prom"; do
		capture r "$IPCS" --metrics --output "$p"
		[ "$r_rc" = 1 ]
		[ "$r_out" = x ]
		[ "$r_err" = "ipcs: cannot write $p: $OUT/link is a symbolic link (give the directory's real path)"$'\nx' ] ||
			{ echo "$p: ${r_err%x}"; return 1; }
	done
	[ "$(find "$OUT" -mindepth 1 | sort | paste -sd' ')" = "$OUT/ipc.prom $OUT/link $OUT/real $OUT/real/sub" ]
	# A symbolic link at the target itself is replaced, never written through.
	echo victim >"$OUT/victim"
	ln -s "$OUT/victim" "$OUT/x.prom"
	"$IPCS" --metrics --output "$OUT/x.prom"
	[ -f "$OUT/x.prom" ]
	[ ! -L "$OUT/x.prom" ]
	[ "$(cat "$OUT/victim")" = victim ]
}

@test "--output killed by SIGTERM or SIGINT while writing: no temporary file left, the old file whole" {
	command -v strace >/dev/null || skip "strace not installed"
	strace -qq -o /dev/null true 2>/dev/null || skip "strace cannot trace here"
	"$IPCS" --metrics >"$OUT/new"
	local sc sig rc want
	# strace delivers the signal as the process enters the system call:
	# before the file is complete, before and after the rename.
	for sc in fchmod fsync rename,renameat,renameat2 write; do
		for sig in TERM INT; do
			echo old >"$OUT/ipc.prom"
			rc=0
			# LeakSanitizer cannot run under ptrace.
			env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
				strace -qq -o /dev/null -e trace="$sc" -e inject="$sc:signal=$sig:when=1" \
				"$IPCS" --metrics --output "$OUT/ipc.prom" || rc=$?
			want=143
			[ "$sig" = TERM ] || want=130
			[ "$rc" = "$want" ] || { echo "$sc $sig: exit $rc"; return 1; }
			if [ -n "$(find "$OUT" -name '.ipcs-metrics.*')" ]; then
				echo "$sc $sig left a temporary file"
				return 1
			fi
			[ "$(cat "$OUT/ipc.prom")" = old ] || cmp "$OUT/ipc.prom" "$OUT/new"
		done
	done
}

@test "promtool check metrics: no errors and no lint warnings" {
	command -v promtool >/dev/null || skip "promtool not installed (Debian package prometheus)"
	sysv_fixture
	posix_fixture
	"$IPCS" --metrics >"$OUT/m"
	run promtool check metrics <"$OUT/m"
	echo "$output"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# Also for one kind, and with the mqueue limits filled.
	"$IPCS" --metrics -s | promtool check metrics
	[ -z "$("$IPCS" --metrics -Q | promtool check metrics 2>&1)" ]
}

@test "contrib/prometheus/ipcbox-rules.yml: promtool check rules, and its unit tests fire and stay silent" {
	command -v promtool >/dev/null || skip "promtool not installed (Debian package prometheus)"
	promtool check rules "$SRC/contrib/prometheus/ipcbox-rules.yml"
	(cd "$SRC/contrib/prometheus" && promtool test rules ipcbox-rules.test.yml)
}

@test "no alert fires on the real metrics of an idle namespace with one default POSIX queue" {
	command -v promtool >/dev/null || skip "promtool not installed (Debian package prometheus)"
	"$IPCMK" -q -n /default >/dev/null
	"$IPCMK" -Q >/dev/null
	"$IPCMK" -S 1 >/dev/null
	"$IPCS" --metrics >"$OUT/m"
	# The default queue's maxima are there, under the per-object names.
	[ "$(metric "$OUT/m" ipc_object_largest 'api="posix",kind="msg",resource="msg_max"')" = \
		"$(metric "$OUT/m" ipc_object_limit 'api="posix",kind="msg",resource="msg_max"')" ]
	cp "$SRC/contrib/prometheus/ipcbox-rules.yml" "$OUT/"
	# Every sample as a series held for 30 minutes; each alert expected silent.
	awk 'BEGIN { print "rule_files: [ipcbox-rules.yml]\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:" }
	     !/^#/ { sub(/}$/, ",instance=\"idle\",job=\"node\"}", $1); v = $2 == "+Inf" ? "Inf" : $2
	             printf "      - series: '\''%s'\''\n        values: '\''%sx30'\''\n", $1, v }
	     END { print "    alert_rule_test:"
	           n = split("IpcLimitNearlyReached IpcDevShmNearlyFull IpcQueueFull IpcOwnerAboveHalfLimit", a, " ")
	           for (i = 1; i <= n; i++) printf "      - eval_time: 30m\n        alertname: %s\n        exp_alerts: []\n", a[i] }' \
		"$OUT/m" >"$OUT/idle.test.yml"
	(cd "$OUT" && promtool test rules idle.test.yml)
}

# start_node_exporter DIR: a node_exporter on 127.0.0.1 with a free port,
# reading DIR; sets NE_PID and NE_URL.  Tries a few random ports.
start_node_exporter() {
	local port try
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 40000))
		prometheus-node-exporter --web.listen-address="127.0.0.1:$port" \
			--collector.disable-defaults --collector.textfile \
			--collector.textfile.directory="$1" >"$OUT/ne.$try.log" 2>&1 &
		NE_PID=$!
		local i
		for i in $(seq 100); do
			if curl -fsS "http://127.0.0.1:$port/metrics" >/dev/null 2>&1; then
				NE_URL=http://127.0.0.1:$port/metrics
				return 0
			fi
			kill -0 "$NE_PID" 2>/dev/null || break
			sleep 0.05
		done
		kill "$NE_PID" 2>/dev/null || true
		wait "$NE_PID" 2>/dev/null || true
		NE_PID=
	done
	cat "$OUT"/ne.*.log >&2
	return 1
}

@test "a real node_exporter serves the metrics (textfile collector) with node_textfile_scrape_error 0" {
	command -v prometheus-node-exporter >/dev/null || skip "prometheus-node-exporter not installed"
	command -v curl >/dev/null || skip "curl not installed"
	sysv_fixture
	posix_fixture
	mkdir "$OUT/textfile"
	"$IPCS" --metrics --output "$OUT/textfile/ipc.prom"
	start_node_exporter "$OUT/textfile"
	curl -fsS "$NE_URL" >"$OUT/scrape"
	grep -qx 'node_textfile_scrape_error 0' "$OUT/scrape"
	# Every series we wrote is served with the same value.
	local name value served
	while read -r name value; do
		served=$(awk -v n="$name" '$1 == n { print $2 }' "$OUT/scrape")
		same_number "$served" "$value" || { echo "$name: wrote $value, served '$served'"; false; }
	done < <(grep -v '^#' "$OUT/textfile/ipc.prom")
	grep -q '^# TYPE ipc_limit gauge$' "$OUT/scrape"
	[ "$(metric "$OUT/scrape" ipc_objects 'api="sysv",kind="shm"')" = 3 ]
	# A rewrite while node_exporter runs is picked up.
	mk -M 1 >/dev/null
	"$IPCS" --metrics --output "$OUT/textfile/ipc.prom"
	curl -fsS "$NE_URL" >"$OUT/scrape"
	[ "$(metric "$OUT/scrape" ipc_objects 'api="sysv",kind="shm"')" = 4 ]
	grep -qx 'node_textfile_scrape_error 0' "$OUT/scrape"
}

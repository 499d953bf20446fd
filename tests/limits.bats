#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; rows are eval'ed; awk and perl programs
# Kernel limits: creating past SHMMNI/MSGMNI/SEMMNI/SEMMNS, a segment beyond
# SHMMAX or SHMALL, a POSIX queue beyond the mqueue limits.  Each gives a
# clear error (exit 1, the failing object named) and leaves nothing
# half-made: the kernel state is the same before and after, also when the
# failing object is one of several in a call (those made first are removed).
#
# The limits are lowered in the private IPC namespace only
# (/proc/sys/kernel/{shm*,msg*,sem} and /proc/sys/fs/mqueue are per
# namespace).

load helpers

NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)

setup() {
	require_ns
	shopt -s extglob
	reset_ipc
	[ -w /proc/sys/kernel/shmmni ] || skip "cannot change IPC limits here"
	SAVED=$(cat /proc/sys/kernel/shmmni /proc/sys/kernel/shmmax /proc/sys/kernel/shmall \
		/proc/sys/kernel/msgmni /proc/sys/kernel/sem \
		/proc/sys/fs/mqueue/queues_max /proc/sys/fs/mqueue/msg_max /proc/sys/fs/mqueue/msgsize_max)
}

teardown() {
	reset_ipc
	[ -n "${SAVED:-}" ] || return 0
	local v
	read -r -d "" -a v <<<"$SAVED" || true
	echo "${v[0]}" >/proc/sys/kernel/shmmni
	echo "${v[1]}" >/proc/sys/kernel/shmmax
	echo "${v[2]}" >/proc/sys/kernel/shmall
	echo "${v[3]}" >/proc/sys/kernel/msgmni
	echo "${v[4]} ${v[5]} ${v[6]} ${v[7]}" >/proc/sys/kernel/sem
	echo "${v[8]}" >/proc/sys/fs/mqueue/queues_max
	echo "${v[9]}" >/proc/sys/fs/mqueue/msg_max
	echo "${v[10]}" >/proc/sys/fs/mqueue/msgsize_max
}

# refused PATTERN CMD...: status 1, nothing on stdout, one stderr line
# matching the glob PATTERN, and the kernel state unchanged.
refused() {
	local pattern=$1 before after; shift
	before=$(ipc_state || true)
	capture got "$@"
	after=$(ipc_state || true)
	local err=${got_err%x}
	if [ "$got_rc" = 1 ] && [ "$got_out" = x ] && [[ "$err" == $pattern$'\n' ]] &&
		[ "$(printf '%s' "$err" | wc -l)" = 1 ] && [ "$before" = "$after" ]; then
		return 0
	fi
	echo "# $*: status $got_rc, stdout ${got_out%x}, stderr: $err" >&2
	echo "#   wanted a message like: $pattern" >&2
	diff <(echo "$before") <(echo "$after") | sed 's/^/#   /' >&2 || true
	return 1
}

@test "past SHMMNI: clear error, nothing half-made" {
	echo 2 >/proc/sys/kernel/shmmni
	"$BUILD/ipcmk" -M 4096 >/dev/null
	"$BUILD/ipcmk" -M 4096 >/dev/null
	refused "ipcmk: create share memory failed: *No space left on device (*)" "$BUILD/ipcmk" -M 4096
	# the queue and the POSIX segment made before the failing segment are undone
	refused "ipcmk: create share memory failed: *No space left on device (*)" \
		"$BUILD/ipcmk" -Q -M 4096 -S 1
	refused "ipcmk: create share memory failed: *No space left on device (*)" \
		"$BUILD/ipcmk" -M 4096 -m 4096 -n /half
}

@test "past MSGMNI: clear error, the segment and POSIX objects made first are removed" {
	echo 1 >/proc/sys/kernel/msgmni
	"$BUILD/ipcmk" -Q >/dev/null
	refused "ipcmk: create message queue failed: *No space left on device (*)" "$BUILD/ipcmk" -Q
	refused "ipcmk: create message queue failed: *No space left on device (*)" \
		"$BUILD/ipcmk" -M 4096 -m 100 -Q -S 2 -n /half
}

@test "past SEMMNI and SEMMNS: clear error, everything made first is removed" {
	echo "250 32000 32 1" >/proc/sys/kernel/sem
	"$BUILD/ipcmk" -S 1 >/dev/null
	refused "ipcmk: create semaphore failed: *No space left on device (*)" "$BUILD/ipcmk" -S 1
	# semaphores come after both kinds of queue: four objects to undo
	refused "ipcmk: create semaphore failed: *No space left on device (*)" \
		"$BUILD/ipcmk" -M 4096 -m 100 -Q -q -S 1 -s -n /half --maxmsg 1 --msgsize 16
	reset_ipc
	echo "250 4 32 100" >/proc/sys/kernel/sem
	"$BUILD/ipcmk" -S 3 >/dev/null
	refused "ipcmk: create semaphore failed: *No space left on device (*)" "$BUILD/ipcmk" -S 2
}

@test "more than SEMMSL semaphores: refused before anything is made" {
	echo "5 32000 32 100" >/proc/sys/kernel/sem
	local before
	before=$(ipc_state || true)
	capture got "$BUILD/ipcmk" -M 4096 -S 6
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	# util-linux's line (the kernel's EINVAL), then the range with this kernel's SEMMSL (issue 29.11).
	[ "$got_err" = $'ipcmk: create semaphore failed: Invalid argument\nipcmk: -S 6: the number of semaphores in an array is 1..5 (SEMMSL; see ipcs -s -l)\nx' ]
	[ "$(ipc_state || true)" = "$before" ]
}

@test "a segment beyond SHMMAX: the error names the size or SHMMAX, nothing made" {
	echo 1048576 >/proc/sys/kernel/shmmax
	run "$BUILD/ipcmk" -M 1M
	[ "$status" -eq 0 ]
	reset_ipc
	refused "ipcmk: create share memory failed: *@(SHMMAX|1048577|1M)*" "$BUILD/ipcmk" -M 1048577
	refused "ipcmk: create share memory failed: *@(SHMMAX|2M|2097152)*" "$BUILD/ipcmk" -Q -M 2M
}

@test "beyond SHMALL: clear error, nothing made" {
	echo 100 >/proc/sys/kernel/shmall
	refused "ipcmk: create share memory failed: *No space left on device (*)" "$BUILD/ipcmk" -M 1M
	refused "ipcmk: create share memory failed: *No space left on device (*)" "$BUILD/ipcmk" -m 4096 -n /half -M 1M
}

@test "POSIX queues past queues_max (unprivileged): the error names the limit, nothing made" {
	require_ids
	echo 2 >/proc/sys/fs/mqueue/queues_max
	"${NOBODY[@]}" "$BUILD/ipcmk" -q -n /q1 --maxmsg 1 --msgsize 16 >/dev/null
	"${NOBODY[@]}" "$BUILD/ipcmk" -q -n /q2 --maxmsg 1 --msgsize 16 >/dev/null
	refused "ipcmk: create POSIX message queue failed: /q3: *queues_max*" \
		"${NOBODY[@]}" "$BUILD/ipcmk" -q -n /q3 --maxmsg 1 --msgsize 16
	refused "ipcmk: create POSIX message queue failed: /q3: *queues_max*" \
		"${NOBODY[@]}" "$BUILD/ipcmk" -m 10 -q -s -n /q3 --maxmsg 1 --msgsize 16
}

@test "POSIX queue attributes beyond msg_max, msgsize_max and the hard limits: the error names the limit" {
	require_ids
	echo 10 >/proc/sys/fs/mqueue/msg_max
	echo 8192 >/proc/sys/fs/mqueue/msgsize_max
	refused "ipcmk: create POSIX message queue failed: /big: *msg_max*" \
		"${NOBODY[@]}" "$BUILD/ipcmk" -q -n /big --maxmsg 11 --msgsize 16
	refused "ipcmk: create POSIX message queue failed: /big: *msgsize_max*" \
		"${NOBODY[@]}" "$BUILD/ipcmk" -q -n /big --maxmsg 1 --msgsize 8193
	refused "ipcmk: create POSIX message queue failed: /big: *msgsize_max*" \
		"${NOBODY[@]}" "$BUILD/ipcmk" -m 10 -q -n /big --maxmsg 1 --msgsize 8193
	# root may go beyond the sysctls, never beyond the kernel's hard limits
	refused "ipcmk: create POSIX message queue failed: /big: *hard limit*" \
		"$BUILD/ipcmk" -q -n /big --maxmsg 100000 --msgsize 16
}

@test "POSIX queue beyond RLIMIT_MSGQUEUE: the error names the limit, nothing made" {
	require_ids
	echo 1000 >/proc/sys/fs/mqueue/msg_max
	# 1000 messages of 8 KiB: 8 MB, ten times the usual 800 KiB limit
	refused "ipcmk: create POSIX message queue failed: /big: *RLIMIT_MSGQUEUE*" \
		"${NOBODY[@]}" bash -c 'ulimit -q 819200 && exec "$@"' - "$BUILD/ipcmk" -q -n /big --maxmsg 1000 --msgsize 8192
}

@test "ipcs -g: SHMALL and SHMMAX at the kernel's no-limit default read 'unlimited'; JSON keeps the number (issue 29 item 17)" {
	local nolimit=18446744073692774399 got
	echo "$nolimit" >/proc/sys/kernel/shmall
	echo "$nolimit" >/proc/sys/kernel/shmmax
	got=$("$BUILD/ipcs" -g -m --human)
	# The last two columns are the top owner and its share (issue 27 item 4): "- -" with no segment.
	[ "$(awk '$1 == "SHMALL" || $1 == "SHMMAX" { print $1, $(NF-4), $(NF-2) }' <<<"$got")" = $'SHMALL unlimited -\nSHMMAX unlimited -' ]
	[ "$("$BUILD/ipcs" -g -m | awk '$1 == "SHMALL" { print $(NF-4) }')" = unlimited ]
	# JSON and the metrics keep the kernel's number (scripts compare it).
	[ "$("$BUILD/ipcs" -g -m -J | grep -A6 '"resource": "SHMALL"' | grep -c "\"limit\": $nolimit,")" = 1 ]
	# A real limit is a number, with its use in per cent.
	echo 4096 >/proc/sys/kernel/shmall
	[ "$("$BUILD/ipcs" -g -m | awk '$1 == "SHMALL" { print $(NF-4), $(NF-2) }')" = "4096 0.00%" ]
}

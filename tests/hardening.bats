#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; programs in quotes
# Regression tests for the review's defects and the hostile-user audit:
# each one failed before its fix.  A local user controls the names, sizes,
# times and contents of files in /dev/shm and /dev/mqueue, and (through
# NSS) may control user names; root runs the commands.

load helpers

# RLIMIT_MSGQUEUE counts a user's queues in every IPC namespace: lifted, so
# that other test files' queues of nobody running alongside cannot fail ours.
NOBODY=(prlimit --msgqueue=unlimited setpriv --reuid=65534 --regid=65534 --clear-groups)

setup() {
	require_ns
	reset_ipc
}

teardown() {
	# Whatever a test started in the background stops here, pass or fail.
	[ -z "${churn:-}" ] || { kill "$churn" 2>/dev/null; wait "$churn" 2>/dev/null; }
	reset_ipc
}

# Every byte an escape sequence or a C1 control starts with, and the
# bidirectional override U+202E: none of them may reach a terminal.
raw_controls() {
	LC_ALL=C grep -c $'[\x1b\x07]\|\xc2[\x80-\x9f]\|\xe2\x80\xae' "$@" || true
}

need_root() {
	"${NOBODY[@]}" true 2>/dev/null || skip "needs root (setpriv to another user, mounts)"
}

@test "an over-long name with a C1 control is refused with a message, never overflows (defect 1)" {
	local name
	name="/$(printf 'a%.0s' {1..1030})"$'\xc2\x80'
	capture got "$BUILD/ipcs" -M --name "$name"
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcs: invalid name '${name%$'\xc2\x80'}\\xc2\\x80': is too long"$'\nx' ]
	# The same through ipcmk and ipcrm, which print names too.
	capture got "$BUILD/ipcmk" -m 1 -n "$name"
	[ "$got_rc" = 1 ]
	[[ "$got_err" == *'\xc2\x80'* ]]
	capture got "$BUILD/ipcrm" --posix-shmem "$name"
	[ "$got_rc" = 1 ]
	[[ "$got_err" == *'\xc2\x80'* ]]
	[ -z "$(ls -A /dev/shm)" ]
}

@test "POSIX semaphores truncated while ipcs reads them: no SIGBUS (defect 2)" {
	need_root
	local i bad=0 end
	"$BUILD/ipcmk" -s -n /victim -p 0666 >/dev/null
	chown 65534 /dev/shm/sem.victim
	# The owner truncates and restores the file as fast as it can.
	timeout 60 "${NOBODY[@]}" bash -c 'while :; do : >/dev/shm/sem.victim; truncate -s 32 /dev/shm/sem.victim; done' &
	churn=$!
	end=$((SECONDS + 5))
	i=0
	while [ "$SECONDS" -lt "$end" ]; do
		for args in "-S" "--posix" "-S -J" "-S -u" "-S --name /victim"; do
			# shellcheck disable=SC2086
			"$BUILD/ipcs" $args >/dev/null 2>&1
			rc=$?
			[ "$rc" -lt 128 ] || { echo "# ipcs $args: status $rc" >&2; bad=$((bad + 1)); }
			i=$((i + 1))
		done
	done
	kill "$churn"
	wait "$churn" || true
	churn=
	echo "# $i runs, $bad killed by a signal" >&3
	[ "$bad" = 0 ]
}

@test "a sparse sem.* file on a full /dev/shm: every reader works, ipcrm removes it (finding 3)" {
	need_root
	unshare --mount --propagation private bash -c '
		set -e
		mount -t tmpfs -o size=64k,mode=1777 small /dev/shm
		head -c 65536 /dev/zero >/dev/shm/filler 2>/dev/null || true
		truncate -s 32 /dev/shm/sem.sparse
		for args in "--posix" "-S" "-J -S" "-u -S" "-u --posix" "-S --name /sparse"; do
			"$0" $args >/dev/null || { echo "ipcs $args: status $?"; exit 1; }
		done
		"$0" -S | grep -q "^/sparse "
		"$1" --all=psem
		[ ! -e /dev/shm/sem.sparse ]
	' "$BUILD/ipcs" "$BUILD/ipcrm"
}

@test "a modification time of -1 is a time like any other (defect 3)" {
	"$BUILD/ipcmk" -m 1 -s -n /old >/dev/null
	touch -d @-1 /dev/shm/old /dev/shm/sem.old
	capture got "$BUILD/ipcs" -M
	[[ "$got_out" == *"/old                 root       644        1          Dec 31 23:59:59"* ]]
	capture got "$BUILD/ipcs" -S -t
	[[ "$got_out" == *"Wed Dec 31 23:59:59 1969"* ]]
	capture got "$BUILD/ipcs" -M -J
	[[ "$got_out" == *'"modify_time": "1969-12-31T23:59:59Z"'* ]]
	# The epoch itself is a time too, not "Not set", for POSIX objects.
	touch -d @0 /dev/shm/old
	capture got "$BUILD/ipcs" -M --name /old
	[[ "$got_out" == *"mod_time=Thu Jan  1 00:00:00 1970"* ]]
}

@test "times no calendar can name: a fixed marker in text, null and the seconds in JSON (finding 8)" {
	local t
	for t in 4611686018427387904 9223372036854775807 -9223372036854775808 253402300800; do
		"$BUILD/ipcmk" -m 1 -n /t >/dev/null
		perl -e 'utime(undef, $ARGV[0], $ARGV[1]) or die "utime: $!"' "$t" /dev/shm/t 2>/dev/null ||
			{ rm -f /dev/shm/t; continue; }
		[ "$(stat -c %Y /dev/shm/t)" = "$t" ] || { rm -f /dev/shm/t; continue; }
		capture got "$BUILD/ipcs" -M
		[[ "$got_out" == *"/t                   root       644        1          out-of-range   "$'\n'* ]]
		capture got "$BUILD/ipcs" -M -t
		[[ "$got_out" == *"/t                   root       out-of-range"* ]]
		capture got "$BUILD/ipcs" -M -J
		[[ "$got_out" == *'"modify_time": null,'*"\"modify_time_seconds\": $t"* ]]
		printf '%s' "${got_out%x}" | jq -e ".posix_shared_memory[0].modify_time_seconds == $t" >/dev/null ||
			[ "$t" -gt 9007199254740992 ] || [ "$t" -lt -9007199254740992 ]
		rm -f /dev/shm/t
	done
	# Year 9999 is still a date; year 10000 (253402300800) is not.
	"$BUILD/ipcmk" -m 1 -n /t >/dev/null
	touch -d @253402300799 /dev/shm/t
	capture got "$BUILD/ipcs" -M -J
	[[ "$got_out" == *'"modify_time": "9999-12-31T23:59:59Z"'* ]]
}

@test "names with terminal controls are escaped in every output of all three commands (defect 4, findings 5, 6, 10)" {
	need_root
	local esc=$'/\e[31mRED\e[0m' c1=$'/c1\xc2\x9b2J' bidi=$'/bidi\xe2\x80\xaetxt' bell=$'/bell\a'
	local out=$BATS_TEST_TMPDIR/all
	: >"$out"
	for n in "$esc" "$c1" "$bidi" "$bell"; do
		"${NOBODY[@]}" "$BUILD/ipcmk" -m 1 -q -s -n "$n" >>"$out" 2>&1
	done
	"${NOBODY[@]}" mkdir $'/dev/shm/dir\e]0;TITLE\a'
	{
		"$BUILD/ipcs" --posix
		"$BUILD/ipcs" --posix -t
		"$BUILD/ipcs" --posix -c
		"$BUILD/ipcs" -M --name "$esc"
		"$BUILD/ipcs" -Q --name "$c1"
		"$BUILD/ipcs" -S --name "$bidi"
		"$BUILD/ipcs" -M --name $'/missing\e[2J'
		"$BUILD/ipcs" -J --posix
		"$BUILD/ipcmk" -m 1 -n "$esc"
		"$BUILD/ipcrm" --posix-shmem $'/none\e[2J'
		"$BUILD/ipcrm" --posix-mqueue $'/a/\e[2J'
		"${NOBODY[@]}" "$BUILD/ipcrm" --posix-semaphore "$esc"
		"$BUILD/ipcrm" -v --posix-shmem "$c1"
		"$BUILD/ipcrm" -v --all=pshm --all=psem --all=pmsg
	} >>"$out" 2>&1 || true
	[ "$(raw_controls "$out")" = 0 ] || { LC_ALL=C grep -n $'[\x1b\x07]\|\xc2[\x80-\x9f]\|\xe2\x80\xae' "$out" | od -c | head -20 >&2; false; }
	# ... and the escaped forms are there, so the names were printed.
	grep -qF 'removing POSIX shared memory `/\x1b[31mRED\x1b[0m'"'" "$out"
	grep -qF '/c1\xc2\x9b2J' "$out"
	grep -qF '/bidi\xe2\x80\xaetxt' "$out"
	grep -qF 'skipping /dev/shm/dir\x1b]0;TITLE\x07: not a regular file' "$out"
	# JSON escapes C1 controls too, and stays valid.
	grep -qF '"name": "/c1\u009b2J"' "$out"
	grep -qF '"name": "/bidi\u202etxt"' "$out"
	[ -z "$(ls -A /dev/shm | grep -v '^dir')" ]
	[ -z "$(ls -A /dev/mqueue)" ]
}

@test "JSON escapes C1 controls and DEL, and jq reads the names back exactly (finding 5)" {
	local n=$'/x\xc2\x9b\xc2\x9d\x7fy'
	"$BUILD/ipcmk" -m 1 -n "$n" >/dev/null
	capture got "$BUILD/ipcs" -M -J
	[[ "$got_out" == *'"name": "/x\u009b\u009d\u007fy"'* ]]
	[ "$(printf '%s' "${got_out%x}" | jq -r '.posix_shared_memory[0].name')" = "$n" ]
}

@test "ipcmk never gives a POSIX object setuid, setgid or sticky bits (finding 4)" {
	local before mode
	before=$(ipc_state)
	for mode in 4777 2755 1777 6700 7777; do
		capture got "$BUILD/ipcmk" -m 1 -q -s -n /suid -p "$mode"
		[ "$got_rc" = 1 ]
		[ "$got_out" = x ]
		[ "$got_err" = "ipcmk: mode $mode: POSIX objects take permission bits only (at most 0777), not setuid, setgid or sticky"$'\nx' ]
		[ "$(ipc_state)" = "$before" ]
	done
	# 0777 is fine; System V keeps util-linux's behaviour (the kernel keeps 0777).
	"$BUILD/ipcmk" -m 1 -n /ok -p 0777 >/dev/null
	[ "$(stat -c %a /dev/shm/ok)" = 777 ]
	"$BUILD/ipcmk" -M 1 -p 4777 >/dev/null
	[ "$(awk 'NR == 2 { print $3 }' /proc/sysvipc/shm)" = 777 ]
}

@test "ipcmk killed by its reader going away removes what it made (finding 9)" {
	(sleep 0.3; "$BUILD/ipcmk" -Q -M 1 -m 1M -s -n /x 2>"$BATS_TEST_TMPDIR/err") | true
	[ "$(cat "$BATS_TEST_TMPDIR/err")" = "ipcmk: write error: Broken pipe" ]
	[ -z "$(ls -A /dev/shm)" ]
	[ -z "$(awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg)" ]
}

@test "POSIX totals saturate and say so instead of wrapping (finding 7)" {
	truncate -s 9223372036854775807 /dev/shm/a /dev/shm/b
	truncate -s 2 /dev/shm/c
	capture got "$BUILD/ipcs" -M -u
	[ "$got_out" = $'\n------ POSIX Shared Memory Status --------\nobjects = 3\nused space = 0 bytes\ntotal size = 18446744073709551615 bytes\n(total size is larger: the total exceeds 2^64-1 bytes)\n\nx' ]
	capture got "$BUILD/ipcs" -M -u -J
	[ "$(printf '%s' "${got_out%x}" | jq -c .summary.posix_shared_memory.size_bytes_capped)" = true ]
	rm /dev/shm/b
	capture got "$BUILD/ipcs" -M -u -J
	[ "$(printf '%s' "${got_out%x}" | jq -c '.summary.posix_shared_memory | has("size_bytes_capped")')" = false ]
}

# glibc's getpwuid() for the test's uids, with FILE as /etc/passwd.
glibc_names() {
	with_passwd "$1" perl -e 'for (@ARGV) { my $n = (getpwuid($_))[0]; print defined $n ? $n : $_, "\n" }' \
		4001 4002 4003 4004 4005 4006 4007 4008 4009 4010
}

@test "user names from a hostile passwd: escaped in text, and exactly glibc's answers (finding 10)" {
	need_root
	local pw=$BATS_TEST_TMPDIR/passwd uid line want got
	cat /etc/passwd >"$pw"
	cat >>"$pw" <<-EOF
	#commented:x:4001:4001::/:/bin/sh
	   spaced:x:4002:4002::/:/bin/sh
	short:x:4003
	+compat:x:4004:4004::/:/bin/sh
	twice-a:x:4005:4005::/:/bin/sh
	twice-b:x:4005:4005::/:/bin/sh
	zeros:x:04006:4006::/:/bin/sh
	$(printf 'evil\e[2J\e]0;owned\a:x:4007:4007::/:/bin/sh')
	toomany:x:4008:4008::/:/bin/sh:extra

	plain:x:4009:4009::/:/bin/sh
	EOF
	for uid in 4001 4002 4003 4004 4005 4006 4007 4008 4009 4010; do
		setpriv --reuid="$uid" --regid="$uid" --clear-groups "$BUILD/ipcmk" -Q >/dev/null
	done
	local ours theirs
	ours=$(with_passwd "$pw" "$BUILD/ipcs" -q -c | awk 'NR > 3 && NF { print $5 }')
	theirs=$(glibc_names "$pw")
	theirs=$(printf '%s\n' "$theirs" | sed 's/\x1b/\\x1b/g; s/\x07/\\x07/g')
	[ "$ours" = "$theirs" ] || { diff <(echo "$theirs") <(echo "$ours") >&2; false; }
	[ "$(with_passwd "$pw" "$BUILD/ipcs" -q -c | raw_controls)" = 0 ]
	# The same ids on a plain passwd file: the fast reader and NSS agree.
	grep -v '^#\|^ \|^short\|^+\|^toomany\|^$\|evil' "$pw" >"$pw.plain"
	ours=$(with_passwd "$pw.plain" "$BUILD/ipcs" -q -c | awk 'NR > 3 && NF { print $5 }')
	[ "$ours" = "$(glibc_names "$pw.plain")" ]
}

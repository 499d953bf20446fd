#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2016 # capture sets *_out/_err/_rc; perl and bash programs in single quotes
# Text rows with long cells at the end of the 64 KiB output buffer (issue 24.1):
# user and group names from LDAP can be hundreds of characters long, and a
# POSIX name pads to the widest name of its section.  A row that does not
# fit where it starts must go out in pieces, never past the buffer; under
# the sanitizer build a write past it aborts the run.

load helpers

fresh_ipc_each_test

U512=$(printf 'u%.0s' {1..512})
G512=$(printf 'g%.0s' {1..512})

# with_names PASSWD GROUP CMD...: CMD with those files as /etc/passwd and
# /etc/group (a mount namespace of its own).
with_names() {
	unshare --mount --propagation private bash -c \
		'mount --bind "$1" /etc/passwd && mount --bind "$2" /etc/group && shift 2 && exec "$@"' _ "$@"
}

# A passwd and a group file with the 512-character user 3001 and group 3002,
# and group 4000 named by $1 (its length moves the rows after it).
name_files() {
	{ cat /etc/passwd; echo "$U512:x:3001:3002::/nonexistent:/usr/sbin/nologin"; } >"$BATS_TEST_TMPDIR/passwd"
	{ cat /etc/group; echo "$G512:x:3002:"; echo "$1:x:4000:"; } >"$BATS_TEST_TMPDIR/group"
}

# queues N [SETPRIV ARGS...]: N new private queues, made by that user.
queues() {
	local n=$1; shift
	"$@" perl -e 'use IPC::SysV qw(IPC_PRIVATE IPC_CREAT);
		for (1..$ARGV[0]) { defined msgget(IPC_PRIVATE, 0644 | IPC_CREAT) or die "msgget: $!\n" }' "$n"
}

# diff_ipcs ARGS...: ours and /usr/bin/ipcs agree byte for byte (and both
# succeed) with the test's passwd and group files.
diff_ipcs() {
	capture theirs with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" /usr/bin/ipcs "$@"
	capture ours with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" "$BUILD/ipcs" "$@"
	if [ "$theirs_out" != "$ours_out" ] || [ "$theirs_err" != "$ours_err" ] || [ "$theirs_rc" != "$ours_rc" ]; then
		echo "# ipcs $*: status reference $theirs_rc, ours $ours_rc" >&2
		diff <(printf '%s' "$theirs_out") <(printf '%s' "$ours_out") | head -c 3000 >&2
		printf '%s' "${ours_err%x}" | head -20 >&2
		return 1
	fi
}

# Bytes of `ipcs ARGS` (the reference's) before the first line holding $U512.
long_row_offset() {
	with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" /usr/bin/ipcs "$@" |
		grep -b -m 1 -F "$U512" | cut -d: -f1
}

@test "ipcs -q -c: a row of four 512-character names at the end of the output buffer (issue 24.1)" {
	require_ids 3001 3002 4000
	[ -x /usr/bin/ipcs ] || skip "reference /usr/bin/ipcs not installed"
	name_files spacer0010
	with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" true 2>/dev/null ||
		skip "cannot bind-mount over /etc/passwd and /etc/group here"
	# 960 ordinary queues, one of group 4000 whose name moves the next row
	# by 2 bytes a character (its cgid and gid columns), then the queue of
	# user 3001 and group 3002: cuid, cgid, uid and gid are 512 characters.
	queues 960
	queues 1 setpriv --reuid=0 --regid=4000 --clear-groups
	queues 1 setpriv --reuid=3001 --regid=3002 --clear-groups
	local offset len rowlen
	offset=$(long_row_offset -q -c)
	# Ordinary rows are all alike: remove them until the long row starts at
	# most 2,100 bytes before the buffer's end, then sweep that row over the
	# last 2,100 to 2,000 bytes with the spacer group's name.
	rowlen=$(with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" /usr/bin/ipcs -q -c | sed -n 4p | wc -c)
	local ids remove
	remove=$(((offset - (65536 - 2100) + rowlen - 1) / rowlen))
	[ "$remove" -ge 0 ]
	[ "$remove" -lt 960 ]
	ids=$(awk 'NR > 1 && $8 == 0 { print $2 }' /proc/sysvipc/msg | head -n "$remove")
	for id in $ids; do /usr/bin/ipcrm -q "$id"; done
	name_files spacer0010
	local first
	first=$(long_row_offset -q -c)
	for len in $(seq 10 60); do
		name_files "spacer$(printf '%0*d' $((len - 6)) "$len")"
		diff_ipcs -q -c
	done
	# The sweep passed the long row over the old fixed 2,048-byte row room
	# (offsets count the blank line before the table).
	offset=$(long_row_offset -q -c)
	[ "$first" -le $((65536 - 2100)) ]
	[ "$offset" -gt $((65536 - 2048 + 1)) ]
	# Nothing changed: 961 - removed + 1 queues.
	[ "$(awk 'NR > 1' /proc/sysvipc/msg | wc -l)" = $((962 - remove)) ]
}

@test "ipcs -M -c: a 255-byte name of combining marks padded to the widest escaped name, at every offset (issue 24.1)" {
	require_ids 3001 3002 4000
	name_files spacer
	with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" true 2>/dev/null ||
		skip "cannot bind-mount over /etc/passwd and /etc/group here"
	# "a" and 127 U+0301: 255 bytes, 1 column; the widest name: 255 bytes
	# escaped to 1,020 columns.  The combining name's row is ~2,300 bytes.
	local marks wide
	marks=a$(printf '\xcc\x81%.0s' {1..127})
	wide=$(printf '\x01%.0s' {1..255})
	: >"/dev/shm/$marks"
	: >"/dev/shm/$wide"
	chown 3001:3002 "/dev/shm/$marks"
	local esc_wide row_wide row_marks pad
	esc_wide=$(printf '\\x01%.0s' {1..255})
	pad=$(printf '%*s' 1019 '')
	row_marks="/$marks$pad 644        $U512 $G512"
	row_wide="/$esc_wide 644        root       root      "
	local want
	want=$(printf '\n------ POSIX Shared Memory Owners --------\n%-1021s perms      uid        gid       \n%s\n%s\n\n' \
		name "$row_wide" "$row_marks")
	# Filler objects (rows of ~1,050 bytes each) move the two rows through
	# the end of the buffer; their lines come before ours (sorted by name).
	local n got
	for n in $(seq 1 70); do
		: >"/dev/shm/$(printf '\x01%04d' "$n")"
		got=$(with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" "$BUILD/ipcs" -M -c)
		[ "$(printf '%s\n' "$got" | tail -n 1)" = "$row_marks" ] || {
			echo "# $n fillers: the last rows differ" >&2
			printf '%s\n' "$got" | tail -n 1 | cut -c 1-200 >&2
			false
		}
	done
	# The whole table with the fillers removed again.
	rm /dev/shm/$'\x01'????
	capture got with_names "$BATS_TEST_TMPDIR/passwd" "$BATS_TEST_TMPDIR/group" "$BUILD/ipcs" -M -c
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "${got_out%x}" = "$want"$'\n\n' ]
}

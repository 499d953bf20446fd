#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# Arguments echoed in messages go through the escaper (issue 24.9): file
# names reach the command line through TAB completion, and a name holding
# "\e]0;...\a" must not set root's terminal title when an error repeats it.
# Controls and invisible characters show as \xHH; spaces and backslashes as
# typed, as the reference tools quote arguments.

load helpers

fresh_ipc_each_test

ESC=$'\e]0;PWN\a'

# echoed STATUS EXPECTED CMD...: CMD exits STATUS, its output (both streams)
# holds EXPECTED and no raw control byte but newlines.
echoed() {
	local status=$1 expected=$2; shift 2
	capture got "$@"
	local all=${got_out%x}${got_err%x}
	if [ "$got_rc" != "$status" ] || [[ "$all" != *"$expected"* ]] ||
		printf '%s' "$all" | tr -d '\n' | LC_ALL=C grep -q '[[:cntrl:]]'; then
		printf '# %q: status %s (want %s), output:\n' "$*" "$got_rc" "$status" >&2
		printf '%s' "$all" | cat -A >&2
		printf '# want: %s\n' "$expected" >&2
		return 1
	fi
}

@test "ipcs: --namespace, -i, --messages and extra arguments are echoed escaped (issue 24.9)" {
	local state
	state=$(ipc_state)
	echoed 1 "ipcs: --namespace: cannot open /tmp/x\\x1b]0;PWN\\x07: No such file or directory" \
		"$BUILD/ipcs" --namespace "/tmp/x$ESC"
	echoed 1 "a namespace file such as /proc/PID/ns/ipc: 'x\\x1b]0;PWN\\x07'" "$BUILD/ipcs" --namespace "x$ESC"
	echoed 1 "ipcs: failed to parse id argument: '1\\x1b]0;PWN\\x07'" "$BUILD/ipcs" -q -i "1$ESC"
	echoed 1 "ipcs: failed to parse --messages argument: '1\\x1b]0;PWN\\x07'" "$BUILD/ipcs" -q -i 0 --messages="1$ESC"
	echoed 1 "ipcs: unexpected argument 'x\\x1b]0;PWN\\x07'" "$BUILD/ipcs" -q "x$ESC"
	echoed 1 "ipcs: --owner: no such user: 'x\\x1b]0;PWN\\x07'" "$BUILD/ipcs" -q --owner "x$ESC"
	echoed 1 "ipcs: --older-than: invalid duration '1d\\x1b]0;PWN\\x07'" "$BUILD/ipcs" -q --older-than "1d$ESC"
	[ "$(ipc_state)" = "$state" ]
}

@test "ipcs --namespace FILE: the namespace file's name is echoed escaped (issue 24.9)" {
	local ns=$BATS_TEST_TMPDIR/ns$ESC
	: >"$ns"
	mount --bind /proc/self/ns/ipc "$ns" 2>/dev/null || skip "cannot bind-mount a namespace file here"
	echoed 1 "ipcs: --namespace $BATS_TEST_TMPDIR/ns\\x1b]0;PWN\\x07: cannot show POSIX shared memory through a namespace file" \
		"$BUILD/ipcs" -M --namespace "$ns"
	echoed 1 "ipcrm: --namespace $BATS_TEST_TMPDIR/ns\\x1b]0;PWN\\x07: cannot remove POSIX shared memory through a namespace file" \
		"$BUILD/ipcrm" --namespace "$ns" --posix-shmem /x
	echoed 1 "ipcmk: --namespace $BATS_TEST_TMPDIR/ns\\x1b]0;PWN\\x07: cannot create POSIX shared memory through a namespace file" \
		"$BUILD/ipcmk" --namespace "$ns" -m 1 -n /x
	umount "$ns"
	[ ! -e /dev/shm/x ]
}

@test "ipcrm: the --key PATH:PROJ summary and every parse error echo arguments escaped (issue 24.9)" {
	local dir=$BATS_TEST_TMPDIR file
	file="x$ESC"
	: >"$dir/$file"
	local id
	id=$(cd "$dir" && "$BUILD/ipcmk" --key "./$file:A" -Q | awk '{ print $NF }')
	[ -n "$id" ]
	cd "$dir"
	# Root runs processes here (this test): its queue counts as in use and stays.
	echoed 0 "would remove 0 of 1 message queues (owned by root, with key ./x\\x1b]0;PWN\\x07:A); kept 1 in use" \
		"$BUILD/ipcrm" --all=msg --owner root --key "./$file:A" --dry-run
	echoed 0 "removed 0 of 1 message queues (owned by root, with key ./x\\x1b]0;PWN\\x07:A, older than 0s); kept 1 in use" \
		"$BUILD/ipcrm" -v --all=msg --owner root --key "./$file:A" --older-than 0s
	[ "$(awk 'NR > 1' /proc/sysvipc/msg | wc -l)" = 1 ]
	"$BUILD/ipcrm" -q "$id"
	"$BUILD/ipcmk" -Q >/dev/null
	local state
	state=$(ipc_state)
	echoed 1 "ipcrm: failed to parse argument: '1\\x1b]0;PWN\\x07'" "$BUILD/ipcrm" -q "1$ESC"
	echoed 1 "ipcrm: failed to parse argument: '1 2\\x09'" "$BUILD/ipcrm" -q $'1 2\t'
	echoed 1 "ipcrm: illegal key (\\x0b0)" "$BUILD/ipcrm" -Q $'\v0'
	echoed 1 "ipcrm: invalid id: 1\\x1b]0;PWN\\x07" "$BUILD/ipcrm" msg "1$ESC"
	echoed 1 "ipcrm: unknown argument: x\\x1b]0;PWN\\x07" "$BUILD/ipcrm" --all="x$ESC"
	echoed 1 "ipcrm: unknown argument: x\\x1b]0;PWN\\x07" "$BUILD/ipcrm" -q 0 "x$ESC"
	echoed 1 "ipcrm: --owner: no such user: 'x\\x1b]0;PWN\\x07'" "$BUILD/ipcrm" --all=msg --owner "x$ESC"
	echoed 1 "ipcrm: --older-than: invalid duration '1d\\x1b]0;PWN\\x07'" "$BUILD/ipcrm" --all=msg --older-than "1d$ESC"
	[ "$(ipc_state)" = "$state" ]
}

@test "ipcmk and ipcbox: parse and create errors echo arguments escaped (issue 24.9)" {
	local state
	state=$(ipc_state)
	echoed 1 "ipcmk: failed to parse size: '1\\x1b]0;PWN\\x07'" "$BUILD/ipcmk" -M "1$ESC"
	echoed 1 "ipcmk: failed to parse key: '\\x0b0': key 0 (IPC_PRIVATE) cannot be requested" "$BUILD/ipcmk" --key $'\v0' -Q
	echoed 1 "ipcmk: unexpected argument 'x\\x1b]0;PWN\\x07'" "$BUILD/ipcmk" -Q "x$ESC"
	echoed 1 "ipcmk: -S \\x0999999: the number of semaphores in an array is 1.." "$BUILD/ipcmk" -S $'\t99999'
	echoed 1 "ipcmk: create share memory failed: '\\x0999999999999999999': " "$BUILD/ipcmk" -M $'\t99999999999999999'
	echoed 127 "ipcbox: unknown command 'x\\x1b]0;PWN\\x07' (try 'ipcbox --list')" "$BUILD/ipcbox" "x$ESC"
	ln -s "$BUILD/ipcbox" "$BATS_TEST_TMPDIR/x$ESC"
	echoed 127 "ipcbox: unknown command name 'x\\x1b]0;PWN\\x07'" "$BATS_TEST_TMPDIR/x$ESC"
	[ "$(ipc_state)" = "$state" ]
}

@test "getopt's messages: a bad option is repeated escaped, a plain one as glibc words it (issue 24.9)" {
	local prog
	for prog in ipcs ipcrm ipcmk; do
		echoed 1 "$prog: unrecognized option '--x\\x1b]0;PWN\\x07'" "$BUILD/$prog" "--x$ESC"
		echoed 1 "$prog: invalid option -- '\\x1b'" "$BUILD/$prog" $'-\e'
		echoed 1 "$prog: option '--help' doesn't allow an argument" "$BUILD/$prog" "--help=$ESC"
	done
	echoed 1 "ipcs: option '--id' requires an argument" "$BUILD/ipcs" -q "x$ESC" --id
	# Nothing to escape: glibc's own message, as util-linux's.
	capture ours "$BUILD/ipcs" --zz
	if [ -x /usr/bin/ipcs ]; then
		capture theirs /usr/bin/ipcs --zz
		local t=${theirs_err%x}
		[ "${ours_err%x}" = "${t//\/usr\/bin\/ipcs/$BUILD/ipcs}" ]
	fi
	[ "${ours_err%x}" = "$BUILD/ipcs: unrecognized option '--zz'"$'\n'"Try 'ipcs --help' for more information."$'\n' ]
}

# Issue 29.7: util-linux's line first, then how -a takes its type; nothing removed.
@test "29.7: ipcrm -a shm, --all=shmem, -a=shm: the type goes in the same word as -a, the types listed" {
	"$BUILD/ipcmk" -M 4096 >/dev/null
	"$BUILD/ipcmk" -m 1 -n /seg >/dev/null
	local state types='(types: msg, shm, sem, pmsg, pshm, psem)' try=$'\nTry \'ipcrm --help\' for more information.'
	state=$(ipc_state)
	capture got "$BUILD/ipcrm" -a shm
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: unknown argument: shm"$'\n'"ipcrm: a type goes in the same word as -a: -ashm or --all=shm $types$try"$'\nx' ]
	capture got "$BUILD/ipcrm" --all pshm -v
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: unknown argument: pshm"$'\n'"ipcrm: a type goes in the same word as -a: -apshm or --all=pshm $types$try"$'\nx' ]
	capture got "$BUILD/ipcrm" --all=shmem
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: unknown argument: shmem"$'\n'"ipcrm: a type goes in the same word as -a: -ashm or --all=shm $types"$'\nx' ]
	capture got "$BUILD/ipcrm" -a=sem
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: unknown argument: =sem"$'\n'"ipcrm: a type goes in the same word as -a: -asem or --all=sem $types"$'\nx' ]
	# An operand that is no detached type keeps util-linux's message alone.
	capture got "$BUILD/ipcrm" -q 0 shm
	[ "$got_err" = "ipcrm: unknown argument: shm$try"$'\nx' ]
	[ "$(ipc_state)" = "$state" ]
}

@test "29.7: the first line stays util-linux's, byte for byte" {
	[ -x /usr/bin/ipcrm ] || skip "no util-linux ipcrm"
	# No objects: util-linux 2.38 removes what -a chose before it refuses the operand.
	local args
	for args in "-a shm" "--all=shmem" "-a=sem"; do
		# shellcheck disable=SC2086
		capture ref env LC_ALL=C /usr/bin/ipcrm $args
		# shellcheck disable=SC2086
		capture got "$BUILD/ipcrm" $args
		[ "${got_err%%$'\n'*}" = "${ref_err%%$'\n'*}" ]
		[ "$got_rc" = "$ref_rc" ]
		[ "$got_out" = "$ref_out" ]
	done
}

# Issue 29.8: a selection option alone says what it is for, not "bad usage".
@test "29.8: ipcrm --owner without --all: selection options choose what --all removes" {
	"$BUILD/ipcmk" -S 1 >/dev/null
	local state try=$'\nTry \'ipcrm --help\' for more information.'
	state=$(ipc_state)
	capture got "$BUILD/ipcrm" --owner root
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: --owner selects what --all removes: add --all or --all=TYPE$try"$'\nx' ]
	capture got "$BUILD/ipcrm" --orphaned --owner 0 --dry-run
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: --orphaned selects what --all removes: add --all or --all=TYPE$try"$'\nx' ]
	capture got "$BUILD/ipcrm" --older-than 1d -v
	[ "$got_err" = "ipcrm: --older-than selects what --all removes: add --all or --all=TYPE$try"$'\nx' ]
	[ "$(ipc_state)" = "$state" ]
}

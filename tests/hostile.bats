#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; rows are eval'ed; awk and perl programs
# Hostile-input matrix: malformed invocations of ipcs, ipcmk and ipcrm.
#
# Each row of the tables below is "EXPECTED | ARGUMENTS": ARGUMENTS are
# shell words (eval'ed, so quoting and the variables set in setup_file work)
# and EXPECTED is text the error message must contain, normally the bad
# value itself.  Every invocation must
#   - exit with status 1 (not 0, not a signal, not a sanitizer abort),
#   - print nothing on stdout,
#   - print one message on stderr, "PROG: ..." naming the bad value,
#     optionally followed by the "Try 'PROG --help'" line, and
#   - leave the kernel state (System V lists, /dev/shm, /dev/mqueue, see
#     ipc_state) exactly as it was.
# A set of objects exists throughout, so that a misparsed line that removes,
# resizes or creates anything is caught.

load helpers

setup_file() {
	require_ns
	reset_ipc
	local mk=$BUILD/ipcmk
	# System V objects under keys a truncating parser would hit (1, -1),
	# and the ids the rows refer to.
	"$mk" --key 1 -M 4096 -Q -S 1 >/dev/null
	"$mk" --key 0xffffffff -M 8192 -Q -S 2 >/dev/null
	"$mk" --key 0x2a -M 4096 -p 0600 >/dev/null
	printf 'data' >/dev/shm/keep
	chmod 0600 /dev/shm/keep
	"$mk" -s -n /keep >/dev/null
	"$mk" -q -n /keep --maxmsg 1 --msgsize 64 >/dev/null
	mkdir /dev/shm/adir
	# A planted symlink points at a file of ours, never at a system file.
	printf 'target\n' >"$BATS_FILE_TMPDIR/target"
	ln -s "$BATS_FILE_TMPDIR/target" /dev/shm/alink
}

teardown_file() {
	reset_ipc
}

# Values used in the rows.
L256=$(printf 'a%.0s' {1..256})		# a NAME_MAX + 1 name
L252=$(printf 'b%.0s' {1..252})		# fits, but not with "sem." in front
# The kernel state plus the planted symlink's target.
state() {
	ipc_state || true
	echo "== symlink target"; ls -l "$BATS_FILE_TMPDIR/target"; cat "$BATS_FILE_TMPDIR/target"
}
sysv_id() { awk -v k="$2" 'NR > 1 && $1 == k { print $2 }' "/proc/sysvipc/$1"; }

# check_rows PROG: run every row of stdin; report each failure, fail at the end.
check_rows() {
	local prog=$1 line expect args n=0 bad=0 before after
	local -a argv
	# Each row's state after is the next one's before.
	after=$(state)
	while IFS= read -r line; do
		[[ -z "$line" || "$line" == \#* ]] && continue
		expect=${line%% | *}
		args=${line#* | }
		expect=${expect#"${expect%%[![:space:]]*}"}
		if [[ "$expect" == \$* ]]; then
			expect=${expect#\$}
			expect=${!expect}
		fi
		eval "argv=($args)"
		n=$((n + 1))
		before=$after
		capture got "$BUILD/$prog" "${argv[@]}"
		after=$(state)
		local err=${got_err%x} problems=()
		[ "$got_rc" = 1 ] || problems+=("exit status $got_rc, expected 1")
		[ "$got_out" = x ] || problems+=("stdout not empty: ${got_out%x}")
		local first=${err%%$'\n'*} rest=${err#*$'\n'}
		[[ "$first" =~ ^([^:]*/)?$prog:\  ]] || problems+=("first stderr line is not '$prog: MESSAGE'")
		[[ "$err" == *"$expect"* ]] || problems+=("message does not name '$expect'")
		# ipcmk's "bad usage" (util-linux's words) is followed by what is missing.
		[ -z "$rest" ] || [ "$rest" = "Try '$prog --help' for more information."$'\n' ] ||
			[[ "$first" == "$prog: bad usage" && "$rest" == "$prog: nothing to create: "*$'\n'"Try '$prog --help' for more information."$'\n' ]] ||
			{ [[ "$first" == "$prog: unknown argument: "* ]] && is_type_hint "$prog" "$rest"; } ||
			is_value_hint "$prog" "$rest" ||
			problems+=("more than one message")
		[ "$before" = "$after" ] || problems+=("kernel state changed: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | head -4 | tr '\n' ' ')")
		if [ ${#problems[@]} -gt 0 ]; then
			bad=$((bad + 1))
			{
				printf '# FAIL %s' "$prog"
				printf " '%s'" "${argv[@]}"
				printf '\n#   stderr: %s\n' "$(printf '%s' "$err" | head -3 | tr '\n' '|')"
				printf '#   - %s\n' "${problems[@]}"
			} >&2
		fi
	done
	[ -n "${SELF_TEST:-}" ] && { [ "$bad" -eq 0 ]; return; }
	echo "# $prog: $n hostile invocations, $bad failed" >&3
	echo "$n" >>"$BATS_FILE_TMPDIR/count"
	[ "$bad" -eq 0 ]
}

# Issue 29.7: after ipcrm's "unknown argument: X" (a type of -a), one line on how to write one.
is_type_hint() {
	local try="Try '$1 --help' for more information."$'\n'
	local line=${2%"$try"}
	[[ "$line" == "$1: a type goes in the same word as -a: "*$')\n' && "${line%$'\n'}" != *$'\n'* ]]
}

# Issue 29.11: after ipcmk's error for a bad size or number, one line with its form or range.
is_value_hint() {
	local nl=$'\n'
	local re="^ipcmk: (-S|--maxmsg|--msgsize|--value) [^$nl]* is [0-9]+\\.\\.[0-9]+ \\([^$nl]*\\)$nl\$"
	[ "$1" = ipcmk ] || return 1
	[ "$2" = "ipcmk: a size is a number of bytes such as 4096, 64K or 1M$nl" ] || [[ "$2" =~ $re ]]
}

@test "hostile ipcrm invocations: exit 1, one message naming the value, nothing removed" {
	SHM1=$(sysv_id shm 1) MSG1=$(sysv_id msg 1) SEM1=$(sysv_id sem 1)
	check_rows ipcrm <<'EOF'
# ids that are not numbers, or not ids
abc | -m abc
'' | -m ''
1x | -m 1x
0x | -q 0x
0xg | -s 0xg
1e3 | -q 1e3
+-1 | -s +-1
1 2 | -m '1 2'
5  | -m '5 '
- | -m -
-1 | -m -1
-1 | -q -1
-2147483648 | -s -2147483648
2147483648 | -m 2147483648
0x80000000 | -q 0x80000000
4294967296 | -s 4294967296
4294967297 | -m 4294967297
18446744073709551616 | -q 18446744073709551616
99999999999999999999999999 | -s 99999999999999999999999999
12345 | -m 12345
12345 | -q 12345
12345 | -s 12345
# keys
abc | -M abc
'' | -Q ''
0 | -M 0
0 | -S 0x0
0x100000001 | -M 0x100000001
4294967296 | -Q 4294967296
-2147483649 | -S -2147483649
18446744073709551617 | -M 18446744073709551617
0x1x | -Q 0x1x
0x7ffffffe | -M 0x7ffffffe
0x7ffffffe | -Q 0x7ffffffe
0x7ffffffe | -S 0x7ffffffe
# ftok keys (PATH:PROJ): bad forms, and a missing file before anything is removed
file:A | -Q file:A
/keep:0 | -Q /dev/shm/keep:0
/keep:256 | -M /dev/shm/keep:256
/keep: | -S /dev/shm/keep:
/keep:AB | -Q /dev/shm/keep:AB
/keep:010 | -Q /dev/shm/keep:010
/keep:0x0x5 | -Q /dev/shm/keep:0x0x5
/no/such | -Q /no/such:A
/no/such | -q "$MSG1" -M 1 -Q /no/such:A
# the whole line is checked before anything is removed
abc | -m "$SHM1" -m abc
abc | -v -m "$SHM1" -q "$MSG1" -s "$SEM1" -S abc
0x100000001 | -M 1 -M 0x100000001
4294967296 | -q "$MSG1" -Q 4294967296
foo | -m "$SHM1" --posix-shmem foo
-1 | shm "$SHM1" -1
# hex and octal edge cases
0X80000000 | -m 0X80000000
0x | -M 0x
08 | -Q 08
0xfffffffff | -S 0xfffffffff
-0x80000001 | -M -0x80000001
# duplicated options: the bad copy is named, the good one not acted on
abc | -m "$SHM1" -m "$SHM1" -m abc
0x100000001 | -M 1 -M 1 -M 0x100000001
# options
'Z' | -Z
--frob | --frob
'm' | -m
'M' | -M
'q' | -q
'Q' | -Q
's' | -s
'S' | -S
shmem-id | --shmem-id
posix-shmem | --posix-shmem
foo | --all=foo
foo | -afoo
shm,bogus | --all=shm,bogus
shm, | --all=shm,
'' | --all=
# POSIX names
foo | --posix-shmem foo
'' | --posix-mqueue ''
/ | --posix-semaphore /
/a/b | --posix-shmem /a/b
/../keep | --posix-shmem /../keep
/.. | --posix-mqueue /..
../etc/passwd | --posix-semaphore ../etc/passwd
$L256 | --posix-shmem "/$L256"
$L256 | --posix-mqueue "/$L256"
$L252 | --posix-semaphore "/$L252"
/nosuch | --posix-shmem /nosuch
/nosuch | --posix-mqueue /nosuch
/nosuch | --posix-semaphore /nosuch
# legacy form
abc | shm abc
-1 | msg -1
2147483648 | sem 2147483648
1x | shm 1x
12345 | sem 12345
EOF
}

@test "hostile ipcmk invocations: exit 1, one message naming the value, nothing created" {
	check_rows ipcmk <<'EOF'
# sizes
abc | -M abc
'' | -M ''
-1 | -M -1
1X | -M 1X
1.5 | -M 1.5
1.5X | -M 1.5X
1KiBB | -M 1KiBB
1 K | -M '1 K'
0x | -M 0x
1e3 | -M 1e3
+-1 | -M +-1
18446744073709551616 | -M 18446744073709551616
16EiB | -M 16EiB
1ZiB | -M 1ZiB
99999999999999999999999 | -m 99999999999999999999999 -n /new
abc | -m abc -n /new
0 | -M 0
1P | -M 1P
# semaphore counts
0 | -S 0
-1 | -S -1
abc | -S abc
'' | -S ''
1.5 | -S 1.5
3x | -S 3x
2147483648 | -S 2147483648
4294967297 | -S 4294967297
99999 | -S 99999
# modes
8 | -Q -p 8
010000 | -Q -p 010000
77777 | -Q -p 77777
abc | -Q -p abc
'' | -Q -p ''
-1 | -Q -p -1
0x1ff | -Q -p 0x1ff
0777x | -Q -p 0777x
7 7 | -Q -p '7 7'
# POSIX names
foo | -m 1 -n foo
'' | -m 1 -n ''
/ | -q -n /
/a/b | -q -n /a/b
//x | -s -n //x
/.. | -s -n /..
/. | -m 1 -n /.
../x | -q -n ../x
$L256 | -m 1 -n "/$L256"
$L256 | -q -n "/$L256"
$L252 | -s -n "/$L252"
/keep | -m 1 -n /keep
/keep | -q -n /keep
/keep | -s -n /keep
/adir | -m 1 -n /adir
/alink | -m 1 -n /alink
# combinations that make no sense
name | -m 1
name | -q
name | -s
name | -Q -n /x
--key | --key 1 -q -n /x
bad usage | -p 0600
extra | -Q extra
# --key, --maxmsg, --msgsize, --value
0 | --key 0 -Q
0x100000000 | --key 0x100000000 -Q
abc | --key abc -Q
file:A | --key file:A -Q
/keep:0 | --key /dev/shm/keep:0 -Q
/keep:256 | --key /dev/shm/keep:256 -M 4096
/keep: | --key /dev/shm/keep: -S 1
/no/such | --key /no/such:A -Q -M 4096
0x00000001 | --key 1 -M 4096
0x0000002a | --key 0x2a -M 4096
0 | --maxmsg 0 -q -n /new
abc | --maxmsg abc -q -n /new
-1 | --msgsize -1 -q -n /new
9223372036854775808 | --msgsize 9223372036854775808 -q -n /new
maxmsg | --maxmsg 5 -Q
-1 | --value -1 -s -n /new
4294967296 | --value 4294967296 -s -n /new
value | --value 1 -Q
# duplicated options
abc | -M 4096 -M abc
8 | -Q -p 0600 -p 8
foo | -m 1 -n /new -n foo
# options
'Z' | -Z
--frob | --frob
'M' | -M
'S' | -S
'p' | -Q -p
'n' | -q -n
EOF
}

@test "hostile ipcs invocations: exit 1, one message naming the value" {
	check_rows ipcs <<'EOF'
abc | -m -i abc
'' | -q -i ''
-1 | -s -i -1
2147483648 | -m -i 2147483648
99999999999999999999 | -q -i 99999999999999999999
1x | -s -i 1x
0x10 | -m -i 0x10
12345 | -m -i 12345
12345 | -q -i 12345
12345 | -s -i 12345
single resource | -i 0
single resource | -m -q -i 0
abc | -m -i 0 -i abc
-1 | -q -i 1 -i -1
'Z' | -Z
--frob | --frob
'i' | -m -i
foo | foo
foo | -m foo
id | --id
# POSIX selections
/nosuch | -M --name /nosuch
/nosuch | -Q --name /nosuch
/nosuch | -S --name /nosuch
single POSIX resource | --name /keep
single POSIX resource | -M -Q --name /keep
name | -M --name
ID | -M -i 0
EOF
}

@test "hostile lsipc invocations: exit 1, one message naming the value" {
	check_rows lsipc <<'EOF'
BOGUS | -m -o BOGUS
BOGUS\xe2\x80\xae | -m -o $'BOGUS\xe2\x80\xae'
'' | -m -o ''
abc | -m -i abc
-1 | -q -i -1
99999999999999999999 | -s -i 99999999999999999999
xyz | --time-format=xyz
--frob | --frob
foo | -m foo
/nosuch | -M -N /nosuch
STATUS | -m --sort STATUS
BOGUS | -q --sort -BOGUS
x\xe2\x80\xae | -m --owner $'x\xe2\x80\xae'
x\x1b[2J | -m --created-by $'x\e[2J'
1x | -s --older-than 1x
'0' | -m --namespace 0
--key | -M --key 0x1
--json-typed | -m -J --json-typed
EOF
}

@test "lsipc output: hostile user names and creator command lines are escaped in every format" {
	local ready=$BATS_TEST_TMPDIR/ready pid
	printf 'r\xe2\x80\xaeo\xe2\x80\x8bot\x1b[31m:x:0:0::/:/bin/sh\n' >"$BATS_TEST_TMPDIR/passwd"
	# A creator still alive, its argv[0] with a bidi override, a newline and a terminal escape.
	bash -c 'exec -a "$0" /usr/bin/python3 -c "import ctypes, time; ctypes.CDLL(None).shmget(0x4141, 4096, 0o1644); print(1, flush=True); time.sleep(60)"' \
		$'ev\xe2\x80\xaeil\n\e[2Jcmd' >"$ready" &
	pid=$!
	for _ in $(seq 300); do [ -s "$ready" ] && break; sleep 0.01; done
	capture got with_passwd "$BATS_TEST_TMPDIR/passwd" "$BUILD/lsipc" -m -o OWNER,CUSER,COMMAND --key 0x4141 -r --noheadings
	capture json with_passwd "$BATS_TEST_TMPDIR/passwd" "$BUILD/lsipc" -m -o OWNER,COMMAND --key 0x4141 -J
	capture pairs with_passwd "$BATS_TEST_TMPDIR/passwd" "$BUILD/lsipc" -m -o OWNER --key 0x4141 -e
	kill "$pid"
	wait "$pid" || true
	/usr/bin/ipcrm -M 0x4141
	[ "$got_out" = 'r\xe2\x80\xaeo\xe2\x80\x8bot\x1b[31m r\xe2\x80\xaeo\xe2\x80\x8bot\x1b[31m ev\xe2\x80\xaeil\x0a\x1b[2Jcmd\x20-c\x20import\x20ctypes,\x20time;\x20ctypes.CDLL(None).shmget(0x4141,\x204096,\x200o1644);\x20print(1,\x20flush=True);\x20time.sleep(60)
x' ]
	[ "$json_out" = '{
   "sharedmemory": [
      {
         "owner": "r\u202eo\u200bot\u001b[31m",
         "command": "ev\u202eil\n\u001b[2Jcmd -c import ctypes, time; ctypes.CDLL(None).shmget(0x4141, 4096, 0o1644); print(1, flush=True); time.sleep(60)"
      }
   ]
}
x' ]
	[ "$pairs_out" = 'OWNER="r\xe2\x80\xaeo\xe2\x80\x8bot\x1b[31m"
x' ]
}

@test "the harness fails rows that succeed, say nothing, do not name the value or change the state" {
	SELF_TEST=1
	run check_rows ipcs <<<"x | -m"
	[ "$status" -ne 0 ]
	run check_rows ipcrm <<<"nosuch | -M 0x7ffffffe"
	[ "$status" -ne 0 ]
	run check_rows ipcmk <<<"/made | -m 1 -n /made"
	[ "$status" -ne 0 ]
	[ -e /dev/shm/made ] && rm /dev/shm/made
	run check_rows ipcrm <<<"0x7ffffffe | -M 0x7ffffffe"
	[ "$status" -eq 0 ]
}

@test "at least 100 hostile invocations were tried" {
	local total
	total=$(awk '{ s += $1 } END { print s + 0 }' "$BATS_FILE_TMPDIR/count" 2>/dev/null || echo 0)
	echo "# hostile invocations in total: $total" >&3
	[ "$total" -ge 100 ]
}

# --- POSIX paths: nothing outside /dev/shm and the mqueue filesystem -------

# A private scratch area with a file and a directory that must survive.
plant() {
	OUTSIDE=$BATS_TEST_TMPDIR/outside
	mkdir -p "$OUTSIDE/dir"
	echo precious >"$OUTSIDE/file"
	echo precious >"$OUTSIDE/dir/inner"
	: >"$OUTSIDE/sem.x"
	reset_ipc
	ln -s "$OUTSIDE/file" /dev/shm/link
	ln -s "$OUTSIDE/dir" /dev/shm/dirlink
	ln -s "$OUTSIDE/sem.x" /dev/shm/sem.link
	ln -s /nonexistent /dev/shm/dangling
	mkdir /dev/shm/plain-dir /dev/shm/sem.dir
	echo inner >/dev/shm/plain-dir/inner
	mkfifo /dev/shm/fifo /dev/shm/sem.fifo
	# and real objects, which -a must remove
	"$BUILD/ipcmk" -m 10 -s -q -n /real --maxmsg 1 --msgsize 16 >/dev/null
}

planted_intact() {
	[ "$(cat "$OUTSIDE/file")" = precious ] && [ "$(cat "$OUTSIDE/dir/inner")" = precious ] &&
		[ -e "$OUTSIDE/sem.x" ] &&
		[ -L /dev/shm/link ] && [ -L /dev/shm/dirlink ] && [ -L /dev/shm/sem.link ] &&
		[ -L /dev/shm/dangling ] && [ -d /dev/shm/plain-dir ] && [ -d /dev/shm/sem.dir ] &&
		[ "$(cat /dev/shm/plain-dir/inner)" = inner ] && [ -p /dev/shm/fifo ] && [ -p /dev/shm/sem.fifo ]
}

@test "ipcrm -a pshm / psem: planted symlinks, directories and FIFOs are reported with -v, never followed or removed" {
	plant
	# Without -v: nothing said about entries that are no objects.
	capture got timeout 20 "$BUILD/ipcrm" --all=pshm --all=psem
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	planted_intact
	for types in "-apshm" "-apsem" "--all=pshm --all=psem" "-a -apshm -apsem -apmsg"; do
		# shellcheck disable=SC2086
		capture got timeout 20 "$BUILD/ipcrm" -v $types
		[ "$got_rc" != 124 ] || { echo "# ipcrm $types hung" >&2; false; }
		[ "$got_rc" -lt 128 ]
		planted_intact || { echo "# ipcrm $types touched a planted entry" >&2; ls -la /dev/shm "$OUTSIDE" >&2; false; }
		# every planted entry of the kind is reported by name, nothing else is said
		local line
		while IFS= read -r line; do
			[ -z "$line" ] || [[ "$line" == "ipcrm: skipping /dev/shm/"*": not a regular file" ]] ||
				{ echo "# unexpected: $line" >&2; false; }
		done <<<"${got_err%x}"
	done
	[[ "$got_err" == *"/dev/shm/link:"* && "$got_err" == *"/dev/shm/plain-dir:"* && "$got_err" == *"/dev/shm/sem.link:"* ]]
	[[ "$got_err" == *"/dev/shm/fifo:"* && "$got_err" == *"/dev/shm/sem.dir:"* && "$got_err" == *"/dev/shm/dangling:"* ]]
	# the real objects are gone
	[ ! -e /dev/shm/real ]
	[ ! -e /dev/shm/sem.real ]
	[ ! -e /dev/mqueue/real ]
}

@test "POSIX names never reach outside /dev/shm or /dev/mqueue" {
	plant
	local n
	for n in "/../outside" "/../../etc/passwd" "//dev/shm/link" "/dirlink/x" "/." "/.." ; do
		for opt in --posix-shmem --posix-mqueue --posix-semaphore; do
			capture got "$BUILD/ipcrm" "$opt" "$n"
			[ "$got_rc" = 1 ] || { echo "# ipcrm $opt $n: status $got_rc" >&2; false; }
		done
		capture got "$BUILD/ipcmk" -m 1 -q -s -n "$n"
		[ "$got_rc" = 1 ]
	done
	planted_intact
	# A name that is a planted symlink: removing it unlinks the link itself, never the target.
	run "$BUILD/ipcrm" --posix-shmem /link
	[ -e "$OUTSIDE/file" ]
	[ "$(cat "$OUTSIDE/file")" = precious ]
	# ipcmk never opens through a planted symlink, even a dangling one (O_EXCL).
	capture got "$BUILD/ipcmk" -m 4096 -n /dangling
	[ "$got_rc" = 1 ]
	[ ! -e /nonexistent ]
	capture got "$BUILD/ipcmk" -s -n /link
	[ "$got_rc" = 1 ]
	[ "$(cat "$OUTSIDE/sem.x")" = "" ]
	[ "$(cat "$OUTSIDE/file")" = precious ]
	[ -d /dev/shm/plain-dir ]
	[ "$(cat /dev/shm/plain-dir/inner)" = inner ]
}

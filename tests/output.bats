#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; rows are eval'ed; awk and perl programs
# Output errors: a full disk (/dev/full) is an error with exit 1 for every
# command and mode; a closed pipe (SIGPIPE) ends the command quietly.

load helpers

fresh_ipc_each_test

# Some objects of every kind, so that every mode has rows to print.
make_objects() {
	"$BUILD/ipcmk" -M 4096 -Q -S 2 >/dev/null
	"$BUILD/ipcmk" -m 10 -q -s -n /out --maxmsg 1 --msgsize 16 >/dev/null
}

first_id() { awk 'NR > 1 { print $2; exit }' "/proc/sysvipc/$1"; }

# full_fails PROG ARGS...: with stdout on /dev/full, PROG ARGS exits 1 with
# "PROG: write error: No space left on device" on stderr.  Prints a diagnosis and returns 1 if not.
full_fails() {
	local prog=$1 name=$1; shift
	# "ipcbox CMD" speaks as CMD
	[ "$prog" != ipcbox ] || [[ "${1:-}" != ipc[a-z]* ]] || name=$1
	capture got sh -c 'exec "$@" >/dev/full' - "$BUILD/$prog" "$@"
	local err=${got_err%x}
	if [ "$got_rc" = 1 ] && [ "$err" = "$name: write error: No space left on device"$'\n' ] && [ "$(printf '%s' "$err" | wc -l)" = 1 ]; then
		return 0
	fi
	echo "# $prog $* >/dev/full: status $got_rc, stderr: $err" >&2
	return 1
}

@test "ipcs to /dev/full: exit 1 and a write error, in every mode" {
	make_objects
	local shm msg sem bad=0 n=0 args
	shm=$(first_id shm) msg=$(first_id msg) sem=$(first_id sem)
	while IFS= read -r args; do
		# shellcheck disable=SC2086 # options as words
		full_fails ipcs $args || bad=$((bad + 1))
		n=$((n + 1))
	done <<EOF

-a
-m
-q
-s
-t
-p
-c
-l
-u
-b
--human
--numeric
-J
-J -m
-m -i $shm
-q -i $msg
-s -i $sem
--posix
-M
-Q
-S
-t --posix
-c --posix
-u --posix
-l --posix
-J --posix
-M --name /out
-Q --name /out
-S --name /out
--help
--version
EOF
	echo "# ipcs: $n invocations to /dev/full, $bad wrong" >&3
	[ "$bad" -eq 0 ]
}

@test "ipcmk to /dev/full: exit 1, a write error, and the objects nobody was told about are removed" {
	reset_ipc
	local bad=0 args before after
	before=$(ipc_state || true)
	while IFS= read -r args; do
		# shellcheck disable=SC2086
		full_fails ipcmk $args || bad=$((bad + 1))
		after=$(ipc_state || true)
		if [ "$before" != "$after" ]; then
			echo "# ipcmk $args >/dev/full left objects behind:" >&2
			diff <(echo "$before") <(echo "$after") | sed 's/^/#   /' >&2
			bad=$((bad + 1))
			reset_ipc
		fi
	done <<'EOF'
-M 4096
-Q
-S 3
-M 4096 -Q -S 1
-m 100 -n /full
-q -n /full --maxmsg 1 --msgsize 16
-s -n /full
-M 1 -m 1 -Q -q -S 1 -s -n /full --maxmsg 1 --msgsize 16
--help
--version
EOF
	[ "$bad" -eq 0 ]
}

@test "ipcrm -v, legacy ipcrm, --help, --version to /dev/full: exit 1 and a write error" {
	local bad=0 id
	make_objects
	full_fails ipcrm -v -m "$(first_id shm)" || bad=$((bad + 1))
	full_fails ipcrm -v -a -apshm -apmsg -apsem || bad=$((bad + 1))
	make_objects
	full_fails ipcrm shm "$(first_id shm)" || bad=$((bad + 1))
	full_fails ipcrm -v --posix-shmem /out || bad=$((bad + 1))
	full_fails ipcrm --help || bad=$((bad + 1))
	full_fails ipcrm --version || bad=$((bad + 1))
	[ "$bad" -eq 0 ]
}

@test "ipcbox --list, --help, --version and ipcbox CMD to /dev/full: exit 1 and a write error" {
	make_objects
	full_fails ipcbox --list
	full_fails ipcbox -l
	full_fails ipcbox --help
	full_fails ipcbox --version
	full_fails ipcbox ipcs
	full_fails ipcbox ipcmk --help
}

# Enough objects for more output than a pipe holds (64 KiB).
many_objects() {
	perl -MIPC::SysV -e 1 2>/dev/null || skip "perl with IPC::SysV (Debian: perl) is needed to make many objects quickly"
	perl -e '
		use IPC::SysV qw(IPC_PRIVATE IPC_CREAT);
		for (1 .. 1000) {
			shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
			msgget(IPC_PRIVATE, IPC_CREAT | 0600);
			semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
		}'
	(cd /dev/shm && seq -f p%g 1500 | xargs touch)
}

@test "a closed pipe ends every command quietly (SIGPIPE), and exit 1 with one message when SIGPIPE is ignored" {
	reset_ipc
	many_objects
	local args bad=0 rc err
	while IFS= read -r args; do
		# default SIGPIPE: killed by it (141) or done (0), never a message
		# shellcheck disable=SC2086
		"$BUILD"/$args 2>"$BATS_TEST_TMPDIR/err" | head -c 10 >/dev/null
		rc=${PIPESTATUS[0]}
		err=$(cat "$BATS_TEST_TMPDIR/err")
		if { [ "$rc" != 141 ] && [ "$rc" != 0 ]; } || [ -n "$err" ]; then
			echo "# $args | head: status $rc, stderr: $err" >&2
			bad=$((bad + 1))
		fi
		# SIGPIPE ignored (as under some daemons): EPIPE is a write error
		# shellcheck disable=SC2086
		(trap '' PIPE; "$BUILD"/$args 2>"$BATS_TEST_TMPDIR/err" | head -c 10 >/dev/null; echo "${PIPESTATUS[0]}" >"$BATS_TEST_TMPDIR/rc")
		rc=$(cat "$BATS_TEST_TMPDIR/rc")
		err=$(cat "$BATS_TEST_TMPDIR/err")
		if [ "$rc" != 1 ] || [[ "$err" != *"write error: Broken pipe" ]] || [ "$(printf '%s\n' "$err" | wc -l)" != 1 ]; then
			echo "# $args | head with SIGPIPE ignored: status $rc, stderr: $err" >&2
			bad=$((bad + 1))
		fi
	done <<'EOF'
ipcs
ipcs -t
ipcs -p
ipcs -c
ipcs -b
ipcs --human
ipcs -J
ipcs --posix
ipcs -a --posix -c
ipcbox ipcs -a
EOF
	[ "$bad" -eq 0 ]
}

@test "ipcrm -v -a into a closed pipe: quiet, and what it removed is gone" {
	reset_ipc
	many_objects
	"$BUILD/ipcrm" -v -a -apshm -apmsg -apsem 2>"$BATS_TEST_TMPDIR/err" | head -n 1 >/dev/null
	local rc=${PIPESTATUS[0]}
	[ "$rc" = 141 ] || [ "$rc" = 0 ]
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
	# a second run finishes the job without complaint
	run "$BUILD/ipcrm" -a -apshm -apmsg -apsem
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$(awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem)" ]
	[ -z "$(ls -A /dev/shm)" ]
}

# Every byte for stdout goes through the one writer (src/out.[ch]): bytes come
# out in the order they were written, with no flush between two writers to
# remember.  A stdio call on stdout anywhere else would overtake (or fall
# behind) the buffered bytes.
@test "one output sink: nothing but src/out.c writes to stdout" {
	run grep -nP '(?<![\w])(printf|vprintf|puts|putchar)(_unlocked)?\s*\(|(?<![\w])(v?fprintf|fputs|fputc|putc|fwrite)(_unlocked)?\s*\(.*\bstdout\b' \
		"$SRC"/src/*.c
	local stray
	stray=$(printf '%s\n' "$output" | grep -v '/src/out\.c:' || true)
	[ -z "$stray" ] || { echo "# stdio writes to stdout outside src/out.c (use out_printf, out_str, out_char):" >&2; echo "$stray" >&2; false; }
}

# Lines written by out_printf() and by the writers that fill the buffer in
# place keep the order ipcbox has always printed them in: -q -i ID
# --messages --processes shows the details, the messages, then the
# --processes line.
@test "one output sink: details, messages and --processes lines in order" {
	local id pid i
	id=$("$BUILD/ipcmk" -Q | awk '{ print $NF }')
	"${IPCBOX_HOLDER:?run the tests through meson test}" msg-send "$id" >"$BATS_TEST_TMPDIR/holder" &
	pid=$!
	for i in $(seq 100); do
		grep -q '^ready' "$BATS_TEST_TMPDIR/holder" && break
		sleep 0.05
	done
	capture got sh -c '"$@" | cat' - "$BUILD/ipcs" -q -i "$id" --messages=2 --processes
	kill "$pid"
	wait "$pid" || true
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	# times, pids and the uid's name masked
	printf '%s' "${got_out%x}" | sed -E 's/^(send_time=|change_time=).*/\1T/; s/lspid=[0-9]+/lspid=P/;
		s/^  [0-9]+ +[^ ]+ +/  P U /; s/(uid|gid)=[0-9]+/\1=N/g' >"$BATS_TEST_TMPDIR/got"
	printf '%s\n' '' "Message Queue msqid=$id" \
		'uid=N	gid=N	cuid=N	cgid=N	mode=0644' \
		'cbytes=4	qbytes=16384	qnum=1	lspid=P	lrpid=0' \
		'send_time=T' 'rcv_time=Not set                   ' 'change_time=T' '' \
		'position=0	type=1	size=4	data=hi	(first 2 bytes)' '' \
		'  pid      user       command          how              command line' \
		"  P U holder           lspid            $IPCBOX_HOLDER msg-send $id" >"$BATS_TEST_TMPDIR/want"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

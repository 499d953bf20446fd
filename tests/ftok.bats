#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2016 # capture sets *_out/_err/_rc; jq programs
# ftok keys (PATH:PROJ for ipcmk --key, ipcrm -M/-Q/-S, ipcs --key; ipcbox
# ftok) against glibc's own ftok(), and ipcs -q -i ID --messages, which
# copies a queue's messages without receiving them.

load helpers

IPCBOX=$BUILD/ipcbox
IPCS=$BUILD/ipcs
IPCMK=$BUILD/ipcmk
IPCRM=$BUILD/ipcrm
HELPER=$BUILD/tests/ipcs-helper
FTOK=$BUILD/tests/ftok-helper

fresh_ipc_each_test

# The key /proc/sysvipc/KIND lists for its only object, as ipcs shows keys.
proc_key() {
	awk 'NR == 2 { printf "0x%08x\n", ($1 < 0 ? $1 + 4294967296 : $1) }' "/proc/sysvipc/$1"
}
proc_count() {
	awk 'NR > 1' "/proc/sysvipc/$1" | wc -l
}

@test "ipcbox ftok equals glibc's ftok() on 300 files and project ids, on two file systems" {
	# Files of the build tree, then of the sources if it holds fewer than
	# 130 (their file system), and of /dev/shm (a tmpfs of the test
	# namespace: another device).
	local files=() f i=0 proj pairs="$BATS_TEST_TMPDIR/pairs"
	mapfile -t files < <(find "$BUILD" "$SRC" -type f 2>/dev/null | head -130)
	for i in $(seq 170); do
		: >"/dev/shm/f$i"
		files+=("/dev/shm/f$i")
	done
	[ "$(stat -c %d "${files[0]}")" != "$(stat -c %d /dev/shm/f1)" ]
	: >"$pairs"
	i=0
	for f in "${files[@]}"; do
		proj=$((i * 37 % 255 + 1))
		i=$((i + 1))
		echo "$proj $f" >>"$pairs"
	done
	[ "$(wc -l <"$pairs")" -ge 300 ]
	# Under the sanitizers (each of our runs several times slower) every
	# 5th pair: both file systems still, the same code.
	if [ "${IPCBOX_SANITIZE:-none}" != none ]; then
		awk 'NR % 5 == 1' "$pairs" >"$pairs.sampled" && mv "$pairs.sampled" "$pairs"
	fi
	"$FTOK" <"$pairs" >"$BATS_TEST_TMPDIR/glibc"
	! grep -q error "$BATS_TEST_TMPDIR/glibc" || false
	local ours=() p
	while read -r p f; do
		ours+=("$("$IPCBOX" ftok "$f" "$p")")
	done <"$pairs"
	diff <(printf '%s\n' "${ours[@]}") "$BATS_TEST_TMPDIR/glibc"
	# The same project id spelled as a character and in hex.
	[ "$("$IPCBOX" ftok /dev/shm/f1 A)" = "$(echo "65 /dev/shm/f1" | "$FTOK")" ]
	[ "$("$IPCBOX" ftok /dev/shm/f1 0x41)" = "$(echo "65 /dev/shm/f1" | "$FTOK")" ]
	[ "$("$IPCBOX" ftok /dev/shm/f1 0xFF)" = "$(echo "255 /dev/shm/f1" | "$FTOK")" ]
	# A symbolic link is followed, as by ftok().
	ln -s /dev/shm/f7 /dev/shm/link
	[ "$("$IPCBOX" ftok /dev/shm/link 9)" = "$(echo "9 /dev/shm/f7" | "$FTOK")" ]
}

@test "ipcbox ftok -v shows the parts, one labelled line each" {
	: >/dev/shm/v
	local ino dev key
	ino=$(stat -c %i /dev/shm/v) dev=$(stat -c %d /dev/shm/v)
	key=$(echo "65 /dev/shm/v" | "$FTOK")
	capture got "$IPCBOX" ftok -v /dev/shm/v A
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	local want
	want=$(printf 'path:    /dev/shm/v\nproj:    0x41 (65, %s)    bits 31-24\ndevice:  0x%02x (low byte of the minor of device %d:%d)    bits 23-16\ninode:   0x%04x (low 16 bits of inode %d)    bits 15-0\nkey:     %s\n' \
		"'A'" $((dev & 255)) $((dev >> 8 & 0xfff)) $(((dev & 255) | (dev >> 12 & 0xfff00))) $((ino & 0xffff)) "$ino" "$key")
	[ "$got_out" = "$want"$'\nx' ] || { diff <(echo "$want") <(printf '%s' "${got_out%x}"); return 1; }
	# The key line without -v is exactly ipcs's spelling.
	[ "$("$IPCBOX" ftok /dev/shm/v A)" = "$key" ]
	[[ "$key" =~ ^0x[0-9a-f]{8}$ ]]
}

@test "ipcbox ftok: listed, in --help, no link of its own, usage errors" {
	"$IPCBOX" --list | grep -qx ftok
	"$IPCBOX" --help | grep -q 'ipcbox ftok'
	capture got "$IPCBOX" ftok --help
	[ "$got_rc" = 0 ]
	[[ "$got_out" == $'\nUsage:\n ipcbox ftok [options] <path> <proj>\n'* ]]
	ln -s "$IPCBOX" "$BATS_TEST_TMPDIR/ftok"
	capture got "$BATS_TEST_TMPDIR/ftok" /dev/shm A
	[ "$got_rc" = 127 ]
	local args
	for args in "" "/dev/shm" "/dev/shm 0" "/dev/shm 256" "/dev/shm AB" "/dev/shm ''" "-x /dev/shm A" "/dev/shm A extra"; do
		eval "set -- $args"
		capture got "$IPCBOX" ftok "$@"
		[ "$got_rc" = 1 ]
		[ "$got_out" = x ]
		[[ "$got_err" == "ipcbox ftok: "*$'\n'"Try 'ipcbox ftok --help' for more information."$'\nx' ]] ||
			{ echo "ipcbox ftok $args: ${got_err%x}"; return 1; }
	done
	capture got "$IPCBOX" ftok /no/such A
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcbox ftok: cannot stat \'/no/such\': No such file or directory\nx' ]
}

@test "ipcmk --key PATH:PROJ creates under ftok's key; ipcs shows it; ipcrm PATH:PROJ removes it" {
	mkdir -p "/dev/shm/with:colon"
	: >"/dev/shm/with:colon/file"
	local path="/dev/shm/with:colon/file" key kind opt rmopt
	key=$(echo "65 $path" | "$FTOK")
	for kind in msg shm sem; do
		case $kind in
		msg) opt=(-Q) rmopt=-Q ;;
		shm) opt=(-M 4096) rmopt=-M ;;
		sem) opt=(-S 2) rmopt=-S ;;
		esac
		capture got "$IPCMK" "${opt[@]}" --key "$path:A"
		[ "$got_rc" = 0 ] || { echo "${got_err%x}"; return 1; }
		[ "$(proc_key "$kind")" = "$key" ]
		"$IPCS" "${rmopt,,}" | grep -q "^$key "
		# ipcs --key takes the same spelling.
		[ "$("$IPCS" "${rmopt,,}" --key "$path:0x41" | grep -c "^0x")" = 1 ]
		# Existing key: IPC_EXCL refuses, nothing changes.
		capture got "$IPCMK" "${opt[@]}" --key "$path:65"
		[ "$got_rc" = 1 ]
		[ "$(proc_count "$kind")" = 1 ]
		# Another project id names no object.
		capture got "$IPCRM" "$rmopt" "$path:B"
		[ "$got_rc" = 1 ]
		[ "$got_err" = "ipcrm: invalid key ($path:B)"$'\nx' ]
		[ "$(proc_count "$kind")" = 1 ]
		capture got "$IPCRM" -v "$rmopt" "$path:A"
		[ "$got_rc" = 0 ] || { echo "${got_err%x}"; return 1; }
		[ "$(proc_count "$kind")" = 0 ]
	done
	# A relative path with a slash.
	cd /dev/shm
	"$IPCMK" -Q --key ./with:colon/file:7 >/dev/null
	[ "$(proc_key msg)" = "$(echo "7 $path" | "$FTOK")" ]
	"$IPCRM" -Q "$path:7"
	[ "$(proc_count msg)" = 0 ]
}

@test "bad PATH:PROJ forms: a clear error, exit 1, nothing changed" {
	: >/dev/shm/k
	"$IPCMK" -Q --key /dev/shm/k:A >/dev/null
	"$IPCMK" -M 4096 >/dev/null
	local before arg prog expect
	before=$(ipc_state)
	while IFS='|' read -r arg expect; do
		for prog in ipcmk ipcrm ipcs; do
			case $prog in
			ipcmk) capture got "$IPCMK" -Q -M 4096 --key "$arg" ;;
			ipcrm) capture got "$IPCRM" -m "$(awk 'NR == 2 { print $2 }' /proc/sysvipc/shm)" -Q "$arg" ;;
			ipcs) capture got "$IPCS" --key "$arg" ;;
			esac
			[ "$got_rc" = 1 ] && [ "$got_out" = x ] || { echo "$prog $arg: rc $got_rc"; return 1; }
			[[ "$got_err" == "$prog: "*"$expect"* ]] || { echo "$prog $arg: ${got_err%x}"; return 1; }
			[ "$(ipc_state)" = "$before" ] || { echo "$prog $arg changed the state"; return 1; }
		done
	done <<'EOF'
k:A|an ftok key is PATH:PROJ with a '/' in PATH
/dev/shm/k:0|must be 1-255
/dev/shm/k:256|must be 1-255
/dev/shm/k:0x100|must be 1-255
/dev/shm/k:|is empty
/dev/shm/k:AB|not a number 1-255
/dev/shm/k:0x|not a number 1-255
/dev/shm/k:010|leading zero
/dev/shm/k|an ftok key is PATH:PROJ
/no/such:A|cannot use '/no/such:A' as a key: /no/such: No such file or directory
/dev/shm/k/x:A|cannot use '/dev/shm/k/x:A' as a key: /dev/shm/k/x: Not a directory
EOF
}

# A queue with messages of several types and sizes: 0 bytes, 1 byte, bytes
# that are NULs and terminal escapes, and msgmax bytes.
make_queue() {
	"$IPCMK" -Q -p 0600 >/dev/null
	QID=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)
	MSGMAX=$(cat /proc/sys/kernel/msgmax)
	printf '' | "$HELPER" msg-put "$QID" 1
	printf 'x' | "$HELPER" msg-put "$QID" 2
	printf '\000\033[31m\\ \377\n~' >"$BATS_TEST_TMPDIR/bin"
	"$HELPER" msg-put "$QID" 3 <"$BATS_TEST_TMPDIR/bin"
	head -c "$MSGMAX" /dev/zero | tr '\0' 'a' >"$BATS_TEST_TMPDIR/big"
	"$HELPER" msg-put "$QID" 9223372036854775807 <"$BATS_TEST_TMPDIR/big"
}

@test "ipcs -q -i ID --messages: the usual details, then each message; the queue unchanged" {
	make_queue
	local stat_before proc_before plain
	stat_before=$("$HELPER" msg-stat "$QID")
	proc_before=$(cat /proc/sysvipc/msg)
	capture plain "$IPCS" -q -i "$QID"
	capture got "$IPCS" -q -i "$QID" --messages
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	local a64
	a64=$(printf 'a%.0s' {1..64})
	local want
	want=$(printf 'position=0\ttype=1\tsize=0\tdata=\nposition=1\ttype=2\tsize=1\tdata=x\nposition=2\ttype=3\tsize=11\tdata=\\x00\\x1b[31m\\x5c \\xff\\x0a~\nposition=3\ttype=9223372036854775807\tsize=%d\tdata=%s\t(first 64 bytes)\n' "$MSGMAX" "$a64")
	[ "$got_out" = "${plain_out%x}$want"$'\n\nx' ] || { diff <(printf '%s' "${plain_out%x}$want"$'\n\n') <(printf '%s' "${got_out%x}"); return 1; }
	# --messages=N: N bytes; 0 shows none; more than the message shows it whole.
	capture got "$IPCS" -q -i "$QID" --messages=3
	[[ "$got_out" == *$'position=2\ttype=3\tsize=11\tdata=\\x00\\x1b[\t(first 3 bytes)\n'* ]]
	[[ "$got_out" == *$'position=3\ttype=9223372036854775807\tsize='"$MSGMAX"$'\tdata=aaa\t(first 3 bytes)\n'* ]]
	capture got "$IPCS" -q -i "$QID" --messages=0
	[[ "$got_out" == *$'position=1\ttype=2\tsize=1\tdata=\t(first 0 bytes)\n'* ]]
	capture got "$IPCS" -q -i "$QID" --messages=100000
	[ "$(printf '%s' "$got_out" | grep -c '^position=3.*data=a*$')" = 1 ]
	[ "$(printf '%s' "$got_out" | grep '^position=3' | awk -F'\t' '{ print length($4) }')" = $((MSGMAX + 5)) ]
	# Nothing received: count, bytes, last receiver and receive time as before.
	[ "$("$HELPER" msg-stat "$QID")" = "$stat_before" ]
	[ "$(cat /proc/sysvipc/msg)" = "$proc_before" ]
	[ "$("$IPCS" -q -i "$QID")x" = "${plain_out%$'\n'x}x" ] || [ "$("$IPCS" -q -i "$QID")" = "$(printf '%s' "${plain_out%x}")" ]
	# The messages are all still there, in order.
	[ "$("$HELPER" msg-drain "$QID" | tr '\n' ' ')" = "1 0 2 1 3 11 9223372036854775807 $MSGMAX " ]
}

@test "ipcs(1)'s --messages=16 example is what ipcs prints (issue 29 item 21)" {
	"$IPCMK" -Q >/dev/null
	QID=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)
	printf 'hello' | "$HELPER" msg-put "$QID" 1
	printf '\000\001job started at 12:00 on host a' | "$HELPER" msg-put "$QID" 7
	local want
	want=$(awk '/^\$ ipcs \\-q \\-i 3 \\-\\-messages=16$/ { on = 1; next } on && /^\.fi/ { exit } on && /^position=/' \
		"$SRC/man/ipcs.1" | sed 's/\\e/\\/g')
	[ -n "$want" ]
	capture got "$IPCS" -q -i "$QID" --messages=16
	[ "$got_rc" = 0 ]
	[ "$(grep '^position=' <<<"${got_out%x}")" = "$want" ]
}

@test "ipcs -q -i ID --messages -J: base64 of every byte, in the queue's object" {
	command -v jq >/dev/null || skip "jq not installed"
	make_queue
	local stat_before doc
	stat_before=$("$HELPER" msg-stat "$QID")
	doc=$("$IPCS" -q -i "$QID" --messages -J)
	jq -e . >/dev/null <<<"$doc"
	[ "$(jq -c '.message_queues[0] | [.messages, (.message_list | length)]' <<<"$doc")" = '[4,4]' ]
	[ "$(jq -c '[.message_queues[0].message_list[] | [.position, .size]]' <<<"$doc")" = \
		"[[0,0],[1,1],[2,11],[3,$MSGMAX]]" ]
	# jq reads numbers as doubles: the largest type is checked as text.
	[ "$(jq -c '[.message_queues[0].message_list[0:3][] | .type]' <<<"$doc")" = '[1,2,3]' ]
	grep -qx '          "type": 9223372036854775807,' <<<"$doc"
	[ "$(jq -r '.message_queues[0].message_list[0].data_base64' <<<"$doc")" = "" ]
	[ "$(jq -r '.message_queues[0].message_list[1].data_base64' <<<"$doc" | base64 -d)" = x ]
	cmp <(jq -r '.message_queues[0].message_list[2].data_base64' <<<"$doc" | base64 -d) "$BATS_TEST_TMPDIR/bin"
	cmp <(jq -r '.message_queues[0].message_list[3].data_base64' <<<"$doc" | base64 -d) "$BATS_TEST_TMPDIR/big"
	# Without --messages the document is as before: no list.
	[ "$("$IPCS" -q -i "$QID" -J | jq -c '.message_queues[0] | has("message_list")')" = false ]
	[ "$("$HELPER" msg-stat "$QID")" = "$stat_before" ]
}

@test "--messages with a concurrent receiver: no crash, no duplicate, no invented message" {
	command -v jq >/dev/null || skip "jq not installed"
	"$IPCMK" -Q >/dev/null
	QID=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)
	local i
	for i in $(seq 300); do
		printf 'm%d' "$i" | "$HELPER" msg-put "$QID" "$i"
	done
	"$HELPER" msg-drain "$QID" 2000 >/dev/null &
	local pid=$! runs=0 doc
	while kill -0 "$pid" 2>/dev/null && [ "$runs" -lt 200 ]; do
		doc=$("$IPCS" -q -i "$QID" --messages -J) || { kill "$pid"; return 1; }
		# Types strictly increasing (queue order, nothing twice), each
		# message the one sent with its type.
		jq -e '.message_queues[0].message_list as $l
			| ([$l[].type] | . == (sort | unique))
			and all($l[]; (.data_base64 | @base64d) == "m\(.type)")
			and all($l[]; .type >= 1 and .type <= 300)' <<<"$doc" >/dev/null ||
			{ kill "$pid"; echo "$doc"; return 1; }
		runs=$((runs + 1))
	done
	wait "$pid"
	[ "$runs" -ge 1 ]
	echo "# $runs listings during the drain" >&3
}

@test "--messages: usage errors; permission; a kernel without MSG_COPY" {
	"$IPCMK" -Q -p 0600 >/dev/null
	QID=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)
	printf 'secret' | "$HELPER" msg-put "$QID" 1
	local args
	for args in "--messages" "-q --messages" "-m -i 0 --messages" "-q -i $QID --messages=x" \
		"-q -i $QID --messages=-1" "-q -i $QID --messages=99999999999" "-M --name /x --messages"; do
		# shellcheck disable=SC2086
		capture got "$IPCS" $args
		[ "$got_rc" = 1 ] && [ "$got_out" = x ] && [[ "$got_err" == "ipcs: "* ]] ||
			{ echo "ipcs $args: $got_rc ${got_err%x}"; return 1; }
	done
	if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$IPCS" -q -i "$QID" --messages
		[ "$got_rc" = 1 ]
		[ "$got_err" = "ipcs: cannot read the messages of queue $QID: permission denied (it takes read permission)"$'\nx' ]
		[[ "$got_out" != *secret* && "$got_out" != *position=* ]]
	fi
	if strace -f -qq -o /dev/null -e inject=msgrcv:error=ENOSYS true 2>/dev/null; then
		# LeakSanitizer cannot run under ptrace: no leak check for this one run.
		capture got env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
			strace -qq -o /dev/null -e trace=msgrcv -e inject=msgrcv:error=ENOSYS "$IPCS" -q -i "$QID" --messages
		[ "$got_rc" = 1 ]
		[[ "$got_err" == "ipcs: cannot read the messages of queue $QID: "*"CONFIG_CHECKPOINT_RESTORE"*$'\nx' ]]
	fi
	[ "$("$HELPER" msg-drain "$QID")" = "1 6" ]
}

@test "--messages=2147483647: memory for the longest message shown, not for N (ulimit -v)" {
	make_queue
	local stat_before limit=400000
	stat_before=$("$HELPER" msg-stat "$QID")
	# A sanitizer build reserves terabytes of shadow memory: it cannot run
	# under any such limit.
	bash -c 'ulimit -v "$0" && exec "$@"' "$limit" "$IPCS" --version >/dev/null 2>&1 ||
		skip "ipcs cannot start under ulimit -v $limit (sanitizer build?)"
	capture whole "$IPCS" -q -i "$QID" --messages=100000
	capture got bash -c 'ulimit -v "$0" && exec "$@"' "$limit" "$IPCS" -q -i "$QID" --messages=2147483647
	[ "$got_rc" = 0 ] && [ "$got_err" = x ] || { echo "rc $got_rc: ${got_err%x}"; return 1; }
	[ "$got_out" = "$whole_out" ]
	[ "$("$HELPER" msg-stat "$QID")" = "$stat_before" ]
}

@test "--messages lists at most the first 1000 messages, with a note; the rest stay queued" {
	command -v jq >/dev/null || skip "jq not installed"
	"$IPCMK" -Q >/dev/null
	QID=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)
	local empty=() i
	for ((i = 0; i < 1000; i++)); do
		empty+=("")
	done
	"$HELPER" msg-send "$QID" "${empty[@]}"
	# 1000: all of them, no note, the JSON list complete.
	capture got "$IPCS" -q -i "$QID" --messages
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$(grep -c '^position=' <<<"$got_out")" = 1000 ]
	[ "$("$IPCS" -q -i "$QID" --messages -J | jq -c '.message_queues[0] | [(.message_list | length), .message_list_complete]')" = '[1000,true]' ]
	# 1500: the first 1000, in order, and a note on stderr; exit 0.
	"$HELPER" msg-send "$QID" "${empty[@]:0:500}"
	local stat_before
	stat_before=$("$HELPER" msg-stat "$QID")
	capture got "$IPCS" -q -i "$QID" --messages
	[ "$got_rc" = 0 ]
	[ "$got_err" = "ipcs: queue $QID holds 1500 messages: only the first 1000 are listed (each copy walks the queue from its head)"$'\nx' ]
	[ "$(grep '^position=' <<<"$got_out" | cut -f1 | cut -d= -f2 | paste -sd' ')" = "$(seq -s' ' 0 999)" ]
	capture got "$IPCS" -q -i "$QID" --messages -J
	[ "$got_rc" = 0 ]
	[ "$(jq -c '.message_queues[0] | [.messages, (.message_list | length), .message_list[-1].position, .message_list_complete]' <<<"${got_out%x}")" = '[1500,1000,999,false]' ]
	[ "$("$HELPER" msg-stat "$QID")" = "$stat_before" ]
	[ "$("$HELPER" msg-drain "$QID" | wc -l)" = 1500 ]
}

@test "ipcs -Q --name NAME --messages: a one-line note, the usual output, exit 0" {
	"$IPCMK" -q -n /pq --maxmsg 4 --msgsize 32 >/dev/null
	"$HELPER" mq-send /pq one two
	local before
	before=$(ipc_state)
	capture plain "$IPCS" -Q --name /pq
	capture got "$IPCS" -Q --name /pq --messages
	[ "$got_rc" = 0 ]
	[ "$got_out" = "$plain_out" ]
	[ "$(printf '%s' "${got_err%x}" | wc -l)" = 1 ]
	[[ "$got_err" == "ipcs: POSIX message queues cannot be read without receiving"* ]]
	[ "$(ipc_state)" = "$before" ]
}

#!/usr/bin/env bats
# shellcheck disable=SC2030,SC2031,SC2034,SC2154 # bats tests are subshells; capture sets NAME_out etc.
# lsipc: ours against util-linux 2.38.1's /usr/bin/lsipc, byte for byte
# (stdout, stderr, exit status) on "fixture lsipc" (tests/fixture.c: every
# kind, owners without a passwd entry or with long names, dest and locked
# segments, a segment > 4 GiB, queues holding messages, semaphores with
# waiters, a live creator for COMMAND), over hundreds of option
# combinations, as root and as uid 65534, through each System V source.
# Then every documented difference from 2.38 (lsipc(1), "Differences from
# util-linux"), each checked as what it is.

load helpers

REF_LSIPC=/usr/bin/lsipc
OURS_LSIPC=${IPCBOX_TEST_OURS_LSIPC:-$BUILD/lsipc}

setup_file() {
	# Why the file cannot run here, or empty (bats 1.8 cannot skip in setup_file).
	LSIPC_SKIP=
	if [ ! -x "$REF_LSIPC" ]; then
		LSIPC_SKIP="reference $REF_LSIPC not installed"
	elif [[ "$("$REF_LSIPC" --version)" != *" 2.38."* ]]; then
		LSIPC_SKIP="reference $REF_LSIPC is not util-linux 2.38: $("$REF_LSIPC" --version)"
	fi
	export LSIPC_SKIP
	# shellcheck disable=SC2046 # ids are single words
	file_require_ids $(fixture_ids) || return 0
	[ -z "$LSIPC_SKIP" ] || return 0
	require_ns
	reset_ipc
	FIXTURE_PIDS=$BATS_FILE_TMPDIR/fixture.pids
	IPCBOX_FIXTURE_LONG_UID=$(long_name_uid)
	export FIXTURE_PIDS IPCBOX_FIXTURE_LONG_UID
	"$FIXTURE" lsipc "$FIXTURE_PIDS"
}

teardown_file() {
	fixture_stop
}

setup() {
	file_skip
	[ -z "$LSIPC_SKIP" ] || skip "$LSIPC_SKIP"
	LSIPC_FAILS=0 LSIPC_RUNS=0
	REF_WRAP=() OURS_WRAP=()
	[ -f "$BATS_FILE_TMPDIR/fixture.state" ] || ipc_ids >"$BATS_FILE_TMPDIR/fixture.state"
}

# The ids of every System V object, as "-m ID" lines.
ipc_ids() {
	awk 'FNR > 1 { print (FILENAME ~ /shm$/ ? "-m" : FILENAME ~ /msg$/ ? "-q" : "-s"), $2 }' \
		/proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem
}

# Objects a test made are removed, pass or fail: the next test sees the fixture.
teardown() {
	local extra
	[ -f "$BATS_FILE_TMPDIR/fixture.state" ] || return 0
	extra=$(ipc_ids | grep -vxFf "$BATS_FILE_TMPDIR/fixture.state" || true)
	# shellcheck disable=SC2086 # "-m ID" pairs
	[ -z "$extra" ] || /usr/bin/ipcrm $extra
}

# lsipc_diff ARGS...: both tools as "lsipc" through PATH (getopt's messages
# name argv[0]), each behind its wrapper; a difference is printed, counted
# in LSIPC_FAILS, and returns 1.  With LSIPC_CACHE set (a file name), the
# reference's result is kept there and reused: the objects do not change
# between the settings of one file.
lsipc_diff() {
	LSIPC_RUNS=$((LSIPC_RUNS + 1))
	local cache=${LSIPC_CACHE:+$BATS_FILE_TMPDIR/ref.$LSIPC_CACHE}
	if [ -n "$cache" ] && [ -f "$cache.rc" ]; then
		IFS= read -r -d '' theirs_out <"$cache.out" || true
		IFS= read -r -d '' theirs_err <"$cache.err" || true
		read -r theirs_rc <"$cache.rc"
	else
		PATH="${REF_LSIPC%/*}:$PATH" capture theirs "${REF_WRAP[@]}" lsipc "$@"
		if [ -n "$cache" ]; then
			printf '%s' "$theirs_out" >"$cache.out"
			printf '%s' "$theirs_err" >"$cache.err"
			printf '%s\n' "$theirs_rc" >"$cache.rc"
		fi
	fi
	PATH="${OURS_LSIPC%/*}:$PATH" capture ours "${OURS_WRAP[@]}" "${OURS_LSIPC##*/}" "$@"
	if [ "$theirs_out" != "$ours_out" ] || [ "$theirs_err" != "$ours_err" ] || [ "$theirs_rc" != "$ours_rc" ]; then
		echo "# DIFF [${REF_WRAP[*]}|${OURS_WRAP[*]}] lsipc $*   (--- reference, +++ ours)" >&2
		[ "$theirs_out" = "$ours_out" ] ||
			diff -u --label ref-stdout --label our-stdout <(visible "$theirs_out") <(visible "$ours_out") | head -20 >&2
		[ "$theirs_err" = "$ours_err" ] ||
			diff -u --label ref-stderr --label our-stderr <(visible "$theirs_err") <(visible "$ours_err") >&2
		[ "$theirs_rc" = "$ours_rc" ] || echo "# status: reference $theirs_rc, ours $ours_rc" >&2
		LSIPC_FAILS=$((LSIPC_FAILS + 1))
		return 1
	fi
}

# ours ARGS...: our lsipc as "lsipc", into ours_out/_err/_rc.
ours() {
	PATH="${OURS_LSIPC%/*}:$PATH" capture ours "${OURS_WRAP[@]}" "${OURS_LSIPC##*/}" "$@"
}
theirs() {
	PATH="${REF_LSIPC%/*}:$PATH" capture theirs "${REF_WRAP[@]}" lsipc "$@"
}

GENERIC=KEY,ID,OWNER,PERMS,CUID,CUSER,CGID,CGROUP,UID,USER,GID,GROUP,CTIME
declare -gA KIND_COLUMNS=(
	[-m]=SIZE,NATTCH,STATUS,ATTACH,DETACH,COMMAND,CPID,LPID
	[-q]=USEDBYTES,MSGS,SEND,RECV,LSPID,LRPID
	[-s]=NSEMS,OTIME
)
# Columns outside each kind's default list: "+COL" with -J (2.38 repeats a
# default column as a second member: a documented difference).
declare -gA EXTRA_COLUMNS=(
	[-m]=CUID,CUSER,CGID,CGROUP,UID,USER,GID,GROUP,ATTACH,DETACH
	[-q]=CUID,CUSER,CGID,CGROUP,UID,USER,GID,GROUP,CTIME,SEND,RECV
	[-s]=CUID,CUSER,CGID,CGROUP,UID,USER,GID,GROUP,CTIME,OTIME
)
OUTPUTS=("" -t -c "-t -c" -b --noheadings --notruncate "--time-format=iso -t" "--time-format=full -t"
	"--time-format=short -t" -r -e -n -J -l -y "-y -e" "-y -J" "-r --noheadings" "-e --noheadings"
	"-J --noheadings" "-n -y" "-r -t -c" "-e -t -b" "-J -c" "-n -t" "-b -c -t -J" --bytes --creator
	"--time --export" "--raw --shell" "--json --numeric-perms" --newline --list)

# lsipc_combinations: one argument line per combination (kinds x output
# options x column lists, -g, -i), for lsipc_run.
lsipc_combinations() {
	local k o c id
	for k in -m -q -s; do
		for o in "${OUTPUTS[@]}" -P "-P -t"; do
			# -P with -q: 2.38 prints no permissions at all (a documented difference).
			[[ $k == -q && ($o == -P* || $o == *numeric-perms*) ]] && continue
			echo "$k $o"
		done
		for o in "" -r -e -J -n -b --time-format=iso "-y -e" --noheadings; do
			echo "$k -o $GENERIC,${KIND_COLUMNS[$k]} $o"
			echo "$k -o ${KIND_COLUMNS[$k]} $o"
			echo "$k -o +${EXTRA_COLUMNS[$k]} $o"
		done
		for c in ${GENERIC//,/ } ${KIND_COLUMNS[$k]//,/ }; do
			echo "$k -o $c"
			echo "$k --output=$c -e"
		done
		for c in ${EXTRA_COLUMNS[$k]//,/ }; do
			echo "$k -o +$c -J"
		done
	done
	for o in "" -b -r -e -n -J -y "-o RESOURCE,USED" "-o +LIMIT" "-o USE%,DESCRIPTION" --noheadings "-J -y" \
		"-o RESOURCE,LIMIT -b"; do
		echo "-g $o"
		echo "$o"
	done
	for k in "-m -o RESOURCE,USED,USE%" "-q -o LIMIT,RESOURCE -b" "-s -o RESOURCE,DESCRIPTION -r"; do
		echo "-g $k"
	done
	for id in $(sysv_ids shm); do echo "-m -i $id"; done
	for id in $(sysv_ids msg); do echo "-q -i $id"; done
	# As uid 65534 a set others may not read is a documented difference (2.38 prints nothing).
	local perms
	while read -r id perms; do
		[ "${#REF_WRAP[@]}" -gt 0 ] && ((8#$perms % 8 < 4)) && continue
		echo "-s -i $id"
	done < <(awk 'NR > 1 { print $2, $3 }' /proc/sysvipc/sem)
	for k in -m -q -s; do
		for o in -t -c "-t -c" -l -r -e -n -J -b "--time-format=iso" "--time-format=short" "-o KEY,ID" \
			"-o +ID" "-c -o +ID" --noheadings -y "-l -t" "-J -c" "-e -y"; do
			echo "$k -i 0 $o"
		done
	done
}

# lsipc_run [STRIDE]: every combination (every STRIDE-th: the settings
# after the first, where only the data source or the user differs); the
# number run in LSIPC_RUNS.  The reference's results are cached per user.
# Under the sanitizers (IPCBOX_SANITIZE) every 8th of them: the same code
# paths, at a fraction of the time (each run is two processes).
lsipc_run() {
	local line n=0 user=root scale=1 stride
	[ "${IPCBOX_SANITIZE:-none}" = none ] || scale=8
	stride=$((${1:-1} * scale))
	[ "${#REF_WRAP[@]}" -eq 0 ] || user=nobody
	while read -r line; do
		n=$((n + 1))
		((n % stride == 0)) || continue
		# shellcheck disable=SC2086 # each line is a list of words
		LSIPC_CACHE=$user.$n lsipc_diff $line || true
	done < <(lsipc_combinations)
	echo "# $LSIPC_RUNS combinations, $LSIPC_FAILS differ [${REF_WRAP[*]}|${OURS_WRAP[*]}] source ${IPCBOX_SYSV_SOURCE:-auto}" >&3
	[ "$LSIPC_RUNS" -ge $((150 / scale)) ]
	[ "$LSIPC_FAILS" -eq 0 ]
}

@test "differential: root" {
	lsipc_run
}

@test "differential: uid 65534 (both tools)" {
	REF_WRAP=("${AS_NOBODY[@]}") OURS_WRAP=("${AS_NOBODY[@]}")
	lsipc_run
}

@test "differential: each System V source of ours (root)" {
	local src
	# Set in our shell, not by env(1): a process less per run (the reference ignores it).
	for src in stat_any proc stat; do
		LSIPC_RUNS=0
		IPCBOX_SYSV_SOURCE=$src lsipc_run 2
	done
}

@test "differential: each source readable by uid 65534" {
	local src
	# MSG_STAT and friends cannot see unreadable objects by design: stat only as root.
	for src in stat_any proc; do
		REF_WRAP=("${AS_NOBODY[@]}") OURS_WRAP=("${AS_NOBODY[@]}") LSIPC_RUNS=0
		IPCBOX_SYSV_SOURCE=$src lsipc_run 2
	done
}

@test "differential: /proc/sysvipc hidden, ours falls back" {
	OURS_WRAP=("${HIDE_SYSVIPC[@]}")
	"${OURS_WRAP[@]}" true 2>/dev/null || skip "cannot mount over /proc/sysvipc"
	lsipc_run 2
}

@test "options: spellings, bundles, errors and exit statuses" {
	local a
	while read -r a; do
		eval "lsipc_diff $a" || true
	done <<'EOF'
-i 1
-c
-t
-m -i abc
-m -i 1x
-m -i ' 1'
-m -i +1
-m -i 01
-m -i 0x1
-m -i 2147483648
-m -i 4294967296
-m -i ''
-g -i 1
-i 1 -g
-m -o FOO
-m -o FOO,KEY
-m -o KEY,
-m -o KEY,,
-m -o ,
-m -o KEY,FOO,ID
-m -o MSGS,FOO
-q -o SIZE
-s -o ATTACH
-m -o RESOURCE
-g -o SIZE,RESOURCE
-g -o KEY
-m -o ++KEY
-m -o key,id
-m -o 'KEY, ID'
-m --time-format=foo
-m --time-format
-m -o
-m --output
-x
--foo
-m -q
-q -s -m
-J -e
-r -n
-l -J
-n -l
-o KEY -t
-m -t -o KEY
-m -o +KEY -t
-m -o KEY -c
-m -c -t -o KEY
-x -V
--shm
--que
--sem
--glob
--noh -m
--notr -m
--tim -m
--time-f=iso -m -t
--cr -m
-mt
-mc
-qtc
-mJ
-sr
-moKEY
-m -oKEY,ID
-m --output=KEY
-m --output KEY
-m -i1
-mi1
-m --id=1
-o +KEY -o ID -m
-m -o KEY -o +ID
-m -b -b
-s --bytes --creator --time --export --shell --numeric-perms
-q --json --noheadings --notruncate
EOF
	[ "$LSIPC_FAILS" -eq 0 ]
}

@test "other time zones and the short time format's other days (faketime)" {
	local tz when
	for tz in XST-5:30 EST5EDT UTC0; do
		TZ=$tz lsipc_diff -s -t || true
		TZ=$tz lsipc_diff -m -t --time-format=iso || true
		TZ=$tz lsipc_diff -q -i 0 || true
	done
	# faketime preloads a library: a sanitizer build's runtime does not
	# start under it (the shared one refuses, the static one hangs).
	if [ "${IPCBOX_SANITIZE:-none}" = none ] && command -v faketime >/dev/null &&
		timeout 10 faketime '2026-01-01 00:00:00' "$OURS_LSIPC" --version >/dev/null 2>&1; then
		# Now is later: the objects were made another day, month, year.
		for when in "+2 hours" "+1 day" "+40 days" "+400 days" "-1 day"; do
			REF_WRAP=(faketime "$(date -d "$when" '+%Y-%m-%d %H:%M:%S')") OURS_WRAP=("${REF_WRAP[@]}")
			lsipc_diff -m -t || true
			lsipc_diff -q -t -J || true
		done
	fi
	[ "$LSIPC_FAILS" -eq 0 ]
}

@test "terminal: widths and the cut of COMMAND and STATUS (script)" {
	command -v script >/dev/null || skip "script (util-linux) not installed"
	local cols args
	for cols in 200 120 100 80 60 40; do
		for args in "-m" "-m -c" "-m -t" "-m --notruncate" "-g" "-q -c -t" "-s -i 0"; do
			capture theirs script -qec "stty cols $cols; PATH=${REF_LSIPC%/*}:\$PATH lsipc $args" /dev/null
			capture ours script -qec "stty cols $cols; PATH=${OURS_LSIPC%/*}:\$PATH lsipc $args" /dev/null
			if [ "$theirs_out" != "$ours_out" ]; then
				echo "# terminal $cols columns: lsipc $args" >&2
				diff -u <(visible "$theirs_out") <(visible "$ours_out") >&2 || true
				LSIPC_FAILS=$((LSIPC_FAILS + 1))
			fi
		done
	done
	[ "$LSIPC_FAILS" -eq 0 ]
}

# --- documented differences (lsipc(1)) ---------------------------------------

@test "difference: CGID is the creator's gid (2.38 shows the creator's uid)" {
	local id cgid
	# /proc/sysvipc/shm and msg: cuid and cgid are fields 10 and 11; sem: 7 and 8.
	id=$("$FIXTURE" owners 0:0:12345:54321 >/dev/null && awk '$10 == 12345 && $11 == 54321 { print $2; exit }' /proc/sysvipc/shm)
	[ -n "$id" ]
	theirs -m -i "$id" -o CUID,CGID -r --noheadings
	ours -m -i "$id" -o CUID,CGID -r --noheadings
	[ "$theirs_out" = $'12345 12345\nx' ]
	[ "$ours_out" = $'12345 54321\nx' ]
	cgid=$(awk '$10 == 12345 && $11 == 54321 { print $11; exit }' /proc/sysvipc/msg)
	ours -q -o CGID -r --noheadings
	[[ "$ours_out" == *"$cgid"* ]]
	# The rest of -c's table is 2.38's; its semaphore CGID is right.
	theirs -q -o KEY,ID,CUID,CGID,UID -c
	ours -q -o KEY,ID,CUID,CGID,UID -c
	[ "${ours_out//54321/12345}" = "$theirs_out" ]
	lsipc_diff -s -c
}

@test "difference: SEMMNS counts every semaphore (2.38: the first set's size times the sets)" {
	local id total
	id=$("$FIXTURE" sem 0 7 0600)
	total=$(awk 'NR > 1 { n += $4 } END { print n }' /proc/sysvipc/sem)
	theirs -g -s -o RESOURCE,USED -r --noheadings
	ours -g -s -o RESOURCE,USED -r --noheadings
	grep -qx "SEMMNS 25" <<<"${theirs_out%x}"	# 5 (the first set) x 5 sets
	grep -qx "SEMMNS $total" <<<"${ours_out%x}"
	[ "$total" -eq 27 ]
}

@test "difference: SHMALL's use is the kernel's page count (2.38 rounds the bytes' total down)" {
	local id kernel
	id=$("$FIXTURE" shm 0 1 0600)
	kernel=$(/usr/bin/ipcs -u | awk '/pages allocated/ { print $3 }')
	theirs -g -m -o RESOURCE,USED -r --noheadings
	ours -g -m -o RESOURCE,USED -r --noheadings
	grep -qx "SHMALL $kernel" <<<"${ours_out%x}"
	grep -qx "SHMALL $((kernel - 1))" <<<"${theirs_out%x}"
}

# drop_repeats: JSON lines without a member repeated in its object, and
# without the commas that end lines (dropping a last member moves one).
drop_repeats() {
	awk '/^ *[{}]/ { delete seen } /^ +"[^"]+": / { if (seen[$1]++) next } { sub(/,$/, ""); print }'
}

@test "difference: -J writes a column asked for twice once (2.38 repeats the member)" {
	local args
	for args in "-m -o +SIZE,CPID -J" "-q -o KEY,KEY,ID -J" "-s -o +NSEMS -J" "-g -o +USED -J"; do
		# shellcheck disable=SC2086
		theirs $args
		# shellcheck disable=SC2086
		ours $args
		[ "$ours_rc" = 0 ]
		[ "$(printf '%s' "${ours_out%x}" | drop_repeats)" = "$(printf '%s' "${theirs_out%x}" | drop_repeats)" ]
		[ "$ours_out" != "$theirs_out" ]
		printf '%s' "${ours_out%x}" | jq -e . >/dev/null
	done
	# Other output modes keep both columns.
	lsipc_diff -m -o +SIZE,CPID
	lsipc_diff -m -o +SIZE -e
}

@test "difference: -P shows queue permissions in octal (2.38 leaves PERMS empty)" {
	theirs -q -P -o PERMS,ID -r --noheadings
	ours -q -P -o PERMS,ID -r --noheadings
	[ "$(cut -d' ' -f1 <<<"${theirs_out%x}" | sort -u)" = "" ]
	[ "$(cut -d' ' -f1 <<<"${ours_out%x}")" = "$(awk 'NR > 1 { p = $3 % 1000; print (p ? "0" p : "0") }' /proc/sysvipc/msg)" ]
	# Everything else of the table is 2.38's.
	lsipc_diff -q -P -o KEY,ID,OWNER
}

@test "difference: -g with a kind shows only -g's columns (2.38 adds the kind's, empty)" {
	local k
	for k in -m -q -s; do
		theirs -g "$k" -o RESOURCE,DESCRIPTION,LIMIT,USED,USE%
		ours -g "$k"
		[ "$ours_out" = "$theirs_out" ]
		theirs -g "$k"
		[[ "${theirs_out%%$'\n'*}" == KEY* ]]
	done
	theirs -g -m -J -o RESOURCE,DESCRIPTION,LIMIT,USED,USE%
	ours -g -m -J
	[ "$ours_out" = "$theirs_out" ]
}

@test "difference: -i of a missing id exits 1 (2.38: 0), nothing on stdout" {
	local args
	for args in "-m -i 99999" "-q -i 2147483647" "-s -i 32768 -J"; do
		# shellcheck disable=SC2086
		theirs $args
		# shellcheck disable=SC2086
		ours $args
		[ "$theirs_rc" = 0 ]
		[ "$ours_rc" = 1 ]
		[ "$ours_err" = "$theirs_err" ]
		[ "$ours_out" = x ]
	done
}

@test "difference: a negative -i is refused (2.38: -1 lists everything, -5 shows id 0)" {
	theirs -m -i -1 -o ID --noheadings -l
	[ "$(printf '%s' "${theirs_out%x}" | wc -l)" -gt 1 ]
	theirs -m -i -5 -o ID
	[[ "$theirs_out" == "ID:"*" 0 "*x ]]
	for id in -1 -5; do
		ours -m -i "$id"
		[ "$ours_rc" = 1 ]
		[ "$ours_out" = x ]
		[ "$ours_err" = "lsipc: failed to parse IPC identifier: '$id'"$'\nx' ]
	done
}

@test "difference: an empty column name is an error with a message (2.38: silent exit 1)" {
	local list
	for list in ",KEY" "KEY,,ID" "" "+"; do
		theirs -m -o "$list"
		ours -m -o "$list"
		[ "$theirs_rc" = 1 ]
		[ "$theirs_err" = x ]
		[ "$ours_rc" = 1 ]
		[ "$ours_out" = x ]
		[[ "$ours_err" == "lsipc: "*"column name"*"'$list'"$'\nx' ]]
	done
}

@test "difference: an empty table in JSON names its kind (2.38: an empty name)" {
	local id
	id=$("$FIXTURE" shm 0x1234 4096 0600)
	# A kind with nothing: a private namespace of its own.
	run unshare --ipc "$OURS_LSIPC" -m -J
	[ "$status" -eq 0 ]
	[ "$output" = $'{\n   "sharedmemory": [\n   ]\n}' ]
	run unshare --ipc "$REF_LSIPC" -m -J
	[ "$output" = $'{\n   "": [\n\n   ]\n}' ]
	run unshare --ipc "$OURS_LSIPC" -m
	[ "$output" = "" ]
	/usr/bin/ipcrm -m "$id"
}

@test "difference: a kind given twice lists its columns once; arguments are refused" {
	theirs -m
	ours -m -m
	[ "$ours_out" = "$theirs_out" ]
	theirs -m -m
	[ "$theirs_out" != "$ours_out" ]
	ours -m extra
	[ "$ours_rc" = 1 ]
	[ "$ours_err" = $'lsipc: unexpected argument: extra\nTry \'lsipc --help\' for more information.\nx' ]
}

@test "difference: --help adds -M -Q -S -N and the POSIX columns (without those lines: 2.38's); --n also names --name" {
	local args posix='^ -[MQSN], --|^POSIX (columns|resource options)|^ +(NAME|MTIME|VALUE|MAXMSGS|MSGSIZE)  |^ +\(also OWNER|^ +SIZE with -M'
	# Ours beyond util-linux (lsipc(1), "ipcbox options"): their own blocks, at the end.
	posix+='|^ipcbox (options|columns)|^Namespace options:|^     --(owner|created-by|orphaned|older-than|key|sort|json-typed|namespace) |^ +(HOLDERS|RSS|SWAP|FILL)  '
	for args in -h --help "-m -h"; do
		# shellcheck disable=SC2086 # each is a list of words
		theirs $args
		# shellcheck disable=SC2086
		ours $args
		[ "$ours_rc" = 0 ]
		[ "$ours_err" = x ]
		[ "$(grep -cE "$posix" <<<"${ours_out%x}")" = 28 ]
		# The POSIX section and the blank line before it go: 2.38's page remains.
		[ "$(grep -vE "$posix" <<<"${ours_out%x}" | cat -s)" = "$(cat -s <<<"${theirs_out%x}")" ]
	done
	# An abbreviation 2.38 finds ambiguous names --name and --namespace too, --s
	# names --sort; one 2.38 finds unique keeps its meaning (--o is --output).
	theirs --n
	ours --n
	[ "$ours_rc" = "$theirs_rc" ]
	local last="'--numeric-perms'"
	[[ "$theirs_err" == *"$last"$'\n'* ]]
	[ "$ours_err" = "${theirs_err/"$last"/"$last '--name' '--namespace'"}" ]
	theirs --s
	ours --s
	last="'--shell'"
	[ "$ours_err" = "${theirs_err/"$last"/"$last '--sort'"}" ]
	lsipc_diff -m --o KEY,ID
	lsipc_diff -q --c --j
	lsipc_diff --sh
}

@test "difference: --version names ipcbox" {
	ours --version
	[ "$ours_out" = "lsipc from ipcbox $(sed -n "s/^ *version : '\(.*\)',/\1/p" "$SRC/meson.build")"$'\nx' ]
	[ "$ours_rc" = 0 ]
}

@test "difference: -s -i of an unreadable set as uid 65534: the set, then the warning" {
	local id
	id=$(awk 'NR > 1 && $3 ~ /600$/ { print $2; exit }' /proc/sysvipc/sem)
	[ -n "$id" ]
	REF_WRAP=("${AS_NOBODY[@]}") OURS_WRAP=("${AS_NOBODY[@]}")
	theirs -s -i "$id"
	[ "$theirs_rc" = 1 ]
	[ "$theirs_out" = x ]
	[ "$theirs_err" = $'lsipc: semctl(GETVAL) failed: Permission denied\nx' ]
	ours -s -i "$id"
	[ "$ours_rc" = 1 ]
	[ "$ours_err" = "$theirs_err" ]
	[[ "$ours_out" == *"Semaphores:"*"Elements:"* ]]
	# Without the elements there is nothing to fail.
	ours -s -i "$id" -J -o ID,NSEMS
	[ "$ours_rc" = 0 ]
	[ "$(printf '%s' "${ours_out%x}" | jq -r '.semaphores[0].id')" = "$id" ]
}

@test "difference: command lines are escaped everywhere, the same in every locale" {
	local pid id
	# A creator whose command line holds a tab, an escape sequence, a
	# right-to-left override, an e-acute, a quote, a dollar and a backslash.
	(exec -a $'my\tprog \e[31mred\xe2\x80\xae\xc3\xa9"$\\' perl -e 'defined shmget(0x99, 100, 01600) or die; sleep 30') &
	pid=$!
	for _ in $(seq 100); do
		id=$(awk '$1 == 153 { print $2 }' /proc/sysvipc/shm)
		[ -n "$id" ] && break
		sleep 0.05
	done
	[ -n "$id" ]
	theirs -m -i "$id" -o COMMAND
	ours -m -i "$id" -o COMMAND
	# 2.38's -i list prints it raw: the terminal would obey the escape.
	[[ "$theirs_out" == *$'\e[31m'* ]]
	[ "$ours_out" = "Creator command:                    my\\x09prog \\x1b[31mred\\xe2\\x80\\xaeé\"\$\\ -e defined shmget(0x99, 100, 01600) or die; sleep 30"$'\nx' ]
	# Table, raw and export agree with 2.38 but for the e-acute, which 2.38 escapes in the C locale.
	theirs -m -i "$id" -o COMMAND -l --noheadings
	ours -m -i "$id" -o COMMAND -l --noheadings
	[ "$ours_out" = "${theirs_out//\\xc3\\xa9/é}" ]
	theirs -m -i "$id" -o COMMAND -r --noheadings
	ours -m -i "$id" -o COMMAND -r --noheadings
	[ "$ours_out" = "${theirs_out//\\xc3\\xa9/é}" ]
	theirs -m -i "$id" -o COMMAND -e
	ours -m -i "$id" -o COMMAND -e
	[ "$ours_out" = "${theirs_out//\\xc3\\xa9/é}" ]
	# JSON: 2.38 writes the override raw; ours as \u202e.
	theirs -m -i "$id" -o COMMAND -J
	ours -m -i "$id" -o COMMAND -J
	[ "$ours_out" = "${theirs_out//$'\xe2\x80\xae'/\\u202e}" ]
	kill "$pid"
	wait "$pid" || true
	/usr/bin/ipcrm -m "$id"
}

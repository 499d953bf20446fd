#!/usr/bin/env bats
# shellcheck disable=SC2030,SC2031,SC2034,SC2154 # bats tests are subshells; capture sets NAME_out etc.
# ipcs: empty and crowded namespaces, limits (huge kernel.shmall and friends,
# set inside the private IPC namespace), output errors, and our deliberate
# differences from util-linux (asserted, not compared).

load helpers

setup() {
	require_ns
	ipcs_setting root
	reset_ipc
	# read, not a process per file: the values with tabs as spaces.
	local f v
	SYSCTLS=
	for f in shmall shmmax shmmni msgmax msgmnb msgmni sem; do
		read -r -a v <"/proc/sys/kernel/$f"
		SYSCTLS+="$f ${v[*]}"$'\n'
	done
	SYSCTLS=${SYSCTLS%$'\n'}
}

teardown() {
	# Stop fixture helpers, put the namespace's limits back, remove every object.
	fixture_stop
	local f v
	while read -r f v; do
		echo "$v" >"/proc/sys/kernel/$f"
	done <<<"$SYSCTLS"
	reset_ipc
}

# Every output mode over every resource selection, in the current setting.
all_modes() {
	local fails=$IPCS_FAILS mode
	for mode in "" -t -p -c -l -u -b --human "-l -b" "-l --human" "-u --human"; do
		# shellcheck disable=SC2086
		ipcs_matrix $mode || true
	done
	[ "$IPCS_FAILS" -eq "$fails" ]
}

# The object-listing modes over single resources: enough for crowded
# namespaces (all_modes covers the combinations on the standard fixture).
listing_modes() {
	local fails=$IPCS_FAILS mode res
	for mode in "" -t -p -c -u -b --human; do
		for res in "" -m -q -s; do
			# shellcheck disable=SC2086
			ipcs_diff $res $mode || true
		done
	done
	[ "$IPCS_FAILS" -eq "$fails" ]
}

# modes_in_settings FUNCTION SETTING...: FUNCTION in each setting that can
# run here.
modes_in_settings() {
	local fn=$1 s fails=$IPCS_FAILS ran=0
	shift
	# The objects do not change: the reference runs once per user.
	ipcs_ref_cache_on
	for s in "$@"; do
		ipcs_setting "$s"
		case $s in *nobody*) have_ids || continue ;; esac
		ran=1
		"$fn" || true
	done
	ipcs_ref_cache_off
	[ "$ran" = 1 ] || skip "no setting can run here"
	[ "$IPCS_FAILS" -eq "$fails" ]
}

@test "no objects at all: every mode, root and unprivileged" {
	[ -z "$(sysv_ids shm)$(sysv_ids msg)$(sysv_ids sem)" ]
	modes_in_settings all_modes root nobody
}

@test "no objects at all: /proc/sysvipc hidden or forced sources" {
	modes_in_settings listing_modes hidden hidden-nobody unreadable-nobody source-stat_any source-stat source-proc
}

@test "200 objects of each kind, with holes: root and unprivileged" {
	"$FIXTURE" many 200
	[ "$(sysv_ids shm | wc -l)" -gt 150 ]
	modes_in_settings listing_modes root nobody
}

@test "200 objects of each kind, with holes: /proc/sysvipc hidden" {
	"$FIXTURE" many 200
	modes_in_settings listing_modes hidden hidden-nobody unreadable-nobody
}

@test "200 objects of each kind, with holes: forced sources" {
	"$FIXTURE" many 200
	modes_in_settings listing_modes source-stat_any source-proc source-stat source-stat_any-nobody source-proc-nobody
}

@test "-i on objects with high ids (recreated slots)" {
	local i id
	for i in 1 2 3; do
		id=$("$FIXTURE" shm 0 4096 0644)
		/usr/bin/ipcrm -m "$id"
		id=$("$FIXTURE" msg 0 0644 0)
		/usr/bin/ipcrm -q "$id"
	done
	id=$("$FIXTURE" shm 0 4096 0644)
	[ "$id" -gt 32767 ]
	ipcs_diff -m -i "$id" || true
	id=$("$FIXTURE" msg 0 0644 3)
	ipcs_diff -q -i "$id" || true
	id=$("$FIXTURE" sem 0 7 0600)
	ipcs_diff -s -i "$id" || true
	all_modes || true
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "the default source is /proc/sysvipc when its header is the one parsed; else *_STAT_ANY" {
	# Issue 30: /proc first (the fastest), falling back when its layout is
	# unknown.  A private /proc/sysvipc: msg with the kernel's own lines but
	# a key only /proc says; shm with a header of other columns.
	"$FIXTURE" msg 0x5eed 0644 2 >/dev/null
	"$FIXTURE" shm 0x5eee 4096 0644 >/dev/null
	local dir=$BATS_TEST_TMPDIR/sysvipc want_q want_m
	mkdir "$dir"
	sed 's/^\( *\)24301 /\11234567 /' /proc/sysvipc/msg >"$dir/msg"
	grep -q ' 1234567 ' "$dir/msg"
	printf 'key shmid perms size newcolumn\n1 2 3 4 5\n' >"$dir/shm"
	cp /proc/sysvipc/sem "$dir/sem"
	want_q=$("$OURS_IPCS" -q | sed 's/^0x00005eed/0x0012d687/')
	want_m=$("$OURS_IPCS" -m)
	# shellcheck disable=SC2016 # expanded by the inner bash
	local fake=(unshare --mount --propagation private -- bash -c
		'mount -t tmpfs ipcbox-fake "$1" && cp "$0"/* /proc/sysvipc/ && shift && exec "$@"'
		"$dir" /proc/sysvipc)
	"${fake[@]}" true 2>/dev/null || skip "cannot mount over /proc/sysvipc here"
	run "${fake[@]}" "$OURS_IPCS" -q
	[ "$status" -eq 0 ]
	[ "$output" = "$want_q" ]
	run "${fake[@]}" "$OURS_IPCS" -m
	[ "$status" -eq 0 ]
	[ "$output" = "$want_m" ]
}

@test "huge and odd kernel.shmall values (-l, -b -l, --human -l)" {
	local v
	for v in 0 1 4096 2097152 4503599627370495 4503599627370496 4503599627370497 \
		9223372036854775807 9223372036854775808 18446744073692774399 18446744073709551615; do
		echo "$v" >/proc/sys/kernel/shmall
		[ "$(cat /proc/sys/kernel/shmall)" = "$v" ]
		ipcs_diff -l || true
		ipcs_diff -m -l || true
		ipcs_diff -m -l -b || true
		ipcs_diff -m -l --human || true
		ipcs_diff -a --limits --bytes --human || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "odd kernel.shmmax and shmmni values" {
	local v
	for v in 0 1 4095 4096 1048576 4294967295 4294967296 9223372036854775807 18446744073692774399 18446744073709551615; do
		echo "$v" >/proc/sys/kernel/shmmax
		ipcs_diff -m -l || true
		ipcs_diff -m -l -b || true
		ipcs_diff -m -l --human || true
	done
	for v in 0 1 32768; do
		echo "$v" >/proc/sys/kernel/shmmni
		ipcs_diff -m -l || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "odd message and semaphore limits" {
	local v
	for v in 0 1 1023 1024 1025 2147483647; do
		echo "$v" >/proc/sys/kernel/msgmnb
		echo "$v" >/proc/sys/kernel/msgmax
		ipcs_diff -q -l || true
		ipcs_diff -q -l -b || true
		ipcs_diff -q -l --human || true
	done
	for v in 0 1 32000; do
		echo "$v" >/proc/sys/kernel/msgmni
		ipcs_diff -q -l || true
	done
	for v in "0 0 0 0" "1 2 3 4" "250 32000 32 128" "32000 1024000000 500 32000" "65536 2147483647 1000 32768"; do
		echo "$v" >/proc/sys/kernel/sem || continue
		ipcs_diff -s -l || true
		ipcs_diff -s -l --human || true
		ipcs_diff -l -b || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "limits with /proc/sys/kernel hidden (IPC_INFO fallback)" {
	# Default limits: the reference reads /proc/sys/kernel; ours must give the
	# same numbers through IPC_INFO.
	echo 2097152 >/proc/sys/kernel/shmall
	echo 1073741824 >/proc/sys/kernel/shmmax
	local hide=(unshare --mount --propagation private -- bash -c
		'mount -t tmpfs -o mode=0755 ipcbox-nosys /proc/sys/kernel && exec "$@"' hide-sys)
	[ -z "$("${hide[@]}" ls -A /proc/sys/kernel)" ] || skip "cannot mount over /proc/sys/kernel"
	OURS_WRAP=("${hide[@]}") IPCS_SETTING=hidden-sys-kernel
	ipcs_diff -l || true
	ipcs_diff -l -b || true
	ipcs_diff -l --human || true
	ipcs_diff -u || true
	if have_ids; then
		REF_WRAP=("${AS_NOBODY[@]}") OURS_WRAP=("${hide[@]}" "${AS_NOBODY[@]}") IPCS_SETTING=hidden-sys-kernel-nobody
		ipcs_diff -l || true
		ipcs_diff -s -l --human || true
	fi
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "owner names of every length, huge uids and keys (private /etc/passwd)" {
	require_ids 1001 1002 1003 1004 1005 2147483648 3000000000 4294967294
	# Users and groups exist only in this test's private mount namespace:
	# /etc/passwd and /etc/group are bind-mounted over for both tools.
	local etc=$BATS_TEST_TMPDIR/etc
	mkdir -p "$etc"
	{
		grep -E '^(root|nobody):' /etc/passwd
		echo 'abcdefghi:x:1001:1001::/:/bin/false'
		echo 'abcdefghij:x:1002:1002::/:/bin/false'
		echo 'abcdefghijk:x:1003:1003::/:/bin/false'
		echo 'a-user-name-of-thirty-two-chars-:x:1004:1004::/:/bin/false'
		printf 'x\303\204\303\226\303\234\303\244\303\266\303\274\303\237:x:1005:1005::/:/bin/false\n'
		echo 'bigsigned:x:2147483648:1002::/:/bin/false'
	} >"$etc/passwd"
	{
		grep -E '^(root|nogroup|users):' /etc/group
		echo 'g-abcdefg:x:1001:'
		echo 'g-abcdefgh:x:1002:'
		echo 'g-abcdefghi:x:1003:'
		echo 'a-group-name-of-thirty-two-char-:x:1004:'
		printf 'g\303\204\303\226\303\234\303\244\303\266\303\274:x:1005:\n'
		echo 'biggroup:x:2147483648:'
	} >"$etc/group"
	# shellcheck disable=SC2016 # expanded by the inner bash
	local names=(unshare --mount --propagation private -- bash -c
		'mount --bind "$0/passwd" /etc/passwd && mount --bind "$0/group" /etc/group && exec "$@"' "$etc")
	[ "$("${names[@]}" getent passwd 1003 | cut -d: -f1)" = abcdefghijk ] || skip "cannot bind-mount over /etc/passwd"

	"$FIXTURE" owners 1001:1001:1002:1002 1003:1003:1004:1004 1005:1005:0:1003 \
		2147483648:2147483648:4294967294:4294967294 3000000000:1002:1001:3000000000 \
		1004:4294967294:1005:1004 1002:1005:2147483648:1001
	"$FIXTURE" shm 0x80000000 1 0600 >/dev/null
	"$FIXTURE" msg 0x80000000 0600 1 >/dev/null
	"$FIXTURE" sem 0x80000001 1 0600 >/dev/null

	local s mode res kind id
	ipcs_ref_cache_on	# the objects do not change: the reference runs once per user
	for s in root nobody hidden hidden-nobody; do
		ipcs_setting "$s"
		case $s in *nobody*) have_ids || continue ;; esac
		REF_WRAP=("${names[@]}" "${REF_WRAP[@]}") OURS_WRAP=("${names[@]}" "${OURS_WRAP[@]}")
		for mode in "" -t -p -c -b --human; do
			for res in "" -m -q -s; do
				# shellcheck disable=SC2086
				ipcs_diff $res $mode || true
			done
		done
		for kind in m:shm q:msg s:sem; do
			for id in $(sysv_ids "${kind#*:}"); do
				ipcs_diff "-${kind%%:*}" -i "$id" || true
			done
		done
	done
	ipcs_ref_cache_off
	[ "$IPCS_FAILS" -eq 0 ]
}

# Sizes around every unit boundary and rounding step of --human, and a
# deterministic spread of others (the LCG below).
human_sizes() {
	local e b x=12345
	echo 1 2 9 10 99 100 999 1000 1023 1024 1025 1075 1076 1100 1126 1127 1536 2047 2048 \
		10239 10240 10241 10700 10752 102399 102400 1048575 1048576 1048577 1100000 1572864 \
		10485759 10485760 1073741823 1073741824 1073741825 1610612736 4294967295 4294967296 \
		5000000000 1099511627775 1099511627776 1125899906842623 1125899906842624 \
		1152921504606846975 1152921504606846976 4611686018427387904
	for e in $(seq 1 40); do
		x=$(( (x * 1103515245 + 12345) % 2147483648 ))
		b=$(( e % 12 * 5 + 1 ))
		echo $(( (x % 1000 + 1) << (b > 52 ? 52 : b) ))
	done
}

@test "--human and -b size formatting across units" {
	local size id n
	for size in $(human_sizes); do
		"$FIXTURE" shm 0 "$size" 0600 >/dev/null
	done
	for n in 1 2 10 14 20 45 100 101 150 200; do
		"$FIXTURE" msg 0 0600 "$n" >/dev/null
	done
	ipcs_diff -m --human || true
	ipcs_diff -m -b || true
	ipcs_diff -m || true
	ipcs_diff -q --human || true
	ipcs_diff -u --human || true
	for id in $(sysv_ids shm); do
		ipcs_diff -m -i "$id" --human || true
	done
	for id in $(sysv_ids msg); do
		ipcs_diff -q -i "$id" --human || true
	done
	for size in $(human_sizes); do
		[ "$size" -le 2147483647 ] || continue
		echo "$size" >/proc/sys/kernel/msgmnb
		echo "$size" >/proc/sys/kernel/msgmax
		ipcs_diff -q -l --human || true
	done
	for size in $(human_sizes); do
		echo "$size" >/proc/sys/kernel/shmmax
		echo "$size" >/proc/sys/kernel/shmall
		ipcs_diff -m -l --human || true
		ipcs_diff -m -l -b || true
		ipcs_diff -m -l || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "no /proc at all: objects and limits through the kernel calls only" {
	# shellcheck disable=SC2016 # expanded by the inner bash
	local noproc=(unshare --mount --propagation private -- bash -c
		'mount -t tmpfs -o mode=0755 ipcbox-noproc /proc && exec "$@"' no-proc)
	"${noproc[@]}" env PATH="${OURS_IPCS%/*}:$PATH" ipcs --version >/dev/null 2>&1 ||
		skip "our ipcs cannot start without /proc here (sanitizer build?)"
	# shellcheck disable=SC2046 # ids are single words
	require_ids $(fixture_ids)
	local pids=$BATS_TEST_TMPDIR/pids
	FIXTURE_PIDS=$pids
	"$FIXTURE" standard "$pids"
	local s mode res
	for s in root nobody; do
		ipcs_setting "$s"
		case $s in *nobody*) have_ids || continue ;; esac
		OURS_WRAP=("${noproc[@]}" "${OURS_WRAP[@]}") IPCS_SETTING=no-proc-$s
		for mode in "" -t -p -c -l -u -b --human "-l --human" "-l -b"; do
			for res in "" -m -q -s; do
				# shellcheck disable=SC2086
				ipcs_diff $res $mode || true
			done
		done
		ipcs_diff -s -i "$(sysv_ids sem | head -1)" || true
		ipcs_diff -m -i "$(sysv_ids shm | head -1)" || true
		ipcs_diff -q -i "$(sysv_ids msg | head -1)" || true
	done
	fixture_stop
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "fixture objects under the summary (-u) after changes" {
	local id
	id=$("$FIXTURE" shm 0x77 10000000 0600)
	"$FIXTURE" msg 0x78 0600 50 >/dev/null
	"$FIXTURE" sem 0x79 100 0600 >/dev/null
	ipcs_diff -u || true
	ipcs_diff -u --human || true
	ipcs_diff -u -b || true
	/usr/bin/ipcrm -m "$id"
	ipcs_diff -u || true
	[ "$IPCS_FAILS" -eq 0 ]
}

# --- output errors ----------------------------------------------------------

@test "ipcs > /dev/full: write error, exit 1 (every mode)" {
	"$FIXTURE" many 20
	local id a
	id=$(sysv_ids shm | head -1)
	for a in "" -a -m -q -s -t -p -c -l -u -b --human "-m -i $id" "-l --human"; do
		# shellcheck disable=SC2086
		ipcs_ours $a >/dev/full 2>"$BATS_TEST_TMPDIR/err" && rc=0 || rc=$?
		if [ "$rc" != 1 ] || [ "$(cat "$BATS_TEST_TMPDIR/err")" != "ipcs: write error: No space left on device" ]; then
			echo "# ipcs $a >/dev/full: exit $rc, stderr:" >&2
			cat "$BATS_TEST_TMPDIR/err" >&2
			IPCS_FAILS=$((IPCS_FAILS + 1))
		fi
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "ipcs --help and --version > /dev/full: write error, exit 1" {
	local a rc
	for a in --help --version; do
		ipcs_ours $a >/dev/full 2>"$BATS_TEST_TMPDIR/err" && rc=0 || rc=$?
		[ "$rc" = 1 ]
		[ "$(cat "$BATS_TEST_TMPDIR/err")" = "ipcs: write error: No space left on device" ]
	done
}

@test "ipcs | head -1 ends quietly" {
	"$FIXTURE" many 1000
	local a
	for a in "" -c -t "-a --human"; do
		# shellcheck disable=SC2086
		ipcs_ours $a 2>"$BATS_TEST_TMPDIR/err" | head -1 >"$BATS_TEST_TMPDIR/out"
		local rc=${PIPESTATUS[0]}
		if [ -s "$BATS_TEST_TMPDIR/err" ] || { [ "$rc" != 0 ] && [ "$rc" != 141 ]; } ||
			[ "$(cat "$BATS_TEST_TMPDIR/out")" != "" ]; then
			echo "# ipcs $a | head -1: exit $rc, stderr:" >&2
			cat "$BATS_TEST_TMPDIR/err" >&2
			IPCS_FAILS=$((IPCS_FAILS + 1))
		fi
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "ipcs | head -1 ends quietly without /proc/sysvipc" {
	"$FIXTURE" many 1000
	"${HIDE_SYSVIPC[@]}" env PATH="${OURS_IPCS%/*}:$PATH" ipcs -c 2>"$BATS_TEST_TMPDIR/err" | head -1 >/dev/null
	local rc=${PIPESTATUS[0]}
	[ ! -s "$BATS_TEST_TMPDIR/err" ] || { cat "$BATS_TEST_TMPDIR/err" >&2; return 1; }
	[ "$rc" = 0 ] || [ "$rc" = 141 ]
}

# --- deliberate differences and our own behaviour -----------------------------

@test "-i with a negative id is rejected (deliberate)" {
	local kind a
	"$FIXTURE" shm 0x10 100 0600 >/dev/null
	for kind in -m -q -s; do
		for a in -1 -5 -2147483648; do
			capture ours ipcs_ours "$kind" -i "$a"
			if [ "$ours_rc" != 1 ] || [ "$ours_out" != x ] || [[ "$ours_err" != "ipcs: "* ]]; then
				echo "# ipcs $kind -i $a: exit $ours_rc, stdout [${ours_out%x}], stderr [${ours_err%x}]" >&2
				IPCS_FAILS=$((IPCS_FAILS + 1))
			fi
		done
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i of a missing id: the reference's warning, exit 1 (deliberate)" {
	local kind
	for kind in -m -q -s; do
		capture ours ipcs_ours "$kind" -i 4242
		[ "$ours_rc" = 1 ]
		[ "$ours_out" = x ]
		[ "$ours_err" = $'ipcs: id 4242 not found\nx' ]
	done
}

@test "extra operands are a usage error (deliberate)" {
	local args
	for args in "foo" "-m foo" "foo -m" "-- foo" "-l 1" "-m -i 0 bar"; do
		# shellcheck disable=SC2086
		capture ours ipcs_ours $args
		if [ "$ours_rc" != 1 ] || [ "$ours_out" != x ] ||
			[[ "$ours_err" != "ipcs: "*$'\n'"Try 'ipcs --help' for more information."$'\nx' ]]; then
			echo "# ipcs $args: exit $ours_rc, stdout [${ours_out%x}], stderr [${ours_err%x}]" >&2
			IPCS_FAILS=$((IPCS_FAILS + 1))
		fi
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "--help and -h: usage on stdout, exit 0" {
	local a
	for a in --help -h "-m --help"; do
		# shellcheck disable=SC2086
		capture ours ipcs_ours $a
		[ "$ours_rc" = 0 ]
		[ "$ours_err" = x ]
		[[ "$ours_out" == $'\nUsage:\n ipcs '* ]]
		[[ "$ours_out" == *"--human"* ]]
	done
}

@test "--help lists every option of the reference" {
	local opt
	capture ours ipcs_ours --help
	for opt in --id --shmems --queues --semaphores --all --time --pid --creator --limits --summary --bytes --human --help --version; do
		[[ "$ours_out" == *"$opt"* ]] || { echo "missing $opt" >&2; return 1; }
	done
}

@test "--version and -V" {
	local want
	want="ipcs from ipcbox $(sed -n "s/^ *version : '\(.*\)',/\1/p" "$SRC/meson.build")"
	for a in --version -V "-m -V"; do
		# shellcheck disable=SC2086
		capture ours ipcs_ours $a
		[ "$ours_rc" = 0 ]
		[ "$ours_err" = x ]
		[ "$ours_out" = "$want"$'\nx' ]
	done
}

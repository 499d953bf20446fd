#!/usr/bin/env bats
# shellcheck disable=SC2030,SC2031,SC2034,SC2154 # bats tests are subshells; capture sets NAME_out etc.
# Differential ipcs suite: our ipcs against /usr/bin/ipcs (util-linux), byte
# for byte (stdout, stderr, exit status) on the standard fixture, for every
# mode and combination of options.
#
# tests/meson.build runs this file once per setting ($IPCS_SETTING):
#   root                    both tools as root
#   nobody                  both as uid/gid 65534 (setpriv)
#   hidden                  ours with /proc/sysvipc hidden (empty tmpfs), as
#                           root, against the reference's normal output
#   hidden-nobody           the same as uid 65534
#   unreadable-nobody       ours with unreadable /proc/sysvipc files, uid 65534
#   source-SRC[-nobody]     ours with IPCBOX_SYSV_SOURCE=SRC (stat_any, proc,
#                           stat; stat only as root: MSG_STAT and friends
#                           cannot see unreadable objects by design)

load helpers

setup_file() {
	ipcs_setting "${IPCS_SETTING:-root}"
	# Whether the setting can run here, found once (a dozen processes)
	# rather than in each test's setup: why not, or empty.
	IPCBOX_SETTING_SKIP=$(skip() { echo "$*"; exit 0; }; require_setting)
	export IPCBOX_SETTING_SKIP
	# shellcheck disable=SC2046 # ids are single words
	file_require_ids $(fixture_ids) || return 0
	fixture_start
	SHM_IDS=$(sysv_ids shm | tr '\n' ' ')
	MSG_IDS=$(sysv_ids msg | tr '\n' ' ')
	SEM_IDS=$(sysv_ids sem | tr '\n' ' ')
	export SHM_IDS MSG_IDS SEM_IDS
}

teardown_file() {
	fixture_stop
}

setup() {
	file_skip
	ipcs_setting "${IPCS_SETTING:-root}"
	[ -z "$IPCBOX_SETTING_SKIP" ] || skip "$IPCBOX_SETTING_SKIP"
}

@test "fixture: every object kind is present" {
	[ "$(wc -w <<<"$SHM_IDS")" -eq 10 ]
	[ "$(wc -w <<<"$MSG_IDS")" -eq 5 ]
	[ "$(wc -w <<<"$SEM_IDS")" -eq 4 ]
	grep -q ' 1600 ' /proc/sysvipc/shm	# dest
	grep -q ' 3660 ' /proc/sysvipc/shm	# dest + locked
	grep -q ' 2640 ' /proc/sysvipc/shm	# locked
	grep -q ' 5368709120 ' /proc/sysvipc/shm
	grep -q ' 1099511627776 ' /proc/sysvipc/shm
}

@test "fixture: an owner name longer than 10 characters" {
	[ -n "$IPCBOX_FIXTURE_LONG_UID" ] || skip "no user name longer than 10 characters in passwd"
	[ "$(getent passwd "$IPCBOX_FIXTURE_LONG_UID" | cut -d: -f1 | wc -c)" -gt 11 ]
	awk -v u="$IPCBOX_FIXTURE_LONG_UID" '$8 == u { found = 1 } END { exit !found }' /proc/sysvipc/shm
}

@test "setting: the hidden/forced source really applies" {
	case $IPCS_SETTING in
	hidden*) [ -z "$("${OURS_WRAP[@]}" ls -A /proc/sysvipc)" ] ;;
	unreadable*) ! "${OURS_WRAP[@]}" cat /proc/sysvipc/shm 2>/dev/null ;;
	*nobody*) [ "$("${OURS_WRAP[@]}" id -u)" = 65534 ] ;;
	source-*) "${OURS_WRAP[@]}" printenv IPCBOX_SYSV_SOURCE ;;
	root) [ "$(id -u)" = 0 ] ;;
	esac
}

@test "default output" {
	ipcs_matrix
}

@test "-t / --time" {
	ipcs_matrix -t
	root_matrix --time
}

@test "-p / --pid" {
	ipcs_matrix -p
	root_matrix --pid
}

@test "-c / --creator" {
	ipcs_matrix -c
	root_matrix --creator
}

@test "-l / --limits" {
	ipcs_matrix -l
	root_matrix --limits
}

@test "-u / --summary" {
	ipcs_matrix -u
	root_matrix --summary
}

@test "-b / --bytes" {
	ipcs_matrix -b
	root_matrix --bytes
}

@test "--human" {
	ipcs_matrix --human
}

@test "-b and --human with -l" {
	ipcs_matrix -b -l
	root_matrix -l --bytes
	ipcs_matrix --human -l
	root_matrix --limits --human
	ipcs_matrix -b --human -l
	root_matrix --human -b -l
}

@test "-b and --human with -u" {
	ipcs_matrix -b -u
	ipcs_matrix --human -u
	root_matrix -u --human -b
}

@test "-b and --human with -t, -p, -c" {
	ipcs_matrix -b -t
	ipcs_matrix --human -p
	ipcs_matrix -c -b --human
}

@test "-b and --human together" {
	ipcs_matrix -b --human
	root_matrix --human -b
}

@test "conflicting output options: -t -p -c" {
	root_setting_only
	ipcs_matrix -t -p
	ipcs_matrix -p -t
	ipcs_matrix -c -t
	ipcs_matrix -t -c
	ipcs_matrix -p -c
	ipcs_matrix -t -p -c
	ipcs_matrix -c -p -t
}

@test "conflicting output options: -l and -u" {
	root_setting_only
	ipcs_matrix -l -u
	ipcs_matrix -u -l
	ipcs_matrix -t -l
	ipcs_matrix -l -t
	ipcs_matrix -u -p
	ipcs_matrix -c -u
	ipcs_matrix --summary --limits --creator
}

@test "other time zones and locales" {
	root_setting_only
	local tz a
	# POSIX TZ strings: no tzdata needed.
	for tz in XST-5:30 EST5EDT,M3.2.0,M11.1.0 UTC0 NZST-12NZDT,M9.5.0,M4.1.0/3; do
		for a in -t "-s -t" "-m -i ${SHM_IDS%% *}" "-q -i ${MSG_IDS%% *}" "-s -i ${SEM_IDS%% *}"; do
			# shellcheck disable=SC2086
			TZ=$tz ipcs_diff $a || true
		done
	done
	for a in "" -t --human "-l --human" "-s -i ${SEM_IDS%% *}"; do
		# shellcheck disable=SC2086
		LC_ALL=C.UTF-8 ipcs_diff $a || true
		# shellcheck disable=SC2086
		LC_ALL= LANG= ipcs_diff $a || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "bundled short options" {
	root_setting_only
	local a
	for a in -mt -qp -sc -al -au -ab -tm -lb -mu -sqt -bmq -ms -qa; do
		ipcs_diff "$a" || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "abbreviated long options" {
	root_setting_only
	local a
	for a in --shm --q --sem --al --ti --pi --cr --li --su --by --hum; do
		ipcs_diff "$a" || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i: every shared memory segment" {
	local id
	for id in $SHM_IDS; do
		ipcs_diff -m -i "$id" || true
		[ "$IPCS_SETTING" = root ] || continue
		ipcs_diff -i "$id" --shmems || true
		ipcs_diff --id "$id" -m || true
		ipcs_diff --id="$id" -m || true
		ipcs_diff -mi"$id" || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i: every message queue" {
	local id
	for id in $MSG_IDS; do
		ipcs_diff -q -i "$id" || true
		[ "$IPCS_SETTING" = root ] || continue
		ipcs_diff -i "$id" --queues || true
		ipcs_diff --id="$id" -q || true
		ipcs_diff -qi"$id" || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i: every semaphore set (per-semaphore table)" {
	local id
	for id in $SEM_IDS; do
		ipcs_diff -s -i "$id" || true
		[ "$IPCS_SETTING" = root ] || continue
		ipcs_diff -i "$id" --semaphores || true
		ipcs_diff --id="$id" -s || true
		ipcs_diff -si"$id" || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i with output options" {
	local kind id opt
	for kind in m q s; do
		case $kind in m) id=${SHM_IDS%% *} ;; q) id=${MSG_IDS%% *} ;; s) id=${SEM_IDS%% *} ;; esac
		for opt in -t -p -c -l -u -b --human "-b --human" "-l -b" "-u --human"; do
			# shellcheck disable=SC2086
			ipcs_diff -$kind -i "$id" $opt || true
			# shellcheck disable=SC2086
			ipcs_diff $opt -$kind -i "$id" || true
		done
	done
	# The 5 GiB segment with -b and --human.
	ipcs_diff -m -i "$(awk '$4 == 5368709120 { print $2 }' /proc/sysvipc/shm)" --human || true
	ipcs_diff -m -i "$(awk '$4 == 5368709120 { print $2 }' /proc/sysvipc/shm)" -b || true
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i given twice: the last one counts" {
	root_setting_only
	# shellcheck disable=SC2086
	set -- $SHM_IDS
	ipcs_diff -m -i "$1" -i "$2" || true
	ipcs_diff -m -i 99999 -i "$3" || true
	# shellcheck disable=SC2086
	set -- $SEM_IDS
	ipcs_diff -s -i "$2" --id "$1" || true
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i id syntax accepted by the reference" {
	root_setting_only
	local id=${SHM_IDS%% *}
	ipcs_diff -m -i " $id" || true
	ipcs_diff -m -i "+$id" || true
	ipcs_diff -m -i "00$id" || true
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i errors: no resource, several resources, -a" {
	local id=${SHM_IDS%% *}
	ipcs_diff -i "$id" || true
	ipcs_diff -m -q -i "$id" || true
	ipcs_diff -i "$id" -s -m || true
	ipcs_diff -a -i "$id" || true
	ipcs_diff -i "$id" --all || true
	ipcs_diff -i "$id" -l || true
	ipcs_diff -i "$id" -u -t || true
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i errors: bad id arguments" {
	root_setting_only
	local a
	for a in abc "" 1abc 0x1 1.5 " " 2147483648 4294967297 99999999999 -99999999999 9223372036854775808; do
		ipcs_diff -m -i "$a" || true
		ipcs_diff -q -i "$a" || true
		ipcs_diff -i "$a" || true
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "-i of a missing id: same warning, but ours exits 1 (deliberate)" {
	local kind
	for kind in -m -q -s; do
		for id in 99999 2147483647 32768; do
			capture theirs "${REF_WRAP[@]}" env PATH="${REF_IPCS%/*}:$PATH" ipcs "$kind" -i "$id"
			capture ours "${OURS_WRAP[@]}" env PATH="${OURS_IPCS%/*}:$PATH" ipcs "$kind" -i "$id"
			[ "$theirs_rc" = 0 ] || { echo "reference exit changed: $theirs_rc" >&2; return 1; }
			if [ "$ours_out" != "$theirs_out" ] || [ "$ours_err" != "$theirs_err" ] || [ "$ours_rc" != 1 ]; then
				echo "# ipcs $kind -i $id: ours rc=$ours_rc out=[${ours_out%x}] err=[${ours_err%x}]; want rc=1 out=[${theirs_out%x}] err=[${theirs_err%x}]" >&2
				IPCS_FAILS=$((IPCS_FAILS + 1))
			fi
		done
	done
	[ "$IPCS_FAILS" -eq 0 ]
}

@test "usage errors: bad options and missing arguments" {
	root_setting_only
	local a
	for a in -x -Z --frob --human=1 --shmems=1 --h -i --id -- -m-i ; do
		ipcs_diff "$a" || true
	done
	ipcs_diff -m -x || true
	ipcs_diff -q --nope -s || true
	ipcs_diff -x -i || true
	ipcs_diff -m -i || true
	ipcs_diff -i -m || true
	[ "$IPCS_FAILS" -eq 0 ]
}

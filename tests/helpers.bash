# shellcheck shell=bash
# shellcheck disable=SC2034,SC2154,SC2119,SC2120 # variables shared with the bats files; capture sets NAME_out etc.; ids are optional arguments
# Shared helpers for the bats files.  Every file runs under tests/ns-run, in
# a private IPC namespace with private /dev/shm and /dev/mqueue.

BUILD=${IPCBOX_BUILD_DIR:?run the tests through meson test}
SRC=${IPCBOX_SOURCE_DIR:?run the tests through meson test}
export LC_ALL=C TZ=UTC

# The reference tools, or skip a differential test cleanly without them.
ref() {
	local cmd=$1; shift
	[ -x "/usr/bin/$cmd" ] || skip "reference /usr/bin/$cmd not installed"
	"/usr/bin/$cmd" "$@"
}

require_ns() {
	[ "${IPCBOX_IN_NS:-}" = 1 ] || { echo "not inside tests/ns-run: refusing to touch host IPC" >&2; return 1; }
}

# ---------------------------------------------------------------------------
# What the environment allows.  tests/ns-run makes each file root of private
# namespaces: real root; or, for a normal user, root of a user namespace that
# maps one id (the user's own), or with newuidmap/newgidmap (Debian: uidmap)
# and a subordinate id range in /etc/subuid and /etc/subgid, 65536 ids.  A
# test that needs what is missing calls one of these and skips with one line
# saying what.

IDS_HOW="run as root, or install uidmap and give this user a subuid and subgid range"

# id_mapped ID MAPFILE: ID is mapped in /proc/self/uid_map or gid_map.
id_mapped() {
	awk -v id="$1" '$1 <= id + 0 && id + 0 < $1 + $3 { found = 1 } END { exit !found }' "$2"
}

# ids_missing [ID...]: print why this namespace cannot act as several users
# and return 1; return 0 silently when it can.  "Several users": become
# uid/gid 65534 with setpriv and run our programs there, and make files and
# objects owned by each ID (as uid and as gid).
ids_missing() {
	local id unmapped=() map
	command -v setpriv >/dev/null || { echo "needs setpriv (util-linux)"; return 1; }
	for id in 65534 "$@"; do
		for map in /proc/self/uid_map /proc/self/gid_map; do
			if ! id_mapped "$id" "$map"; then
				unmapped+=("$id")
				break
			fi
		done
	done
	if [ "${#unmapped[@]}" -gt 0 ]; then
		if [ "$(awk '{ n += $3 } END { print n }' /proc/self/uid_map)" -le 1 ]; then
			echo "needs several uids ($IDS_HOW)"
		elif [ "$(printf '%s\n' "${unmapped[@]}" | sort -n | tail -n 1)" -le 65535 ]; then
			echo "needs uids ${unmapped[*]}, beyond the subordinate ids mapped here (give this user a subuid and subgid range of 65536 ids, or run as root)"
		else
			echo "needs uids ${unmapped[*]}, beyond the subordinate ids mapped here (run as root)"
		fi
		return 1
	fi
	setpriv --reuid=65534 --regid=65534 --clear-groups "$BUILD/ipcbox" --list >/dev/null 2>&1 ||
		{ echo "uid 65534 cannot run $BUILD/ipcbox (setpriv refused, or a directory above it is not searchable by others)"; return 1; }
}

# have_ids [ID...]: ids_missing as a condition, for parts of a test.
have_ids() {
	ids_missing "$@" >/dev/null
}

# require_ids [ID...]: skip the test unless it can act as several users.
require_ids() {
	local why
	why=$(ids_missing "$@") || skip "$why"
}

# bats 1.8 cannot skip from setup_file: there, file_require_ids [ID...]
# records the reason in IPCBOX_FILE_SKIP and returns 1; each test's setup
# calls file_skip.
file_require_ids() {
	IPCBOX_FILE_SKIP=$(ids_missing "$@") || true
	export IPCBOX_FILE_SKIP
	[ -z "$IPCBOX_FILE_SKIP" ]
}

file_skip() {
	[ -z "${IPCBOX_FILE_SKIP:-}" ] || skip "$IPCBOX_FILE_SKIP"
}

# The owners of the standard fixture (tests/fixture.c).
fixture_ids() {
	echo 100 998 12345 54321 65534 "$(long_name_uid)"
}

# Remove every System V and POSIX object of the private namespace: one
# ipcrm for all of them (a process per object made crowded tests slow).
# The usual frame of a test file: in the private namespace, every object
# removed before and after each test.  A file calls it at the top level.
# shellcheck disable=SC2317 # bats calls setup and teardown
fresh_ipc_each_test() {
	setup() {
		require_ns
		reset_ipc
	}
	teardown() {
		reset_ipc
	}
}

# with_passwd FILE CMD...: CMD with FILE as /etc/passwd (a mount namespace of its own).
with_passwd() {
	# shellcheck disable=SC2016 # expanded by the inner bash
	unshare --mount --propagation private bash -c 'mount --bind "$1" /etc/passwd && shift && exec "$@"' _ "$@"
}

reset_ipc() {
	require_ns
	local kind id args=()
	for kind in shm:-m msg:-q sem:-s; do
		{
			read -r _	# the header line
			while read -r _ id _; do
				args+=("${kind#*:}" "$id")
			done
		} <"/proc/sysvipc/${kind%%:*}"
	done
	[ "${#args[@]}" -eq 0 ] || /usr/bin/ipcrm "${args[@]}"
	find /dev/shm /dev/mqueue -mindepth 1 -delete
}

# capture NAME CMD...: stdout, stderr and status of CMD into NAME_out/_err/_rc.
# Each text ends with an extra "x", so that trailing newlines are kept.
capture() {
	local name=$1; shift
	# In a test's own directory the files are reused and left to bats to
	# remove: an rm per capture costs a process.
	local dir=${BATS_TEST_TMPDIR:-${BATS_FILE_TMPDIR:-}}
	local tmp=${dir:-${TMPDIR:-/tmp}}/capture.$BASHPID
	local out=$tmp.out err=$tmp.err rc=0 text
	"$@" >"$out" 2>"$err" || rc=$?
	# read -d '' takes the whole file (no NUL bytes in our outputs) without
	# the forks of $(cat).
	IFS= read -r -d '' text <"$out" || true
	printf -v "${name}_out" '%sx' "$text"
	IFS= read -r -d '' text <"$err" || true
	printf -v "${name}_err" '%sx' "$text"
	printf -v "${name}_rc" '%s' "$rc"
	[ -n "$dir" ] || rm -f "$out" "$err"
}

# same_as_ref CMD ARGS...: ours and the reference agree byte for byte.
same_as_ref() {
	local cmd=$1; shift
	[ -x "/usr/bin/$cmd" ] || skip "reference /usr/bin/$cmd not installed"
	capture theirs "/usr/bin/$cmd" "$@"
	capture ours "$BUILD/$cmd" "$@"
	if [ "$theirs_out" != "$ours_out" ] || [ "$theirs_err" != "$ours_err" ] || [ "$theirs_rc" != "$ours_rc" ]; then
		echo "# $cmd $*" >&2
		diff -u <(printf '%s' "$theirs_out") <(printf '%s' "$ours_out") >&2 || true
		diff -u <(printf '%s' "$theirs_err") <(printf '%s' "$ours_err") >&2 || true
		echo "# status: reference $theirs_rc, ours $ours_rc" >&2
		return 1
	fi
}

# A snapshot of all IPC state, for "nothing changed" assertions.
ipc_state() {
	local f
	for f in /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem; do
		echo "== $f"; cat "$f"
	done
	echo "== /dev/shm"; (cd /dev/shm && ls -la --time-style=+ . )
	echo "== /dev/mqueue"; (cd /dev/mqueue && ls -la --time-style=+ . && { cat -- * 2>/dev/null || true; })
}

# ---------------------------------------------------------------------------
# Differential ipcs helpers.

# Our ipcs; IPCBOX_TEST_OURS_IPCS=/usr/bin/ipcs checks the harness itself.
OURS_IPCS=${IPCBOX_TEST_OURS_IPCS:-$BUILD/ipcs}
REF_IPCS=/usr/bin/ipcs
FIXTURE=${IPCBOX_FIXTURE:-$BUILD/tests/fixture}

# Command prefixes for the settings.
AS_NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
# shellcheck disable=SC2016 # expanded by the inner bash
# A private mount namespace (same IPC namespace) with an empty tmpfs over
# /proc/sysvipc: the kernel's object lists are missing.
HIDE_SYSVIPC=(unshare --mount --propagation private -- bash -c
	'mount -t tmpfs -o mode=0755 ipcbox-nosysvipc /proc/sysvipc && exec "$@"' hide-sysvipc)
# The same, but the lists exist and nobody may read them.
# shellcheck disable=SC2016
UNREADABLE_SYSVIPC=(unshare --mount --propagation private -- bash -c
	'mount -t tmpfs -o mode=0755 ipcbox-nosysvipc /proc/sysvipc &&
	 for f in msg sem shm; do : >"/proc/sysvipc/$f" && chmod 0 "/proc/sysvipc/$f"; done &&
	 exec "$@"' unreadable-sysvipc)

# ipcs_setting NAME: how each side runs.  REF_WRAP and OURS_WRAP are command
# prefixes; the reference always reads /proc/sysvipc normally.
ipcs_setting() {
	IPCS_SETTING=$1
	REF_WRAP=() OURS_WRAP=()
	case $1 in
	root) ;;
	nobody) REF_WRAP=("${AS_NOBODY[@]}") OURS_WRAP=("${AS_NOBODY[@]}") ;;
	hidden) OURS_WRAP=("${HIDE_SYSVIPC[@]}") ;;
	hidden-nobody)
		REF_WRAP=("${AS_NOBODY[@]}")
		OURS_WRAP=("${HIDE_SYSVIPC[@]}" "${AS_NOBODY[@]}") ;;
	unreadable-nobody)
		REF_WRAP=("${AS_NOBODY[@]}")
		OURS_WRAP=("${UNREADABLE_SYSVIPC[@]}" "${AS_NOBODY[@]}") ;;
	source-*-nobody)
		local src=${1#source-}; src=${src%-nobody}
		REF_WRAP=("${AS_NOBODY[@]}")
		OURS_WRAP=("${AS_NOBODY[@]}" env "IPCBOX_SYSV_SOURCE=$src") ;;
	source-*)
		OURS_WRAP=(env "IPCBOX_SYSV_SOURCE=${1#source-}") ;;
	*) echo "unknown IPCS_SETTING '$1'" >&2; return 1 ;;
	esac
}

# Skip unless the setting can run here.
require_setting() {
	case $IPCS_SETTING in
	*nobody*) require_ids ;;
	esac
	case $IPCS_SETTING in
	hidden*|unreadable*)
		! "${OURS_WRAP[@]}" ls -A /proc/sysvipc 2>&1 | grep -qv '^\(msg\|sem\|shm\)$' ||
			skip "cannot mount over /proc/sysvipc" ;;
	esac
}

# visible CAPTURED: a capture'd text for diffs, with line ends shown as "$"
# and tabs as "^I" so that whitespace differences can be seen.
visible() {
	printf '%s' "${1%x}" | sed -e 's/\t/^I/g' -e 's/$/$/'
}

# ipcs_diff ARGS...: run the reference (normal /proc output) and ours in the
# current setting; on any difference print both sides' diffs to stderr,
# count it in IPCS_FAILS and return 1.  Both run as "ipcs" found in PATH, as
# users run them: getopt's messages start with argv[0].
IPCS_FAILS=0
# Under the sanitizers (IPCBOX_SANITIZE) every third comparison of a test
# runs, its first always: the same code paths as the normal build, which
# compares them all, in a third of the time of our slowed-down side.  Which
# third is IPCS_SAMPLE_AT (0-2): tests/meson.build gives the ten settings of
# ipcs-diff.bats different ones, so together they still compare every call.
IPCS_SAMPLE=1
[ "${IPCBOX_SANITIZE:-none}" = none ] || IPCS_SAMPLE=3
IPCS_COMPARED=0
ipcs_diff() {
	[ -x "$REF_IPCS" ] || skip "reference $REF_IPCS not installed"
	IPCS_COMPARED=$((IPCS_COMPARED + 1))
	[ "$IPCS_COMPARED" -eq 1 ] ||
		[ $(((IPCS_COMPARED - 1) % IPCS_SAMPLE)) -eq $((${IPCS_SAMPLE_AT:-0} % IPCS_SAMPLE)) ] || return 0
	local key="${REF_WRAP[*]}|$*"
	if [ -n "$IPCS_REF_CACHE" ] && [ -n "${IPCS_REF_RC[$key]:-}" ]; then
		theirs_out=${IPCS_REF_OUT[$key]} theirs_err=${IPCS_REF_ERR[$key]} theirs_rc=${IPCS_REF_RC[$key]}
	else
		# PATH set for the call, not by an env process: no process more
		# than the wrappers and ipcs itself.
		PATH="${REF_IPCS%/*}:$PATH" capture theirs "${REF_WRAP[@]}" ipcs "$@"
		if [ -n "$IPCS_REF_CACHE" ]; then
			IPCS_REF_OUT[$key]=$theirs_out IPCS_REF_ERR[$key]=$theirs_err IPCS_REF_RC[$key]=$theirs_rc
		fi
	fi
	PATH="${OURS_IPCS%/*}:$PATH" capture ours "${OURS_WRAP[@]}" "${OURS_IPCS##*/}" "$@"
	if [ "$theirs_out" != "$ours_out" ] || [ "$theirs_err" != "$ours_err" ] || [ "$theirs_rc" != "$ours_rc" ]; then
		echo "# DIFF [${IPCS_SETTING:-root}] ipcs $*   (--- reference, +++ ours)" >&2
		[ "$theirs_out" = "$ours_out" ] ||
			diff -u --label ref-stdout --label our-stdout <(visible "$theirs_out") <(visible "$ours_out") >&2
		[ "$theirs_err" = "$ours_err" ] ||
			diff -u --label ref-stderr --label our-stderr <(visible "$theirs_err") <(visible "$ours_err") >&2
		if [ "$theirs_rc" != "$ours_rc" ]; then
			echo "# status: reference $theirs_rc, ours $ours_rc" >&2
			[ "$theirs_out$theirs_err" != "$ours_out$ours_err" ] ||
				printf '# (same output; stdout %s lines, stderr: %s)\n' \
					"$(printf '%s' "${ours_out%x}" | wc -l)" "$(printf '%s' "${ours_err%x}" | head -3)" >&2
		fi
		IPCS_FAILS=$((IPCS_FAILS + 1))
		return 1
	fi
}

# ipcs_ref_cache_on: until ipcs_ref_cache_off, ipcs_diff runs the reference
# once per user (REF_WRAP) and arguments and reuses its output: for checks
# over several settings of ours on objects that do not change meanwhile.
declare -gA IPCS_REF_OUT=() IPCS_REF_ERR=() IPCS_REF_RC=()
IPCS_REF_CACHE=
ipcs_ref_cache_on() {
	IPCS_REF_OUT=() IPCS_REF_ERR=() IPCS_REF_RC=() IPCS_REF_CACHE=1
}
ipcs_ref_cache_off() {
	IPCS_REF_OUT=() IPCS_REF_ERR=() IPCS_REF_RC=() IPCS_REF_CACHE=
}

# ipcs_ours ARGS...: our ipcs, invoked as "ipcs" through PATH.
ipcs_ours() {
	env PATH="${OURS_IPCS%/*}:$PATH" "${OURS_IPCS##*/}" "$@"
}

# Resource selections every output mode is combined with: all of them in
# the root setting, where option handling is checked; the other settings
# differ only in where the data comes from, so single resources suffice.
IPCS_RESOURCES=(
	"" "-m" "-q" "-s" "-a"
	"-m -q" "-q -s" "-m -s" "-s -q -m" "-a -m" "-mqs"
	"--shmems" "--queues" "--semaphores" "--all" "--shmems --semaphores"
)
IPCS_RESOURCES_SHORT=("" "-m" "-q" "-s" "-s -m")

# ipcs_matrix OPTS...: ipcs_diff for OPTS with every resource selection,
# before (and in the root setting also after) it.  All combinations run;
# fails if any differed.
ipcs_matrix() {
	local res fails=$IPCS_FAILS
	if [ "${IPCS_SETTING:-root}" = root ]; then
		for res in "${IPCS_RESOURCES[@]}"; do
			# shellcheck disable=SC2086 # word splitting of $res is intended
			ipcs_diff $res "$@" || true
		done
		ipcs_diff "$@" -m || true
		ipcs_diff "$@" -q -s || true
	else
		for res in "${IPCS_RESOURCES_SHORT[@]}"; do
			# shellcheck disable=SC2086
			ipcs_diff $res "$@" || true
		done
	fi
	[ "$IPCS_FAILS" -eq "$fails" ]
}

# root_matrix OPTS...: ipcs_matrix, in the root setting only (spellings of
# options, conflicting options: independent of the data source and user).
root_matrix() {
	[ "${IPCS_SETTING:-root}" = root ] || return 0
	ipcs_matrix "$@"
}

# Skip a test of option parsing outside the root setting.
root_setting_only() {
	[ "${IPCS_SETTING:-root}" = root ] || skip "option handling: checked in the root setting"
}

# Section ids of a kind as /proc/sysvipc lists them (run this as root).
sysv_ids() {
	awk 'NR > 1 { print $2 }' "/proc/sysvipc/$1"
}

# A user whose name is longer than 10 characters (systemd-network, uid 998,
# on Debian); empty when there is none: nothing is created on the host.
long_name_uid() {
	local uid
	uid=$(getent passwd 998 | awk -F: 'length($1) > 10 { print $3 }')
	[ -n "$uid" ] || uid=$(getent passwd | awk -F: 'length($1) > 10 && $3 != 0 { print $3; exit }')
	echo "$uid"
}

# The standard fixture (tests/fixture.c), with its helper processes recorded
# in $FIXTURE_PIDS; fixture_stop kills exactly those.
fixture_start() {
	require_ns
	reset_ipc
	FIXTURE_PIDS=${BATS_FILE_TMPDIR:-$BATS_TMPDIR}/fixture.pids
	IPCBOX_FIXTURE_LONG_UID=$(long_name_uid)
	export FIXTURE_PIDS IPCBOX_FIXTURE_LONG_UID
	local rc=0
	"$FIXTURE" standard "$FIXTURE_PIDS" || rc=$?
	[ "$rc" -ne 77 ] || return 77
	return "$rc"
}

fixture_stop() {
	local pid
	[ -n "${FIXTURE_PIDS:-}" ] && [ -f "$FIXTURE_PIDS" ] || return 0
	while read -r pid; do
		kill "$pid" 2>/dev/null || true
	done <"$FIXTURE_PIDS"
	# They are not our children: poll until they are gone (1 s at most).
	for _ in $(seq 100); do
		local alive=0
		while read -r pid; do
			! kill -0 "$pid" 2>/dev/null || alive=1
		done <"$FIXTURE_PIDS"
		[ "$alive" = 1 ] || break
		sleep 0.01
	done
	rm -f "$FIXTURE_PIDS"
	reset_ipc
}

# Tests that start processes add their pids to the array "started" (reset in
# setup); teardown calls this, so every one of them is stopped, pass or fail.
stop_started() {
	local pid
	for pid in "${started[@]}"; do
		kill -9 "$pid" 2>/dev/null || true
	done
	for pid in "${started[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	started=()
}

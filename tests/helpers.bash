# Shared helpers for the bats files.  Every file runs under tests/ns-run, in
# a private IPC namespace with private /dev/shm and /dev/mqueue.

BUILD=${IPCBOX_BUILD_DIR:?run the tests through meson test}
SRC=${IPCBOX_SOURCE_DIR:?run the tests through meson test}
export LC_ALL=C TZ=UTC

# The reference tools, or skip a differential test cleanly without them.
ref() {
	[ -x "/usr/bin/$1" ] || skip "reference /usr/bin/$1 not installed"
	"/usr/bin/$@"
}

require_ns() {
	[ "${IPCBOX_IN_NS:-}" = 1 ] || { echo "not inside tests/ns-run: refusing to touch host IPC" >&2; return 1; }
}

# Remove every System V and POSIX object of the private namespace.
reset_ipc() {
	require_ns
	local kind id
	for kind in shm msg sem; do
		for id in $(awk 'NR > 1 { print $2 }' "/proc/sysvipc/$kind"); do
			case $kind in
			shm) /usr/bin/ipcrm -m "$id" ;;
			msg) /usr/bin/ipcrm -q "$id" ;;
			sem) /usr/bin/ipcrm -s "$id" ;;
			esac
		done
	done
	find /dev/shm /dev/mqueue -mindepth 1 -delete
}

# capture NAME CMD...: stdout, stderr and status of CMD into NAME_out/_err/_rc.
capture() {
	local name=$1; shift
	local out err rc=0
	out=$(mktemp) err=$(mktemp)
	"$@" >"$out" 2>"$err" || rc=$?
	printf -v "${name}_out" '%s' "$(cat "$out"; echo x)"
	printf -v "${name}_err" '%s' "$(cat "$err"; echo x)"
	printf -v "${name}_rc" '%s' "$rc"
	rm -f "$out" "$err"
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
	echo "== /dev/mqueue"; (cd /dev/mqueue && ls -la --time-style=+ . && cat -- * 2>/dev/null)
}

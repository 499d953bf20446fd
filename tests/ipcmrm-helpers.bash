# shellcheck shell=bash disable=SC2154 # capture (helpers.bash) sets NAME_out, NAME_err, NAME_rc
# Helpers shared by ipcmk.bats and ipcrm.bats (load after helpers).

REF_DIR=/usr/bin

# Each test starts from no objects at all.
ipcmrm_setup() {
	reset_ipc
	# Queue memory is counted per user across namespaces: other test runs
	# as the same user must not make mq_open fail here.
	ulimit -q unlimited 2>/dev/null || true
}

need_ref() {
	[ -x "$REF_DIR/$1" ] || skip "reference $REF_DIR/$1 not installed"
}

# compare_sides WHAT: the theirs_* and ours_* captures agree, else show diffs.
compare_sides() {
	if [ "$theirs_out" != "$ours_out" ] || [ "$theirs_err" != "$ours_err" ] || [ "$theirs_rc" != "$ours_rc" ]; then
		echo "# $1   (--- reference, +++ ours)" >&2
		diff -u <(printf '%s' "$theirs_out") <(printf '%s' "$ours_out") >&2 || true
		diff -u <(printf '%s' "$theirs_err") <(printf '%s' "$ours_err") >&2 || true
		echo "# status: reference $theirs_rc, ours $ours_rc" >&2
		return 1
	fi
}

# same_fresh CMD ARGS...: both tools, each in a new empty IPC namespace (ids
# start again at 0, so printed ids compare too).
same_fresh() {
	local cmd=$1; shift
	need_ref "$cmd"
	capture theirs unshare --ipc "$REF_DIR/$cmd" "$@"
	capture ours unshare --ipc "$BUILD/$cmd" "$@"
	compare_sides "$cmd $*"
}

# same_fresh_hint HINT CMD ARGS...: as same_fresh, but where the reference
# fails, ours follows its message with the line HINT (issue 29.11: ipcmk's
# form or range of a bad value).
same_fresh_hint() {
	local hint=$1 cmd=$2
	shift 2
	need_ref "$cmd"
	capture theirs unshare --ipc "$REF_DIR/$cmd" "$@"
	capture ours unshare --ipc "$BUILD/$cmd" "$@"
	[ "$theirs_rc" = 0 ] || theirs_err=${theirs_err%x}$hint$'\nx'
	compare_sides "$cmd $*"
}

# same_named CMD ARGS...: argv[0] is the bare name on both sides, for the
# messages getopt prefixes with it.
same_named() {
	local cmd=$1; shift
	need_ref "$cmd"
	capture theirs unshare --ipc env PATH="$REF_DIR" "$cmd" "$@"
	capture ours unshare --ipc env PATH="$BUILD" "$cmd" "$@"
	compare_sides "$cmd $*"
}

# same_script SCRIPT: a bash script run in a new IPC namespace with $MK and
# $RM set to the reference tools, then to ours; all output compared.
same_script() {
	need_ref ipcmk
	need_ref ipcrm
	capture theirs unshare --ipc env MK="$REF_DIR/ipcmk" RM="$REF_DIR/ipcrm" bash -c "$1"
	capture ours unshare --ipc env MK="$BUILD/ipcmk" RM="$BUILD/ipcrm" bash -c "$1"
	compare_sides "$1"
}

# Column N of the /proc/sysvipc line of object ID (2 = id, 1 = key).
proc_field() {
	awk -v id="$2" -v col="$3" 'NR > 1 && $2 == id { print $col }' "/proc/sysvipc/$1"
}

count_objects() {
	awk 'NR > 1' "/proc/sysvipc/$1" | wc -l
}

need_python() {
	command -v python3 >/dev/null || skip "python3 not installed"
}

# "maxmsg msgsize curmsgs" of a POSIX message queue.
mq_attr() {
	python3 - "$1" <<'EOF'
import ctypes, os, sys
rt = ctypes.CDLL("librt.so.1", use_errno=True)
class Attr(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_long), ("maxmsg", ctypes.c_long),
                ("msgsize", ctypes.c_long), ("curmsgs", ctypes.c_long),
                ("pad", ctypes.c_long * 4)]
rt.mq_open.argtypes = [ctypes.c_char_p, ctypes.c_int]
q = rt.mq_open(sys.argv[1].encode(), os.O_RDONLY)
if q < 0:
    sys.exit("mq_open: " + os.strerror(ctypes.get_errno()))
a = Attr()
rt.mq_getattr(q, ctypes.byref(a))
print(a.maxmsg, a.msgsize, a.curmsgs)
EOF
}

# The value of a POSIX named semaphore.
sem_value() {
	python3 - "$1" <<'EOF'
import ctypes, os, sys
c = ctypes.CDLL("libc.so.6", use_errno=True)
c.sem_open.restype = ctypes.c_void_p
c.sem_open.argtypes = [ctypes.c_char_p, ctypes.c_int]
s = c.sem_open(sys.argv[1].encode(), 0)
if not s:
    sys.exit("sem_open: " + os.strerror(ctypes.get_errno()))
v = ctypes.c_int()
c.sem_getvalue(ctypes.c_void_p(s), ctypes.byref(v))
print(v.value)
EOF
}

# expect_bad CMD ARGS...: exit 1, an error naming the bad value ($BAD),
# nothing on stdout, and no change to any IPC object.
expect_bad() {
	local before after
	before=$(ipc_snapshot)
	capture ours "$@"
	after=$(ipc_snapshot)
	if [ "$ours_rc" != 1 ] || [ "$ours_out" != x ] || [[ "$ours_err" != *"$BAD"* ]] || [ "$before" != "$after" ]; then
		echo "# $*: status $ours_rc, stdout '${ours_out%x}', stderr '${ours_err%x}' (wanted '$BAD')" >&2
		[ "$before" = "$after" ] || diff <(echo "$before") <(echo "$after") >&2
		return 1
	fi
}

# ipc_state fails when /dev/mqueue is empty (its "cat -- *"): ignore that.
ipc_snapshot() {
	ipc_state || true
}

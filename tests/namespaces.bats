#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; programs in quotes
# --namespace and --all-namespaces: each test makes its own "containers"
# (a sleeping process in new IPC and mount namespaces, with its own
# /dev/shm and /dev/mqueue) and stops every one of them, by pid, in
# teardown.  This file runs in a pid namespace of its own (tests/meson.build),
# so --all-namespaces sees exactly the test's namespaces.

load helpers

NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
HOLDER=${IPCBOX_HOLDER:?run the tests through meson test}

setup() {
	require_ns
	reset_ipc
	started=()
}

teardown() {
	stop_started
	# The victims' file system of the mount-trust tests (see victims).
	if mountpoint -q /dev/shm/victims; then umount /dev/shm/victims; fi
	reset_ipc
}

# started_ok PID WHAT TEST...: wait up to 10 s for TEST to succeed while PID
# lives; otherwise say that WHAT did not start and fail.
started_ok() {
	local pid=$1 what=$2 i
	shift 2
	for i in $(seq 200); do
		"$@" && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	echo "# $what did not start" >&2
	return 1
}

# container [SETUP]: SETUP runs inside, then the process sleeps; its pid in $cpid.
container() {
	local ready=$BATS_TEST_TMPDIR/ready.$RANDOM
	unshare --ipc --mount --propagation private bash -c '
		mount -t tmpfs -o mode=1777 c-shm /dev/shm && mount -t mqueue c-mq /dev/mqueue &&
		eval "$1" && : >"$2" && exec sleep 600' _ "${1:-true}" "$ready" &
	cpid=$!
	started+=("$cpid")
	started_ok "$cpid" container test -e "$ready"
}

@test "ipcs --namespace PID is byte-identical to nsenter -t PID -i -m util-linux ipcs, every mode" {
	[ -x /usr/bin/ipcs ] && command -v nsenter >/dev/null || skip "needs util-linux's ipcs and nsenter"
	# The standard fixture needs several real uids (it exits 77 without them,
	# before making anything); then a few objects of our own.
	local setup='"$IPCBOX_FIXTURE" standard "$PIDS" || "$BUILD/ipcmk" -M 5000 -Q -S 3 >/dev/null'
	PIDS=$BATS_TEST_TMPDIR/fixture.pids BUILD=$BUILD container "$setup"
	local p
	if [ -f "$BATS_TEST_TMPDIR/fixture.pids" ]; then
		while read -r p; do started+=("$p"); done <"$BATS_TEST_TMPDIR/fixture.pids"
	fi
	local mode bad=0 n=0
	for mode in "" -a -m -q -s -t -p -c -l -u -b --human "-m -t" "-q -p" "-s -c" "-m -b" "-s -u" "-q -l"; do
		# shellcheck disable=SC2086
		capture ours "$BUILD/ipcs" --namespace "$cpid" $mode
		# shellcheck disable=SC2086
		capture theirs nsenter -t "$cpid" -i -m /usr/bin/ipcs $mode
		n=$((n + 1))
		if [ "$ours_out$ours_err$ours_rc" != "$theirs_out$theirs_err$theirs_rc" ]; then
			echo "# ipcs $mode differs" >&2
			diff <(printf '%s' "$theirs_out") <(printf '%s' "$ours_out") >&2 || true
			bad=$((bad + 1))
		fi
	done
	local id
	for id in $(nsenter -t "$cpid" -i awk 'NR > 1 { print $2 }' /proc/sysvipc/shm); do
		[ "$("$BUILD/ipcs" --namespace "$cpid" -m -i "$id")" = "$(nsenter -t "$cpid" -i -m /usr/bin/ipcs -m -i "$id")" ] || bad=$((bad + 1))
		n=$((n + 1))
	done
	echo "# $n comparisons, $bad different" >&3
	[ "$bad" = 0 ]
	# Something was there to compare.
	[ -n "$(nsenter -t "$cpid" -i awk 'NR > 1' /proc/sysvipc/shm)" ]
}

@test "POSIX objects of a PID's namespace: the same as our ipcs run inside with nsenter" {
	command -v nsenter >/dev/null || skip "needs nsenter"
	BUILD=$BUILD container '"$BUILD/ipcmk" -m 100 -q -s -n /inside >/dev/null && "$BUILD/ipcmk" -m 5 -n /two >/dev/null'
	"$BUILD/ipcmk" -m 1 -q -s -n /host >/dev/null
	local mode
	for mode in --posix "--posix -t" "--posix -c" "--posix -u" "--posix -J" "-M --name /inside" "-S --name /inside"; do
		# shellcheck disable=SC2086
		[ "$("$BUILD/ipcs" --namespace "$cpid" $mode 2>&1)" = "$(nsenter -t "$cpid" -i -m "$BUILD/ipcs" $mode 2>&1)" ] ||
			{ echo "# ipcs $mode differs" >&2; false; }
	done
	# An nsfs file reaches System V objects and message queues only, and says so.
	capture got "$BUILD/ipcs" --namespace "/proc/$cpid/ns/ipc" -Q
	[ "$got_rc" = 0 ]
	[[ "$got_out" == *"/inside "* ]]
	[[ "$got_out" != *"/host "* ]]
	capture got "$BUILD/ipcs" --namespace "/proc/$cpid/ns/ipc" -M
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcs: --namespace /proc/$cpid/ns/ipc: cannot show POSIX shared memory through a namespace file: give a process id"$'\nx' ]
}

@test "ipcmk --namespace creates there and nothing here; ipcrm --namespace removes there and nothing here" {
	container
	"$BUILD/ipcmk" -M 10 --key 0x77 >/dev/null
	"$BUILD/ipcmk" -m 1 -q -s -n /same >/dev/null
	local host
	host=$(ipc_state)
	capture got "$BUILD/ipcmk" --namespace "$cpid" -M 10 --key 0x77 -Q -S 1 -m 1 -q -s -n /same
	[ "$got_rc" = 0 ] || { echo "# $got_err" >&2; false; }
	[ "$(ipc_state)" = "$host" ]
	[ "$(nsenter -t "$cpid" -i awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem | wc -l)" = 3 ]
	[ -e "/proc/$cpid/root/dev/shm/same" ]
	[ -e "/proc/$cpid/root/dev/shm/sem.same" ]
	capture got "$BUILD/ipcrm" --namespace "$cpid" -M 0x77 -a --all=pshm --all=psem --all=pmsg -v
	[ "$got_rc" = 0 ] || { echo "# $got_err" >&2; false; }
	[ "$(ipc_state)" = "$host" ]
	[ -z "$(nsenter -t "$cpid" -i awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem)" ]
	[ -z "$(ls -A "/proc/$cpid/root/dev/shm")" ]
	# Through an nsfs file POSIX shared memory cannot be reached: nothing is made or removed.
	capture got "$BUILD/ipcmk" --namespace "/proc/$cpid/ns/ipc" -Q -m 1 -n /x
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ -z "$(nsenter -t "$cpid" -i awk 'FNR > 1' /proc/sysvipc/msg)" ]
	[ "$(ipc_state)" = "$host" ]
}

@test "ipcs --all-namespaces: one block per namespace, ours first, each equal to --namespace; JSON for jq" {
	"$BUILD/ipcmk" -Q >/dev/null
	local pids=() i
	for i in 1 2 3; do
		BUILD=$BUILD container "for j in \$(seq $i); do \"\$BUILD/ipcmk\" -M $i >/dev/null; done"
		pids+=("$cpid")
	done
	capture got "$BUILD/ipcs" --all-namespaces -m
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$(grep -c '^====== IPC namespace ' <<<"${got_out%x}")" = 4 ]
	# Block by block: the header, then exactly what --namespace shows.
	local expect
	expect=$(
		printf '====== IPC namespace %s (this namespace): pid %s (%s) ======\n' "$(stat -L -c %i /proc/self/ns/ipc)" 1 "$(cat /proc/1/comm)"
		"$BUILD/ipcs" -m
		for i in 0 1 2; do
			printf '\n====== IPC namespace %s: pid %s (sleep) ======\n' "$(stat -L -c %i "/proc/${pids[$i]}/ns/ipc")" "${pids[$i]}"
			"$BUILD/ipcs" --namespace "${pids[$i]}" -m
		done
	)
	[ "$(printf '%s' "${got_out%x}")" = "$expect" ] || { diff <(echo "$expect") <(printf '%s' "${got_out%x}") >&2; false; }
	capture got "$BUILD/ipcs" --all-namespaces -J
	[ "$got_rc" = 0 ]
	[ "$(jq '.namespaces | length' <<<"${got_out%x}")" = 4 ]
	[ "$(jq -c '[.namespaces[] | .shared_memory | length]' <<<"${got_out%x}")" = "[0,1,2,3]" ]
	[ "$(jq -c '[.namespaces[] | .message_queues | length]' <<<"${got_out%x}")" = "[1,0,0,0]" ]
	[ "$(jq -c '.namespaces[1].pid' <<<"${got_out%x}")" = "${pids[0]}" ]
	# Ours is marked (issue 29 item 18): its lowest pid may be a kernel thread's.
	[ "$(jq -c '[.namespaces[] | .this_namespace]' <<<"${got_out%x}")" = "[true,false,false,false]" ]
	# Every output mode works through it.
	for mode in -t -p -c -l -u --processes "--orphaned" "-J -u" "-J --processes"; do
		# shellcheck disable=SC2086
		capture got "$BUILD/ipcs" --all-namespaces $mode
		[ "$got_rc" = 0 ] || { echo "# --all-namespaces $mode: $got_rc ${got_err%x}" >&2; false; }
	done
}

# The document is written by this process (its frame and, for System V
# kinds, every block) or by one child per namespace (POSIX kinds): each block
# continues the array where the one before left it (json_continue()).
@test "ipcs --all-namespaces -J: blocks from this process and from children make one document, laid out as jq does" {
	command -v jq >/dev/null || skip "jq not installed"
	"$BUILD/ipcmk" -Q -m 1 -n /ours >/dev/null
	local i mode
	for i in 1 2; do
		BUILD=$BUILD container "\"\$BUILD/ipcmk\" -M $i -m 1 -n /c$i >/dev/null"
	done
	for mode in "" -a "-a --posix" "--posix" "-u" "-l --posix" "--processes --posix"; do
		# shellcheck disable=SC2086
		capture got "$BUILD/ipcs" --all-namespaces -J $mode
		[ "$got_rc" = 0 ] || { echo "# -J $mode: $got_rc ${got_err%x}" >&2; false; }
		printf '%s' "${got_out%x}" >"$BATS_TEST_TMPDIR/doc"
		jq --indent 2 . "$BATS_TEST_TMPDIR/doc" >"$BATS_TEST_TMPDIR/jq"
		diff "$BATS_TEST_TMPDIR/jq" "$BATS_TEST_TMPDIR/doc" >&2 || { echo "# -J $mode" >&2; false; }
		[ "$(jq '.namespaces | length' "$BATS_TEST_TMPDIR/doc")" = 3 ]
	done
}

@test "namespace errors: no such process, not a namespace, not permitted, refused, together" {
	local before
	before=$(ipc_state)
	capture got "$BUILD/ipcs" --namespace 2147483647
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcs: --namespace: no such process: 2147483647\nx' ]
	capture got "$BUILD/ipcs" --namespace /etc/passwd
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcs: --namespace: /etc/passwd is not an IPC namespace (give a process id, or /proc/PID/ns/ipc)\nx' ]
	capture got "$BUILD/ipcs" --namespace abc
	[ "$got_rc" = 1 ]
	[[ "$got_err" == "ipcs: --namespace: expected a process id or a namespace file"* ]]
	capture got "$BUILD/ipcs" --namespace 1 --all-namespaces
	[ "$got_rc" = 1 ]
	capture got "$BUILD/ipcrm" --all-namespaces -a
	[ "$got_rc" = 1 ]
	[[ "$got_err" == "ipcrm: --all-namespaces is refused"* ]]
	capture got "$BUILD/ipcmk" --namespace 2147483647 -Q
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$(ipc_state)" = "$before" ]
	"${NOBODY[@]}" true 2>/dev/null || skip "needs another uid for the permission check"
	container
	capture got "${NOBODY[@]}" "$BUILD/ipcs" --namespace "$cpid"
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[[ "$got_err" == *"needs CAP_SYS_ADMIN over it"$'\nx' ]]
}

@test "an unprivileged user enters the namespace of a user namespace it owns" {
	"${NOBODY[@]}" true 2>/dev/null || skip "needs another uid"
	"${NOBODY[@]}" unshare -r --ipc true 2>/dev/null || skip "no unprivileged user namespaces here"
	# Its "ready" comes through a pipe: nobody can write no file of the test's.
	coproc OWNED { "${NOBODY[@]}" unshare -r --ipc bash -c \
		'"$0" -Q >/dev/null && "$0" -S 2 >/dev/null && echo "ready $$" && exec sleep 600' "$BUILD/ipcmk"; }
	started+=("$OWNED_PID")
	local word
	read -r -t 10 word cpid <&"${OWNED[0]}"
	[ "$word" = ready ]
	# The sleeping process itself (nobody's, in its own user namespace) is stopped too.
	started+=("$cpid")
	capture got "${NOBODY[@]}" "$BUILD/ipcs" --namespace "$cpid" -q -s
	[ "$got_rc" = 0 ] || { echo "# ${got_err%x}" >&2; false; }
	[ "$(grep -c '^0x' <<<"${got_out%x}")" = 2 ]
	# Joined through the user namespace: ids as it sees them (its root).
	[[ "$got_out" == *" root "* ]]
}

# holding_container SETUP MODE ARG: new IPC and mount namespaces where SETUP
# makes an object, then tests/holder.c uses it; the holder's pid in $cpid.
holding_container() {
	local out=$BATS_TEST_TMPDIR/holding.$RANDOM
	unshare --ipc --mount --propagation private bash -c '
		mount -t tmpfs -o mode=1777 c-shm /dev/shm && mount -t mqueue c-mq /dev/mqueue &&
		arg=$(eval "$1") && exec "$2" "$3" "$arg"' _ "$1" "$HOLDER" "$2" >"$out" &
	cpid=$!
	started+=("$cpid")
	started_ok "$cpid" "holding container" grep -q '^ready' "$out"
}

@test "--all-namespaces --processes: /proc read once, each block the same as --namespace PID --processes" {
	command -v strace >/dev/null || skip "strace not installed"
	local pids=()
	export BUILD
	holding_container '"$BUILD/ipcmk" -M 4096 >/dev/null && awk "NR > 1 { print \$2 }" /proc/sysvipc/shm' shm-attach
	pids+=("$cpid")
	holding_container '"$BUILD/ipcmk" -m 4096 -n /c >/dev/null && echo /c' pshm-map
	pids+=("$cpid")
	holding_container '"$BUILD/ipcmk" -q -n /q >/dev/null && echo /q' mq-open
	pids+=("$cpid")
	local all kinds
	local parts='{shared_memory, semaphores, message_queues, posix_shared_memory, posix_semaphores, posix_message_queues}'
	local i
	# With POSIX kinds each block is a child's; System V alone is visited in process.
	for kinds in "-a --posix" "-a"; do
		# shellcheck disable=SC2086
		all=$("$BUILD/ipcs" --all-namespaces $kinds --processes -J)
		for i in 0 1 2; do
			# shellcheck disable=SC2086
			[ "$(jq -c ".namespaces[$((i + 1))] | $parts" <<<"$all")" = \
				"$("$BUILD/ipcs" --namespace "${pids[$i]}" $kinds --processes -J | jq -c "$parts")" ] ||
				{ echo "# $kinds: block $((i + 1)) differs" >&2; false; }
		done
	done
	all=$("$BUILD/ipcs" --all-namespaces -a --posix --processes -J)
	# Each holder is seen in its own namespace, using its object.
	[ "$(jq -c '[(.namespaces[1].shared_memory[0].processes[] | select(.alive) | .pid), .namespaces[2].posix_shared_memory[0].processes[].pid, .namespaces[3].posix_message_queues[0].processes[].pid]' <<<"$all")" = \
		"[${pids[0]},${pids[1]},${pids[2]}]" ]
	# One pass: each process's maps opened once, not once per namespace.
	local log=$BATS_TEST_TMPDIR/trace procs opened
	for kinds in "-m -M" "-m"; do
		# shellcheck disable=SC2086
		# (LeakSanitizer cannot run under ptrace: the status is not the point here.)
		traced -f -qq -o "$log" -e trace=openat "$BUILD/ipcs" --all-namespaces $kinds --processes >/dev/null 2>&1 || true
		procs=$(find /proc -maxdepth 1 -name '[0-9]*' | wc -l)
		opened=$(grep -c '"[0-9]*/maps"' "$log")
		[ "$opened" -le "$procs" ] || { echo "# $kinds: $opened maps opened for $procs processes" >&2; false; }
	done
}

# traced ARGS...: strace ARGS, with the leak checker of sanitizer builds off
# (it cannot work under ptrace).
traced() {
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace "$@"
}

# attacker ARGS...: run "unshare ARGS..." as nobody in the background; the
# command inside writes its pid to descriptor 3 once ready.  Its pid in $apid.
attacker() {
	local out=$BATS_TEST_TMPDIR/attacker.$RANDOM
	"${NOBODY[@]}" unshare "$@" 3>"$out" &
	started+=("$!")
	started_ok "$!" attacker test -s "$out" || return 1
	apid=$(cat "$out")
	started+=("$apid")
}

# victims: a tmpfs of ours (like /run or /tmp) that nobody can traverse but
# not read, holding root's and uid 3001's private files (and a directory).
victims() {
	local why
	why=$(ids_missing 3001) || skip "$why"
	"${NOBODY[@]}" unshare -Urm --ipc true 2>/dev/null || skip "uid 65534 cannot make a user namespace here"
	mkdir /dev/shm/victims
	mount -t tmpfs -o mode=0711 victims /dev/shm/victims
	printf 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345' >/dev/shm/victims/secret
	echo theirs >/dev/shm/victims/theirs
	chown 3001:3001 /dev/shm/victims/theirs
	chmod 0600 /dev/shm/victims/secret /dev/shm/victims/theirs
	mkdir -m 0711 /dev/shm/victims/sub
	echo mine >/dev/shm/victims/sub/rootfile
	chmod 0600 /dev/shm/victims/sub/rootfile
	# Our own /dev/shm holds a server's segment.
	echo data >/dev/shm/PostgreSQL.1234
	victims_state=$(cd /dev/shm && find . -mindepth 1 -printf '%p %U %m %s\n' | sort)
}

@test "ipcrm/ipcmk/ipcs --namespace act on a target's /dev/shm only if it is a tmpfs of its own" {
	victims
	local how
	# An unprivileged user's namespace with, as its /dev/shm: a tmpfs of
	# ours (a /run), a directory from inside one, or our /dev/shm itself.
	for how in tmpfs-root subdirectory ours; do
		case $how in
		tmpfs-root) attacker -Urm --ipc sh -c 'mount --bind /dev/shm/victims /dev/shm && echo $$ >&3 && exec sleep 300' ;;
		subdirectory) attacker -Urm --ipc sh -c 'mount --bind /dev/shm/victims/sub /dev/shm && echo $$ >&3 && exec sleep 300' ;;
		ours) attacker -Ur --ipc sh -c 'echo $$ >&3 && exec sleep 300' ;;
		esac
		local why
		case $how in
		tmpfs-root) why="its /dev/shm is a file system mounted in our namespace too, put there from a user namespace that is not ours (it may be /run or /tmp)" ;;
		subdirectory) why="its /dev/shm is a directory bind-mounted from inside another file system, not a tmpfs of its own" ;;
		ours) why="its /dev/shm is our own (the same file system): its objects are ours, listed and removed without --namespace" ;;
		esac
		capture got "$BUILD/ipcrm" --namespace "$apid" --all=pshm -v
		[ "$got_rc" = 1 ] && [ "$got_out" = x ] || { echo "# $how: rc $got_rc ${got_out%x} ${got_err%x}" >&2; false; }
		[ "$got_err" = "ipcrm: --namespace $apid: refusing POSIX shared memory: $why"$'\nx' ] || { echo "# $how: ${got_err%x}" >&2; false; }
		capture got "$BUILD/ipcrm" --namespace "$apid" --all=psem --all=pshm --orphaned --owner 3001
		[ "$got_rc" = 1 ]
		[ "$got_out" = x ]
		capture got "$BUILD/ipcrm" --namespace "$apid" --posix-shmem /secret
		[ "$got_rc" = 1 ]
		capture got "$BUILD/ipcmk" --namespace "$apid" -m 1 -s -n /planted
		[ "$got_rc" = 1 ]
		[ "$got_out" = x ]
		[ "$got_err" = "ipcmk: --namespace $apid: refusing POSIX shared memory: $why"$'\nx' ]
		capture got "$BUILD/ipcs" --namespace "$apid" -M
		[ "$got_rc" = 1 ]
		[ "$got_err" = "ipcs: --namespace $apid: refusing POSIX shared memory: $why"$'\nx' ]
		[[ "$got_out" != *secret* ]]
		capture got "$BUILD/ipcs" --namespace "$apid" -S -g
		[ "$got_rc" = 1 ]
		[[ "$got_err" == *"refusing POSIX semaphores: $why"* ]]
		# Its System V objects and message queues are still reached.
		capture got "$BUILD/ipcs" --namespace "$apid" -q -Q
		[ "$got_rc" = 0 ] || { echo "# $how: ${got_err%x}" >&2; false; }
		capture got "$BUILD/ipcrm" --namespace "$apid" -a --all=pmsg
		[ "$got_rc" = 0 ]
		# Nothing of anyone's was removed or made.
		[ "$(cd /dev/shm && find . -mindepth 1 -printf '%p %U %m %s\n' | sort)" = "$victims_state" ]
	done
}

@test "ipcs --all-namespaces --posix opens no device, FIFO or file mounted into a namespace's /dev/shm" {
	command -v strace >/dev/null || skip "strace not installed"
	victims
	# Its own tmpfs, with bind mounts over regular files named like semaphores.
	# Its own tmpfs (built on /dev/mqueue, then moved in place with its
	# mounts), with bind mounts over regular files named like semaphores.
	attacker -Urm --ipc sh -c 'mount -t tmpfs own /dev/mqueue && cd /dev/mqueue &&
		: >sem.zero && mount --bind /dev/zero sem.zero &&
		: >sem.secret && mount --bind /dev/shm/victims/secret sem.secret &&
		mkdir sem.dir && mount --bind /dev/shm/victims/sub sem.dir &&
		: >leak && mount --bind /dev/shm/victims/theirs leak &&
		mkfifo sem.fifo && printf "%32s" "" >sem.own && cd / &&
		mount --rbind /dev/mqueue /dev/shm && echo $$ >&3 && exec sleep 300'
	local log=$BATS_TEST_TMPDIR/strace
	capture got traced -f -qq -o "$log" -e trace=open,openat,openat2 "$BUILD/ipcs" --all-namespaces --posix
	[ "$got_rc" = 0 ] || { echo "# ${got_err%x}" >&2; false; }
	# Only the entries of its own file system are listed: its semaphore.
	[[ "$got_out" == *"/own "* ]]
	local name
	for name in /zero /secret /dir /leak /fifo; do
		[[ "$got_out" != *"$name "* ]] || { echo "# $name listed" >&2; false; }
	done
	[[ "$got_out" != *1145258561* ]]
	# The planted entries were never opened for reading: refused (past a
	# mount: EXDEV), or opened with O_PATH only (which opens nothing).
	grep -Eq '"sem\.zero".*= -1 EXDEV|"sem\.zero".*O_PATH' "$log"
	! grep -E '"(sem\.(zero|secret|dir|fifo)|leak)"' "$log" | grep -v O_PATH | grep -v '= -1 E' || false
	! grep -E '"/dev/(zero|shm/victims)' "$log" || false
	# The same without openat2 (before Linux 5.6): O_PATH, then a reopen through /proc/self/fd.
	local first=$got_out
	capture got traced -f -qq -o "$log" -e trace=open,openat,openat2 -e inject=openat2:error=ENOSYS \
		"$BUILD/ipcs" --all-namespaces --posix
	[ "$got_rc" = 0 ]
	[ "$got_out" = "$first" ]
	grep -q '"sem\.own", O_RDONLY|O_NOFOLLOW|O_CLOEXEC|O_PATH' "$log"
	! grep -E '"(sem\.(zero|secret|dir|fifo)|leak)"' "$log" | grep -v O_PATH | grep -v '= -1 E' || false
	[ "$(cd /dev/shm && find . -mindepth 1 -printf '%p %U %m %s\n' | sort)" = "$victims_state" ]
}

@test "--namespace FILE: a FIFO fails at once, a device is rejected without being opened" {
	command -v strace >/dev/null || skip "strace not installed"
	local fifo=$BATS_TEST_TMPDIR/fifo
	mkfifo "$fifo"
	capture got timeout 5 "$BUILD/ipcs" --namespace "$fifo"
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcs: --namespace: $fifo is not an IPC namespace (give a process id, or /proc/PID/ns/ipc)"$'\nx' ]
	# A writer waiting for a reader stays waiting: the FIFO was never opened.
	(exec 3>"$fifo"; echo opened >"$BATS_TEST_TMPDIR/writer") &
	started+=("$!")
	capture got timeout 5 "$BUILD/ipcrm" --namespace "$fifo" -a
	[ "$got_rc" = 1 ]
	sleep 0.2
	[ ! -e "$BATS_TEST_TMPDIR/writer" ]
	local log=$BATS_TEST_TMPDIR/strace
	capture got traced -qq -o "$log" -e trace=open,openat "$BUILD/ipcmk" --namespace /dev/null -Q
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcmk: --namespace: /dev/null is not an IPC namespace (give a process id, or /proc/PID/ns/ipc)\nx' ]
	grep -q '"/dev/null", O_RDONLY|O_CLOEXEC|O_PATH' "$log"
	[ "$(grep -c '"/dev/null"' "$log")" = 1 ]
	# A real namespace file still works, also through a symlink.
	container
	ln -s "/proc/$cpid/ns/ipc" "$BATS_TEST_TMPDIR/link"
	capture got "$BUILD/ipcs" --namespace "$BATS_TEST_TMPDIR/link" -q
	[ "$got_rc" = 0 ]
}

@test "--namespace PID: the process is held by a pidfd (a reused pid cannot swap the target)" {
	command -v strace >/dev/null || skip "strace not installed"
	[ "$(printf '5.8\n%s\n' "$(uname -r)" | sort -V | head -n 1)" = 5.8 ] || skip "setns(pidfd) needs Linux 5.8"
	container
	local log=$BATS_TEST_TMPDIR/strace
	capture got traced -qq -o "$log" -e trace=pidfd_open,setns "$BUILD/ipcs" --namespace "$cpid" -q
	[ "$got_rc" = 0 ]
	local fd
	fd=$(sed -En "s/^pidfd_open\($cpid, 0\) += ([0-9]+)$/\1/p" "$log")
	grep -Eq "^setns\($fd, CLONE_NEWIPC\) += 0$" "$log"
}

@test "ipcs --namespace PID -g and --metrics: the target's /dev/shm size and files" {
	container 'mount -t tmpfs -o size=1m,nr_inodes=100,mode=1777 small /dev/shm && : >/dev/shm/one'
	capture got "$BUILD/ipcs" --namespace "$cpid" -g -M
	[ "$got_rc" = 0 ] || { echo "# ${got_err%x}" >&2; false; }
	# With the top owner of each (issue 27 item 4): the empty file holds no bytes.
	[ "$(grep '^SHM_FS' <<<"${got_out%x}")" = "SHM_FS_SIZE  Size of /dev/shm (bytes) 1048576    0 0.00% -             -
SHM_FS_FILES Files in /dev/shm            100    2 2.00% root          1" ] || { echo "${got_out%x}" >&2; false; }
	capture got "$BUILD/ipcs" --namespace "$cpid" --metrics
	[ "$got_rc" = 0 ]
	[ "$(grep -E '^ipc_(limit|used)(_bytes)?\{api="posix",kind="shm",resource="dev_shm' <<<"${got_out%x}")" = 'ipc_limit{api="posix",kind="shm",resource="dev_shm_files"} 100
ipc_used{api="posix",kind="shm",resource="dev_shm_files"} 2
ipc_limit_bytes{api="posix",kind="shm",resource="dev_shm"} 1048576
ipc_used_bytes{api="posix",kind="shm",resource="dev_shm"} 0' ]
}

@test "--namespace PID whose /dev/shm is a symbolic link: POSIX shared memory refused, saying so" {
	# In the container's own mount namespace only: a /dev of its own.
	container 'mount -t tmpfs cdev /dev && mkdir /dev/real && ln -s real /dev/shm'
	capture got "$BUILD/ipcs" --namespace "$cpid" -M -q
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcs: --namespace $cpid: refusing POSIX shared memory: it has no /dev/shm directory (a symbolic link is not followed)"$'\nx' ]
	[[ "$got_out" == *"Message Queues"* ]]
}

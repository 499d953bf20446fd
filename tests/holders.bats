#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; programs in quotes
# Who uses each object (ipcs --processes), which objects are leftovers
# (--orphaned), and removing exactly those (ipcrm --all with filters,
# --dry-run, guards).  Real processes (tests/holder.c) use the objects; each
# test stops every process it started, by pid, in teardown.

load helpers

HOLDER=${IPCBOX_HOLDER:?run the tests through meson test}
SERVER=${IPCBOX_SERVER:?run the tests through meson test}
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)

setup() {
	require_ns
	reset_ipc
	started=()
}

teardown() {
	stop_started
	reset_ipc
}

# hold MODE ARG: start a holder, wait until it uses the object; its pid in $held.
hold() {
	local out=$BATS_TEST_TMPDIR/hold.$RANDOM
	"$HOLDER" "$1" "$2" >"$out" &
	started+=("$!")
	held=$!
	local i
	for i in $(seq 100); do
		grep -q '^ready' "$out" 2>/dev/null && return 0
		sleep 0.05
	done
	echo "# holder $1 $2 never got ready" >&2
	return 1
}

# serve CMD...: start a server (tests/server.c, or any program printing
# "ready PID ..."), wait for that line; its words in ${ready[@]}, its pid in
# $served.  Returns the program's status if it exits first (77: skip).
serve() {
	local out=$BATS_TEST_TMPDIR/serve.$RANDOM
	"$@" >"$out" &
	served=$!
	started+=("$served")
	local i
	for i in $(seq 200); do
		if grep -q '^ready' "$out" 2>/dev/null; then
			read -r -a ready < <(grep '^ready' "$out")
			return 0
		fi
		kill -0 "$served" 2>/dev/null || { wait "$served"; return; }
		sleep 0.05
	done
	echo "# $* never got ready" >&2
	return 1
}

# gone_by_kill PID...: SIGKILL, then reap (a zombie parent would still count as exited).
gone_by_kill() {
	kill -9 "$@"
	local pid
	for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

# run_once MODE ARG: a holder that does its thing and exits; its pid in $gone.
run_once() {
	"$HOLDER" "$1" "$2" >/dev/null &
	gone=$!
	wait "$gone"
}

# hold_waiting SEM: a holder waiting on semaphore 0 of set SEM, once the
# kernel counts it; the last pid recorded is that of an exited process.
hold_waiting() {
	run_once sem-op "$1"
	hold sem-wait "$1"
	local i
	for i in $(seq 100); do
		[ "$(/usr/bin/ipcs -s -i "$1" | awk '$1 == 0 { print $4 }')" = 1 ] && return 0
		sleep 0.05
	done
	echo "# nobody waits on set $1" >&2
	return 1
}

key_id() {	# key_id KIND KEY -> id from /proc/sysvipc
	awk -v k="$(($2))" 'NR > 1 && $1 == k { print $2 }' "/proc/sysvipc/$1"
}

# The fixture of the issue; ids and pids land in variables.
fixture() {
	"$BUILD/ipcmk" -M 4096 --key 0x100 >/dev/null
	shm_used=$(key_id shm 0x100)
	hold shm-attach "$shm_used"; attach1=$held
	hold shm-attach "$shm_used"; attach2=$held
	shm_left=$("$HOLDER" shm-leftover 0x101)
	"$BUILD/ipcmk" -m 4096 -n /mapped >/dev/null
	hold pshm-map /mapped; mapper=$held
	hold pshm-open /mapped; opener=$held
	"$BUILD/ipcmk" -m 4096 -n /idle >/dev/null
	"$BUILD/ipcmk" -s -n /lock >/dev/null
	hold psem-open /lock; semholder=$held
	"$BUILD/ipcmk" -q -n /jobs >/dev/null
	hold mq-open /jobs; mqholder=$held
	"$BUILD/ipcmk" -q -n /events >/dev/null
	hold mq-notify /events; notifier=$held
	"$BUILD/ipcmk" -S 1 --key 0x200 >/dev/null
	sem_dead=$(key_id sem 0x200)
	run_once sem-op "$sem_dead"; semop_pid=$gone
	"$BUILD/ipcmk" -S 1 --key 0x201 >/dev/null
	sem_fresh=$(key_id sem 0x201)
	"$BUILD/ipcmk" -Q --key 0x300 >/dev/null
	msg_live=$(key_id msg 0x300)
	hold msg-send "$msg_live"; sender=$held
	"$BUILD/ipcmk" -Q --key 0x301 >/dev/null
	msg_fresh=$(key_id msg 0x301)
}

# The pids ipcs --processes -J shows for one object, sorted, with how.
json_pids() {	# json_pids JQ-SELECTOR
	jq -r "$1 | .processes[] | \"\\(.pid) \\(.how | join(\",\"))\"" <<<"$json" | sort -n | tr '\n' ';'
}

@test "ipcs --processes: exactly the processes using each object, text and JSON" {
	fixture
	json=$("$BUILD/ipcs" -a --posix --processes -J)
	# The creator (ipcmk, gone) is recorded too; the last attacher is attach2.
	local cpid
	cpid=$(awk -v id="$shm_used" 'NR > 1 && $2 == id { print $5 }' /proc/sysvipc/shm)
	[ "$(json_pids ".shared_memory[] | select(.id == $shm_used)")" = \
		"$(printf '%s\n' "$cpid cpid" "$attach1 mapped" "$attach2 mapped,lpid" | sort -n | tr '\n' ';')" ]
	[ "$(json_pids '.posix_shared_memory[] | select(.name == "/mapped")')" = \
		"$(printf '%s\n' "$mapper mapped" "$opener open" | sort -n | tr '\n' ';')" ]
	[ "$(json_pids '.posix_shared_memory[] | select(.name == "/idle")')" = "" ]
	[ "$(json_pids '.posix_semaphores[] | select(.name == "/lock")')" = "$semholder mapped;" ]
	[ "$(json_pids '.posix_message_queues[] | select(.name == "/jobs")')" = "$mqholder open;" ]
	[ "$(json_pids '.posix_message_queues[] | select(.name == "/events")')" = "$notifier open,notify;" ]
	[ "$(json_pids ".semaphores[] | select(.id == $sem_dead)")" = "$semop_pid sempid;" ]
	[ "$(jq ".semaphores[] | select(.id == $sem_dead) | .processes[0].alive" <<<"$json")" = false ]
	[ "$(json_pids ".message_queues[] | select(.id == $msg_live)")" = "$sender lspid;" ]
	[ "$(jq ".message_queues[] | select(.id == $msg_live) | .processes[0].alive" <<<"$json")" = true ]
	[ "$(jq .uninspected_processes <<<"$json")" = 0 ]
	# Text: the same pids under each row, commands named.
	capture got "$BUILD/ipcs" -m --processes
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[[ "$got_out" == *"  $attach1 "*"holder           mapped"* ]]
	[[ "$got_out" == *"  $attach2 "*"holder           mapped"* ]]
	# -i keeps util-linux's bytes, and --processes adds the list under them.
	local plain
	plain=$("$BUILD/ipcs" -m -i "$shm_used")
	[ "$plain" = "$(/usr/bin/ipcs -m -i "$shm_used")" ]
	capture got "$BUILD/ipcs" -m -i "$shm_used" --processes
	[[ "${got_out%x}" == "$plain"$'\n'*"  $attach1 "* ]]
}

@test "--processes: a header over each row's processes, and each one's command line, whole or cut to the terminal (issue 29 item 14)" {
	"$BUILD/ipcmk" -M 4096 --key 0x140 >/dev/null
	local shm cpid pid user out=$BATS_TEST_TMPDIR/spaced.out i
	shm=$(key_id shm 0x140)
	cpid=$(awk -v id="$shm" 'NR > 1 && $2 == id { print $5 }' /proc/sysvipc/shm)
	# argv[0] with a space and a tab: each argument goes through the escaper, spaces join them.
	bash -c 'exec -a "$0" "$@"' $'my holder\t1' "$HOLDER" shm-attach "$shm" >"$out" &
	pid=$!
	started+=("$pid")
	for i in $(seq 100); do
		grep -q '^ready' "$out" 2>/dev/null && break
		sleep 0.05
	done
	user=$(id -un)
	capture got "$BUILD/ipcs" -m --processes
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	local want
	want=$(printf '0x00000140 %-10s %-10s 644        4096       1                       \n' "$shm" "$user"
		printf '  pid      user       command          how              command line\n'
		printf '  %-8s %-10s holder           mapped,lpid      my\\x20holder\\x091 shm-attach %s\n' "$pid" "$user" "$shm"
		printf '  %-8s -          -                cpid,exited      -\n' "$cpid")
	[[ "${got_out%x}" == *$'\n'"$want"$'\n\n' ]]
	# JSON: the whole command line, its arguments joined by spaces (a new member).
	capture got "$BUILD/ipcs" -m --processes -J
	[ "$(jq -c ".shared_memory[] | select(.id == $shm) | [.processes[] | .command_line]" <<<"${got_out%x}")" = \
		"[\"my holder\\t1 shm-attach $shm\",null]" ]
	# On a terminal, each line is cut to its width (never inside an escape).
	command -v script >/dev/null || skip "script(1) not installed (Debian: bsdutils)"
	local head
	head=$(printf '  %-8s %-10s holder           mapped,lpid      ' "$pid" "$user")
	capture got script -qec "stty cols $((${#head} + 7)) && '$BUILD/ipcs' -m --processes" /dev/null
	[ "$got_rc" = 0 ]
	[[ "$(tr -d '\r' <<<"${got_out%x}")" == *$'\n'"${head}my\\x20h"$'\n'* ]]
	capture got script -qec "stty cols $((${#head} + 5)) && '$BUILD/ipcs' -m --processes" /dev/null
	[[ "$(tr -d '\r' <<<"${got_out%x}")" == *$'\n'"${head}my"$'\n'* ]]
}

@test "--orphaned selects exactly the leftovers, in ipcs and in ipcrm --dry-run, then ipcrm removes exactly them" {
	fixture
	capture got "$BUILD/ipcs" -a --posix --orphaned -J
	[ "$got_rc" = 0 ]
	local sel
	sel=$(jq -c '[.shared_memory[].id, .semaphores[].id, .message_queues[].id, (.posix_shared_memory[], .posix_semaphores[], .posix_message_queues[] | .name)]' <<<"${got_out%x}")
	# The dead set is root's, and root runs processes here: a live program of
	# its owner may hold its id (see the pre-forking server test), so it stays.
	[ "$sel" = "[$shm_left,\"/idle\"]" ] || { echo "# selected $sel" >&2; false; }
	# ipcrm: the same set (root's objects need --owner root), nothing removed.
	local before
	before=$(ipc_state)
	capture got "$BUILD/ipcrm" -a --all=pshm --all=psem --all=pmsg --orphaned --owner root --dry-run
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	# Every object of --owner root is accounted for: what goes, what stays and why.
	[ "$got_out" = "would keep shared memory segment id \`$shm_used' (in use)
would remove shared memory segment id \`$shm_left'
would remove 1 of 2 shared memory segments (owned by root, orphaned); kept 1 in use
would remove POSIX shared memory \`/idle'
would keep POSIX shared memory \`/mapped' (in use)
would remove 1 of 2 POSIX shared memory (owned by root, orphaned); kept 1 in use
would keep semaphore id \`$sem_dead' (in use)
would keep semaphore id \`$sem_fresh' (in use)
would remove 0 of 2 semaphore arrays (owned by root, orphaned); kept 2 in use
would keep POSIX semaphore \`/lock' (in use)
would remove 0 of 1 POSIX semaphores (owned by root, orphaned); kept 1 in use
would keep message queue id \`$msg_live' (in use)
would keep message queue id \`$msg_fresh' (in use)
would remove 0 of 2 message queues (owned by root, orphaned); kept 2 in use
would keep POSIX message queue \`/events' (in use)
would keep POSIX message queue \`/jobs' (in use)
would remove 0 of 2 POSIX message queues (owned by root, orphaned); kept 2 in use
x" ]
	[ "$(ipc_state)" = "$before" ]
	capture got "$BUILD/ipcrm" -a --all=pshm --all=psem --all=pmsg --orphaned --owner root
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = x ]
	[ -z "$(key_id shm 0x101)" ]
	[ ! -e /dev/shm/idle ]
	# Everything else is still there.
	[ -n "$(key_id shm 0x100)" ]
	[ -n "$(key_id sem 0x200)" ]
	[ -n "$(key_id sem 0x201)" ]
	[ -n "$(key_id msg 0x300)" ]
	[ -n "$(key_id msg 0x301)" ]
	[ -e /dev/shm/mapped ]
	[ -e /dev/shm/sem.lock ]
	[ -e /dev/mqueue/jobs ]
	[ -e /dev/mqueue/events ]
}

@test "guards: root's objects only with --owner root; objects in use never by filter" {
	"$BUILD/ipcmk" -M 4096 --key 0x400 -S 1 >/dev/null
	local shm
	shm=$(key_id shm 0x400)
	hold shm-attach "$shm"
	"${NOBODY[@]}" true 2>/dev/null || skip "needs root (objects of several owners)"
	"${NOBODY[@]}" "$BUILD/ipcmk" -S 1 -M 10 >/dev/null
	local before
	before=$(ipc_state)
	local nobody_shm nobody_sem root_sem
	nobody_shm=$(awk 'NR > 1 && $8 == 65534 { print $2 }' /proc/sysvipc/shm)
	nobody_sem=$(awk 'NR > 1 && $5 == 65534 { print $2 }' /proc/sysvipc/sem)
	root_sem=$(awk 'NR > 1 && $5 == 0 { print $2 }' /proc/sysvipc/sem)
	capture got "$BUILD/ipcrm" -a --older-than 0 -v
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	# Root's segment is attached and root runs processes: in use comes first.
	[ "$got_out" = "keeping shared memory segment id \`$shm' (in use)
removing shared memory segment id \`$nobody_shm'
removed 1 of 2 shared memory segments (older than 0); kept 1 in use
keeping semaphore id \`$root_sem' (in use)
removing semaphore id \`$nobody_sem'
removed 1 of 2 semaphore arrays (older than 0); kept 1 in use
removed 0 of 0 message queues (older than 0)
x" ]
	# nobody's objects went, root's stayed.
	[ -z "$(awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/sem | awk '$5 == 65534 || $8 == 65534')" ]
	[ -n "$(key_id shm 0x400)" ]
	[ "$(awk 'NR > 1' /proc/sysvipc/sem | wc -l)" = 1 ]
	# With --owner root: the attached segment is still kept, and so is the
	# set: root runs processes, any of which may hold its id.
	capture got "$BUILD/ipcrm" -a --owner root -v
	[ "$got_rc" = 0 ]
	[[ "$got_out" == *"removed 0 of 1 shared memory segments (owned by root); kept 1 in use"$'\n'* ]]
	[[ "$got_out" == *"removed 0 of 1 semaphore arrays (owned by root); kept 1 in use"$'\n'* ]]
	[ -n "$(key_id shm 0x400)" ]
	[ "$(awk 'NR > 1' /proc/sysvipc/sem | wc -l)" = 1 ]
	# By id, the user's word is enough (the segment goes when detached).
	"$BUILD/ipcrm" -m "$shm"
	[ -z "$(key_id shm 0x400)" ]
}

@test "a real multi-process program killed with SIGKILL: only the dead part's objects are orphaned" {
	local out=$BATS_TEST_TMPDIR/family
	"$HOLDER" family /fam >"$out" &
	started+=("$!")
	local i
	for i in $(seq 100); do
		[ "$(wc -l <"$out")" -ge 4 ] && break
		sleep 0.05
	done
	local shm_pid shm_id mq_pid sem_pid
	read -r _ shm_pid shm_id < <(grep '^shm ' "$out")
	read -r _ mq_pid _ < <(grep '^mq ' "$out")
	read -r _ sem_pid _ < <(grep '^sem ' "$out")
	started+=("$shm_pid" "$mq_pid" "$sem_pid")
	capture got "$BUILD/ipcs" -a --posix --orphaned -J
	[ "$(jq -c '[.[][]?] | length' <<<"${got_out%x}")" = 0 ]
	# The segment's user and the queue's user die; the semaphore's lives on.
	kill -9 "$shm_pid" "$mq_pid"
	for i in $(seq 100); do
		kill -0 "$shm_pid" 2>/dev/null || kill -0 "$mq_pid" 2>/dev/null || break
		[ -z "$(ps -o stat= -p "$shm_pid" "$mq_pid" | grep -v Z)" ] && break
		sleep 0.05
	done
	capture got "$BUILD/ipcs" -a --posix --orphaned -J
	[ "$(jq -c '[.shared_memory[].id, (.posix_message_queues[], .posix_semaphores[] | .name)]' <<<"${got_out%x}")" = "[$shm_id,\"/fam\"]" ] ||
		{ "$BUILD/ipcs" -a --posix --processes >&2; false; }
	capture got "$BUILD/ipcrm" --all=shm --all=pmsg --all=psem --orphaned --owner root -v
	[ "$got_rc" = 0 ]
	[ -z "$(awk -v id="$shm_id" 'NR > 1 && $2 == id' /proc/sysvipc/shm)" ]
	[ ! -e /dev/mqueue/fam ]
	[ -e /dev/shm/sem.fam ]
}

@test "as an unprivileged user: what it can see, and how many processes it could not inspect" {
	"${NOBODY[@]}" true 2>/dev/null || skip "needs root (another user's processes)"
	fixture
	capture got "${NOBODY[@]}" "$BUILD/ipcs" --posix --processes -J
	[ "$got_rc" = 0 ]
	local n
	n=$(jq .uninspected_processes <<<"${got_out%x}")
	[ "$n" -gt 0 ]
	# Other users' processes are unreadable: POSIX objects are never called orphaned then.
	[ "$(jq '[.[][]? | select(.orphaned)] | length' <<<"${got_out%x}")" = 0 ]
	capture got "${NOBODY[@]}" "$BUILD/ipcs" --posix --processes
	[ "$got_rc" = 0 ]
	# The first three named by pid and command, then how many more (issue 29 item 6).
	local one='([0-9]+) \(([^)]*)\)'
	local re="^ipcs: $n processes could not be inspected \\(not readable by this user\\): $one, $one, $one( and ([0-9]+) more)?"$'\nx$'
	[[ "$got_err" =~ $re ]] || { echo "# ${got_err%x}" >&2; false; }
	local m=${BASH_REMATCH[8]:-0}
	[ "$((3 + m))" = "$n" ]
}

@test "processes that exited during the scan do not count as uninspected; the unreadable ones are named (issue 29 item 6)" {
	"$BUILD/ipcmk" -m 4096 -n /left >/dev/null
	# In a normal user's user namespace some processes (mapped to no uid) cannot be read at all.
	capture pre "$BUILD/ipcs" -M --processes
	[ "$pre_err" = x ] || skip "processes here this user cannot read (a user namespace): nothing to compare against"
	# A zombie: its parent (exec'ed into sleep) never reaps it; its fd directory is gone.
	bash -c 'sleep 0 & exec sleep 60' &
	started+=("$!")
	local parent=$! zombie= i
	for i in $(seq 100); do
		zombie=$(ps -o pid=,stat= --ppid "$parent" | awk '$2 ~ /^Z/ { print $1 }')
		[ -n "$zombie" ] && break
		sleep 0.05
	done
	[ -n "$zombie" ]
	capture got "$BUILD/ipcs" -M --processes
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$(jq .uninspected_processes <<<"$("$BUILD/ipcs" -M --processes -J)")" = 0 ]
	# Nothing unreadable: the POSIX leftover is an orphan.
	[ "$(jq -c '[.posix_shared_memory[].name]' <<<"$("$BUILD/ipcs" -M --orphaned -J)")" = '["/left"]' ]
	# As another user, root's processes cannot be read: named, pid and command.
	"${NOBODY[@]}" true 2>/dev/null || skip "needs root (another user's processes)"
	capture got "${NOBODY[@]}" "$BUILD/ipcs" -M --processes
	[ "$got_rc" = 0 ]
	local re='^ipcs: ([0-9]+) processes could not be inspected \(not readable by this user\): ([0-9]+) \(([^)]*)\)'
	[[ "$got_err" =~ $re ]] || { echo "# ${got_err%x}" >&2; false; }
	local first=${BASH_REMATCH[2]} command=${BASH_REMATCH[3]}
	[ "$(cat "/proc/$first/comm")" = "$command" ]
	[ "$(stat -c %u "/proc/$first")" = 0 ]
}

@test "selection: --owner, --creator, --older-than and --key combine with AND; bad values are errors" {
	"$BUILD/ipcmk" -Q --key 0x500 >/dev/null
	"$BUILD/ipcmk" -Q --key 0x501 >/dev/null
	capture got "$BUILD/ipcs" -q --key 0x500
	[ "$(printf '%s' "${got_out%x}" | awk '$1 ~ /^0x/' | wc -l)" = 1 ]
	[[ "$got_out" == *"0x00000500"* ]]
	capture got "$BUILD/ipcs" -q --key 0x500 --owner root --created-by 0 --older-than 0
	[[ "$got_out" == *"0x00000500"* ]]
	capture got "$BUILD/ipcs" -q --key 0x500 --older-than 1d
	[[ "$got_out" != *"0x00000500"* ]]
	local before
	before=$(ipc_state)
	for bad in "--owner no-such-user-xyz" "--older-than 5ms" "--older-than x" "--older-than -1" "--key 0x100000000"; do
		# shellcheck disable=SC2086
		capture got "$BUILD/ipcs" $bad
		[ "$got_rc" = 1 ] && [ "$got_out" = x ] || { echo "# ipcs $bad: $got_rc" >&2; false; }
		# shellcheck disable=SC2086
		capture got "$BUILD/ipcrm" -a $bad
		[ "$got_rc" = 1 ] && [ "$got_out" = x ] || { echo "# ipcrm -a $bad: $got_rc" >&2; false; }
	done
	# Filters only with --all; with -i/-l/-u in ipcs they are usage errors.
	capture got "$BUILD/ipcrm" -q 0 --owner root
	[ "$got_rc" = 1 ]
	[[ "$got_err" == *"for --all only"* ]]
	capture got "$BUILD/ipcs" -q -i 0 --owner root
	[ "$got_rc" = 1 ]
	capture got "$BUILD/ipcs" -u --orphaned
	[ "$got_rc" = 1 ]
	[ "$(ipc_state)" = "$before" ]
}

@test "--processes reads maps of any length: 200 KiB before the segment, a long path, shmid 0" {
	unshare --ipc true 2>/dev/null || skip "cannot make an IPC namespace here"
	# A path of about 3000 bytes to a mapped file.
	local dir=$BATS_TEST_TMPDIR i
	for i in $(seq 12); do dir=$dir/$(printf 'd%.0s' $(seq 240)); done
	mkdir -p "$dir"
	: >"$dir/mapped"
	echo x >"$dir/mapped"
	# A fresh IPC namespace: its first segment is id 0 (inode 0 in maps).
	capture got unshare --ipc bash -c '
		set -e
		"$1" -M 4096 >/dev/null
		"$2" shm-crowded 0 "$3" >"$4" &
		h=$!
		trap "kill $h" EXIT
		for _ in $(seq 100); do grep -q "^ready" "$4" && break; sleep 0.05; done
		echo "$h $(wc -c </proc/$h/maps) $(grep -c "^" /proc/$h/maps)"
		"$5" -m --processes -J
	' _ "$BUILD/ipcmk" "$HOLDER" "$dir/mapped" "$BATS_TEST_TMPDIR/crowded" "$BUILD/ipcs"
	[ "$got_rc" = 0 ]
	local h size lines
	read -r h size lines <<<"$got_out"
	[ "$size" -gt 200000 ] || { echo "# maps: $got_out" >&3; false; }
	[ "$lines" -gt 3000 ]
	local json=${got_out#*$'\n'}
	json=${json%x}
	[ "$(jq -c '[.shared_memory[] | .id]' <<<"$json")" = "[0]" ]
	[ "$(jq -r ".shared_memory[0].processes[] | select(.pid == $h) | .how | join(\",\")" <<<"$json")" = "mapped,lpid" ]
}

@test "--orphaned alone: a set whose last pid is dead but which a process waits on is kept" {
	# The set's owner must run no process, or it is kept anyway.
	"${NOBODY[@]}" true 2>/dev/null || skip "needs a second uid (an owner that runs nothing)"
	"${NOBODY[@]}" "$BUILD/ipcmk" -S 1 --key 0x600 >/dev/null
	local sem
	sem=$(key_id sem 0x600)
	"${NOBODY[@]}" "$HOLDER" sem-op "$sem" &
	gone=$!
	wait "$gone"
	capture got "$BUILD/ipcs" -s --orphaned
	[[ "$got_out" == *"0x00000600"* ]]
	hold sem-wait "$sem"
	local i
	for i in $(seq 100); do
		[ "$(/usr/bin/ipcs -s -i "$sem" | awk '$1 == 0 { print $4 }')" = 1 ] && break
		sleep 0.05
	done
	[ "$(/usr/bin/ipcs -s -i "$sem" | awk '$1 == 0 { print $4 }')" = 1 ]
	capture got "$BUILD/ipcs" -s --orphaned
	[ "$got_rc" = 0 ]
	[[ "$got_out" != *"0x00000600"* ]]
	[ "$(jq '[.semaphores[]] | length' <<<"$("$BUILD/ipcs" -s --orphaned -J)")" = 0 ]
	capture got "$BUILD/ipcrm" --all=sem --orphaned --owner 65534 --dry-run
	[ "$got_out" = "would keep semaphore id \`$sem' (in use)
would remove 0 of 1 semaphore arrays (owned by 65534, orphaned); kept 1 in use
x" ]
	capture got "$BUILD/ipcs" -s --processes
	[[ "$got_out" == *"$gone "*"sempid,exited    -"$'\n'"  1 waiting"$'\n'* ]]
	[[ "$got_out" != *orphaned* ]]
}

@test "ipcrm's in-use guard: a set whose last pid is dead is kept while a process waits on it" {
	# The set's owner must run no process, or it is kept anyway.
	"${NOBODY[@]}" true 2>/dev/null || skip "needs a second uid (an owner that runs nothing)"
	"${NOBODY[@]}" "$BUILD/ipcmk" -S 1 --key 0x601 >/dev/null
	local sem i
	sem=$(key_id sem 0x601)
	"${NOBODY[@]}" "$HOLDER" sem-op "$sem" &
	gone=$!
	wait "$gone"
	hold sem-wait "$sem"
	for i in $(seq 100); do
		[ "$(/usr/bin/ipcs -s -i "$sem" | awk '$1 == 0 { print $4 }')" = 1 ] && break
		sleep 0.05
	done
	[ "$(/usr/bin/ipcs -s -i "$sem" | awk '$1 == 0 { print $4 }')" = 1 ]
	# Matched by --owner, not orphaned, kept by the guard: the waiter is the only sign of use.
	capture got "$BUILD/ipcrm" --all=sem --owner 65534 -v
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "keeping semaphore id \`$sem' (in use)
removed 0 of 1 semaphore arrays (owned by 65534); kept 1 in use
x" ]
	[ "$(key_id sem 0x601)" = "$sem" ]
}

@test "each kind reads only what it needs from /proc; plain ipcs reads no /proc/PID at all" {
	command -v strace >/dev/null || skip "strace not installed"
	fixture
	local log=$BATS_TEST_TMPDIR/trace
	# Every path ipcs asks the kernel about; /proc/PID files are opened relative to /proc.
	paths() {
		strace -f -qq -o "$log" -e trace=open,openat,stat,newfstatat,statx,readlinkat,access \
			"$BUILD/ipcs" "$@" >/dev/null 2>&1
		grep -oE '"(/proc/)?[0-9]+(/[a-z/]*)?"' "$log" | sed -E 's/[0-9]+/PID/' | sort -u | tr -d '"' | tr '\n' ' '
	}
	[ "$(paths)" = "" ]
	[ "$(paths -a --posix)" = "" ]
	[ "$(paths -a -t -c -p -u -l)" = "" ]
	# Queues and sets: only the recorded processes (alive? who?), never their maps or descriptors.
	[[ "$(paths -q --processes)" != *maps* && "$(paths -q --processes)" != *PID/fd* ]]
	[[ "$(paths -s --processes)" != *maps* && "$(paths -s --processes)" != *PID/fd* ]]
	# Segments: maps, no descriptors; POSIX queues: descriptors, no maps.
	[[ "$(paths -m --processes)" == *"PID/maps "* && "$(paths -m --processes)" != *PID/fd* ]]
	[[ "$(paths -Q --processes)" == *"PID/fd "* && "$(paths -Q --processes)" != *maps* ]]
	[[ "$(paths -M --processes)" == *"PID/fd "* && "$(paths -M --processes)" == *"PID/maps "* ]]
}

@test "a pre-forking server: its set and queue stay while it lives, are found and removed once it has exited" {
	# The server runs as its own user, as Apache's www-data: root runs processes here.
	"${NOBODY[@]}" true 2>/dev/null || skip "needs a second uid (the server's own user)"
	serve "${NOBODY[@]}" "$SERVER" prefork-sem
	local sem_server=$served sem=${ready[2]}
	serve "${NOBODY[@]}" "$SERVER" prefork-msg
	local msg_server=$served msg=${ready[2]}
	# The kernel recorded only the workers, which have exited.
	json=$("$BUILD/ipcs" -s -q --processes -J)
	[ "$(jq -c "[.semaphores[] | select(.id == $sem) | .processes[] | [.alive, .how]]" <<<"$json")" = '[[false,["sempid"]]]' ]
	[ "$(jq -c "[.message_queues[] | select(.id == $msg) | .processes[] | [.alive, .how]]" <<<"$json")" = '[[false,["lspid"]]]' ]
	[ "$(jq -c '[.semaphores[], .message_queues[] | .orphaned]' <<<"$json")" = '[false,false]' ]
	capture got "$BUILD/ipcs" -s -q --orphaned
	[ "$got_rc" = 0 ]
	[[ "$got_out" != *65534* ]]
	[[ "$got_out" != *nobody* ]]
	local before
	before=$(ipc_state)
	capture got "$BUILD/ipcrm" --all=sem --all=msg --orphaned --owner 65534 -v
	[ "$got_rc" = 0 ]
	[ "$got_out" = "keeping semaphore id \`$sem' (in use)
removed 0 of 1 semaphore arrays (owned by 65534, orphaned); kept 1 in use
keeping message queue id \`$msg' (in use)
removed 0 of 1 message queues (owned by 65534, orphaned); kept 1 in use
x" ]
	[ "$got_err" = x ]
	capture got "$BUILD/ipcrm" --all=sem --all=msg --owner 65534 -v
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "keeping semaphore id \`$sem' (in use)
removed 0 of 1 semaphore arrays (owned by 65534); kept 1 in use
keeping message queue id \`$msg' (in use)
removed 0 of 1 message queues (owned by 65534); kept 1 in use
x" ]
	[ "$(ipc_state)" = "$before" ]
	# The whole server exits: its leftovers are found and removed.
	gone_by_kill "$sem_server" "$msg_server"
	json=$("$BUILD/ipcs" -s -q --orphaned -J)
	[ "$(jq -c '[.semaphores[].id, .message_queues[].id]' <<<"$json")" = "[$sem,$msg]" ]
	capture got "$BUILD/ipcrm" --all=sem --all=msg --orphaned --owner 65534 -v
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "removing semaphore id \`$sem'
removed 1 of 1 semaphore arrays (owned by 65534, orphaned)
removing message queue id \`$msg'
removed 1 of 1 message queues (owned by 65534, orphaned)
x" ]
	[ -z "$(awk 'FNR > 1' /proc/sysvipc/sem /proc/sysvipc/msg)" ]
}

@test "a real peer (python3-sysv-ipc) as a pre-forking server: kept while it lives, removed once it has exited" {
	/usr/bin/python3 -c 'import sysv_ipc' 2>/dev/null || skip "python3-sysv-ipc not installed"
	"${NOBODY[@]}" true 2>/dev/null || skip "needs a second uid (the server's own user)"
	local py='
import os, signal, sys, sysv_ipc
sem = sysv_ipc.Semaphore(None, sysv_ipc.IPC_CREX, 0o600, 1)
mq = sysv_ipc.MessageQueue(None, sysv_ipc.IPC_CREX, 0o600)
for work in (lambda: (sem.acquire(), sem.release()), lambda: mq.send(b"job")):
    pid = os.fork()
    if pid == 0:
        work()
        os._exit(0)
    os.waitpid(pid, 0)
print("ready", os.getpid(), sem.id, mq.id, flush=True)
while True:
    signal.pause()
'
	serve "${NOBODY[@]}" /usr/bin/python3 -c "$py"
	local sem=${ready[2]} msg=${ready[3]}
	local before
	before=$(ipc_state)
	capture got "$BUILD/ipcrm" --all=sem --all=msg --orphaned --owner 65534
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = x ]
	# No filter but the owner: the guard keeps them, and says so (issue 29 item 3).
	capture got "$BUILD/ipcrm" --all=sem --all=msg --owner 65534
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: kept 1 semaphore array in use (-v lists them)
ipcrm: kept 1 message queue in use (-v lists them)
x" ]
	[ "$(ipc_state)" = "$before" ]
	gone_by_kill "$served"
	capture got "$BUILD/ipcrm" --all=sem --all=msg --orphaned --owner 65534
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = x ]
	[ -z "$(awk -v s="$sem" 'NR > 1 && $2 == s' /proc/sysvipc/sem)" ]
	[ -z "$(awk -v q="$msg" 'NR > 1 && $2 == q' /proc/sysvipc/msg)" ]
}

@test "a process whose main thread exited lives while a thread does: its set, queue and POSIX segment are kept" {
	serve "$SERVER" main-exits /keeper
	local pid=$served sem=${ready[2]} msg=${ready[3]}
	# The leader is a zombie (ps: Zl); its own maps and fd are empty.
	[ "$(awk '{ print $3 }' "/proc/$pid/stat")" = Z ]
	[ ! -s "/proc/$pid/maps" ]
	json=$("$BUILD/ipcs" -s -q -M --processes -J)
	[ "$(jq -c "[.semaphores[] | select(.id == $sem) | .processes[] | [.pid, .alive, .how]]" <<<"$json")" = "[[$pid,true,[\"sempid\"]]]" ]
	[ "$(jq -c "[.message_queues[] | select(.id == $msg) | .processes[] | [.pid, .alive, .how]]" <<<"$json")" = "[[$pid,true,[\"lspid\"]]]" ]
	[ "$(jq -c '[.posix_shared_memory[] | select(.name == "/keeper") | .processes[] | [.pid, .alive, .how]]' <<<"$json")" = "[[$pid,true,[\"mapped\",\"open\"]]]" ]
	local before
	before=$(ipc_state)
	capture got "$BUILD/ipcrm" --all=sem --all=msg --all=pshm --orphaned --owner root -v
	[ "$got_rc" = 0 ]
	[ "$got_out" = "keeping POSIX shared memory \`/keeper' (in use)
removed 0 of 1 POSIX shared memory (owned by root, orphaned); kept 1 in use
keeping semaphore id \`$sem' (in use)
removed 0 of 1 semaphore arrays (owned by root, orphaned); kept 1 in use
keeping message queue id \`$msg' (in use)
removed 0 of 1 message queues (owned by root, orphaned); kept 1 in use
x" ]
	[ "$got_err" = x ]
	[ "$(ipc_state)" = "$before" ]
	[ -e /dev/shm/keeper ]
}

@test "descriptors in a thread's own table (unshare(CLONE_FILES)) count: a queue and a segment are kept" {
	"$BUILD/ipcmk" -q -n /thread-q >/dev/null
	"$BUILD/ipcmk" -m 4096 -n /thread-shm >/dev/null
	serve "$SERVER" own-files /thread-q /thread-shm
	local pid=$served
	json=$("$BUILD/ipcs" -Q -M --processes -J)
	[ "$(jq -c '[.posix_message_queues[], .posix_shared_memory[] | [.name, (.processes[] | .pid, .how), .orphaned]]' <<<"$json")" = \
		"[[\"/thread-q\",$pid,[\"open\"],false],[\"/thread-shm\",$pid,[\"open\"],false]]" ]
	local before
	before=$(ipc_state)
	capture got "$BUILD/ipcrm" --all=sem --all=msg --all=pshm --all=pmsg --orphaned --owner root -v
	[ "$got_rc" = 0 ]
	[ "$got_out" = "keeping POSIX shared memory \`/thread-shm' (in use)
removed 0 of 1 POSIX shared memory (owned by root, orphaned); kept 1 in use
removed 0 of 0 semaphore arrays (owned by root, orphaned)
removed 0 of 0 message queues (owned by root, orphaned)
keeping POSIX message queue \`/thread-q' (in use)
removed 0 of 1 POSIX message queues (owned by root, orphaned); kept 1 in use
x" ]
	[ "$got_err" = x ]
	[ "$(ipc_state)" = "$before" ]
	# Once the process is gone, they are leftovers.
	gone_by_kill "$pid"
	capture got "$BUILD/ipcrm" --all=pshm --all=pmsg --orphaned --owner root
	[ "$got_rc" = 0 ]
	[ ! -e /dev/mqueue/thread-q ]
	[ ! -e /dev/shm/thread-shm ]
}

@test "a /SYSV look-alike mapping (a tmpfs file with the segment's key and id as inode) is not an attachment" {
	# Its id must be one a fresh tmpfs reaches as an inode (they start at 1 or 2).
	local victim
	for _ in $(seq 20); do
		victim=$("$HOLDER" shm-leftover 0xdead)
		[ "$victim" -lt 16 ] || break
		"$BUILD/ipcrm" -m "$victim"
	done
	local rc=0
	serve "$SERVER" sysv-lookalike "$victim" || rc=$?
	[ "$rc" != 77 ] || skip "cannot mount a tmpfs here"
	[ "$rc" = 0 ]
	local pid=$served
	# The mapping reads exactly as a real attachment would, but for its device.
	grep -qE " [0-9a-f]+:[0-9a-f]+ $victim +/SYSV0000dead\$" "/proc/$pid/maps"
	json=$("$BUILD/ipcs" -m --processes -J)
	[ "$(jq -c "[.shared_memory[] | select(.id == $victim) | .processes[] | select(.pid == $pid)]" <<<"$json")" = "[]" ]
	[ "$(jq ".shared_memory[] | select(.id == $victim) | .orphaned" <<<"$json")" = true ]
	capture got "$BUILD/ipcrm" --all=shm --orphaned --owner root
	[ "$got_rc" = 0 ]
	[ -z "$(key_id shm 0xdead)" ]
}

@test "--processes shows every role of a process: creator and last attacher, last sender and receiver" {
	serve "$SERVER" roles
	local pid=$served shm=${ready[2]} msg=${ready[3]}
	json=$("$BUILD/ipcs" -m -q --processes -J)
	[ "$(jq -c "[.shared_memory[] | select(.id == $shm) | .processes[] | [.pid, .how]]" <<<"$json")" = "[[$pid,[\"mapped\",\"cpid\",\"lpid\"]]]" ]
	[ "$(jq -c "[.message_queues[] | select(.id == $msg) | .processes[] | [.pid, .how]]" <<<"$json")" = "[[$pid,[\"lspid\",\"lrpid\"]]]" ]
	capture got "$BUILD/ipcs" -m -q --processes
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[[ "$got_out" == *"  $pid "*" server           mapped,cpid,lpid $SERVER roles"$'\n'* ]]
	[[ "$got_out" == *"  $pid "*" server           lspid,lrpid      $SERVER roles"$'\n'* ]]
	# An exited process keeps all its roles too.
	local left
	left=$("$HOLDER" shm-leftover 0x700)
	capture got "$BUILD/ipcs" -m -i "$left" --processes
	[[ "$got_out" == *" -                cpid,lpid,exited -"$'\n'* ]]
}

@test "a filtered dry run or -v always sums up, with why each object stays (issue 29 item 2)" {
	# The sets' owner must run no process, or every set is in use.
	"${NOBODY[@]}" true 2>/dev/null || skip "needs a second uid (an owner that runs nothing)"
	local i sems=()
	for i in 1 2 3 4; do
		"${NOBODY[@]}" "$BUILD/ipcmk" -S 1 --key "0x70$i" >/dev/null
		sems+=("$(key_id sem "0x70$i")")
	done
	# The fourth is waited on (its last user exited): in use; the first three were never used.
	hold_waiting "${sems[3]}"
	local before
	before=$(ipc_state)
	capture got "$BUILD/ipcrm" --all=sem --owner 65534 --orphaned --dry-run
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "would keep semaphore id \`${sems[0]}' (never used: not an orphan)
would keep semaphore id \`${sems[1]}' (never used: not an orphan)
would keep semaphore id \`${sems[2]}' (never used: not an orphan)
would keep semaphore id \`${sems[3]}' (in use)
would remove 0 of 4 semaphore arrays (owned by 65534, orphaned); kept 3 never used (not orphans), 1 in use
x" ]
	capture got "$BUILD/ipcrm" --all=sem --owner 65534 --orphaned -v
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "keeping semaphore id \`${sems[0]}' (never used: not an orphan)
keeping semaphore id \`${sems[1]}' (never used: not an orphan)
keeping semaphore id \`${sems[2]}' (never used: not an orphan)
keeping semaphore id \`${sems[3]}' (in use)
removed 0 of 4 semaphore arrays (owned by 65534, orphaned); kept 3 never used (not orphans), 1 in use
x" ]
	# Nothing matched at all: the summary still says so.
	capture got "$BUILD/ipcrm" --all=shm --all=pshm --owner 65534 --dry-run
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "would remove 0 of 0 shared memory segments (owned by 65534)
would remove 0 of 0 POSIX shared memory (owned by 65534)
x" ]
	[ "$(ipc_state)" = "$before" ]
}

@test "without -v, what a guard kept is one line on stderr; the exit status stays 0 (issue 29 item 3)" {
	"${NOBODY[@]}" true 2>/dev/null || skip "needs a second uid (an owner that runs nothing)"
	local i sems=()
	for i in 1 2; do
		"${NOBODY[@]}" "$BUILD/ipcmk" -S 1 --key "0x71$i" >/dev/null
		sems+=("$(key_id sem "0x71$i")")
	done
	hold_waiting "${sems[1]}"
	# --orphaned: a set in use is not an orphan (no guard at work): silent, as ipcs --orphaned.
	capture got "$BUILD/ipcrm" --all=sem --owner 65534 --orphaned
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = x ]
	[ "$(awk 'NR > 1' /proc/sysvipc/sem | wc -l)" = 2 ]
	# The owner alone: the unused set goes, the guard keeps the other and says so.
	capture got "$BUILD/ipcrm" --all=sem --owner 65534
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: kept 1 semaphore array in use (-v lists them)
x" ]
	[ -z "$(key_id sem 0x711)" ]
	[ "$(key_id sem 0x712)" = "${sems[1]}" ]
	# Root's objects: the other guard, with what to add.
	"$BUILD/ipcmk" -M 4096 --key 0x713 >/dev/null
	"$BUILD/ipcmk" -M 4096 --key 0x714 >/dev/null
	capture got "$BUILD/ipcrm" --all=shm --older-than 0
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcrm: kept 2 shared memory segments owned by root (use --owner root; -v lists them)
x" ]
	[ -n "$(key_id shm 0x713)" ]
	[ -n "$(key_id shm 0x714)" ]
	# Both guards at once.
	hold shm-attach "$(key_id shm 0x713)"
	capture got "$BUILD/ipcrm" --all=shm --older-than 0
	[ "$got_rc" = 0 ]
	[ "$got_err" = "ipcrm: kept 2 shared memory segments: 1 in use, 1 owned by root (use --owner root; -v lists them)
x" ]
	[ "$(awk 'NR > 1' /proc/sysvipc/shm | wc -l)" = 2 ]
}

@test "ipcrm -v on a segment still attached says it goes when detached; stdout stays util-linux's (issue 29 item 4)" {
	"$BUILD/ipcmk" -M 4096 --key 0x801 >/dev/null
	"$BUILD/ipcmk" -M 4096 --key 0x802 >/dev/null
	"$BUILD/ipcmk" -M 4096 --key 0x803 >/dev/null
	local two one ref
	two=$(key_id shm 0x801)
	one=$(key_id shm 0x802)
	ref=$(key_id shm 0x803)
	hold shm-attach "$two"; local a1=$held
	hold shm-attach "$two"; local a2=$held
	hold shm-attach "$one"; local a3=$held
	hold shm-attach "$ref"
	capture got "$BUILD/ipcrm" -m "$two" -m "$one" --dry-run
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "would remove shared memory segment id \`$two' (attached by 2 processes: removed when it detaches)
would remove shared memory segment id \`$one' (attached by 1 process: removed when it detaches)
x" ]
	[ -n "$(key_id shm 0x801)" ]
	capture got "$BUILD/ipcrm" -v -m "$two"
	[ "$got_rc" = 0 ]
	[ "$got_out" = "removing shared memory segment id \`$two'
x" ]
	[ "$got_err" = "ipcrm: shared memory segment id \`$two' (attached by 2 processes: removed when it detaches)
x" ]
	# Marked for removal (key 0, status dest), still there while attached.
	[ -z "$(key_id shm 0x801)" ]
	[ "$(awk -v id="$two" 'NR > 1 && $2 == id { print $1, $7 }' /proc/sysvipc/shm)" = "0 2" ]
	# Without -v, as util-linux: nothing said.
	capture got "$BUILD/ipcrm" -m "$one"
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = x ]
	# stdout is util-linux's, byte for byte.
	if [ -x /usr/bin/ipcrm ]; then
		"$BUILD/ipcmk" -M 4096 --key 0x804 >/dev/null
		local ref2
		ref2=$(key_id shm 0x804)
		hold shm-attach "$ref2"
		capture got "$BUILD/ipcrm" -v -m "$ref"
		[ "$got_out" = "removing shared memory segment id \`$ref'"$'\nx' ]
		[ "${got_out//"$ref"/N}" = "$(/usr/bin/ipcrm -v -m "$ref2" | sed "s/$ref2/N/"; echo x)" ]
	fi
	# Once detached, they are gone.
	gone_by_kill "$a1" "$a2" "$a3"
	[ -z "$(awk -v id="$two" 'NR > 1 && $2 == id' /proc/sysvipc/shm)" ]
	[ -z "$(awk -v id="$one" 'NR > 1 && $2 == id' /proc/sysvipc/shm)" ]
}

@test "ipcs --orphaned says on stderr when POSIX orphans were left out; --all=sysv,posix removes them all (issue 29 item 5)" {
	"$BUILD/ipcmk" -M 4096 --key 0x901 >/dev/null
	"$BUILD/ipcmk" -m 4096 -n /app.buffer >/dev/null
	"$BUILD/ipcmk" -q -n /app.jobs >/dev/null
	"$BUILD/ipcmk" -s -n /app.lock >/dev/null
	# A segment never attached is no orphan (its users are unknown); the POSIX objects are.
	capture got "$BUILD/ipcs" --orphaned
	[ "$got_rc" = 0 ]
	[ "$got_out" = "$(printf '\n------ Message Queues --------\nkey        msqid      owner      perms      used-bytes   messages    \n\n------ Shared Memory Segments --------\nkey        shmid      owner      perms      bytes      nattch     status      \n\n------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems     \n\nx')" ]
	[ "$got_err" = "ipcs: 3 orphaned POSIX objects not shown: add --posix
x" ]
	# Some POSIX kinds asked for: the others are counted.
	capture got "$BUILD/ipcs" -m -M --orphaned
	[ "$got_rc" = 0 ]
	[[ "$got_out" == *"/app.buffer "* ]]
	[ "$got_err" = "ipcs: 2 orphaned POSIX objects not shown: add --posix
x" ]
	capture got "$BUILD/ipcs" --orphaned -J
	[ "$got_rc" = 0 ]
	jq -e . <<<"${got_out%x}" >/dev/null
	[ "$got_err" = "ipcs: 3 orphaned POSIX objects not shown: add --posix
x" ]
	# Filters apply to the count; with every kind shown, or without --orphaned, no hint.
	local cmd
	for cmd in "--orphaned --owner 65534" "--orphaned --posix" "-a --posix --orphaned" "" "-M"; do
		# shellcheck disable=SC2086 # words
		capture got "$BUILD/ipcs" $cmd
		[ "$got_rc" = 0 ]
		[ "$got_err" = x ] || { echo "# ipcs $cmd: ${got_err%x}" >&2; false; }
	done
	# The whole cleanup in one option.
	capture got "$BUILD/ipcrm" --all=sysv,posix --orphaned --owner root
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = x ]
	[ ! -e /dev/shm/app.buffer ]
	[ ! -e /dev/mqueue/app.jobs ]
	[ ! -e /dev/shm/sem.app.lock ]
	[ -n "$(key_id shm 0x901)" ]
}

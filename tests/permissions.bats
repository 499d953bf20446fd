#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; rows are eval'ed; awk and perl programs
# Permissions: unprivileged callers (setpriv) facing other users' objects.
# Removal of an object the caller does not own says "permission denied",
# exits 1 and leaves the object in place; listing shows every object.

load helpers

NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
ALICE=(setpriv --reuid=4242 --regid=4242 --clear-groups)

setup() {
	require_ns
	require_ids 4242
	reset_ipc
}

teardown() {
	reset_ipc
}

# Root's objects: System V under key 0x111 (mode 0600) and 0x222 (mode 0),
# POSIX /root600 of each kind.
make_root_objects() {
	"$BUILD/ipcmk" --key 0x111 -M 4096 -Q -S 2 -p 0600 >/dev/null
	"$BUILD/ipcmk" --key 0x222 -M 4096 -Q -S 1 -p 0 >/dev/null
	"$BUILD/ipcmk" -m 100 -q -s -n /root600 -p 0600 --maxmsg 1 --msgsize 64 >/dev/null
}

# Root's objects as the kernel shows them (keys 0x111 = 273, 0x222 = 546).
root_state() {
	awk 'FNR > 1 && ($1 == 273 || $1 == 546)' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem
	ls -ln /dev/shm/root600 /dev/shm/sem.root600 /dev/mqueue/root600
	cat /dev/mqueue/root600
}

id_of() { awk -v k="$(($2))" 'NR > 1 && $1 == k { print $2 }' "/proc/sysvipc/$1"; }

# expect_denied WHAT CMD...: status 1, only "ipcrm: permission denied for WHAT", state unchanged.
expect_denied() {
	local what=$1 before after; shift
	before=$(ipc_state || true)
	capture got "$@"
	after=$(ipc_state || true)
	local ok=1
	[ "$got_rc" = 1 ] || ok=0
	[ "$got_err" = "ipcrm: permission denied for $what"$'\n'x ] || ok=0
	[ "$before" = "$after" ] || ok=0
	if [ "$ok" = 0 ]; then
		echo "# $*: status $got_rc, stderr ${got_err%x}" >&2
		diff <(echo "$before") <(echo "$after") >&2 || true
		return 1
	fi
}

@test "unprivileged ipcrm of root's System V objects: permission denied, object remains, exit 1" {
	make_root_objects
	local shm msg sem
	shm=$(id_of shm 0x111) msg=$(id_of msg 0x111) sem=$(id_of sem 0x111)
	expect_denied "id ($shm)" "${NOBODY[@]}" "$BUILD/ipcrm" -m "$shm"
	expect_denied "id ($msg)" "${NOBODY[@]}" "$BUILD/ipcrm" -q "$msg"
	expect_denied "id ($sem)" "${NOBODY[@]}" "$BUILD/ipcrm" -s "$sem"
	expect_denied "key (0x111)" "${NOBODY[@]}" "$BUILD/ipcrm" -M 0x111
	expect_denied "key (0x111)" "${NOBODY[@]}" "$BUILD/ipcrm" -Q 0x111
	expect_denied "key (0x111)" "${NOBODY[@]}" "$BUILD/ipcrm" -S 0x111
	expect_denied "id ($shm)" "${NOBODY[@]}" "$BUILD/ipcrm" shm "$shm"
	# mode 0: not even readable
	shm=$(id_of shm 0x222)
	expect_denied "id ($shm)" "${NOBODY[@]}" "$BUILD/ipcrm" -m "$shm"
	# the reference says the same for ids
	if [ -x /usr/bin/ipcrm ]; then
		capture ref "${NOBODY[@]}" /usr/bin/ipcrm -m "$shm"
		[ "$ref_err" = "ipcrm: permission denied for id ($shm)"$'\n'x ]
		[ "$ref_rc" = 1 ]
	fi
}

@test "unprivileged ipcrm of root's POSIX objects: permission denied, object remains, exit 1" {
	make_root_objects
	expect_denied "name \`/root600'" "${NOBODY[@]}" "$BUILD/ipcrm" --posix-shmem /root600
	expect_denied "name \`/root600'" "${NOBODY[@]}" "$BUILD/ipcrm" --posix-mqueue /root600
	expect_denied "name \`/root600'" "${NOBODY[@]}" "$BUILD/ipcrm" --posix-semaphore /root600
}

@test "several removals: the allowed ones happen, the denied ones are reported, exit 1" {
	make_root_objects
	local mine rootshm
	mine=$("${NOBODY[@]}" "$BUILD/ipcmk" -M 4096 | awk '{ print $NF }')
	rootshm=$(id_of shm 0x111)
	capture got "${NOBODY[@]}" "$BUILD/ipcrm" -m "$rootshm" -m "$mine"
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcrm: permission denied for id ($rootshm)"$'\n'x ]
	[ -n "$(id_of shm 0x111)" ]
	[ -z "$(awk -v id="$mine" 'NR > 1 && $2 == id' /proc/sysvipc/shm)" ]
}

@test "unprivileged ipcrm -a removes only the caller's objects" {
	make_root_objects
	"${ALICE[@]}" "$BUILD/ipcmk" -M 4096 -Q -S 1 >/dev/null
	"${ALICE[@]}" "$BUILD/ipcmk" -m 10 -q -s -n /alice >/dev/null
	local before
	before=$(root_state)
	capture got "${ALICE[@]}" "$BUILD/ipcrm" -a -apshm -apmsg -apsem
	# every message is a refusal, never anything else
	local line
	while IFS= read -r line; do
		[ -z "$line" ] || [[ "$line" == "ipcrm: permission denied for "* ]] || {
			echo "# unexpected: $line" >&2
			false
		}
	done <<<"${got_err%x}"
	[ "$got_out" = x ]
	# Alice's objects are gone, root's are all there, untouched.
	[ "$(awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem | grep -c ' 4242 ')" = 0 ]
	[ ! -e /dev/shm/alice ]
	[ ! -e /dev/shm/sem.alice ]
	[ ! -e /dev/mqueue/alice ]
	[ "$(root_state)" = "$before" ]
	[ "$(awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem | wc -l)" = 6 ]
}

@test "objects made with -p 0600 cannot be removed by another user, only by their owner" {
	"${ALICE[@]}" "$BUILD/ipcmk" --key 0x4242 -M 4096 -Q -S 1 -p 0600 >/dev/null
	"${ALICE[@]}" "$BUILD/ipcmk" -m 10 -q -s -n /alice -p 0600 >/dev/null
	local shm msg sem
	shm=$(id_of shm 0x4242) msg=$(id_of msg 0x4242) sem=$(id_of sem 0x4242)
	expect_denied "id ($shm)" "${NOBODY[@]}" "$BUILD/ipcrm" -m "$shm"
	expect_denied "id ($msg)" "${NOBODY[@]}" "$BUILD/ipcrm" -q "$msg"
	expect_denied "id ($sem)" "${NOBODY[@]}" "$BUILD/ipcrm" -s "$sem"
	expect_denied "key (0x4242)" "${NOBODY[@]}" "$BUILD/ipcrm" -M 0x4242
	expect_denied "name \`/alice'" "${NOBODY[@]}" "$BUILD/ipcrm" --posix-shmem /alice
	expect_denied "name \`/alice'" "${NOBODY[@]}" "$BUILD/ipcrm" --posix-mqueue /alice
	expect_denied "name \`/alice'" "${NOBODY[@]}" "$BUILD/ipcrm" --posix-semaphore /alice
	# the owner can
	run "${ALICE[@]}" "$BUILD/ipcrm" -m "$shm" -q "$msg" -s "$sem" \
		--posix-shmem /alice --posix-mqueue /alice --posix-semaphore /alice
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$(awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem)" ]
	[ -z "$(find /dev/shm /dev/mqueue -mindepth 1)" ]
}

@test "unprivileged ipcs lists every object, also unreadable ones" {
	make_root_objects
	"${ALICE[@]}" "$BUILD/ipcmk" -M 4096 -Q -S 1 -p 0 >/dev/null
	local kind opt want got
	for kind in shm msg sem; do
		case $kind in shm) opt=-m ;; msg) opt=-q ;; sem) opt=-s ;; esac
		want=$(awk 'NR > 1 { print $2 }' "/proc/sysvipc/$kind" | sort -n)
		got=$("${NOBODY[@]}" "$BUILD/ipcs" "$opt" | awk '$1 ~ /^0x/ { print $2 }' | sort -n)
		[ "$(echo "$want" | wc -l)" -ge 3 ]
		[ "$want" = "$got" ] || { echo "# $kind: want $want, got $got" >&2; false; }
		# and in every row mode
		got=$("${NOBODY[@]}" "$BUILD/ipcs" "$opt" -c | awk '$1 ~ /^[0-9]+$/ { print $1 }' | sort -n)
		[ "$want" = "$got" ]
	done
}

@test "unprivileged ipcs lists every POSIX object, also unreadable ones" {
	make_root_objects
	"${ALICE[@]}" "$BUILD/ipcmk" -m 10 -q -s -n /alice -p 0 --maxmsg 1 --msgsize 16 >/dev/null
	local opt got
	for opt in -M -Q -S; do
		got=$("${NOBODY[@]}" "$BUILD/ipcs" "$opt" | awk '$1 ~ /^\// { print $1 }' | sort)
		[ "$got" = $'/alice\n/root600' ] || { echo "# ipcs $opt as nobody: $got" >&2; false; }
		run "${NOBODY[@]}" "$BUILD/ipcs" "$opt" --name /alice
		[ "$status" -eq 0 ]
		[[ "$output" == *"name=/alice"* ]]
	done
}

@test "ipcs -s -i on an unreadable set: a clear error, exit 1, no half-printed details" {
	make_root_objects
	local sem
	sem=$(id_of sem 0x111)
	capture got "${NOBODY[@]}" "$BUILD/ipcs" -s -i "$sem"
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[[ "$got_err" == "ipcs: "*"ermission denied"$'\n'x ]]
	[ "$(printf '%s' "${got_err%x}" | wc -l)" = 1 ]
	# root may read it
	run "$BUILD/ipcs" -s -i "$sem"
	[ "$status" -eq 0 ]
	[[ "$output" == *"semnum"* ]]
}

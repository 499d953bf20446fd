#!/usr/bin/env bats
# shellcheck disable=SC2016,SC2030,SC2031,SC2034,SC2154 # capture sets NAME_out etc.; bash -c scripts expand their own $1
# ipcmk: System V objects compared with util-linux, POSIX objects checked
# on the kernel state, bad invocations change nothing.

load helpers
load ipcmrm-helpers

setup() {
	ipcmrm_setup
}

MK() { "$BUILD/ipcmk" "$@"; }

@test "ipcmk --help and --version" {
	capture ours MK --help
	[ "$ours_rc" = 0 ]
	[ "$ours_err" = x ]
	[[ "$ours_out" == $'\nUsage:\n ipcmk [options]\n'* ]]
	[[ "$ours_out" == *" -m, --posix-shmem <size>"* ]]
	[[ "$ours_out" == *"For more details see ipcmk(1)."$'\n'x ]]
	capture ours MK -V
	[ "$ours_rc" = 0 ]
	[[ "$ours_out" == "ipcmk from ipcbox "* ]]
	# The first of -h/-V wins and nothing is created.
	capture ours MK -Q -h -M 0
	[ "$ours_rc" = 0 ]
	[[ "$ours_out" == $'\nUsage:'* ]]
	[ "$(count_objects msg)" = 0 ]
}

@test "ipcmk without a resource: the reference's usage error, then what is missing" {
	local want=$'ipcmk: bad usage\nipcmk: nothing to create: give -M <size>, -Q or -S <number> (System V), or -m <size>, -q or -s with -n <name> (POSIX)\nTry \'ipcmk --help\' for more information.\nx'
	for args in "" "-p 600"; do
		# shellcheck disable=SC2086
		capture ours MK $args
		[ "$ours_rc" = 1 ]
		[ "$ours_out" = x ]
		[ "$ours_err" = "$want" ]
		if [ -x /usr/bin/ipcmk ]; then
			# shellcheck disable=SC2086
			capture theirs unshare --ipc /usr/bin/ipcmk $args
			[ "$theirs_rc" = 1 ]
			[ "${theirs_err%%$'\n'*}" = "${ours_err%%$'\n'*}" ]
		fi
	done
}

@test "ipcmk getopt errors match the reference" {
	same_named ipcmk -x
	same_named ipcmk --bogus
	same_named ipcmk -M
	same_named ipcmk --shmem
	same_named ipcmk -Q --mode
}

@test "ipcmk prints System V objects in the reference's order" {
	same_fresh ipcmk -Q
	[ "$ours_out" = $'Message queue id: 0\nx' ]
	same_fresh ipcmk -S 2 -Q -M 10
	[ "$ours_out" = $'Shared memory id: 0\nMessage queue id: 0\nSemaphore id: 0\nx' ]
	same_fresh ipcmk --semaphore=1 --queue --shmem=5 --mode=600
	same_fresh ipcmk --sh 5 --se 3 --q
	# Repeated options: the last value counts, one object each.
	same_fresh ipcmk -M 1 -M 2 -S 2 -S 3 -Q -Q
}

@test "ipcmk -M sizes: the reference's byte counts" {
	need_ref ipcmk
	local s id ref ours fails=0
	for s in 1 1K 1k 1KiB 1kib 1Kib 1kiB 1KB 1kb 1Kb 1kB 1M 1MiB 1MB 1G 1g \
		1.5K 1.5KB 1.5kb 1.5KiB 0.5K 0.5KB 0.1K 1.01K 1.001K 1.0001K 1.05K 1.050K 1.50K 1.500K \
		1.5000K 2.0K 2.00K 1.0K 5.K 1.K 1.2K 1.11K 4.1K 1.009K 0.001K 2.5K 1.5MB 1.25MB \
		1.000000000000000000000000000001K 0x10 0X10 0x10K 010 010K 07.5K 010.5K 00001K \
		' 1' '  1K' +1 ' +1' 4294967296 4G; do
		id=$(unshare --ipc bash -c '"$0" -M "$1" >/dev/null && awk "NR == 2 { print \$4 }" /proc/sysvipc/shm' "$REF_DIR/ipcmk" "$s")
		ours=$(unshare --ipc bash -c '"$0" -M "$1" >/dev/null && awk "NR == 2 { print \$4 }" /proc/sysvipc/shm' "$BUILD/ipcmk" "$s")
		ref=$id
		if [ -z "$ref" ] || [ "$ref" != "$ours" ]; then
			echo "# -M '$s': reference '$ref', ours '$ours'" >&2
			fails=$((fails + 1))
		fi
	done
	[ "$fails" = 0 ]
}

@test "ipcmk -M fractions are exact where the reference miscounts" {
	local s want got fails=0
	# util-linux 2.38 gives 2303, 2150, 2048, 2048, 1279, 1365, 1310719.
	for s in 2.25K=2304 1.999K=2046 1.9K=1945 1.10K=1126 1.25K=1280 1.3K=1331 1.25M=1310720 \
		1.099K=1125 3.14159K=3216 1.9999999999999999999K=2047 0.0000000000000000000001K=0; do
		want=${s#*=}
		if [ "$want" = 0 ]; then
			capture ours MK -M "${s%=*}"
			[[ "$ours_err" == "ipcmk: create share memory failed: '${s%=*}': Invalid argument ("*$')\nx' ]] || fails=$((fails + 1))
			continue
		fi
		got=$(unshare --ipc bash -c '"$0" -M "$1" >/dev/null && awk "NR == 2 { print \$4 }" /proc/sysvipc/shm' "$BUILD/ipcmk" "${s%=*}")
		[ "$got" = "$want" ] || { echo "# -M ${s%=*}: want $want, got '$got'" >&2; fails=$((fails + 1)); }
	done
	[ "$fails" = 0 ]
}

SIZE_HINT="ipcmk: a size is a number of bytes such as 4096, 64K or 1M"

@test "ipcmk -M rejects what the reference rejects, with its message, then the form of a size" {
	local s fails=0
	for s in 1B 1b '1 ' -1 ' -1' 1iB 1Ki 1KI 1e3 1,5K 1.5.5K 1KK '' abc 1KIB 1KIb 1kIB 1KiBB 1KBB \
		.5K .K . K 1.5 0.5 5. '1 K' '1.5 K' 0x 0xK 08 09K '+ 1' 1KiB2 1.-5K 1.+5K '1. 5K' \
		99999999999999999999 18446744073709551616 18446744073709551615K 16E 16.0E 1Y 1Z 1ZB; do
		same_fresh_hint "$SIZE_HINT" ipcmk -M "$s" || fails=$((fails + 1))
	done
	[ "$fails" = 0 ]
	same_fresh_hint "$SIZE_HINT" ipcmk -M 1B
	[ "$ours_err" = "ipcmk: failed to parse size: '1B': Invalid argument"$'\n'"$SIZE_HINT"$'\nx' ]
	same_fresh_hint "$SIZE_HINT" ipcmk -M 16E
	[ "$ours_err" = "ipcmk: failed to parse size: '16E': Numerical result out of range"$'\n'"$SIZE_HINT"$'\nx' ]
}

@test "ipcmk -M refuses sizes whose meaning is unclear" {
	local s
	for s in 0x1.8K 1..K; do
		BAD="'$s'" expect_bad MK -M "$s"
		[ "$ours_err" = "ipcmk: failed to parse size: '$s': Invalid argument"$'\n'"$SIZE_HINT"$'\nx' ]
	done
}

# sem_hint ARG: the line after a bad -S ARG in a new IPC namespace (its SEMMSL).
sem_hint() {
	echo "ipcmk: -S $1: the number of semaphores in an array is 1..$(unshare --ipc awk '{ print $1 }' /proc/sys/kernel/sem) (SEMMSL; see ipcs -s -l)"
}

@test "ipcmk -S: counts and messages as the reference, then the range" {
	local s fails=0
	for s in 1 2 ' 2' +2 010 1x 0x2 '2 ' '' 99999999999 2147483648 -2147483649 ' ' a 1.5 1K 5. 0 -1 -2147483648 32001; do
		same_fresh_hint "$(sem_hint "$s")" ipcmk -S "$s" || fails=$((fails + 1))
	done
	[ "$fails" = 0 ]
	same_fresh_hint "$(sem_hint 1x)" ipcmk -S 1x
	[ "$ours_err" = "ipcmk: failed to parse elements: '1x'"$'\n'"$(sem_hint 1x)"$'\nx' ]
	[ "$(unshare --ipc bash -c '"$0" -S 010 >/dev/null && awk "NR == 2 { print \$4 }" /proc/sysvipc/sem' "$BUILD/ipcmk")" = 10 ]
}

@test "ipcmk -S out of 1..SEMMSL is refused before anything is made" {
	local semmsl
	semmsl=$(awk '{ print $1 }' /proc/sys/kernel/sem)
	# util-linux's line (the kernel's EINVAL), then the range (issue 29.11).
	BAD="-S 0" expect_bad MK -M 10 -Q -S 0
	[ "$ours_err" = "ipcmk: create semaphore failed: Invalid argument"$'\n'"ipcmk: -S 0: the number of semaphores in an array is 1..$semmsl (SEMMSL; see ipcs -s -l)"$'\nx' ]
	BAD="-S -1" expect_bad MK -Q -S -1
	BAD="-S -2147483648" expect_bad MK -Q -S -2147483648
	BAD="-S $((semmsl + 1))" expect_bad MK -M 10 -S $((semmsl + 1))
	[ "$ours_err" = "ipcmk: create semaphore failed: Invalid argument"$'\n'"ipcmk: -S $((semmsl + 1)): the number of semaphores in an array is 1..$semmsl (SEMMSL; see ipcs -s -l)"$'\nx' ]
	capture ours MK -S "$semmsl"
	[ "$ours_rc" = 0 ]
}

@test "ipcmk -p: octal modes as the reference, at most 07777" {
	local m fails=0
	for m in 600 0600 777 0 ' 644' +644 7 0644; do
		same_fresh ipcmk -Q -M 1 -S 1 -p "$m" || fails=$((fails + 1))
		local ref ours
		ref=$(unshare --ipc bash -c '"$0" -Q -p "$1" >/dev/null && awk "NR == 2 { print \$3 }" /proc/sysvipc/msg' "$REF_DIR/ipcmk" "$m")
		ours=$(unshare --ipc bash -c '"$0" -Q -p "$1" >/dev/null && awk "NR == 2 { print \$3 }" /proc/sysvipc/msg' "$BUILD/ipcmk" "$m")
		[ -n "$ours" ] && [ "$ref" = "$ours" ] || { echo "# -p '$m': reference $ref, ours $ours" >&2; fails=$((fails + 1)); }
	done
	[ "$fails" = 0 ]
	# Special bits pass the check but never turn into IPC_* or SHM_HUGETLB flags.
	capture ours MK -M 4096 -p 4644
	[ "$ours_rc" = 0 ]
	[ "$(awk 'NR == 2 { print $3 }' /proc/sysvipc/shm)" = 644 ]
}

@test "ipcmk -p: bad modes name the value and the form (util-linux 2.38 says 'failed to parse mode: Success')" {
	local m
	for m in 8 0x1ff abc -1 '' 0o644 '0644 ' 9 999 10000 17777 177777 7777777777777 77777777777777777777777; do
		BAD="'$m'" expect_bad MK -Q -p "$m"
		[ "$ours_err" = "ipcmk: failed to parse mode: '$m': an octal mode such as 0600 is expected (at most 07777)"$'\nx' ]
	done
}

@test "ipcmk: a failing System V creation names the value (the reference does not)" {
	local s
	# util-linux: "ipcmk: create share memory failed: Invalid argument"
	for s in 0 00 0K 0.0K 0Y 18446744073709551615; do
		BAD="'$s'" expect_bad MK -M "$s"
		# ... and the limit it is beyond (issue 11)
		[[ "$ours_err" == "ipcmk: create share memory failed: '$s': Invalid argument (size "*"; see ipcs -m -l)"$'\nx' ]]
	done
	BAD="'0'" expect_bad MK -Q -S 1 -M 0
	[ "$ours_err" = $'ipcmk: create share memory failed: \'0\': Invalid argument (size 0 is below SHMMIN (1); see ipcs -m -l)\nx' ]
}

@test "objects made by our ipcmk are removed by the reference ipcrm" {
	need_ref ipcrm
	capture ours MK -M 100 -Q -S 3
	[ "$ours_rc" = 0 ]
	local shm msg sem
	shm=$(sed -n 's/^Shared memory id: //p' <<<"$ours_out")
	msg=$(sed -n 's/^Message queue id: //p' <<<"$ours_out")
	sem=$(sed -n 's/^Semaphore id: //p' <<<"$ours_out")
	[ "$(proc_field shm "$shm" 4)" = 100 ]
	[ "$(proc_field sem "$sem" 4)" = 3 ]
	[ "$(proc_field msg "$msg" 2)" = "$msg" ]
	# Random keys, never IPC_PRIVATE.
	[ "$(proc_field shm "$shm" 1)" != 0 ]
	[ "$(proc_field msg "$msg" 1)" != 0 ]
	[ "$(proc_field sem "$sem" 1)" != 0 ]
	run "$REF_DIR/ipcrm" -m "$shm" -q "$msg" -s "$sem"
	[ "$status" = 0 ]
	[ -z "$output" ]
	[ "$(count_objects shm)$(count_objects msg)$(count_objects sem)" = 000 ]
	# By key as well.
	MK -M 1 -Q -S 1 >/dev/null
	run "$REF_DIR/ipcrm" -M "$(awk 'NR == 2 { print $1 }' /proc/sysvipc/shm)" \
		-Q "$(awk 'NR == 2 { print $1 }' /proc/sysvipc/msg)" \
		-S "$(awk 'NR == 2 { print $1 }' /proc/sysvipc/sem)"
	[ "$status" = 0 ]
	[ "$(count_objects shm)$(count_objects msg)$(count_objects sem)" = 000 ]
}

@test "ipcmk --key creates exactly that key and never reuses an object" {
	capture ours MK --key 0x1234 -M 10 -Q -S 2
	[ "$ours_rc" = 0 ]
	[ "$(awk 'NR == 2 { print $1 }' /proc/sysvipc/shm)" = $((0x1234)) ]
	[ "$(awk 'NR == 2 { print $1 }' /proc/sysvipc/msg)" = $((0x1234)) ]
	[ "$(awk 'NR == 2 { print $1 }' /proc/sysvipc/sem)" = $((0x1234)) ]
	local before
	before=$(ipc_snapshot)
	capture ours MK --key 4660 -M 20
	[ "$ours_rc" = 1 ]
	[ "$ours_out" = x ]
	[ "$ours_err" = $'ipcmk: create share memory failed: \'20\', key 0x00001234: File exists\nx' ]
	[ "$(ipc_snapshot)" = "$before" ]
	# Keys above INT32_MAX as ipcs prints them, and their signed spelling.
	capture ours MK --key 0xfffffffe -Q
	[ "$ours_rc" = 0 ]
	[ "$(awk '$1 == -2 { print $1 }' /proc/sysvipc/msg)" = -2 ]
	BAD="'-2'" capture ours MK --key -2 -Q
	[ "$ours_rc" = 1 ]
}

@test "ipcmk --key: bad keys are refused" {
	BAD="'0'" expect_bad MK --key 0 -Q
	BAD="'0x0'" expect_bad MK --key 0x0 -Q
	BAD="'0x100000001'" expect_bad MK --key 0x100000001 -Q
	[ "$ours_err" = $'ipcmk: failed to parse key: \'0x100000001\': Numerical result out of range\nx' ]
	BAD="'xyz'" expect_bad MK --key xyz -Q
	BAD="--key" expect_bad MK --key 5 -m 1 -n /k
}

@test "ipcmk: when one object fails, the ones made before are removed" {
	MK --key 0x5555 -S 1 >/dev/null
	local before
	before=$(ipc_snapshot)
	capture ours MK --key 0x5555 -M 1 -m 1 -Q -q -S 1 -s -n /undo
	[ "$ours_rc" = 1 ]
	[ "$ours_out" = x ]
	[ "$ours_err" = $'ipcmk: create semaphore failed: \'1\', key 0x00005555: File exists\nx' ]
	[ "$(ipc_snapshot)" = "$before" ]
	# An existing POSIX semaphore: the shm and queues made first go again.
	MK -s -n /taken >/dev/null
	before=$(ipc_snapshot)
	capture ours MK -M 1 -m 1 -Q -q -S 1 -s -n /taken
	[ "$ours_rc" = 1 ]
	[ "$ours_err" = $'ipcmk: create POSIX semaphore failed: /taken: File exists\nx' ]
	[ "$(ipc_snapshot)" = "$before" ]
}

@test "ipcmk: objects whose ids cannot be printed are removed" {
	[ -w /dev/full ] || skip "no /dev/full"
	capture ours bash -c '"$0" -M 10 -Q -q -n /full >/dev/full' "$BUILD/ipcmk"
	[ "$ours_rc" = 1 ]
	[[ "$ours_err" == "ipcmk: write error"* ]]
	[ "$(count_objects shm)$(count_objects msg)" = 00 ]
	[ ! -e /dev/mqueue/full ]
}

@test "ipcmk -J: the objects made, each exactly as ipcs -J shows it (issue 29 item 22)" {
	command -v jq >/dev/null || skip "jq not installed"
	capture ours MK -M 4096 -Q -S 2 --key 0x5eed -J
	[ "$ours_rc" = 0 ]
	[ "$ours_err" = x ]
	local doc=${ours_out%x} k
	# One document, the three System V objects, each equal to ipcs -J's (times aside: the same second).
	[ "$(jq -c 'keys' <<<"$doc")" = '["message_queues","semaphores","shared_memory"]' ]
	for k in shared_memory message_queues semaphores; do
		[ "$(jq -c ".$k[0].key_hex" <<<"$doc")" = '"0x00005eed"' ]
		[ "$(jq -c ".$k" <<<"$doc")" = "$("$BUILD/ipcs" -J | jq -c ".$k")" ]
	done
	# POSIX: by name, as ipcs --posix -J shows it.
	capture ours MK -m 1K -q -s -n /j -J
	[ "$ours_rc" = 0 ]
	for k in posix_shared_memory posix_message_queues posix_semaphores; do
		[ "$(jq -c ".$k" <<<"${ours_out%x}")" = "$("$BUILD/ipcs" --posix -J | jq -c ".$k")" ]
	done
	# Without -J the lines of util-linux, byte for byte.
	capture ours MK -Q
	[[ "$ours_out" == "Message queue id: "[0-9]*$'\nx' ]]
	# A document that cannot be written: nothing is left.
	local before
	before=$(ipc_snapshot)
	[ -w /dev/full ] || return 0
	capture ours bash -c '"$0" -J -M 10 -Q >/dev/full' "$BUILD/ipcmk"
	[ "$ours_rc" = 1 ]
	[[ "$ours_err" == "ipcmk: write error"* ]]
	[ "$(ipc_snapshot)" = "$before" ]
}

@test "ipcmk -m: POSIX shared memory with the size and exact mode" {
	capture ours MK -m 1K -n /seg
	[ "$ours_rc" = 0 ]
	[ "$ours_err" = x ]
	[ "$ours_out" = $'POSIX shared memory name: /seg\nx' ]
	[ "$(stat -c '%F %s %a' /dev/shm/seg)" = "regular file 1024 644" ]
	capture ours MK --posix-shmem 1.5KB --name /seg2 --mode 0600
	[ "$(stat -c '%s %a' /dev/shm/seg2)" = "1500 600" ]
	# -p is the mode, whatever the umask.
	capture ours bash -c 'umask 077; "$0" -m 0 -n /open -p 666' "$BUILD/ipcmk"
	[ "$ours_rc" = 0 ]
	[ "$(stat -c '%s %a' /dev/shm/open)" = "0 666" ]
}

@test "ipcmk -m: an existing name keeps its size and data" {
	printf 'keep me' >/dev/shm/mine
	local before
	before=$(ipc_snapshot)
	capture ours MK -m 1M -n /mine
	[ "$ours_rc" = 1 ]
	[ "$ours_out" = x ]
	[ "$ours_err" = $'ipcmk: create POSIX shared memory failed: /mine: File exists\nx' ]
	[ "$(cat /dev/shm/mine)" = "keep me" ]
	[ "$(ipc_snapshot)" = "$before" ]
}

@test "ipcmk -q: POSIX message queue with mode and attributes" {
	need_python
	capture ours MK -q -n /queue -p 0640
	[ "$ours_rc" = 0 ]
	[ "$ours_out" = $'POSIX message queue name: /queue\nx' ]
	[ "$(stat -c '%F %a' /dev/mqueue/queue)" = "regular file 640" ]
	[ "$(mq_attr /queue)" = "$(cat /proc/sys/fs/mqueue/msg_default) $(cat /proc/sys/fs/mqueue/msgsize_default) 0" ]
	capture ours MK -q -n /small --maxmsg 3 --msgsize 100
	[ "$ours_rc" = 0 ]
	[ "$(mq_attr /small)" = "3 100 0" ]
	capture ours MK -q -n /one --maxmsg 2
	[ "$(mq_attr /one)" = "2 $(cat /proc/sys/fs/mqueue/msgsize_default) 0" ]
	# Existing queue: an error, attributes untouched.
	capture ours MK -q -n /small --maxmsg 5
	[ "$ours_rc" = 1 ]
	[ "$ours_err" = $'ipcmk: create POSIX message queue failed: /small: File exists\nx' ]
	[ "$(mq_attr /small)" = "3 100 0" ]
}

@test "ipcmk -q: attributes the kernel refuses name the limit" {
	local max
	max=$(cat /proc/sys/fs/mqueue/msg_max)
	capture ours MK -q -n /big --maxmsg 100000
	[ "$ours_rc" = 1 ]
	[ "$ours_err" = $'ipcmk: create POSIX message queue failed: /big: maxmsg 100000 exceeds the kernel\'s hard limit (65536): Invalid argument\nx' ]
	capture ours MK -q -n /big --msgsize 100000000
	[[ "$ours_err" == *"msgsize 100000000 exceeds the kernel's hard limit (16777216)"* ]]
	[ ! -e /dev/mqueue/big ]
}

@test "ipcmk -q: an unprivileged caller is told about fs.mqueue.msg_max" {
	local max
	max=$(cat /proc/sys/fs/mqueue/msg_max)
	require_ids
	capture ours setpriv --reuid=65534 --regid=65534 --clear-groups "$BUILD/ipcmk" -q -n /big --maxmsg $((max + 1))
	[ "$ours_rc" = 1 ]
	[ "$ours_err" = "ipcmk: create POSIX message queue failed: /big: maxmsg $((max + 1)) exceeds /proc/sys/fs/mqueue/msg_max ($max): Invalid argument"$'\nx' ]
	[ ! -e /dev/mqueue/big ]
}

@test "ipcmk -s: POSIX semaphore with mode and value" {
	need_python
	capture ours MK -s -n /sem -p 600
	[ "$ours_rc" = 0 ]
	[ "$ours_out" = $'POSIX semaphore name: /sem\nx' ]
	[ "$(stat -c '%F %a' /dev/shm/sem.sem)" = "regular file 600" ]
	[ "$(sem_value /sem)" = 0 ]
	capture ours MK -s -n /five --value 5
	[ "$(sem_value /five)" = 5 ]
	capture ours MK -s -n /five --value 7
	[ "$ours_rc" = 1 ]
	[ "$(sem_value /five)" = 5 ]
}

@test "ipcmk: several POSIX and System V objects in one call" {
	capture ours unshare --ipc "$BUILD/ipcmk" -s -q -m 10 -S 1 -Q -M 10 -n /all
	[ "$ours_rc" = 0 ]
	[ "$ours_out" = $'Shared memory id: 0\nPOSIX shared memory name: /all\nMessage queue id: 0\nPOSIX message queue name: /all\nSemaphore id: 0\nPOSIX semaphore name: /all\nx' ]
	[ -f /dev/shm/all ]
	[ -f /dev/shm/sem.all ]
}

@test "ipcmk: bad invocations exit 1, name the value and change nothing" {
	MK -M 10 -Q -S 1 -m 1 -q -s -n /present >/dev/null
	BAD="'x'" expect_bad MK -m 1 -n x
	[ "$ours_err" = $'ipcmk: invalid name \'x\': must start with \'/\'\nx' ]
	BAD="'/a/b'" expect_bad MK -q -n /a/b
	BAD="'/'" expect_bad MK -s -n /
	BAD="'/sem.x'" expect_bad MK -m 1 -n /sem.x
	BAD="/$(printf 'n%.0s' {1..252})" expect_bad MK -s -n "/$(printf 'n%.0s' {1..252})"
	BAD="'/..'" expect_bad MK -m 1 -n /..
	BAD="name" expect_bad MK -m 1
	BAD="name" expect_bad MK -q -s
	BAD="--name" expect_bad MK -Q -n /x
	BAD="--maxmsg" expect_bad MK -Q --maxmsg 5
	BAD="--value" expect_bad MK -q -n /v --value 5
	BAD="'0'" expect_bad MK -q -n /v --maxmsg 0
	BAD="'-5'" expect_bad MK -q -n /v --msgsize -5
	BAD="'2147483648'" expect_bad MK -s -n /v --value 2147483648
	BAD="'abc'" expect_bad MK -s -n /v --value abc
	BAD="'extra'" expect_bad MK -Q extra
	[ "$ours_err" = $'ipcmk: unexpected argument \'extra\'\nTry \'ipcmk --help\' for more information.\nx' ]
	BAD="'K'" expect_bad MK -M 1 K
	BAD="'1B'" expect_bad MK -Q -M 1B
	BAD="'1B'" expect_bad MK -m 1B -n /v
	BAD="-S 0" expect_bad MK -M 10 -S 0
	BAD="'8'" expect_bad MK -Q -p 8
	BAD="/present" expect_bad MK -m 1 -n /present
	BAD="/present" expect_bad MK -q -n /present
	BAD="/present" expect_bad MK -s -n /present
	BAD="'z'" expect_bad MK -Q -z
	BAD="bad usage" expect_bad MK
}

@test "ipcmk: a bad value is followed by its range or form, util-linux's line first; nothing made (issue 29 item 11)" {
	local semmsl msgsize_max msg_max
	semmsl=$(awk '{ print $1 }' /proc/sys/kernel/sem)
	msgsize_max=$(cat /proc/sys/fs/mqueue/msgsize_max)
	msg_max=$(cat /proc/sys/fs/mqueue/msg_max)
	BAD="-S 0" expect_bad MK -S 0
	[ "$ours_err" = "ipcmk: create semaphore failed: Invalid argument"$'\n'"ipcmk: -S 0: the number of semaphores in an array is 1..$semmsl (SEMMSL; see ipcs -s -l)"$'\nx' ]
	BAD="'abc'" expect_bad MK -M abc
	[ "$ours_err" = "ipcmk: failed to parse size: 'abc': Invalid argument"$'\n'"ipcmk: a size is a number of bytes such as 4096, 64K or 1M"$'\nx' ]
	BAD="'999'" expect_bad MK -Q -p 999
	[ "$ours_err" = "ipcmk: failed to parse mode: '999': an octal mode such as 0600 is expected (at most 07777)"$'\nx' ]
	BAD="'0'" expect_bad MK -q -n /v --msgsize 0
	[ "$ours_err" = "ipcmk: failed to parse msgsize: '0'"$'\n'"ipcmk: --msgsize 0: the size of a message in bytes is 1..$msgsize_max (/proc/sys/fs/mqueue/msgsize_max)"$'\nx' ]
	BAD="'0'" expect_bad MK -q -n /v --maxmsg 0
	[ "$ours_err" = "ipcmk: failed to parse maxmsg: '0'"$'\n'"ipcmk: --maxmsg 0: the number of messages a queue holds is 1..$msg_max (/proc/sys/fs/mqueue/msg_max)"$'\nx' ]
	BAD="'-1'" expect_bad MK -s -n /v --value -1
	[ "$ours_err" = "ipcmk: failed to parse value: '-1'"$'\n'"ipcmk: --value -1: the initial value of a semaphore is 0..2147483647 (SEM_VALUE_MAX)"$'\nx' ]
	# The first line is util-linux's where it prints one.
	same_fresh_hint "ipcmk: -S 0: the number of semaphores in an array is 1..$(unshare --ipc awk '{ print $1 }' /proc/sys/kernel/sem) (SEMMSL; see ipcs -s -l)" ipcmk -S 0
	same_fresh_hint "ipcmk: a size is a number of bytes such as 4096, 64K or 1M" ipcmk -M abc
}

@test "ipcmk -q: a used-up RLIMIT_MSGQUEUE is named" {
	capture ours bash -c 'ulimit -q 0 && exec "$0" -q -n /rl' "$BUILD/ipcmk"
	[ "$ours_rc" = 1 ]
	[ "$ours_out" = x ]
	[ "$ours_err" = $'ipcmk: create POSIX message queue failed: /rl: RLIMIT_MSGQUEUE (ulimit -q) used up, or too many open files: Too many open files\nx' ]
	[ ! -e /dev/mqueue/rl ]
}

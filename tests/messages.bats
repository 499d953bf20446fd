#!/usr/bin/env bats
# shellcheck disable=SC2016,SC2030,SC2031,SC2034,SC2154 # capture sets NAME_out etc.; literal backquotes in patterns
# Issue 11: messages that say what happened and what to do; POSIX tables and
# totals that tell the truth.  Messages are compared byte for byte.

load helpers

setup() {
	require_ns
	reset_ipc
	find /dev/shm /dev/mqueue -mindepth 1 -delete 2>/dev/null || true
	# The sysctls are the namespace's: each test puts back what it changed.
	SAVED_SYSCTLS=()
	for f in msgmni shmmni shmall shmmax sem; do
		SAVED_SYSCTLS+=("$f=$(cat /proc/sys/kernel/$f)")
	done
}

teardown() {
	[ "${IPCBOX_IN_NS:-}" = 1 ] || return 0
	local kv
	for kv in "${SAVED_SYSCTLS[@]}"; do
		echo "${kv#*=}" >"/proc/sys/kernel/${kv%%=*}"
	done
	if [ -n "${SMALL_SHM:-}" ]; then
		umount /dev/shm
		SMALL_SHM=
	fi
	reset_ipc
	find /dev/shm /dev/mqueue -mindepth 1 -delete 2>/dev/null || true
}

MK() { "$BUILD/ipcmk" "$@"; }
RM() { "$BUILD/ipcrm" "$@"; }
IPCS() { "$BUILD/ipcs" "$@"; }

# --- 1. ipcrm's POSIX messages are util-linux 2.41's -------------------------

@test "1: ipcrm POSIX names: not found, too long, removing; escaped" {
	capture got RM --posix-shmem /nope
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcrm: name `/nope\' not found\nx' ]
	capture got RM --posix-mqueue '/a b'
	[ "$got_err" = $'ipcrm: name `/a\\x20b\' not found\nx' ]
	capture got RM --posix-semaphore "/$(printf 'x%.0s' {1..300})"
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcrm: name \`/$(printf 'x%.0s' {1..300})' too long"$'\nx' ]
	MK -m 1 -q -s -n /obj >/dev/null
	capture got RM -v --posix-shmem /obj --posix-mqueue /obj --posix-semaphore /obj
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = $'removing POSIX shared memory `/obj\'\nremoving POSIX message queue `/obj\'\nremoving POSIX semaphore `/obj\'\nx' ]
}

@test "1: ipcrm POSIX names: permission denied" {
	require_ids
	MK -m 1 -n /root -p 0644 >/dev/null
	chmod 1777 /dev/shm
	capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$BUILD/ipcrm" --posix-shmem /root
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcrm: permission denied for name `/root\'\nx' ]
	[ -e /dev/shm/root ]
}

@test "1: a name of another POSIX kind gets a hint on a second line" {
	MK -s -n /lock >/dev/null
	MK -q -n /queue >/dev/null
	MK -m 1 -n /seg >/dev/null
	capture got RM --posix-shmem /lock
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcrm: name `/lock\' not found\nipcrm: /lock is a POSIX semaphore: use --posix-semaphore\nx' ]
	capture got RM --posix-semaphore /queue
	[ "$got_err" = $'ipcrm: name `/queue\' not found\nipcrm: /queue is a POSIX message queue: use --posix-mqueue\nx' ]
	capture got RM --posix-mqueue /seg
	[ "$got_err" = $'ipcrm: name `/seg\' not found\nipcrm: /seg is POSIX shared memory: use --posix-shmem\nx' ]
	[ -e /dev/shm/sem.lock ]
	[ -e /dev/mqueue/queue ]
	[ -e /dev/shm/seg ]
}

# --- 2. the kernel limit a creation ran into is named -------------------------

@test "2: MSGMNI" {
	echo 1 >/proc/sys/kernel/msgmni
	MK -Q >/dev/null
	capture got MK -Q
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcmk: create message queue failed: No space left on device (all 1 queues allowed by kernel.msgmni are in use; see ipcs -q -l)\nx' ]
}

@test "2: SHMMNI" {
	echo 1 >/proc/sys/kernel/shmmni
	MK -M 1 >/dev/null
	capture got MK -M 1
	[ "$got_err" = $'ipcmk: create share memory failed: \'1\': No space left on device (all 1 segments allowed by kernel.shmmni are in use; see ipcs -m -l)\nx' ]
}

@test "2: SHMALL" {
	local page
	page=$(getconf PAGESIZE)
	echo 3 >/proc/sys/kernel/shmall
	MK -M "$page" >/dev/null
	capture got MK -M $((3 * page))
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcmk: create share memory failed: '$((3 * page))': No space left on device (1 of the 3 pages allowed by kernel.shmall are in use, 3 more do not fit; see ipcs -m -u and ipcs -m -l)"$'\nx' ]
}

@test "2: SHMMAX and SHMMIN" {
	echo 100 >/proc/sys/kernel/shmmax
	capture got MK -M 101
	[ "$got_err" = $'ipcmk: create share memory failed: \'101\': Invalid argument (size 101 exceeds kernel.shmmax (100); see ipcs -m -l)\nx' ]
	capture got MK -M 0
	[ "$got_err" = $'ipcmk: create share memory failed: \'0\': Invalid argument (size 0 is below SHMMIN (1); see ipcs -m -l)\nx' ]
}

@test "2: SEMMNI" {
	echo "250 32000 32 1" >/proc/sys/kernel/sem
	MK -S 1 >/dev/null
	capture got MK -S 1
	[ "$got_err" = $'ipcmk: create semaphore failed: \'1\': No space left on device (all 1 arrays allowed by SEMMNI (kernel.sem, 4th value) are in use; see ipcs -s -l)\nx' ]
}

@test "2: SEMMNS" {
	echo "250 4 32 128" >/proc/sys/kernel/sem
	MK -S 3 >/dev/null
	capture got MK -S 2
	[ "$got_err" = $'ipcmk: create semaphore failed: \'2\': No space left on device (3 of the 4 semaphores allowed by SEMMNS (kernel.sem, 2nd value) are in use, 2 more do not fit; see ipcs -s -u and ipcs -s -l)\nx' ]
}

@test "2: /dev/shm full" {
	mount -t tmpfs -o size=64k ipcbox-small /dev/shm
	SMALL_SHM=1
	dd if=/dev/zero of=/dev/shm/fill bs=4k count=100 2>/dev/null || true
	capture got MK -s -n /sem
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcmk: create POSIX semaphore failed: /sem: No space left on device (/dev/shm is full: 0B of its 64K are free, or no inodes are left; see df /dev/shm and ipcs -S -l)\nx' ]
	[ ! -e /dev/shm/sem.sem ]
}

# --- 3. -M KEY meant as -m ID ----------------------------------------------

@test "3: ipcrm -M with a key that is an id suggests -m" {
	local id=-1
	while [ "$id" -lt 5 ]; do
		id=$(MK -M 1) && id=${id##*: }
	done
	capture got RM -M "$id"
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcrm: invalid key ($id)"$'\n'"ipcrm: use -m $id to remove shared memory id $id"$'\nx' ]
	capture got RM -S "0x$(printf %x "$id")"
	[ "$got_err" = "ipcrm: invalid key (0x$(printf %x "$id"))"$'\nx' ]	# no semaphore set has that id
	[ -n "$(IPCS -m -i "$id" 2>/dev/null)" ]
	IPCS --help | grep -qx ' ipcmk  -M System V shared memory   -m POSIX shared memory'
	for page in ipcs ipcmk ipcrm; do
		grep -q '^\.SH IDS, KEYS AND OPTION LETTERS' "$SRC/man/$page.1"
	done
	grep -q '^| `ipcrm` | `-m ID`, `-M KEY` | `--posix-shmem NAME` |$' "$SRC/README.md"
}

# --- 4. ipcmk says what is missing -----------------------------------------

@test "4: ipcmk without a kind, -n without a POSIX kind" {
	capture got MK
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcmk: bad usage\nipcmk: nothing to create: give -M <size>, -Q or -S <number> (System V), or -m <size>, -q or -s with -n <name> (POSIX)\nTry \'ipcmk --help\' for more information.\nx' ]
	capture got MK -n /x
	[ "$got_err" = $'ipcmk: --name needs a POSIX resource to create: -m <size>, -q or -s\nTry \'ipcmk --help\' for more information.\nx' ]
	capture got MK -Q -n /x
	[ "$got_err" = $'ipcmk: --name needs a POSIX resource to create: -m <size>, -q or -s\nTry \'ipcmk --help\' for more information.\nx' ]
	capture got MK --maxmsg 5
	[ "$got_err" = $'ipcmk: --maxmsg and --msgsize need --posix-mqueue\nTry \'ipcmk --help\' for more information.\nx' ]
	[ -z "$(find /dev/shm /dev/mqueue -mindepth 1)" ]
}

# --- 5. partial POSIX totals say so ----------------------------------------

@test "5: ipcs -Q -u / -S -u count what they cannot read" {
	require_ids
	MK -q -n /open -p 0644 >/dev/null
	MK -q -n /closed -p 0600 >/dev/null
	MK -s -n /closed -p 0600 >/dev/null
	capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$BUILD/ipcs" -Q -S -u
	[ "$got_rc" = 0 ]
	[ "$got_out" = $'\n------ POSIX Message Queues Status --------\nqueues = 2\nmessages = 0\nused space = 0 bytes\nnot counted (not readable by this user) = 1\n\n------ POSIX Semaphores Status --------\nsemaphores = 1\nvalues not readable by this user = 1\n\nx' ]
	capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$BUILD/ipcs" -Q -S -u -J
	[ "$(jq -c '.summary | [.posix_message_queues.unreadable, .posix_semaphores.unreadable]' <<<"${got_out%x}")" = '[1,1]' ]
	# root reads everything: no extra line, and 0 in JSON
	capture got IPCS -Q -u
	[[ "$got_out" != *"not counted"* ]]
	[ "$(IPCS -Q -u -J | jq .summary.posix_message_queues.unreadable)" = 0 ]
}

# --- 6. POSIX shared memory counts memory ----------------------------------

@test "6: ipcs -M -u: a sparse 1 GiB object uses no memory" {
	MK -m 1G -n /sparse >/dev/null
	dd if=/dev/zero of=/dev/shm/written bs=4096 count=2 2>/dev/null
	capture got IPCS -M -u
	[ "$got_out" = $'\n------ POSIX Shared Memory Status --------\nobjects = 2\nused space = 8192 bytes\ntotal size = 1073750016 bytes\n\nx' ]
	[ "$(IPCS -M -u -J | jq -c .summary.posix_shared_memory)" = '{"objects":2,"used_bytes":8192,"size_bytes":1073750016}' ]
}

# --- 7. POSIX name columns fit the names -----------------------------------

@test "7: POSIX tables: the name column fits the longest escaped name" {
	MK -m 1 -n /short >/dev/null
	MK -m 1 -n /a_rather_long_name_of_a_segment >/dev/null
	MK -m 1 -n '/wide漢字名' >/dev/null
	MK -m 1 -n '/sp ace' >/dev/null
	local line col=""
	IPCS -M | tail -n +3 | head -n 5 >"$BATS_TEST_TMPDIR/t"
	# Header and rows: "owner"/"root" starts at column 34 (32 + 1 space + 1).
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		if [[ $line == *漢字* ]]; then
			# two columns per wide character: 4 bytes less in display than in text
			local pad
			pad=$(printf '%*s' 22 '')
			[[ $line == "/wide漢字名${pad}root "* ]]
		else
			[ "${line:33:4}" = root ] || [ "${line:33:5}" = owner ]
		fi
	done <"$BATS_TEST_TMPDIR/t"
	grep -qx 'name                             owner      perms      bytes      modified       ' "$BATS_TEST_TMPDIR/t"
	grep -q '^/sp\\x20ace  ' "$BATS_TEST_TMPDIR/t"
	# Short names keep the 20-wide column.
	RM --posix-shmem /a_rather_long_name_of_a_segment --posix-shmem '/wide漢字名' --posix-shmem '/sp ace'
	IPCS -M | grep -qx 'name                 owner      perms      bytes      modified       '
}

@test "7: POSIX tables show the owner whole, the column as wide as the widest (issue 29 item 16)" {
	local pw=$BATS_TEST_TMPDIR/passwd
	sed 's/^root:/systemd-timesync-admin:/' /etc/passwd >"$pw"
	with_passwd "$pw" true 2>/dev/null || skip "cannot bind-mount over /etc/passwd here"
	MK -m 1 -n /a >/dev/null
	MK -q -n /b >/dev/null
	MK -s -n /c >/dev/null
	capture got with_passwd "$pw" "$BUILD/ipcs" --posix
	[ "$got_rc" = 0 ]
	local want
	want=$(printf '%s\n' \
		'------ POSIX Message Queues --------' \
		'name                 owner                  perms      used-bytes   messages    ' \
		'/b                   systemd-timesync-admin 644        0            0           ' \
		'' \
		'------ POSIX Shared Memory --------' \
		'name                 owner                  perms      bytes      modified       ')
	[[ "${got_out%x}" == *"$want"* ]] || { echo "${got_out%x}"; false; }
	grep -q '^/a                   systemd-timesync-admin 644        1          ' <<<"${got_out%x}"
	grep -q '^/c                   systemd-timesync-admin 644        0 *$' <<<"${got_out%x}"
	# -c and -t too; the System V tables keep util-linux's 10 columns.
	with_passwd "$pw" "$BUILD/ipcs" -M -t | grep -q '^/a                   systemd-timesync-admin '
	MK -M 1 >/dev/null
	with_passwd "$pw" "$BUILD/ipcs" -m | grep -q ' systemd-ti 644 '
}

# --- 8. --all=pshm is quiet about non-objects ------------------------------

@test "8: ipcrm --all=pshm: directories are skipped quietly, with -v mentioned" {
	mkdir /dev/shm/dir
	MK -m 1 -n /real >/dev/null
	capture got RM --all=pshm
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	[ "$got_err" = x ]
	[ -d /dev/shm/dir ]
	[ ! -e /dev/shm/real ]
	capture got RM -v --all=pshm
	[ "$got_rc" = 0 ]
	[ "$got_err" = $'ipcrm: skipping /dev/shm/dir: not a regular file\nx' ]
}

# --- 9. help and manual pages match behaviour ------------------------------

@test "9: help texts and manual pages say what the tools do" {
	IPCS --help | grep -qx ' -a, --all               all System V resources (default)'
	MK --help | grep -qx '   KiB, MiB, GiB, TiB, PiB and EiB (the "iB" is optional),'
	MK --help | grep -q ZiB && false
	# every suffix the help names works
	local s
	for s in K KiB M MiB G GiB KB MB; do
		capture got MK -M "1$s" --key 0x1 -p 600
		[[ "$got_err" != *"failed to parse"* ]] || { echo "$s refused"; false; }
		RM -M 0x1 2>/dev/null || true
	done
	capture got MK -M 1ZiB
	[[ "$got_err" == *"failed to parse size: '1ZiB': Numerical result out of range"* ]]
	command -v mandoc >/dev/null || skip "mandoc not installed"
	local text
	text=$(mandoc -Tascii -Owidth=400 "$SRC/man/ipcrm.1" | sed 's/.\x08//g')
	grep -qF "name \`NAME' not found" <<<"$text"
	grep -qF "permission denied for name \`NAME'" <<<"$text"
	grep -qF "name \`NAME' too long" <<<"$text"
}

# --- 10. JSON keys also as hex text ----------------------------------------

@test "10: JSON gives each System V key as key_hex right after key" {
	MK -M 1 --key 0x5eed >/dev/null
	MK -Q --key 0x5eee >/dev/null
	MK -S 1 --key 0x5eef >/dev/null
	[ "$(IPCS -J | jq -c '[.message_queues[0].key_hex, .shared_memory[0].key_hex, .semaphores[0].key_hex]')" = '["0x00005eee","0x00005eed","0x00005eef"]' ]
	[ "$(IPCS -m -J | jq -c '.shared_memory[0] | keys_unsorted[0:3]')" = '["key","key_hex","id"]' ]
	[ "$(IPCS -m -J | jq -r '.shared_memory[0].key_hex')" = "$(IPCS -m | awk '$1 ~ /^0x/ { print $1 }')" ]
}

# --- 12. the README tour is what the tools print ---------------------------

@test "12: the README tour's commands print what the README shows" {
	local readme=$SRC/README.md want
	# The tour follows the Quick start.
	[ "$(grep '^## ' "$readme" | sed -n 2p)" = "## A short tour" ]
	# Its ipcmk and ipcrm lines, run in a fresh IPC namespace (ids start at 0).
	awk '/^## A short tour/ { on = 1 } on && /^## What it is/ { exit } on && /^\$ ipc(mk|rm) / { sub(/^\$ /, ""); print }' \
		"$readme" >"$BATS_TEST_TMPDIR/tour"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/tour")" = 7 ]
	capture got unshare --ipc env PATH="$BUILD:$PATH" bash -e "$BATS_TEST_TMPDIR/tour"
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	want=$(awk '/^## A short tour/ { on = 1 } on && /^## What it is/ { exit }
		on && /^```/ { blk = !blk; next } on && blk && /^\$ ipc(mk|rm) / { out = 1; next }
		on && blk && /^\$ / { out = 0 } on && blk && out { print }' "$readme")
	[ "${got_out%x}" = "$want"$'\n' ] || { diff <(echo "$want") <(printf '%s' "${got_out%x}"); false; }
}

# --- issue 29: hints that were missing --------------------------------------

@test "29.12: ipcs -m --name: -m is System V shared memory, POSIX shared memory is -M" {
	MK -m 1 -n /x >/dev/null
	local first='ipcs: when using a name, a single POSIX resource (-M, -Q or -S) must be specified'
	capture got IPCS -m --name /x
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "$first"$'\nipcs: -m is System V shared memory: POSIX shared memory is -M\nx' ]
	capture got IPCS -q --name /x
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "$first"$'\nipcs: -q is System V message queues: POSIX message queues are -Q\nx' ]
	capture got IPCS --name /x -s
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "$first"$'\nipcs: -s is System V semaphores: POSIX semaphores are -S\nx' ]
	# Both families, or several System V kinds: no single letter to suggest.
	capture got IPCS -m -M --name /x
	[ "$got_rc" = 1 ]
	[ "$got_err" = "$first"$'\nx' ]
	capture got IPCS -a --name /x
	[ "$got_rc" = 1 ]
	[ "$got_err" = "$first"$'\nx' ]
}

@test "29.13: ipcs -p with POSIX kinds says POSIX objects record no pids; 1 when only POSIX was asked" {
	MK -m 1 -n /seg >/dev/null
	MK -M 4096 >/dev/null
	local note=$'ipcs: POSIX objects record no pids, so -p shows System V objects only: use --processes without -p to see which processes use them\nx'
	capture got IPCS -p --posix
	[ "$got_rc" = 1 ]
	[ "$got_out" = $'\nx' ]
	[ "$got_err" = "$note" ]
	capture got IPCS -p -M
	[ "$got_rc" = 1 ]
	[ "$got_out" = $'\nx' ]
	[ "$got_err" = "$note" ]
	# System V tables shown as well: they are the answer, the note is an aside.
	capture sysv IPCS -p -m
	capture got IPCS -p -m -M
	[ "$got_rc" = 0 ]
	[ "$got_err" = "$note" ]
	[ "$got_out" = "$sysv_out" ]
	# JSON lists the POSIX objects in every mode; util-linux's -p -s stays silent.
	capture got IPCS -p -M -J
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	capture got IPCS -p -s
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = $'\n\nx' ]
}

@test "29.9: ipcs -i KEY and ipcrm -M/-Q/-S with another kind's key say whose key it is" {
	MK --key 0x1234 -M 4096 >/dev/null
	MK --key 0x5eed -Q >/dev/null
	local shmid msqid state
	shmid=$(awk '$1 == "0x00001234" { print $2 }' < <(IPCS -m))
	msqid=$(awk '$1 == "0x00005eed" { print $2 }' < <(IPCS -q))
	state=$(ipc_state)
	capture got IPCS -m -i 0x1234
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcs: failed to parse id argument: '0x1234'"$'\n'"ipcs: 0x1234 is the key of shared memory id $shmid: use ipcs -m -i $shmid"$'\nx' ]
	# Another kind's key: that kind's letter.
	capture got IPCS -m -i 0x5eed
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "ipcs: failed to parse id argument: '0x5eed'"$'\n'"ipcs: 0x5eed is the key of message queue id $msqid: use ipcs -q -i $msqid"$'\nx' ]
	# No object with that key, or a namespace the parse may not have entered: util-linux's line alone.
	capture got IPCS -m -i 0x9999
	[ "$got_err" = "ipcs: failed to parse id argument: '0x9999'"$'\nx' ]
	capture got IPCS -m -i 0x1234 --namespace 1
	[ "$got_rc" = 1 ]
	[ "$got_err" = "ipcs: failed to parse id argument: '0x1234'"$'\nx' ]
	# ipcrm: a queue's key given to -M, -S; the first line is util-linux's.
	capture got RM -M 0x5eed
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcrm: invalid key (0x5eed)\nipcrm: 0x5eed is the key of message queue id '"$msqid"$': use -Q 0x5eed to remove it by key\nx' ]
	capture got RM -S 0x1234
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcrm: invalid key (0x1234)\nipcrm: 0x1234 is the key of shared memory id '"$shmid"$': use -M 0x1234 to remove it by key\nx' ]
	[ "$(ipc_state)" = "$state" ]
}

@test "29.10: a name pasted back escaped: did you mean the real one (never acted on)" {
	MK -m 1 -n '/my buffer' >/dev/null
	MK -q -n $'/q\ttab' >/dev/null
	local state hint=$'ipcrm: did you mean \'/my buffer\'? names are shown escaped'
	state=$(ipc_state)
	capture got RM --posix-shmem '/my\x20buffer'
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = $'ipcrm: name `/my\\x5cx20buffer\' not found\n'"$hint"$'\nx' ]
	capture got RM --dry-run --posix-shmem '/my\x20buffer'
	[ "$got_rc" = 1 ]
	[ "${got_err#*$'\n'}" = "$hint"$'\nx' ]
	# The suggestion goes through the escaper too: a tab stays \x09.
	capture got RM --posix-mqueue '/q\x09tab'
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcrm: name `/q\\x5cx09tab\' not found\nipcrm: did you mean \'/q\\x09tab\'? names are shown escaped\nx' ]
	capture got IPCS -M --name '/my\x20buffer'
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcs: name /my\\x5cx20buffer not found\nipcs: did you mean \'/my buffer\'? names are shown escaped\nx' ]
	# No object under the unescaped name, or another kind's: no suggestion.
	capture got RM --posix-shmem '/no\x20such'
	[ "$got_err" = $'ipcrm: name `/no\\x5cx20such\' not found\nx' ]
	capture got RM --posix-semaphore '/my\x20buffer'
	[ "$got_err" = $'ipcrm: name `/my\\x5cx20buffer\' not found\nx' ]
	[ "$(ipc_state)" = "$state" ]
}

@test "29: the new hint lines in Korean" {
	ko() { LC_ALL=C.UTF-8 LANGUAGE=ko IPCBOX_LOCALEDIR="$BUILD/po" "$@"; }
	[ -n "$(ko "$BUILD/ipcs" --help | grep 사용법)" ] || skip "the Korean catalogue is not built"
	capture got ko "$BUILD/ipcs" -m --name /x
	[ "$got_rc" = 1 ]
	[ "${got_err#*$'\n'}" = $'ipcs: -m 옵션은 System V 공유 메모리입니다: POSIX 공유 메모리는 -M 옵션입니다\nx' ]
	capture got ko "$BUILD/ipcrm" --owner root
	[ "$got_rc" = 1 ]
	[ "${got_err%%$'\n'*}" = 'ipcrm: --owner 옵션은 --all 옵션으로 삭제할 대상을 고릅니다: --all 또는 --all=TYPE 옵션도 지정하십시오' ]
	capture got ko "$BUILD/ipcrm" --all=shmem
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcrm: 알 수 없는 인수: shmem\nipcrm: 종류는 -a 바로 뒤에 붙여 씁니다: -ashm 또는 --all=shm (종류: msg, shm, sem, pmsg, pshm, psem)\nx' ]
	capture got ko "$BUILD/ipcs" -p -M
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'ipcs: POSIX 객체는 pid를 기록하지 않으므로 -p 옵션은 System V 객체만 표시합니다: 사용 중인 프로세스를 보려면 -p 없이 --processes 옵션을 사용하십시오\nx' ]
}

#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# POSIX IPC in ipcs: -M/-Q/-S/--posix sections, --name details, odd names,
# the unmounted mqueue file system, and the System V output left unchanged.

load helpers

IPCS=$BUILD/ipcs
IPCMK=$BUILD/ipcmk
HELPER=$BUILD/tests/ipcs-helper

fresh_ipc_each_test

# The row of NAME in a text section (NAME as ipcs prints it).
row_of() {
	ROW_NAME=$1 awk '$1 == ENVIRON["ROW_NAME"]' <<<"$2"
}

# Objects with known values: a 4096-byte segment, a queue with two messages
# (7 bytes), a semaphore with value 3.
make_posix() {
	"$IPCMK" -m 4096 -n /seg -p 0640 >/dev/null
	"$IPCMK" -q -n /queue -p 0600 --maxmsg 5 --msgsize 64 >/dev/null
	"$HELPER" mq-send /queue hello hi
	"$IPCMK" -s -n /sema -p 0604 --value 3 >/dev/null
}

@test "empty namespace: three POSIX sections with their headers only" {
	run "$IPCS" --posix
	[ "$status" -eq 0 ]
	expected=$(printf '%s\n' "" \
		"------ POSIX Message Queues --------" \
		"name                 owner      perms      used-bytes   messages    " \
		"" \
		"------ POSIX Shared Memory --------" \
		"name                 owner      perms      bytes      modified       " \
		"" \
		"------ POSIX Semaphores --------" \
		"name                 owner      perms      value     " \
		"")
	[ "$output" = "$expected" ]
}

@test "objects appear with their values in the list" {
	make_posix
	run "$IPCS" -M
	[ "$status" -eq 0 ]
	[ "$(row_of /seg "$output" | awk '{ print $2, $3, $4 }')" = "root 640 4096" ]
	# The modification time is the file's, in the short form of -t.
	[ "$(row_of /seg "$output" | cut -c 55-)" = "$(date -u -d "@$(stat -c %Y /dev/shm/seg)" '+%b %e %H:%M:%S')" ]
	run "$IPCS" -Q
	[ "$(row_of /queue "$output" | awk '{ print $2, $3, $4, $5 }')" = "root 600 7 2" ]
	run "$IPCS" -S
	[ "$(row_of /sema "$output" | awk '{ print $2, $3, $4 }')" = "root 604 3" ]
	[[ "$output" != *seg* ]]	# sem.* files only, no segments
	run "$IPCS" -M
	[[ "$output" != *sema* ]]	# segments only, no sem.* files
}

@test "exact text of a row, with the System V widths" {
	"$IPCMK" -m 100 -n /x -p 0600 >/dev/null
	touch -d '2026-01-02 03:04:05Z' /dev/shm/x
	run "$IPCS" -M
	[ "${lines[2]}" = "/x                   root       600        100        Jan  2 03:04:05" ]
	run "$IPCS" -M -t
	# (bats leaves the blank lines out of $lines)
	[ "${lines[0]}" = "------ POSIX Shared Memory Modification Times --------" ]
	[ "${lines[2]}" = "/x                   root       Fri Jan  2 03:04:05 2026  " ]
	run "$IPCS" -M -c
	[ "${lines[0]}" = "------ POSIX Shared Memory Owners --------" ]
	[ "${lines[2]}" = "/x                   600        root       root      " ]
}

@test "--posix combines with System V options, System V first" {
	make_posix
	"$IPCMK" -M 1000 >/dev/null
	run "$IPCS" -m --posix
	[ "$status" -eq 0 ]
	titles=$(grep '^------' <<<"$output" | paste -sd'|')
	[ "$titles" = "------ Shared Memory Segments --------|------ POSIX Message Queues --------|------ POSIX Shared Memory --------|------ POSIX Semaphores --------" ]
	run "$IPCS" -S -q -M
	titles=$(grep '^------' <<<"$output" | paste -sd'|')
	[ "$titles" = "------ Message Queues --------|------ POSIX Shared Memory --------|------ POSIX Semaphores --------" ]
	run "$IPCS" --posix-shmems --posix-mqueues --posix-semaphores
	[ "$(grep -c '^------ POSIX' <<<"$output")" -eq 3 ]
	[ "$(grep -c '^------' <<<"$output")" -eq 3 ]
}

@test "default and -a output stay System V only and identical to util-linux" {
	make_posix
	"$IPCMK" -M 1000 -Q -S 2 >/dev/null
	for args in "" "-a" "-t" "-p" "-c" "-u" "-a -b"; do
		# shellcheck disable=SC2086
		run "$IPCS" $args
		[[ "$output" != *POSIX* && "$output" != */seg* ]]
		# shellcheck disable=SC2086
		same_as_ref ipcs $args
	done
}

@test "--human and -b for POSIX sizes" {
	"$IPCMK" -m 1536K -n /big >/dev/null
	run "$IPCS" -M --human
	[ "${lines[1]:43:11}" = "size       " ]
	[ "$(row_of /big "$output" | awk '{ print $4 }')" = "1.5M" ]
	run "$IPCS" -M -b
	[ "$(row_of /big "$output" | awk '{ print $4 }')" = "1572864" ]
	"$IPCMK" -q -n /q >/dev/null
	"$HELPER" mq-send /q "$(printf 'x%.0s' {1..2000})"
	run "$IPCS" -Q --human
	[ "$(row_of /q "$output" | awk '{ print $4 }')" = "2K" ]
}

@test "-c and --numeric: owners as names, or as numbers" {
	require_ids 4242 4343
	"$IPCMK" -m 1 -n /owned >/dev/null
	chown 4242:4343 /dev/shm/owned
	"$IPCMK" -m 1 -n /mine >/dev/null
	run "$IPCS" -M -c
	[ "$(row_of /owned "$output" | awk '{ print $3, $4 }')" = "4242 4343" ]
	[ "$(row_of /mine "$output" | awk '{ print $3, $4 }')" = "root root" ]
	run "$IPCS" -M -c --numeric
	[ "$(row_of /mine "$output" | awk '{ print $3, $4 }')" = "0 0" ]
	run "$IPCS" -M --numeric
	[ "$(row_of /mine "$output" | awk '{ print $2 }')" = "0" ]
	# --numeric for System V objects too
	"$IPCMK" -M 10 >/dev/null
	run "$IPCS" -m --numeric
	[ "$(awk '$1 ~ /^0x/ { print $3 }' <<<"$output")" = "0" ]
}

@test "-p has no POSIX section; -u totals each kind" {
	make_posix
	"$IPCMK" -m 100 -n /seg2 >/dev/null
	# Issue 29.13: said on standard error, and 1: nothing that was asked for can be shown.
	run "$IPCS" --posix -p
	[ "$status" -eq 1 ]
	[ "$output" = $'\nipcs: POSIX objects record no pids, so -p shows System V objects only: use --processes without -p to see which processes use them' ]
	run "$IPCS" --posix -u
	[ "$status" -eq 0 ]
	expected=$(printf '%s\n' "" \
		"------ POSIX Message Queues Status --------" \
		"queues = 1" \
		"messages = 2" \
		"used space = 7 bytes" \
		"" \
		"------ POSIX Shared Memory Status --------" \
		"objects = 2" \
		"used space = 0 bytes" \
		"total size = 4196 bytes" \
		"" \
		"------ POSIX Semaphores Status --------" \
		"semaphores = 1" \
		"")
	[ "$output" = "$expected" ]
}

@test "--name prints the details of one object of each kind" {
	make_posix
	touch -d '2026-01-02 03:04:05Z' /dev/shm/seg /dev/shm/sem.sema
	run "$IPCS" -M --name /seg
	[ "$status" -eq 0 ]
	expected=$(printf '%s\n' "" "POSIX Shared Memory name=/seg" "uid=0	gid=0	mode=0640" \
		"bytes=4096" "mod_time=Fri Jan  2 03:04:05 2026  " "")
	[ "$output" = "$expected" ]
	run "$IPCS" --posix-semaphores --name=/sema
	expected=$(printf '%s\n' "" "POSIX Semaphore name=/sema" "uid=0	gid=0	mode=0604" \
		"value=3" "mod_time=Fri Jan  2 03:04:05 2026  " "")
	[ "$output" = "$expected" ]
	run "$IPCS" -Q --name /queue
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "POSIX Message Queue name=/queue" ]
	[ "${lines[2]}" = "cbytes=7	qnum=2	maxmsg=5	msgsize=64" ]
}

@test "--name errors: missing object, wrong or several kinds, bad names" {
	make_posix
	run "$IPCS" -M --name /nope
	[ "$status" -eq 1 ]
	[ "$output" = "ipcs: name /nope not found" ]
	run "$IPCS" -S --name /seg		# a segment is no semaphore
	[ "$status" -eq 1 ]
	run "$IPCS" --name /seg
	[ "$status" -eq 1 ]
	[[ "$output" == *"single POSIX resource"* ]]
	run "$IPCS" -M -S --name /seg
	[ "$status" -eq 1 ]
	run "$IPCS" -m -M --name /seg
	[ "$status" -eq 1 ]
	run "$IPCS" -M --name seg
	[ "$status" -eq 1 ]
	[[ "$output" == *"invalid name 'seg'"* ]]
	run "$IPCS" -M --name /a/b
	[ "$status" -eq 1 ]
	run "$IPCS" -M -i 0
	[ "$status" -eq 1 ]
	[[ "$output" == *"use --name"* ]]
	run "$IPCS" -m -i 0 --name /seg
	[ "$status" -eq 1 ]
}

@test "odd names: one escaped line each in text, exact with --name" {
	local odd=$'/a b\\c\nd\x01e\xff\xc3\xa9\xc2\x9b"q'
	"$IPCMK" -m 10 -n "$odd" >/dev/null
	"$IPCMK" -m 10 -n /plain >/dev/null
	run "$IPCS" -M
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	[ "$(row_of '/a\x20b\x5cc\x0ad\x01e\xffé\xc2\x9b"q' "$output" | awk '{ print $4 }')" = 10 ]
	# printf %b turns the escapes back into the name's bytes.
	shown=$(awk '$4 == 10 && $1 != "/plain" { print $1 }' <<<"$output")
	[ "$(printf '%b' "$shown")" = "$odd" ]
	run "$IPCS" -M --name "$odd"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'POSIX Shared Memory name=/a\x20b\x5cc\x0ad\x01e\xffé\xc2\x9b"q' ]
	# Names that are not valid in error messages are escaped too.
	run "$IPCS" -M --name $'/no\nsuch'
	[ "$output" = 'ipcs: name /no\x0asuch not found' ]
}

@test "entries that are not regular files are not listed" {
	"$IPCMK" -m 10 -n /real >/dev/null
	mkdir /dev/shm/adir
	ln -s /etc/passwd /dev/shm/alink
	mkfifo /dev/shm/afifo
	ln -s /etc/passwd /dev/shm/sem.link
	run "$IPCS" -M -S
	[ "$status" -eq 0 ]
	[[ "$output" == *"/real "* ]]
	[[ "$output" != *adir* && "$output" != *alink* && "$output" != *afifo* && "$output" != */link* ]]
	run "$IPCS" -M --name /alink
	[ "$status" -eq 1 ]
}

@test "unreadable objects: value and message count shown as -" {
	require_ids
	make_posix
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$IPCS" --posix
	[ "$status" -eq 0 ]
	# The queue (0600) cannot be opened: neither bytes nor count are known.
	[ "$(row_of /queue "$output" | awk '{ print $4, $5 }')" = "- -" ]
	# The semaphore (0604) is readable by others.
	[ "$(row_of /sema "$output" | awk '{ print $4 }')" = 3 ]
	chmod 0600 /dev/shm/sem.sema
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$IPCS" -S
	[ "$(row_of /sema "$output" | awk '{ print $4 }')" = "-" ]
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$IPCS" -Q --name /queue
	[ "$status" -eq 0 ]
	[ "${lines[2]}" = "cbytes=-" ]
}

@test "no mqueue file system: say how to mount it, print the rest, exit 1" {
	make_posix
	capture got unshare --mount --propagation private -- sh -c 'mount -t tmpfs none /dev/mqueue && exec "$@"' - "$IPCS" --posix
	[ "$got_rc" -eq 1 ]
	[ "$got_err" = "ipcs: cannot list POSIX message queues: /dev/mqueue is not a mounted mqueue file system (mount it with: mount -t mqueue none /dev/mqueue)
x" ]
	[[ "$got_out" != *"POSIX Message Queues"* ]]
	[[ "$got_out" == *"POSIX Shared Memory"* && "$got_out" == *"/seg "* ]]
	[[ "$got_out" == *"POSIX Semaphores"* && "$got_out" == *"/sema "* ]]
	# Without -Q nothing needs the mqueue file system.
	capture got unshare --mount --propagation private -- sh -c 'mount -t tmpfs none /dev/mqueue && exec "$@"' - "$IPCS" -M -S
	[ "$got_rc" -eq 0 ]
	[ "$got_err" = x ]
	# --name and -u say the same.
	capture got unshare --mount --propagation private -- sh -c 'mount -t tmpfs none /dev/mqueue && exec "$@"' - "$IPCS" -Q --name /queue
	[ "$got_rc" -eq 1 ]
	[[ "$got_err" == *"mount -t mqueue none /dev/mqueue"* ]]
}

@test "usage text names the new options and the --name usage line" {
	run "$IPCS" --help
	[ "$status" -eq 0 ]
	for opt in --posix-shmems --posix-mqueues --posix-semaphores --posix --name --json --numeric; do
		[[ "$output" == *" $opt"* ]]
	done
	[[ "$output" == *" ipcs -M|-Q|-S --name <name>"* ]]
}

@test "10,000 POSIX segments: every one listed once" {
	local i
	for i in $(seq 10000); do : >"/dev/shm/s$i"; done
	run "$IPCS" -M
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 10002 ]
	[ "$(awk 'NR > 3 { print $1 }' <<<"$output" | sort -u | wc -l)" -eq 10000 ]
}

@test "objects are sorted by name, in text and JSON" {
	local n
	for n in /b /C /a /a0 /_; do
		"$IPCMK" -m 1 -n "$n" >/dev/null
	done
	run "$IPCS" -M
	[ "$(awk 'NR > 3 { print $1 }' <<<"$output" | paste -sd' ')" = "/C /_ /a /a0 /b" ]
	command -v jq >/dev/null || skip "jq not installed"
	[ "$("$IPCS" -M -J | jq -r '.posix_shared_memory[].name' | paste -sd' ')" = "/C /_ /a /a0 /b" ]
}

@test "-l: POSIX limits from /proc/sys/fs/mqueue and the /dev/shm file system" {
	local m=/proc/sys/fs/mqueue
	run "$IPCS" -l --posix
	[ "$status" -eq 0 ]
	expected=$(printf '%s\n' "" \
		"------ POSIX Message Queues Limits --------" \
		"max queues system wide = $(cat $m/queues_max)" \
		"max messages per queue = $(cat $m/msg_max)" \
		"max size of message (bytes) = $(cat $m/msgsize_max)" \
		"default max messages per queue = $(cat $m/msg_default)" \
		"default max size of message (bytes) = $(cat $m/msgsize_default)" \
		"" \
		"------ POSIX Shared Memory Limits --------" \
		"max total shared memory (bytes) = $(($(stat -f -c '%b * %S' /dev/shm)))" \
		"available shared memory (bytes) = $(($(stat -f -c '%a * %S' /dev/shm)))" \
		"" \
		"------ POSIX Semaphores Limits --------" \
		"semaphore max value = $(getconf SEM_VALUE_MAX)" \
		"")
	[ "$output" = "$expected" ]
	run "$IPCS" -l -Q --human
	[ "${lines[4]}" = "default max messages per queue = $(cat $m/msg_default)" ]
	[[ "${lines[3]}" == "max size of message = "*[KMG] ]]
	# the default (System V) -l is unchanged
	run "$IPCS" -l
	[[ "$output" != *POSIX* ]]
}

@test "--older-than: reading a queue does not make it young (its age is its mtime)" {
	"$IPCMK" -q -n /idle >/dev/null
	"$IPCMK" -m 1 -n /idleseg >/dev/null
	sleep 3
	# Every listing reads the queue's file for its byte count; so does --dry-run.
	"$IPCS" -Q >/dev/null
	"$BUILD/ipcrm" --all=pmsg --older-than 2 --dry-run >/dev/null
	run "$IPCS" -Q --older-than 2
	[ "$status" -eq 0 ]
	[ "$(awk '$1 == "/idle" { print $1, $2 }' <<<"$output")" = "/idle root" ]
	run "$IPCS" -M --older-than 2
	[ "$(awk '$1 == "/idleseg" { print $1 }' <<<"$output")" = "/idleseg" ]
	# A message sent and received is use: the queue is young again.
	"$HELPER" mq-send /idle x
	run "$IPCS" -Q --older-than 2
	[ "$status" -eq 0 ]
	[ -z "$(awk '$1 == "/idle"' <<<"$output")" ]
	# The rule is written down.
	grep -q "from the modification time of its file" "$SRC/man/ipcs.1"
}

#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034 # capture sets *_out/_err/_rc
# ipcs --by-owner / --by-creator (totals per owner, each one's share of the
# fullest limit) and --sort / --top (the order of listings), with objects of
# several users in the private namespace.  Totals are checked against
# tests/owners-ref, which computes them from /proc/sysvipc, /proc/sys,
# stat(2) and mq_getattr(3) without ipcbox; orders against sort(1) and
# python3 over the unsorted output.

load helpers

REF=$SRC/tests/owners-ref
HELPER=$BUILD/tests/ipcs-helper
IPCS=$BUILD/ipcs
IPCMK=$BUILD/ipcmk

setup() {
	require_ns
	reset_ipc
	# The namespace's limits, known values (the namespace is this file's alone).
	echo 16 >/proc/sys/kernel/msgmni
	echo 64 >/proc/sys/kernel/shmmni
	echo 100 >/proc/sys/kernel/shmall
	echo "250 1000 32 8" >/proc/sys/kernel/sem
	echo 10 >/proc/sys/fs/mqueue/queues_max
}

teardown() {
	reset_ipc
}

# as UID CMD...: CMD as that user (and group).
as() {
	local uid=$1
	shift
	setpriv --reuid="$uid" --regid="$uid" --clear-groups "$@"
}

# System V objects of root, uid 4242 (no passwd entry) and nobody.
sysv_objects() {
	local q
	as 4242 "$IPCMK" -M 5000 --key 0x1001 >/dev/null
	as 4242 "$IPCMK" -M 100000 --key 0x1002 >/dev/null
	as 4242 "$IPCMK" -S 3 --key 0x1003 >/dev/null
	q=$(as 4242 "$IPCMK" -Q --key 0x1004 -p 0666 | awk '{ print $NF }')
	"$HELPER" msg-send "$q" hello 'world!'
	as 65534 "$IPCMK" -M 4096 --key 0x2001 >/dev/null
	as 65534 "$IPCMK" -S 1 --key 0x2002 >/dev/null
	as 65534 "$IPCMK" -S 10 --key 0x2003 >/dev/null
	"$IPCMK" -Q --key 0x3001 >/dev/null
	"$IPCMK" -M 1 --key 0x3002 >/dev/null
}

# POSIX objects of the same users; /dev/shm 1 MiB, so its size is the fuller limit.
posix_objects() {
	mount -o remount,size=1m,nr_inodes=1000 /dev/shm
	as 4242 "$IPCMK" -m 8192 -n /a >/dev/null
	as 4242 dd if=/dev/zero of=/dev/shm/a bs=4096 count=2 conv=notrunc status=none
	as 4242 "$IPCMK" -m 65536 -n /b >/dev/null
	as 4242 dd if=/dev/zero of=/dev/shm/b bs=4096 count=16 conv=notrunc status=none
	as 65534 "$IPCMK" -m 1000000 -n /sparse >/dev/null
	# Small queues: RLIMIT_MSGQUEUE counts per real uid, across namespaces.
	as 4242 "$IPCMK" -q -n /q1 --maxmsg 4 --msgsize 16 >/dev/null
	as 4242 "$HELPER" mq-send /q1 one three
	as 65534 "$IPCMK" -q -n /q2 --maxmsg 4 --msgsize 16 >/dev/null
	as 65534 "$IPCMK" -q -n /q3 --maxmsg 4 --msgsize 16 >/dev/null
	as 65534 "$IPCMK" -s -n /s1 >/dev/null
	"$IPCMK" -s -n /s2 >/dev/null
}

# json_owners FILE: the "owners" array of ipcs's document, canonical (as owners-ref prints it).
json_owners() {
	/usr/bin/python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["owners"], sort_keys=True))' "$1"
}

# same_as_reference BY KINDS [--top N] [--numeric] -- IPCS-ARGS...: ours (JSON) equals owners-ref's.
same_as_reference() {
	local ref=() arg
	while [ "$1" != -- ]; do
		ref+=("$1")
		shift
	done
	shift
	"$IPCS" "$@" --json >"$BATS_TEST_TMPDIR/ours.json"
	local ours theirs
	ours=$(json_owners "$BATS_TEST_TMPDIR/ours.json")
	theirs=$(/usr/bin/python3 "$REF" "${ref[@]}")
	if [ "$ours" != "$theirs" ]; then
		echo "# ipcs $*" >&2
		echo "# ours:      $ours" >&2
		echo "# reference: $theirs" >&2
		return 1
	fi
}

@test "--by-owner: System V totals per owner and kind, sorted by the fullest limit" {
	require_ids 4242
	sysv_objects
	capture r "$IPCS" --by-owner
	[ "$r_rc" = 0 ]
	[ "$r_err" = x ]
	[ "$r_out" = "
------ Message Queues by Owner --------
owner      objects    bytes          messages   %MSGMNI
root       1          0              0          6.25
4242       1          11             2          6.25

------ Shared Memory Segments by Owner --------
owner      objects    bytes          %SHMALL
4242       2          105000         27.00
root       1          1              1.00
nobody     1          4096           1.00

------ Semaphore Arrays by Owner --------
owner      objects    semaphores %SEMMNI
nobody     2          11         25.00
4242       1          3          12.50

x" ]
	same_as_reference owner msg shm sem -- --by-owner
}

@test "--by-owner: the limit closest to being reached decides (SHMMNI, SEMMNS)" {
	require_ids 4242
	sysv_objects
	echo 1000000 >/proc/sys/kernel/shmall
	echo "250 20 32 1000" >/proc/sys/kernel/sem
	capture r "$IPCS" -m -s --by-owner
	[ "$r_rc" = 0 ]
	[ "$r_out" = "
------ Shared Memory Segments by Owner --------
owner      objects    bytes          %SHMMNI
4242       2          105000         3.13
root       1          1              1.56
nobody     1          4096           1.56

------ Semaphore Arrays by Owner --------
owner      objects    semaphores %SEMMNS
nobody     2          11         55.00
4242       1          3          15.00

x" ]
	same_as_reference owner shm sem -- -m -s --by-owner
}

@test "--by-owner --json: an owners array with typed members" {
	require_ids 4242
	sysv_objects
	capture r "$IPCS" -s --by-owner --json
	[ "$r_rc" = 0 ]
	[ "$r_out" = '{
  "owners": [
    {
      "kind": "sem",
      "uid": 65534,
      "user": "nobody",
      "objects": 2,
      "semaphores": 11,
      "resource": "SEMMNI",
      "used": 2,
      "limit": 8,
      "share": 25.00
    },
    {
      "kind": "sem",
      "uid": 4242,
      "objects": 1,
      "semaphores": 3,
      "resource": "SEMMNI",
      "used": 1,
      "limit": 8,
      "share": 12.50
    }
  ]
}
x' ]
	# Numbers are numbers, names strings (every kind).
	"$IPCS" -a --by-owner --json >"$BATS_TEST_TMPDIR/all.json"
	run /usr/bin/python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc) == ["owners"], doc
assert len(doc["owners"]) == 7, doc
for o in doc["owners"]:
    for k in ("uid", "objects", "bytes", "messages", "semaphores", "used", "limit"):
        assert k not in o or type(o[k]) is int, (k, o)
    assert type(o["share"]) is float, o
    assert type(o["kind"]) is str and type(o["resource"]) is str, o
' "$BATS_TEST_TMPDIR/all.json"
	[ "$status" = 0 ]
}

@test "--by-owner --top and --numeric; the selection options choose what counts" {
	require_ids 4242
	sysv_objects
	capture r "$IPCS" -m -q --by-owner --top 1 --numeric
	[ "$r_rc" = 0 ]
	[ "$r_out" = "
------ Message Queues by Owner --------
owner      objects    bytes          messages   %MSGMNI
0          1          0              0          6.25

------ Shared Memory Segments by Owner --------
owner      objects    bytes          %SHMALL
4242       2          105000         27.00

x" ]
	same_as_reference owner msg shm --top 1 --numeric -- -q -m --by-owner --top 1 --numeric
	capture r "$IPCS" -m --by-owner --owner nobody
	[ "$r_out" = "
------ Shared Memory Segments by Owner --------
owner      objects    bytes          %SHMALL
nobody     1          4096           1.00

x" ]
}

@test "--by-creator: totals by the creator's uid" {
	require_ids 4242
	# Creator and owner differ: only root can give an object away (IPC_SET to another uid).
	"$FIXTURE" owners 4242:4242:65534:65534 65534:65534:4242:4242 0:0:4242:4242 || skip "needs root (IPC_SET to another uid)"
	capture r "$IPCS" -q --by-creator
	[ "$r_rc" = 0 ]
	[ "$r_out" = "
------ Message Queues by Creator --------
creator    objects    bytes          messages   %MSGMNI
4242       2          5              2          12.50
nobody     1          1              1          6.25

x" ]
	same_as_reference creator msg shm sem -- --by-creator
	same_as_reference owner msg shm sem -- --by-owner
}

@test "--by-owner with POSIX kinds: allocated bytes, queued messages, share of /dev/shm and QUEUES_MAX" {
	require_ids 4242
	posix_objects
	capture r "$IPCS" --posix --by-owner
	[ "$r_rc" = 0 ]
	[ "$r_err" = x ]
	# /dev/shm: 1 MiB; a and b hold 8 KiB and 64 KiB, sparse holds nothing, a semaphore one page.
	[ "$r_out" = "
------ POSIX Message Queues by Owner --------
owner      objects    bytes          messages   %QUEUES_MAX
nobody     2          0              0          20.00
4242       1          8              2          10.00

------ POSIX Shared Memory by Owner --------
owner      objects    bytes          %SHM_FS_SIZE
4242       2          73728          7.03
nobody     1          0              0.00

------ POSIX Semaphores by Owner --------
owner      objects    bytes          %SHM_FS_SIZE
root       1          4096           0.39
nobody     1          4096           0.39

x" ]
	same_as_reference owner pmsg pshm psem -- --posix --by-owner
	same_as_reference owner msg shm sem pmsg pshm psem -- -a --posix --by-owner
}

@test "--sort and --top: every kind, text rows in the order sort(1) gives the unsorted rows" {
	require_ids 4242
	sysv_objects
	posix_objects
	"$IPCMK" -M 100000 --key 0x3003 >/dev/null	# ties 0x1002's size: kernel order between them
	# kind, --sort, the column and sort(1) options for it (stable: ties keep their order).
	local cases=(
		"-m|-size|5|-k5,5nr"
		"-m|size|5|-k5,5n"
		"-m|-size,key|5|-k5,5nr -k1,1"
		"-S|user|2|-k2,2"
		"-q|-used_bytes|5|-k5,5nr"
		"-s|-nsems|5|-k5,5nr"
		"-s|key_hex|1|-k1,1"
		"-M|-size|4|-k4,4nr"
		"-Q|-messages|5|-k5,5nr"
		"-Q|-name|1|-k1,1r"
		"-S|value|4|-k4,4n"
	) c kind spec col opts
	for c in "${cases[@]}"; do
		IFS='|' read -r kind spec col opts <<<"$c"
		"$IPCS" "$kind" >"$BATS_TEST_TMPDIR/plain"
		capture r "$IPCS" "$kind" --sort "$spec"
		[ "$r_rc" = 0 ]
		# Title and header, then the rows: the same lines, reordered.
		# shellcheck disable=SC2086 # opts are sort's options
		expected=$(head -n 3 "$BATS_TEST_TMPDIR/plain"; sed -n '4,$p' "$BATS_TEST_TMPDIR/plain" | grep . | LC_ALL=C sort -s $opts)
		if [ "$r_out" != "$expected"$'\n\n'x ]; then
			echo "# ipcs $kind --sort $spec" >&2
			diff -u <(printf '%s\n' "$expected") <(printf '%s' "${r_out%x}") >&2 || true
			return 1
		fi
		# --top N: the first N of those rows.
		capture t "$IPCS" "$kind" --sort "$spec" --top 2
		[ "$t_out" = "$(printf '%s\n' "$expected" | head -n 5)"$'\n\n'x ]
	done
}

@test "--sort and --top in JSON: every kind, python3 sorts the unsorted document the same" {
	require_ids 4242
	sysv_objects
	posix_objects
	local spec
	for spec in -size uid,-size -change_time user,id -messages -nsems -value name -modify_time,name; do
		"$IPCS" -a --posix --json >"$BATS_TEST_TMPDIR/plain.json"
		"$IPCS" -a --posix --json --sort "$spec" --top 3 >"$BATS_TEST_TMPDIR/sorted.json"
		run /usr/bin/python3 -c '
import json, sys
plain = json.load(open(sys.argv[1]))
ours = json.load(open(sys.argv[2]))
keys = sys.argv[3].split(",")
assert list(plain) == list(ours), (list(plain), list(ours))
for kind, rows in plain.items():
    for key in reversed(keys):
        name = key.lstrip("-")
        if not any(name in r for r in rows):
            continue
        # Absent values last both ways; stable, as sorted() is.
        have = [r for r in rows if name in r]
        rest = [r for r in rows if name not in r]
        rows = sorted(have, key=lambda r: r[name], reverse=key.startswith("-")) + rest
    assert ours[kind] == rows[:3], (kind, ours[kind], rows[:3])
' "$BATS_TEST_TMPDIR/plain.json" "$BATS_TEST_TMPDIR/sorted.json" "$spec"
		if [ "$status" != 0 ]; then
			echo "# --sort $spec: $output" >&2
			return 1
		fi
	done
}

@test "ipcs -m --sort -size --top 5: the five largest segments" {
	local size ids=() key=$((0x5000))
	for size in 300 70000 1 5000 70000 4096 123456 2; do
		key=$((key + 1))
		ids+=("$("$IPCMK" -M "$size" --key "$key" | awk '{ print $NF }')")
	done
	capture r "$IPCS" -m --sort -size --top 5
	[ "$r_rc" = 0 ]
	row() { printf '0x%08x %-10s root       644        %-10s 0                       \n' "$1" "$2" "$3"; }
	[ "$r_out" = "
------ Shared Memory Segments --------
key        shmid      owner      perms      bytes      nattch     status      
$(row 0x5007 "${ids[6]}" 123456; row 0x5002 "${ids[1]}" 70000; row 0x5005 "${ids[4]}" 70000
  row 0x5004 "${ids[3]}" 5000; row 0x5006 "${ids[5]}" 4096)

x" ]
}

@test "--sort, --top, --by-owner: bad fields, numbers and combinations are usage errors" {
	local try="Try 'ipcs --help' for more information."
	local sysv_fields="key, key_hex, id, perms, perms_octal, uid, user, gid, group, cuid, cuser, cgid, cgroup, used_bytes, messages, lspid, lrpid, send_time, receive_time, change_time, fill_percent, full, size, nattch, dest, locked, cpid, lpid, attach_time, detach_time, rss, swap, nsems, operation_time"
	local cases=(
		"--sort bogus|ipcs: --sort: unknown field 'bogus' (valid fields: $sysv_fields)"
		"--sort size,|ipcs: --sort: unknown field '' (valid fields: $sysv_fields)"
		"-M --sort nsems|ipcs: --sort: unknown field 'nsems' (valid fields: name, perms, perms_octal, uid, user, gid, group, size, modify_time, allocated)"
		"-s --sort -Size|ipcs: --sort: unknown field 'Size' (valid fields: key, key_hex, id, perms, perms_octal, uid, user, gid, group, cuid, cuser, cgid, cgroup, nsems, operation_time, change_time)"
		"--sort a,b,c,d,e,f,g,h,i|ipcs: --sort: unknown field 'a' (valid fields: $sysv_fields)"
		"-m --sort id,id,id,id,id,id,id,id,id|ipcs: --sort: at most 8 fields"
		"--top 0|ipcs: failed to parse --top argument: '0' (a number of rows, at least 1)"
		"--top -1|ipcs: failed to parse --top argument: '-1' (a number of rows, at least 1)"
		"--top 5x|ipcs: failed to parse --top argument: '5x' (a number of rows, at least 1)"
		"--top 99999999999|ipcs: failed to parse --top argument: '99999999999' (a number of rows, at least 1)"
		"--by-owner --sort size|ipcs: --by-owner and --by-creator sort by the share of a limit: not with --sort"
		"--by-owner -t|ipcs: --by-owner and --by-creator are tables of their own: not with -i, --name, -t, -p, -c, -l, -u, -g, --metrics or --processes"
		"--by-owner -u|ipcs: --by-owner and --by-creator are tables of their own: not with -i, --name, -t, -p, -c, -l, -u, -g, --metrics or --processes"
		"-m -i 0 --by-owner|ipcs: --by-owner and --by-creator are tables of their own: not with -i, --name, -t, -p, -c, -l, -u, -g, --metrics or --processes"
		"--by-owner --processes|ipcs: --by-owner and --by-creator are tables of their own: not with -i, --name, -t, -p, -c, -l, -u, -g, --metrics or --processes"
		"--by-creator -M|ipcs: --by-creator: POSIX objects record no creator (use --by-owner)"
		"--sort size -l|ipcs: --sort and --top order a listing: not with -i, --name, -l, -u, -g or --metrics"
		"--top 3 -g|ipcs: --sort and --top order a listing: not with -i, --name, -l, -u, -g or --metrics"
		"-m -i 0 --top 1|ipcs: --sort and --top order a listing: not with -i, --name, -l, -u, -g or --metrics"
	) c args msg
	for c in "${cases[@]}"; do
		args=${c%%|*}
		msg=${c#*|}
		# shellcheck disable=SC2086 # the arguments of the case
		capture r "$IPCS" $args
		if [ "$r_rc" != 1 ] || [ "$r_out" != x ] || [ "$r_err" != "$msg"$'\n'"$try"$'\n'x ]; then
			echo "# ipcs $args: status $r_rc, stdout ${r_out%x}, stderr ${r_err%x}" >&2
			return 1
		fi
	done
}

@test "without --sort, --top or --by-owner: the kernel's order, as before" {
	require_ids 4242
	sysv_objects
	posix_objects
	local mode
	for mode in "" -t -p -c -b -a; do
		# shellcheck disable=SC2086 # the mode's option
		same_as_ref ipcs $mode
	done
	# --sort by a field that is the kernel's order already changes nothing.
	[ "$("$IPCS" -M)" = "$("$IPCS" -M --sort name)" ]
}

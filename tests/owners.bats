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
	# The holder and the bind mounts of the --removeipc test, by pid and path.
	if [ -n "${HOLDER_PID:-}" ]; then
		kill "$HOLDER_PID" 2>/dev/null || true
		wait "$HOLDER_PID" 2>/dev/null || true
	fi
	local m
	for m in ${MOUNTED:-}; do umount "$m" || true; done
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

@test "--metrics: ipc_owner_* series equal the reference totals, the first --top owners then owner=\"other\"" {
	require_ids 4242 65534
	sysv_objects
	posix_objects
	local n want
	for n in 1 10; do
		# The reference's owners in its order, as series: the first N, then the rest summed.
		want=$(/usr/bin/python3 "$REF" owner msg shm sem pmsg pshm psem --numeric | /usr/bin/python3 -c '
import json, sys
top = int(sys.argv[1])
label = {"msg": ("sysv", "msg"), "shm": ("sysv", "shm"), "sem": ("sysv", "sem"),
         "pmsg": ("posix", "msg"), "pshm": ("posix", "shm"), "psem": ("posix", "sem")}
rows = json.load(sys.stdin)
for m in ("objects", "bytes", "semaphores"):
    for kind in ("msg", "shm", "sem", "pmsg", "pshm", "psem"):
        mine = [r for r in rows if r["kind"] == kind and m in r]
        api, k = label[kind]
        for r in mine[:top]:
            print("ipc_owner_%s{api=\"%s\",kind=\"%s\",owner=\"%d\",uid=\"%d\"} %d" % (m, api, k, r["uid"], r["uid"], r[m]))
        if len(mine) > top:
            print("ipc_owner_%s{api=\"%s\",kind=\"%s\",owner=\"other\"} %d" % (m, api, k, sum(r[m] for r in mine[top:])))
' "$n")
		[ "$("$IPCS" --metrics --numeric --top "$n" | grep '^ipc_owner_')" = "$want" ] || {
			echo "--top $n: want"; echo "$want"; "$IPCS" --metrics --numeric --top "$n" | grep '^ipc_owner_'; return 1; }
	done
	# Names by default; 10 owners without --top.
	"$IPCS" --metrics | grep -qxF 'ipc_owner_semaphores{api="sysv",kind="sem",owner="nobody",uid="65534"} 11'
	[ "$("$IPCS" --metrics | grep -c '^ipc_owner_.*owner="other"')" = 0 ]
}

@test "ipcs -g: the top owner of each system-wide limit and what it holds, in text and JSON, equal the reference" {
	require_ids 4242 65534
	sysv_objects
	posix_objects
	local want got
	want=$(/usr/bin/python3 "$REF" owner msg shm sem pmsg pshm psem --numeric | /usr/bin/python3 -c '
import json, sys
rows = json.load(sys.stdin)
def top(kinds, member):
    held = {}
    for r in rows:
        if r["kind"] in kinds:
            v = r["used"] if member == "pages" else r[member]
            held[r["uid"]] = held.get(r["uid"], 0) + v
    held = {u: v for u, v in held.items() if v > 0}
    if not held:
        return "null null"
    uid = max(held, key=lambda u: (held[u], -u))
    return "%d %d" % (uid, held[uid])
for res, kinds, member in (("MSGMNI", ["msg"], "objects"), ("SHMMNI", ["shm"], "objects"), ("SHMALL", ["shm"], "pages"),
                           ("SEMMNI", ["sem"], "objects"), ("SEMMNS", ["sem"], "semaphores"), ("QUEUES_MAX", ["pmsg"], "objects"),
                           ("SHM_FS_SIZE", ["pshm", "psem"], "bytes"), ("SHM_FS_FILES", ["pshm", "psem"], "objects")):
    print(res, top(kinds, member))
')
	got=$("$IPCS" -g -a --posix --json --numeric | jq -r '.global[] | select(.resource | test("^(MSGMNI|SHMMNI|SHMALL|SEMMNI|SEMMNS|QUEUES_MAX|SHM_FS_SIZE|SHM_FS_FILES)$")) | "\(.resource) \(.top_owner_uid) \(.top_owner_used)"')
	[ "$got" = "$want" ] || { echo "want: $want"; echo "got:  $got"; return 1; }
	# Per-object limits have no top owner; names in JSON and text.
	[ "$("$IPCS" -g -s --json | jq -c '[.global[] | [.resource, .top_owner, .top_owner_used]]')" = \
		'[["SEMMNI","nobody",2],["SEMMNS","nobody",11],["SEMMSL",null,null],["SEMOPM",null,null],["SEMVMX",null,null]]' ]
	[ "$("$IPCS" -g -s | awk '{ print $1, $(NF - 1), $NF }')" = "RESOURCE TOP-OWNER HOLDS
SEMMNI nobody 2
SEMMNS nobody 11
SEMMSL - -
SEMOPM - -
SEMVMX - -" ]
}

@test "--removeipc: owners above login.defs' SYS_UID_MAX (bind-mounted), RemoveIPC from logind.conf and its drop-ins; --processes counts the used ones" {
	require_ids 4242 65534
	local etc=$BATS_TEST_TMPDIR/etc
	mkdir -p "$etc/systemd/logind.conf.d"
	printf '# SYS_UID_MAX 100\nSYS_UID_MAX\t5000\n' >"$etc/login.defs"
	printf '[Login]\nRemoveIPC=no\n' >"$etc/systemd/logind.conf"
	printf '[Login]\nRemoveIPC = yes\n' >"$etc/systemd/logind.conf.d/10-a.conf"
	printf '[Other]\nRemoveIPC=no\n[Login]\nKillUserProcesses=no\n' >"$etc/systemd/logind.conf.d/20-b.conf"
	# This test's mount namespace only: the host's files stay as they are.
	mount --bind "$etc/login.defs" /etc/login.defs 2>/dev/null || skip "cannot bind-mount over /etc/login.defs here"
	MOUNTED=/etc/login.defs
	mount --bind "$etc/systemd" /etc/systemd || { echo "cannot bind-mount over /etc/systemd"; return 1; }
	MOUNTED="/etc/systemd $MOUNTED"
	sysv_objects
	posix_objects
	# 4242 is below SYS_UID_MAX 5000, root never counts: nobody's objects only.
	capture r "$IPCS" -a --posix --removeipc --json
	[ "$r_rc" = 0 ]
	[ "$(jq -c '[.[][] | .uid] | unique' <<<"${r_out%x}")" = '[65534]' ]
	[ "$(jq -c '[.[] | length]' <<<"${r_out%x}")" = '[0,1,2,2,1,1]' ]
	[ "$r_err" = "ipcs: RemoveIPC=yes (/etc/systemd/logind.conf.d/10-a.conf): systemd-logind removes the 7 objects listed, of regular users (uid above 5000), when their owner's last session ends"$'\nx' ]
	# A later drop-in turns it off; without SYS_UID_MAX the default 999 takes 4242 in.
	printf '[Login]\nRemoveIPC=off\n' >"$etc/systemd/logind.conf.d/30-c.conf"
	printf '# no SYS_UID_MAX here\n' >"$etc/login.defs"
	capture r "$IPCS" -m --removeipc --json
	[ "$(jq -c '[.shared_memory[].uid]' <<<"${r_out%x}")" = '[4242,4242,65534]' ]
	[ "$r_err" = "ipcs: RemoveIPC=no (/etc/systemd/logind.conf.d/30-c.conf): systemd-logind leaves the 3 objects listed, of regular users (uid above 999), in place at logout"$'\nx' ]
	# --processes: nobody's segment attached by a live process is the PostgreSQL case.
	rm "$etc/systemd/logind.conf.d/30-c.conf"
	printf 'SYS_UID_MAX 5000\n' >"$etc/login.defs"
	"$IPCBOX_HOLDER" shm-attach "$("$IPCS" -m --owner 65534 --json | jq '.shared_memory[0].id')" >"$BATS_TEST_TMPDIR/hold" &
	HOLDER_PID=$!
	local i
	for i in $(seq 100); do grep -q '^ready' "$BATS_TEST_TMPDIR/hold" 2>/dev/null && break; sleep 0.05; done
	capture r "$IPCS" -m --removeipc --processes
	[ "$r_rc" = 0 ]
	[[ $r_out == *"$HOLDER_PID "*"holder"* ]]
	# (Processes this sandbox hides from us are another line.)
	[ "$(grep -v 'could not be inspected' <<<"${r_err%$'\nx'}")" = "ipcs: RemoveIPC=yes (/etc/systemd/logind.conf.d/10-a.conf): systemd-logind removes the 1 object listed, of a regular user (uid above 5000), when its owner's last session ends
ipcs: 1 of them is in use by a running process: run such a service as a system user or set RemoveIPC=no (see ipcs(1))" ]
	kill "$HOLDER_PID"
	wait "$HOLDER_PID" || true
	HOLDER_PID=
	# Bad files are errors that name the line, and nothing is listed; ipcrm does not take it.
	printf '[Login]\nRemoveIPC=maybe\n' >"$etc/systemd/logind.conf.d/40-d.conf"
	capture r "$IPCS" --removeipc
	[ "$r_rc" = 1 ]
	[ "$r_out" = x ]
	[ "$r_err" = "ipcs: /etc/systemd/logind.conf.d/40-d.conf: line 2: RemoveIPC= is not a boolean"$'\nx' ]
	rm "$etc/systemd/logind.conf.d/40-d.conf"
	printf 'SYS_UID_MAX -1\n' >"$etc/login.defs"
	capture r "$IPCS" --removeipc
	[ "$r_rc" = 1 ]
	[ "$r_err" = "ipcs: /etc/login.defs: line 1: SYS_UID_MAX is not a uid"$'\nx' ]
	capture r "$BUILD/ipcrm" --removeipc
	[ "$r_rc" = 1 ]
	[[ $r_err == *"unrecognized option '--removeipc'"* ]]
	[ "$("$IPCS" -m --json | jq '.shared_memory | length')" = 4 ]
	umount /etc/systemd /etc/login.defs
	MOUNTED=
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

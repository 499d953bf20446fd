#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034 # capture sets *_out/_err/_rc
# lsipc beyond util-linux (issue 26, lsipc(1) "ipcbox options"): --sort,
# the selection options, --namespace, the HOLDERS column, --json-typed.
# One fixture for the file: segments of 100, 40000 and 5000 bytes (their
# text order is not their numeric order), a queue, POSIX memory.

load helpers

LSIPC=$BUILD/lsipc
IPCMK=$BUILD/ipcmk
HOLDER=${IPCBOX_HOLDER:?run the tests through meson test}

setup_file() {
	require_ns
	reset_ipc
	"$IPCMK" -M 100 --key 0x7001 >/dev/null
	"$IPCMK" -M 40000 --key 0x7002 >/dev/null
	"$IPCMK" -M 5000 --key 0x7003 >/dev/null
	"$IPCMK" -Q --key 0x7004 >/dev/null
	"$IPCMK" -m 300 -n /b >/dev/null
	"$IPCMK" -m 20 -n /a >/dev/null
	"$IPCMK" -m 1000 -n /c >/dev/null
}

teardown_file() {
	reset_ipc
}

setup() {
	started=()
}

teardown() {
	stop_started
}

@test "lsipc --sort: numbers as numbers, -COL descending, several columns; POSIX too" {
	run "$LSIPC" -m -o KEY,SIZE -b --noheadings --sort -SIZE
	[ "$status" = 0 ]
	[ "$output" = "0x00007002 40000
0x00007003  5000
0x00007001   100" ]
	run "$LSIPC" -m -o KEY --noheadings --sort perms,size
	[ "$output" = $'0x00007001\n0x00007003\n0x00007002' ]
	run "$LSIPC" -M -o NAME --noheadings --sort -SIZE
	[ "$output" = $'/c\n/b\n/a' ]
	# Without --sort, the kernel's order (and the names' for POSIX), as before.
	run "$LSIPC" -m -o KEY --noheadings
	[ "$output" = $'0x00007001\n0x00007002\n0x00007003' ]
}

@test "lsipc selections: --key, --owner, --created-by, --older-than" {
	run "$LSIPC" -m -o KEY --noheadings --key 0x7003
	[ "$output" = 0x00007003 ]
	run "$LSIPC" -m -o KEY --noheadings --owner 0 --created-by 0 --sort -KEY
	[ "$output" = $'0x00007003\n0x00007002\n0x00007001' ]
	run "$LSIPC" -m --noheadings --owner 4242
	[ "$status" = 0 ]
	[ "$output" = "" ]
	run "$LSIPC" -M -o NAME --noheadings --older-than 1d
	[ "$output" = "" ]
}

@test "lsipc HOLDERS: the processes using each object; --orphaned" {
	local id left out=$BATS_TEST_TMPDIR/holder.out
	id=$(awk 'NR > 1 && $1 == 28674 { print $2 }' /proc/sysvipc/shm)
	"$HOLDER" shm-attach "$id" >"$out" &
	started+=($!)
	for _ in $(seq 200); do [ -s "$out" ] && break; sleep 0.01; done
	run "$LSIPC" -m -o KEY,NATTCH,HOLDERS --noheadings
	[ "$output" = "0x00007001      0       0
0x00007002      1       1
0x00007003      0       0" ]
	# A segment whose creator and last user are gone is an orphan (never attached: not known).
	left=$("$HOLDER" shm-leftover 0x7005)
	run "$LSIPC" -m -o KEY,HOLDERS --noheadings --orphaned
	"$BUILD/ipcrm" -m "$left"
	[ "$output" = "0x00007005       0" ]
}

@test "lsipc --json-typed: numbers as numbers, sizes in bytes; -J keeps 2.38's strings" {
	run "$LSIPC" -m -o KEY,SIZE,NATTCH,PERMS --json-typed --key 0x7002
	[ "$output" = '{
   "sharedmemory": [
      {
         "key": "0x00007002",
         "size": 40000,
         "nattch": 0,
         "perms": "rw-r--r--"
      }
   ]
}' ]
	run "$LSIPC" -m -o SIZE -J --key 0x7002
	[ "$output" = '{
   "sharedmemory": [
      {
         "size": "39.1K"
      }
   ]
}' ]
}

@test "lsipc --namespace PID: the objects of that namespace" {
	local ready=$BATS_TEST_TMPDIR/ready
	unshare --ipc bash -c '"$1" -Q --key 0x7777 >/dev/null && : >"$2" && exec sleep 600' _ "$IPCMK" "$ready" &
	started+=($!)
	for _ in $(seq 300); do [ -e "$ready" ] && break; sleep 0.01; done
	run "$LSIPC" -q -o KEY --noheadings --namespace "${started[0]}"
	[ "$status" = 0 ]
	[ "$output" = 0x00007777 ]
	run "$LSIPC" -q -o KEY --noheadings
	[ "$output" = 0x00007004 ]
}

@test "lsipc's own options: errors for what they cannot do" {
	run "$LSIPC" -m --sort STATUS
	[ "$status" = 1 ]
	[ "$output" = "lsipc: --sort: rows cannot be sorted by column STATUS" ]
	run "$LSIPC" -m --sort BOGUS
	[ "$output" = "lsipc: unknown column: BOGUS" ]
	run "$LSIPC" -g --sort USED
	[ "$status" = 1 ]
	[ "$output" = "lsipc: --owner, --created-by, --orphaned, --older-than, --key and --sort are for lists of objects: not with --global, --id or --name" ]
	run "$LSIPC" -M --key 0x1
	[ "$output" = "lsipc: --key selects System V objects: not with -M, -Q or -S" ]
	run "$LSIPC" -m -J --json-typed
	[ "$output" = "lsipc: mutually exclusive arguments: --json --export --list --newline --raw --json-typed" ]
}

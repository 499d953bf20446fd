#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034 # capture sets *_out/_err/_rc
# Memory per object (issue 27 item 3): a segment's resident and swapped
# bytes as /proc/sysvipc/shm reports them, a POSIX segment's allocated
# bytes, a queue's fill level; in ipcs JSON always, in text with --memory,
# in lsipc as RSS, SWAP, FILL.  One fixture for the file.

load helpers

IPCS=$BUILD/ipcs
IPCMK=$BUILD/ipcmk
LSIPC=$BUILD/lsipc

setup_file() {
	require_ns
	reset_ipc
	local shm q1 q2 q3 big
	shm=$("$IPCMK" -M 65536 --key 0x5001 | awk '{ print $NF }')
	"$IPCMK" -M 4096 --key 0x5002 >/dev/null
	# Three pages of the first segment written: resident after the writer detaches.
	python3 -c 'import ctypes, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
ctypes.memset(libc.shmat(int(sys.argv[1]), None, 0), 1, 3 * 4096)' "$shm"
	"$IPCMK" -Q --key 0x6001 >/dev/null
	q2=$("$IPCMK" -Q --key 0x6002 | awk '{ print $NF }')
	q3=$("$IPCMK" -Q --key 0x6003 | awk '{ print $NF }')
	big=$(head -c 4096 /dev/zero | tr '\0' a)
	"$BUILD/ipcbox" send -q "$q2" "$big"
	for _ in 1 2 3 4; do "$BUILD/ipcbox" send -q "$q3" "$big"; done
	"$IPCMK" -m 1048576 -n /sparse >/dev/null
	dd if=/dev/zero of=/dev/shm/sparse bs=4096 count=2 conv=notrunc status=none
	export Q3=$q3 QBYTES
	QBYTES=$(cat /proc/sys/kernel/msgmnb)
}

teardown_file() {
	reset_ipc
}

setup() {
	[ "$QBYTES" = 16384 ] || skip "the queues' capacity is not the default 16384 (msgmnb $QBYTES)"
}

@test "memory: ipcs JSON has each segment's rss and swap as /proc/sysvipc/shm says, from every source" {
	local expected got src
	expected=$(awk 'NR > 1 { print $2, $15, $16 }' /proc/sysvipc/shm | sort)
	# The written segment is resident: the comparison is not of zeros only.
	[ "$(awk 'NR > 1 && $1 == 20481 { print $15 }' /proc/sysvipc/shm)" = 12288 ]
	for src in stat_any proc stat; do
		got=$(IPCBOX_SYSV_SOURCE=$src "$IPCS" -m -J | jq -r '.shared_memory[] | "\(.id) \(.rss) \(.swap)"' | sort)
		[ "$got" = "$expected" ] || { echo "source $src: $got"; false; }
	done
}

@test "memory: ipcs -m --memory adds resident and swapped; -m alone is unchanged" {
	local id
	id=$(awk 'NR > 1 && $1 == 20481 { print $2 }' /proc/sysvipc/shm)
	capture m "$IPCS" -m --memory
	[ "$m_rc" = 0 ]
	[ "$m_err" = x ]
	printf -v want '\n------ Shared Memory Segments --------\n%-10s %-10s %-10s %-10s %-10s %-10s %-12s  %-10s %-10s\n%s\n%s\n\nx' \
		key shmid owner perms bytes nattch status resident swapped \
		"$(printf '0x00005001 %-10s %-10s %-10s %-10s %-10s %13s %-10s %-10s' "$id" root 644 65536 0 '' 12288 0)" \
		"$(awk 'NR > 1 && $1 == 20482 { printf "0x00005002 %-10s %-10s %-10s %-10s %-10s %13s %-10s %-10s", $2, "root", 644, 4096, 0, "", 0, 0 }' /proc/sysvipc/shm)"
	[ "$m_out" = "$want" ] || { diff <(echo "$want") <(echo "$m_out"); false; }
	same_as_ref ipcs -m
}

@test "memory: fill levels 0 %, 25 % and full (a send would block), text and JSON" {
	capture q "$IPCS" -q --memory
	[ "$q_rc" = 0 ]
	[ "$(printf '%s' "${q_out%x}" | sed -n 3p)" = "$(printf '%-10s %-10s %-10s %-10s %-12s %-12s %-10s' key msqid owner perms used-bytes messages fill)" ]
	[ "$(printf '%s' "${q_out%x}" | awk 'NR > 3 && NF { print $1, $5, $6, $7 }')" = "0x00006001 0 0 0.00%
0x00006002 4096 1 25.00%
0x00006003 16384 4 full" ]
	[ "$("$IPCS" -q -J | jq -c '[.message_queues[] | [.fill_percent, .full]]')" = '[[0,false],[25,false],[100,true]]' ]
	# Full means it: a send that may not wait fails, and the queue is as it was.
	run "$BUILD/ipcbox" send --nowait -q "$Q3" x
	[ "$status" -ne 0 ]
	[ "$(awk -v id="$Q3" '$2 == id { print $4, $5 }' /proc/sysvipc/msg)" = "16384 4" ]
	# --sort takes the new members.
	[ "$("$IPCS" -q --sort -fill_percent -J | jq -r '[.message_queues[].key_hex] | join(" ")')" = "0x00006003 0x00006002 0x00006001" ]
}

@test "memory: POSIX shared memory's allocated bytes are st_blocks * 512" {
	local alloc
	alloc=$(stat -c '%b %B' /dev/shm/sparse | awk '{ print $1 * $2 }')
	[ "$alloc" = 8192 ]
	[ "$("$IPCS" -M -J | jq '.posix_shared_memory[0].allocated')" = "$alloc" ]
	[ "$("$IPCS" -M --memory | awk '$1 == "/sparse" { print $NF }')" = "$alloc" ]
}

@test "memory: without /proc/sysvipc/shm, rss and swap are unknown: '-' in text, left out of JSON" {
	# shellcheck disable=SC2016 # expanded by the inner bash
	run unshare --mount --propagation private bash -c 'mount -t tmpfs none /proc/sysvipc || exit 77
		IPCBOX_SYSV_SOURCE=stat_any "$1" -m --memory | awk "NR > 3 && NF { print \$(NF - 1), \$NF }"
		IPCBOX_SYSV_SOURCE=stat_any "$1" -m -J | jq -c "[.shared_memory[] | has(\"rss\"), has(\"swap\")] | unique"' _ "$IPCS"
	[ "$status" != 77 ] || skip "cannot mount over /proc/sysvipc here"
	[ "$status" = 0 ]
	[ "$output" = "- -
- -
[false]" ]
}

@test "memory: --memory is for listings" {
	run "$IPCS" -m -t --memory
	[ "$status" = 1 ]
	[ "$output" = "ipcs: --memory adds columns to a listing: not with -i, --name, -t, -p, -c, -l, -u, -g, --metrics, --by-owner or --by-creator
Try 'ipcs --help' for more information." ]
}

@test "memory: lsipc RSS, SWAP (as /proc/sysvipc/shm) and FILL; typed JSON" {
	[ "$("$LSIPC" -m -o ID,RSS,SWAP -b --noheadings --raw | sort)" = "$(awk 'NR > 1 { print $2, $15, $16 }' /proc/sysvipc/shm | sort)" ]
	[ "$("$LSIPC" -q -o KEY,FILL --noheadings --sort -FILL)" = "0x00006003 100.00%
0x00006002  25.00%
0x00006001   0.00%" ]
	[ "$("$LSIPC" -q -o FILL --json-typed | jq -c '[.messages[].fill]')" = '[0,25,100]' ]
}

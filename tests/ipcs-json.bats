#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2016,SC2030,SC2031 # capture sets *_out/_err/_rc; jq programs; json sets doc per test
# ipcs -J/--json: one valid document in every mode, typed members with the
# kernel's values, ISO 8601 times, names that survive any bytes.

load helpers

IPCS=$BUILD/ipcs
IPCMK=$BUILD/ipcmk
HELPER=$BUILD/tests/ipcs-helper

setup() {
	require_ns
	command -v jq >/dev/null || skip "jq not installed"
	reset_ipc
}

teardown() {
	reset_ipc
}

# Objects of all six kinds, System V ones with messages and an attachment.
make_all() {
	"$IPCMK" -M 8192 -p 0640 >/dev/null
	"$IPCMK" -Q -p 0600 >/dev/null
	"$IPCMK" -S 3 -p 0666 >/dev/null
	"$HELPER" msg-send "$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)" abc defgh
	"$IPCMK" -m 4096 -n /seg -p 0640 >/dev/null
	"$IPCMK" -q -n /queue --maxmsg 5 --msgsize 64 -p 0600 >/dev/null
	"$HELPER" mq-send /queue hello hi
	"$IPCMK" -s -n /sema --value 3 -p 0604 >/dev/null
}

# json ARGS...: run ipcs ARGS; it must succeed and print one valid document.
json() {
	capture got "$IPCS" "$@"
	[ "$got_rc" -eq 0 ] || { echo "# ipcs $* exited $got_rc: ${got_err%x}" >&2; return 1; }
	[ "$got_err" = x ] || { echo "# ipcs $*: stderr ${got_err%x}" >&2; return 1; }
	doc=${got_out%x}
	jq -e . >/dev/null <<<"$doc" || { echo "# ipcs $*: invalid JSON:" >&2; echo "$doc" >&2; return 1; }
	# exactly one document
	[ "$(jq -c . <<<"$doc" | wc -l)" -eq 1 ]
}

@test "every mode and resource selection gives one valid document" {
	make_all
	local mode res
	for mode in "" -t -p -c -l -u -b --human --numeric; do
		for res in "" -a -m -q -s -M -Q -S --posix "-a --posix" "-m -S"; do
			# shellcheck disable=SC2086
			json -J $mode $res
			# shellcheck disable=SC2086
			json $res $mode --json
		done
	done
	json -m -i "$(awk 'NR == 2 { print $2 }' /proc/sysvipc/shm)" -J
	json -q -i "$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)" -J
	json -s -i "$(awk 'NR == 2 { print $2 }' /proc/sysvipc/sem)" -J
	json -M --name /seg -J
	json -Q --name /queue -J
	json -S --name /sema -J
}

@test "sections: the kinds asked for, in the text order, lists of objects" {
	make_all
	json -J
	[ "$(jq -c 'keys_unsorted' <<<"$doc")" = '["message_queues","shared_memory","semaphores"]' ]
	json -J -a --posix
	[ "$(jq -c 'keys_unsorted' <<<"$doc")" = '["message_queues","shared_memory","semaphores","posix_message_queues","posix_shared_memory","posix_semaphores"]' ]
	[ "$(jq -c '[.[] | type] | unique' <<<"$doc")" = '["array"]' ]
	[ "$(jq '[.[] | length] | add' <<<"$doc")" -eq 6 ]
	json -J -M -q
	[ "$(jq -c 'keys_unsorted' <<<"$doc")" = '["message_queues","posix_shared_memory"]' ]
	# -t, -p, -c need no document of their own: the same members
	json -J -m
	local plain=$doc
	for mode in -t -p -c; do
		json -J -m $mode
		[ "$doc" = "$plain" ]
	done
}

@test "System V members carry the kernel's values, typed" {
	make_all
	json -J
	# Each /proc/sysvipc line against the document, as "key id perms uid gid cuid cgid ..."
	local k id
	k=$(awk 'NR == 2 { print $1 }' /proc/sysvipc/shm)
	id=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/shm)
	[ "$(jq -c '.shared_memory[0] | [.key, .id, .perms, .perms_octal, .uid, .user, .gid, .group, .cuid, .cuser, .cgid, .cgroup, .size, .nattch, .dest, .locked, .lpid]' <<<"$doc")" = \
		"[$((k & 0xffffffff)),$id,416,\"0640\",0,\"root\",0,\"root\",0,\"root\",0,\"root\",8192,0,false,false,0]" ]
	[ "$(jq '.shared_memory[0].cpid' <<<"$doc")" -eq "$(awk 'NR == 2 { print $5 }' /proc/sysvipc/shm)" ]
	# never attached: no attach or detach time
	[ "$(jq -c '.shared_memory[0] | [has("attach_time"), has("detach_time"), has("change_time")]' <<<"$doc")" = '[false,false,true]' ]
	[ "$(jq -c '.message_queues[0] | [.perms, .used_bytes, .messages, has("send_time"), has("receive_time")]' <<<"$doc")" = '[384,8,2,true,false]' ]
	[ "$(jq '.message_queues[0].lspid' <<<"$doc")" -gt 0 ]
	[ "$(jq -c '.semaphores[0] | [.perms, .nsems, has("operation_time")]' <<<"$doc")" = '[438,3,false]' ]
	# numbers are numbers
	[ "$(jq -c '[.[][] | to_entries[] | select(.key | test("^(key|id|perms|uid|gid|cuid|cgid|size|nattch|cpid|lpid|lspid|lrpid|used_bytes|messages|nsems)$")) | .value | type] | unique' <<<"$doc")" = '["number"]' ]
}

@test "times are ISO 8601 UTC, the kernel's seconds" {
	make_all
	json -J -a --posix
	[ "$(jq -r '[.. | objects | to_entries[] | select(.key | endswith("_time")) | .value | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")] | all' <<<"$doc")" = true ]
	local ctime
	ctime=$(awk 'NR == 2 { print $14 }' /proc/sysvipc/shm)
	[ "$(jq -r '.shared_memory[0].change_time | fromdateiso8601' <<<"$doc")" -eq "$ctime" ]
	touch -d '2026-01-02 03:04:05Z' /dev/shm/seg
	json -J -M
	[ "$(jq -r '.posix_shared_memory[0].modify_time' <<<"$doc")" = 2026-01-02T03:04:05Z ]
}

@test "POSIX members carry their values" {
	make_all
	json -J --posix
	[ "$(jq -c '.posix_shared_memory[0] | [.name, .perms, .perms_octal, .uid, .user, .gid, .group, .size]' <<<"$doc")" = '["/seg",416,"0640",0,"root",0,"root",4096]' ]
	[ "$(jq -c '.posix_message_queues[0] | [.name, .perms, .used_bytes, .messages, .max_messages, .max_message_size]' <<<"$doc")" = '["/queue",384,7,2,5,64]' ]
	[ "$(jq -c '.posix_semaphores[0] | [.name, .perms, .value]' <<<"$doc")" = '["/sema",388,3]' ]
	# no creator for POSIX objects, no name_hex for UTF-8 names
	[ "$(jq -c '[.[][] | has("cuid") or has("name_hex") or has("key")] | any' <<<"$doc")" = false ]
}

@test "unreadable POSIX values are left out, not guessed" {
	require_ids
	make_all
	chmod 0600 /dev/shm/sem.sema
	capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$IPCS" -J --posix
	[ "$got_rc" -eq 0 ]
	doc=${got_out%x}
	[ "$(jq -c '.posix_message_queues[0] | [has("used_bytes"), has("messages"), has("max_messages"), .name]' <<<"$doc")" = '[false,false,false,"/queue"]' ]
	[ "$(jq -c '.posix_semaphores[0] | [has("value"), .name]' <<<"$doc")" = '[false,"/sema"]' ]
}

@test "--numeric: ids only, no names" {
	require_ids 4242 4343
	make_all
	json -J -a --posix --numeric
	[ "$(jq -c '[.[][] | has("user") or has("group") or has("cuser") or has("cgroup")] | any' <<<"$doc")" = false ]
	[ "$(jq -c '[.[][] | has("uid") and has("gid")] | all' <<<"$doc")" = true ]
	# an owner without a passwd entry has no name even without --numeric
	chown 4242:4343 /dev/shm/seg
	json -J -M
	[ "$(jq -c '.posix_shared_memory[0] | [.uid, .gid, has("user"), has("group")]' <<<"$doc")" = '[4242,4343,false,false]' ]
}

@test "odd names round-trip: quotes, controls, unicode, invalid UTF-8" {
	local names=($'/q"uote' '/back\slash' $'/new\nline' $'/ctl\x01\x1f\x7f' $'/tab\there' '/é☃😀' $'/bad\xff\xfe' $'/trunc\xe2\x82' $'/c1\xc2\x9b')
	local n
	for n in "${names[@]}"; do
		"$IPCMK" -m 1 -n "$n" >/dev/null
	done
	json -J -M
	[ "$(jq '.posix_shared_memory | length' <<<"$doc")" -eq "${#names[@]}" ]
	for n in "${names[@]}"; do
		if iconv -f UTF-8 -t UTF-8 <<<"$n" >/dev/null 2>&1; then
			# valid UTF-8: "name" is the exact name, no name_hex
			N=$n jq -e '[.posix_shared_memory[] | select(.name == env.N)] | length == 1 and (.[0] | has("name_hex") | not)' <<<"$doc" >/dev/null
		else
			# not UTF-8: U+FFFD in "name", the exact bytes in "name_hex"
			hex=$(printf '%s' "$n" | od -An -tx1 | tr -d ' \n')
			H=$hex jq -e '[.posix_shared_memory[] | select(.name_hex == env.H)] | length == 1 and (.[0].name | contains("\ufffd"))' <<<"$doc" >/dev/null
			[ "$(H=$hex jq -r '.posix_shared_memory[] | select(.name_hex == env.H) | .name_hex' <<<"$doc" | xxd -r -p | od -An -tx1)" = "$(printf '%s' "$n" | od -An -tx1)" ]
		fi
	done
	# control characters are escaped, the document is plain UTF-8
	iconv -f UTF-8 -t UTF-8 <<<"$doc" >/dev/null
	if grep -qP '[\x00-\x08\x0b-\x1f\x7f]' <<<"$doc"; then return 1; fi
	# the same through --name
	json -J -M --name $'/new\nline'
	[ "$(jq -r '.posix_shared_memory[0].name' <<<"$doc")" = $'/new\nline' ]
}

@test "-i and --name: the kind's list with one object and its details" {
	make_all
	local sem_id msg_id
	sem_id=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/sem)
	msg_id=$(awk 'NR == 2 { print $2 }' /proc/sysvipc/msg)
	json -s -i "$sem_id" -J
	[ "$(jq -c '.semaphores | length' <<<"$doc")" = 1 ]
	[ "$(jq -c '.semaphores[0].values | map(.semnum, .value)' <<<"$doc")" = '[0,0,1,0,2,0]' ]
	json -q -i "$msg_id" --json
	[ "$(jq -c '.message_queues[0] | [.id, .messages, .qbytes > 0]' <<<"$doc")" = "[$msg_id,2,true]" ]
	json -Q --name /queue -J
	[ "$(jq -c '.posix_message_queues[0] | [.name, .messages]' <<<"$doc")" = '["/queue",2]' ]
	# missing: exit 1, a warning, and still a valid document with an empty list
	capture got "$IPCS" -m -i 99999 -J
	[ "$got_rc" -eq 1 ]
	[ "$(jq -c . <<<"${got_out%x}")" = '{"shared_memory":[]}' ]
	capture got "$IPCS" -S --name /nope -J
	[ "$got_rc" -eq 1 ]
	[ "$(jq -c . <<<"${got_out%x}")" = '{"posix_semaphores":[]}' ]
}

@test "-l and -u: the numbers of the text report" {
	make_all
	json -J -l
	[ "$(jq -c 'keys_unsorted' <<<"$doc")" = '["limits"]' ]
	[ "$(jq '.limits.message_queues.max_queues' <<<"$doc")" -eq "$(cat /proc/sys/kernel/msgmni)" ]
	[ "$(jq '.limits.message_queues.max_message_size' <<<"$doc")" -eq "$(cat /proc/sys/kernel/msgmax)" ]
	# exact even beyond 2^53, where jq itself may round: look at the text
	grep -qx "      \"max_segment_size\": $(cat /proc/sys/kernel/shmmax)," <<<"$doc"
	[ "$(jq '.limits.semaphores.max_semaphores_per_array' <<<"$doc")" -eq "$(awk '{ print $1 }' /proc/sys/kernel/sem)" ]
	json -J -u -a --posix
	[ "$(jq -c '.summary | keys_unsorted' <<<"$doc")" = '["message_queues","shared_memory","semaphores","posix_message_queues","posix_shared_memory","posix_semaphores"]' ]
	[ "$(jq -c '.summary.message_queues | [.queues, .used_bytes]' <<<"$doc")" = '[1,8]' ]
	[ "$(jq -c '.summary.shared_memory.segments' <<<"$doc")" = 1 ]
	[ "$(jq -c '.summary.semaphores | [.arrays, .semaphores]' <<<"$doc")" = '[1,3]' ]
	[ "$(jq -c '.summary.posix_message_queues' <<<"$doc")" = '{"queues":1,"used_bytes":7,"messages":2,"unreadable":0}' ]
	[ "$(jq -c '.summary.posix_shared_memory' <<<"$doc")" = '{"objects":1,"used_bytes":0,"size_bytes":4096}' ]
	[ "$(jq -c '.summary.posix_semaphores' <<<"$doc")" = '{"semaphores":1,"unreadable":0}' ]
}

@test "no mqueue file system: a valid document without the queues, exit 1" {
	make_all
	capture got unshare --mount --propagation private -- sh -c 'mount -t tmpfs none /dev/mqueue && exec "$@"' - "$IPCS" -J --posix
	[ "$got_rc" -eq 1 ]
	[[ "$got_err" == *"mount -t mqueue none /dev/mqueue"* ]]
	[ "$(jq -c 'keys_unsorted' <<<"${got_out%x}")" = '["posix_shared_memory","posix_semaphores"]' ]
}

@test "empty lists and many objects" {
	json -J -a --posix
	[ "$(jq -c . <<<"$doc")" = '{"message_queues":[],"shared_memory":[],"semaphores":[],"posix_message_queues":[],"posix_shared_memory":[],"posix_semaphores":[]}' ]
	local i
	for i in $(seq 2000); do : >"/dev/shm/s$i"; done
	json -J -M
	[ "$(jq '.posix_shared_memory | map(.name) | unique | length' <<<"$doc")" -eq 2000 ]
}

@test "JSON to /dev/full fails with a write error" {
	make_all
	capture got sh -c 'exec "$@" >/dev/full' - "$IPCS" -J -a --posix
	[ "$got_rc" -eq 1 ]
	[[ "$got_err" == "ipcs: write error"* ]]
}

@test "-l for POSIX kinds: mqueue sysctls and the /dev/shm file system" {
	local m=/proc/sys/fs/mqueue
	json -J -l --posix
	[ "$(jq -c '.limits | keys_unsorted' <<<"$doc")" = '["posix_message_queues","posix_shared_memory","posix_semaphores"]' ]
	[ "$(jq -c '.limits.posix_message_queues' <<<"$doc")" = "{\"max_queues\":$(cat $m/queues_max),\"max_messages\":$(cat $m/msg_max),\"max_message_size\":$(cat $m/msgsize_max),\"default_max_messages\":$(cat $m/msg_default),\"default_max_message_size\":$(cat $m/msgsize_default)}" ]
	[ "$(jq '.limits.posix_shared_memory.max_total_size' <<<"$doc")" -eq "$(($(stat -f -c '%b * %S' /dev/shm)))" ]
	[ "$(jq '.limits.posix_semaphores.max_value' <<<"$doc")" -eq "$(getconf SEM_VALUE_MAX)" ]
}

#!/usr/bin/env bats
# Shell completions: bash (sourced, COMPREPLY asserted), fish (complete -C)
# and zsh (driven through a pseudo terminal), with live ids, keys and POSIX
# names of objects created in the private namespace of tests/ns-run.

load helpers
bats_require_minimum_version 1.5.0

setup_file() {
	[ "${IPCBOX_IN_NS:-}" = 1 ] || return 0
	# A pseudo terminal for the zsh tests.  When tests/ns-run gave us a
	# private /dev (a tmpfs named ipcbox-dev), its bind-mounted /dev/ptmx
	# cannot allocate ptys: mount a private devpts instance instead.  Never
	# touch a /dev that is not the namespace's own.
	if [ "$(findmnt -n -o SOURCE /dev | tail -n 1)" = ipcbox-dev ] &&
		command -v zsh >/dev/null &&
		! zsh -fc 'zmodload zsh/zpty && zpty t true' 2>/dev/null; then
		{ umount /dev/ptmx && rm -f /dev/ptmx &&
			mount -t devpts -o newinstance,ptmxmode=0666,mode=620 ipcbox-pts /dev/pts &&
			ln -s pts/ptmx /dev/ptmx; } 2>/dev/null || true
	fi
}

setup() {
	require_ns
	clean_ipc
	started=()
	# shellcheck source=/dev/null
	source "$SRC/completions/bash/ipcbox"
}

teardown() {
	# The process of another IPC namespace (other_ns), by its pid only.
	stop_started
	[ "${IPCBOX_IN_NS:-}" != 1 ] || clean_ipc
}

# other_ns: start a process in an IPC namespace of its own, pid in $ns_pid,
# once it is there.
# With "shm", also a /dev/shm of its own (ipcbox refuses a target's POSIX
# shared memory in our own /dev/shm).
other_ns() {
	local self i
	self=$(stat -L -c %i /proc/self/ns/ipc)
	if [ "${1:-}" = shm ]; then
		unshare --ipc --mount --propagation private sh -c \
			'mount -t tmpfs -o mode=1777 c-shm /dev/shm && exec sleep 60' &
	else
		unshare --ipc sleep 60 &
	fi
	ns_pid=$!
	started+=("$ns_pid")
	for ((i = 0; i < 100; i++)); do
		[ "$(stat -L -c %i "/proc/$ns_pid/ns/ipc" 2>/dev/null)" = "$self" ] || return 0
		sleep 0.05
	done
	return 1
}

# Remove every object of the private namespace (never runs outside it).
clean_ipc() {
	require_ns
	"$BUILD/ipcrm" -a 2>/dev/null || /usr/bin/ipcrm -a 2>/dev/null || true
	find /dev/shm /dev/mqueue -mindepth 1 -delete
}

# mk ARGS...: our ipcmk; prints the id or name it reports.
mk() {
	local out
	out=$("$BUILD/ipcmk" "$@") || return 1
	printf '%s\n' "${out##*: }"
}

# mk_sysv: one object of each System V kind, with ids that differ between
# kinds (each kind numbers its objects on its own), in $s, $q and $m.
mk_sysv() {
	local old
	s=$(mk -M 4096)
	q=$(mk -Q)
	while [ "$q" = "$s" ]; do
		old=$q
		q=$(mk -Q)
		"$BUILD/ipcrm" -q "$old"
	done
	m=$(mk -S 2)
	while [ "$m" = "$s" ] || [ "$m" = "$q" ]; do
		old=$m
		m=$(mk -S 2)
		"$BUILD/ipcrm" -s "$old"
	done
}

# comp LINE: complete LINE (cursor at its end) the way bash splits it with the
# default COMP_WORDBREAKS ("=" is a word of its own); $reply gets COMPREPLY
# sorted, one candidate per line.
comp() {
	local line=$1 t fn
	local -a w=() cw=()
	read -ra w <<<"$line"
	[[ $line == *" " ]] && w+=("")
	for t in "${w[@]}"; do
		if [[ $t == --*=* ]]; then
			cw+=("${t%%=*}" "=")
			[[ -z ${t#*=} ]] || cw+=("${t#*=}")
		else
			cw+=("$t")
		fi
	done
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMP_WORDS=("${cw[@]}")
	COMP_CWORD=$((${#cw[@]} - 1))
	fn=$(complete -p "${cw[0]##*/}")
	fn=${fn#*-F }
	fn=${fn%% *}
	COMPREPLY=()
	"$fn" "${cw[0]}" "${cw[COMP_CWORD]}" "${cw[COMP_CWORD - 1]}"
	reply=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort)
}

# expect LINE CANDIDATE...: completing LINE gives exactly these candidates.
expect() {
	local line=$1
	shift
	local want
	want=$(printf '%s\n' "$@" | LC_ALL=C sort)
	comp "$line"
	if [ "$reply" != "$want" ]; then
		echo "completing: '$line'"
		echo "expected:"; printf '  [%s]\n' "$@"
		echo "got:"; printf '  [%s]\n' "${COMPREPLY[@]}"
		return 1
	fi
}

@test "bash: every command has a completion function" {
	for cmd in ipcs ipcmk ipcrm ipcbox; do
		run complete -p "$cmd"
		[ "$status" -eq 0 ]
		[ "$output" = "complete -F _ipcbox_complete_$cmd $cmd" ]
	done
}

@test "bash: the installed names all lead to the one file" {
	for cmd in ipcs ipcmk ipcrm; do
		[ "$(readlink "$SRC/completions/bash/$cmd")" = ipcbox ]
		[ "$(readlink "$SRC/completions/fish/$cmd.fish")" = ipcbox.fish ]
	done
}

@test "bash: options" {
	expect "ipcrm --s" --semaphore-id --semaphore-key --shmem-id --shmem-key
	expect "ipcrm --posix-" --posix-mqueue --posix-semaphore --posix-shmem
	expect "ipcs --h" --help --human
	expect "ipcs --s" --semaphores --shmems --sort --summary
	expect "ipcs --by" --by-creator --by-owner --bytes
	# --sort: the JSON member names, the last of a comma-separated list, "-" kept.
	expect "ipcs --sort cu" cuid cuser
	expect "ipcs --sort size,-ch" size,-change_time
	expect "ipcmk --posix-" --posix-mqueue --posix-semaphore --posix-shmem
	expect "ipcmk --m" --maxmsg --mode --msgsize
	expect "ipcbox -" -l --list -h --help -V --version
	expect "ipcbox --l" --list
}

@test "bash: no candidates where the tools take none" {
	mk -M 4096 >/dev/null
	expect "ipcs "
	expect "ipcs -m "
	expect "ipcmk -M "
	expect "ipcmk --name "
	expect "ipcmk -S "
	expect "ipcrm -m 0 "
	expect "ipcbox frob "
}

@test "bash: ipcrm completes the ids and keys that exist now" {
	local s1 s2 q1 m1 k s q m
	mk_sysv
	s1=$s q1=$q m1=$m
	s2=$(mk -M 8192)
	mapfile -t k < <("$BUILD/ipcs" -m | awk '$1 ~ /^0x/ { print $1 }')
	[ "${#k[@]}" -eq 2 ]
	expect "$BUILD/ipcrm -m " "$s1" "$s2"
	expect "$BUILD/ipcrm --shmem-id " "$s1" "$s2"
	expect "$BUILD/ipcrm -M " "${k[@]}"
	expect "$BUILD/ipcrm -v -q " "$q1"
	expect "$BUILD/ipcrm -s " "$m1"
	expect "$BUILD/ipcrm -Q " "$("$BUILD/ipcs" -q | awk '$1 ~ /^0x/ { print $1 }')"
	expect "$BUILD/ipcrm -S " "$("$BUILD/ipcs" -s | awk '$1 ~ /^0x/ { print $1 }')"
	expect "$BUILD/ipcrm --queue-key=" "$("$BUILD/ipcs" -q | awk '$1 ~ /^0x/ { print $1 }')"
	"$BUILD/ipcrm" -m "$s1"
	expect "$BUILD/ipcrm -m " "$s2"
}

@test "bash: ids are filtered by what is typed" {
	local ids=() i
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		ids+=("$(mk -Q)")
	done
	local want=()
	for i in "${ids[@]}"; do
		[[ $i == 1* ]] && want+=("$i")
	done
	[ "${#want[@]}" -ge 1 ]
	expect "$BUILD/ipcrm -q 1" "${want[@]}"
	expect "$BUILD/ipcrm -q 99999"
}

@test "bash: ipcrm --name=value forms" {
	local id
	id=$(mk -S 1)
	expect "$BUILD/ipcrm --semaphore-id=" "$id"
	expect "$BUILD/ipcrm --all=" every msg pmsg posix psem pshm sem shm sysv
	expect "$BUILD/ipcrm --all=p" pmsg posix psem pshm
	expect "$BUILD/ipcrm --all=sh" shm
	expect "$BUILD/ipcrm -ap" -apmsg -aposix -apsem -apshm
	# A comma list (issue 29 item 5): its last word.
	expect "$BUILD/ipcrm --all=shm,p" shm,pmsg shm,posix shm,psem shm,pshm
	expect "$BUILD/ipcrm -asysv,ps" -asysv,psem -asysv,pshm
}

@test "bash: without = in COMP_WORDBREAKS the whole word is completed" {
	local COMP_WORDBREAKS=$' \t\n"\'><;|&(:'
	local id
	id=$(mk -M 1)
	# bash then keeps --all=p as one word.
	COMP_WORDS=(ipcrm --all=p) COMP_CWORD=1 COMP_LINE="ipcrm --all=p" COMP_POINT=13
	COMPREPLY=()
	_ipcbox_complete_ipcrm
	[ "$(printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd' ')" = "--all=pmsg --all=posix --all=psem --all=pshm" ]
	COMP_WORDS=("$BUILD/ipcrm" --shmem-id=) COMP_CWORD=1
	COMPREPLY=()
	_ipcbox_complete_ipcrm
	[ "${COMPREPLY[*]}" = "--shmem-id=$id" ]
}

@test "bash: selection options complete users, ages and live keys" {
	local s q m
	mk_sysv
	expect "ipcrm --o" --older-than --orphaned --owner
	expect "ipcrm --d" --dry-run
	expect "ipcs --pr" --processes
	expect "ipcrm --owner roo" root
	expect "ipcrm --created-by=roo" root
	expect "ipcs --owner roo" root
	expect "ipcs --created-by roo" root
	# ipcs's --creator is -c: it takes no user.
	expect "ipcs --creator "
	expect "ipcrm --older-than 1" 1d 1h 12h
	expect "ipcs --older-than=" 1d 1h 12h 30d 7d
	expect "$BUILD/ipcrm --key " $("$BUILD/ipcs" | awk '$1 ~ /^0x/ && $1 !~ /^0x0+$/ { print $1 }' | sort -u)
	expect "$BUILD/ipcs --key=" $("$BUILD/ipcs" | awk '$1 ~ /^0x/ && $1 !~ /^0x0+$/ { print $1 }' | sort -u)
}

@test "bash: the historical ipcrm form" {
	local s q m q2
	mk_sysv
	q2=$(mk -Q)
	# The options too (issue 11): a newcomer pressing TAB sees -m, -M, ...
	expect "ipcrm " msg sem shm "${_ipcbox_ipcrm_opts[@]}"
	expect "ipcrm s" sem shm
	expect "$BUILD/ipcrm shm " "$s"
	expect "$BUILD/ipcrm msg " "$q" "$q2"
	expect "$BUILD/ipcrm msg $q " "$q" "$q2"
	expect "$BUILD/ipcrm sem " "$m"
}

@test "bash: POSIX names, each kind from its own place" {
	mk -m 4096 -n /seg >/dev/null
	mk -m 1 -n /.hidden >/dev/null
	mk -s -n /sema >/dev/null
	mk -q -n /queue >/dev/null
	# Not POSIX shared memory objects: a directory and a symbolic link.
	mkdir /dev/shm/adir
	ln -s seg /dev/shm/alink
	expect "$BUILD/ipcrm --posix-shmem " /.hidden /seg
	expect "$BUILD/ipcrm --posix-shmem /s" /seg
	expect "$BUILD/ipcrm --posix-semaphore " /sema
	expect "$BUILD/ipcrm --posix-mqueue " /queue
	expect "$BUILD/ipcrm --posix-mqueue=" /queue
	rmdir /dev/shm/adir
	rm /dev/shm/alink
}

@test "bash: POSIX names with spaces are quoted" {
	mk -m 1 -n "/two words" >/dev/null
	expect "$BUILD/ipcrm --posix-shmem " '/two\ words'
}

@test "bash: ipcs -i completes ids of the resource chosen on the line" {
	local s q m s2
	mk_sysv
	s2=$(mk -M 4096)
	expect "$BUILD/ipcs -q -i " "$q"
	expect "$BUILD/ipcs -s --id " "$m"
	expect "$BUILD/ipcs --semaphores -i " "$m"
	expect "$BUILD/ipcs -m --id=" "$s" "$s2"
	expect "$BUILD/ipcs -mi " "$s" "$s2"
	expect "$BUILD/ipcs -t -q -i " "$q"
	# No resource chosen yet: every id, once.
	expect "$BUILD/ipcs -i " $(printf '%s\n' "$s" "$s2" "$q" "$m" | sort -u)
}

@test "bash: ipcs --name completes names of the POSIX kind chosen" {
	mk -m 1 -n /seg >/dev/null
	mk -s -n /sema >/dev/null
	mk -q -n /queue >/dev/null
	expect "$BUILD/ipcs -S --name " /sema
	expect "$BUILD/ipcs --posix-mqueues --name " /queue
	expect "$BUILD/ipcs -M --name=" /seg
	expect "$BUILD/ipcs --name " /queue /sema /seg
}

@test "lsipc: -M, -Q, -S complete their own columns, -N the kind's names (bash, fish, zsh)" {
	mk -m 1 -n /seg >/dev/null
	mk -s -n /sema >/dev/null
	mk -q -n /queue --maxmsg 1 --msgsize 8 >/dev/null
	expect "lsipc -M -o " NAME OWNER PERMS UID USER GID GROUP MTIME HOLDERS SIZE
	expect "lsipc --posix-mqueues -o +M" +MTIME +MSGS +MAXMSGS +MSGSIZE
	expect "lsipc -S --output=NAME,V" NAME,VALUE
	expect "lsipc -SJ -o " NAME OWNER PERMS UID USER GID GROUP MTIME HOLDERS VALUE
	expect "lsipc -Q -N " /queue
	expect "lsipc -S --name " /sema
	expect "lsipc --posix-shmems --name=" /seg
	expect "lsipc -N " ""
	expect "lsipc --posix-s" --posix-semaphores --posix-shmems
	if command -v fish >/dev/null; then
		fexpect "lsipc -M -o " NAME OWNER PERMS UID USER GID GROUP MTIME HOLDERS SIZE
		fexpect "lsipc -Q -o NAME," NAME,NAME NAME,OWNER NAME,PERMS NAME,UID NAME,USER NAME,GID NAME,GROUP \
			NAME,MTIME NAME,HOLDERS NAME,USEDBYTES NAME,MSGS NAME,MAXMSGS NAME,MSGSIZE
		fexpect "lsipc -S -N " /sema
		# System V's too (a list with no comma yet gave nothing: fish's empty-list concatenation).
		fexpect "lsipc -s -o " KEY ID OWNER PERMS CUID CUSER CGID CGROUP UID USER GID GROUP CTIME NSEMS OTIME HOLDERS
		fexpect "lsipc -M --name " /seg
		fexpect "lsipc -m --sort SIZE,R" SIZE,RSS
	fi
	# --sort: the kind's columns, a minus sign kept (descending).
	expect "lsipc -q --sort -F" -FILL
	command -v zsh >/dev/null || skip "zsh not installed"
	zsh -fc 'zmodload zsh/zpty && zpty t true' 2>/dev/null || skip "no pseudo terminal for zsh"
	run zcomp "lsipc -S -o " "lsipc -Q -N " "lsipc -M --name "
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' GID GROUP HOLDERS MTIME NAME OWNER PERMS UID USER VALUE -- /queue -- /seg --)" ]
}

@test "bash: --namespace completes processes of other IPC namespaces, then their objects" {
	local key ours
	other_ns
	# Ours and the other namespace's: same kinds, other keys and names.
	mk -Q >/dev/null
	mk -q -n /ours >/dev/null
	"$BUILD/ipcmk" --namespace "$ns_pid" -Q >/dev/null
	"$BUILD/ipcmk" --namespace "$ns_pid" -q -n /theirs >/dev/null
	key=$("$BUILD/ipcs" --namespace "$ns_pid" -q | awk '$1 ~ /^0x/ { print $1 }')
	ours=$("$BUILD/ipcs" -q | awk '$1 ~ /^0x/ { print $1 }')
	[ -n "$key" ]
	[ "$key" != "$ours" ]
	# Candidates: the other namespace's process, never one of ours.
	local cmd
	for cmd in ipcs ipcmk ipcrm; do
		comp "$BUILD/$cmd --namespace "
		grep -qx -- "$ns_pid" <<<"$reply"
		if grep -qxE -- "$$|$BASHPID" <<<"$reply"; then
			echo "$cmd --namespace offers a process of our own namespace"
			return 1
		fi
		comp "$BUILD/$cmd --namespace=$ns_pid"
		grep -qx -- "$ns_pid" <<<"$reply"
	done
	# A word with a '/': file names.
	comp "$BUILD/ipcs --namespace /proc/$ns_pid/ns/ip"
	grep -qx -- "/proc/$ns_pid/ns/ipc" <<<"$reply"
	# Then live values come from that namespace.
	expect "$BUILD/ipcrm --namespace $ns_pid -Q " "$key"
	expect "$BUILD/ipcrm --namespace=$ns_pid --queue-key=" "$key"
	expect "$BUILD/ipcrm --namespace $ns_pid --posix-mqueue " /theirs
	expect "$BUILD/ipcs --namespace /proc/$ns_pid/ns/ipc -Q --name " /theirs
	expect "$BUILD/ipcrm -Q " "$ours"
	expect "$BUILD/ipcrm --posix-mqueue " /ours
	expect "ipcs --all-n" --all-namespaces
	expect "ipcmk --na" --name --namespace
}

@test "bash: ipcmk" {
	expect "ipcmk -p " 0600 0640 0644 0660 0666
	expect "ipcmk --mode 066" 0660 0666
	expect "ipcmk --mode=064" 0640 0644
}

@test "bash: ipcbox completes commands, then delegates with its own ipcs" {
	local s q m
	mk_sysv
	expect "ipcbox " ftok ipcmk ipcrm ipcs lsipc read receive sem send set write
	expect "ipcbox ipc" ipcmk ipcrm ipcs
	expect "ipcbox ftok -" -v --verbose -h --help -V --version
	expect "ipcs --mes" --messages
	expect "ipcbox ipcr" ipcrm
	expect "ipcbox ipcrm --q" --queue-id --queue-key
	expect "ipcbox ipcs --h" --help --human
	expect "$BUILD/ipcbox ipcrm -q " "$q"
	expect "$BUILD/ipcbox ipcs -q -i " "$q"
	expect "$BUILD/ipcbox ipcrm msg " "$q"
	expect "$BUILD/ipcbox ipcrm -m " "$s"
	expect "$BUILD/ipcbox ipcs -s -i " "$m"
}

@test "bash: live values come from the ipcs next to the command" {
	local s q m
	mk_sysv
	# A directory with only an ipcbox link: ipcrm there asks "ipcbox ipcs".
	mkdir "$BATS_TEST_TMPDIR/bin"
	ln -s "$BUILD/ipcbox" "$BATS_TEST_TMPDIR/bin/ipcbox"
	ln -s "$BUILD/ipcbox" "$BATS_TEST_TMPDIR/bin/ipcrm"
	expect "$BATS_TEST_TMPDIR/bin/ipcrm -q " "$q"
	# No ipcs there at all: nothing, quietly.
	expect "/nonexistent/ipcrm -q "
	# In PATH.
	PATH="$BUILD:$PATH" expect "ipcrm -q " "$q"
}

# fake_ipcs_first: a directory with an ipcs that lists made-up objects, put in
# PATH before the build folder, so that asking the wrong ipcs shows.
fake_ipcs_first() {
	mkdir -p "$BATS_TEST_TMPDIR/fake"
	cat >"$BATS_TEST_TMPDIR/fake/ipcs" <<-'EOF'
	#!/bin/sh
	printf '%s\n' '' '------ Fake --------' 'key        id' '0x0000beef 4242       root'
	EOF
	chmod +x "$BATS_TEST_TMPDIR/fake/ipcs"
	PATH="$BATS_TEST_TMPDIR/fake:$BUILD:$PATH"
}

@test "bash: a command found in PATH asks the ipcs beside it" {
	local s q m
	mk_sysv
	fake_ipcs_first
	expect "ipcrm -q " "$q"
	expect "ipcbox ipcrm -m " "$s"
	expect "ipcbox ipcs -s -i " "$m"
	# "ipcs" itself now runs the fake one, and so asks it.
	expect "ipcs -s -i " 4242
}

@test "bash: completing prints nothing, also without permission" {
	local q
	q=$(mk -Q -p 0600)
	local prog='source "$1"; eval "$4"; expect "$2/ipcrm -q " "$3"'
	local funcs
	funcs=$(declare -f comp expect)
	run --separate-stderr bash -c "$prog" _ "$SRC/completions/bash/ipcbox" "$BUILD" "$q" "$funcs"
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$stderr" = "" ]
	require_ids
	# nobody cannot read the queue, but /proc/sysvipc lists it.
	run --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups \
		bash -c "$prog" _ "$SRC/completions/bash/ipcbox" "$BUILD" "$q" "$funcs"
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$stderr" = "" ]
}

# fish ------------------------------------------------------------------

# fcomp LINE: fish's candidates for LINE (values only, sorted).
fcomp() {
	local p=$PATH
	[[ :$p: == *":$BUILD:"* ]] || p=$BUILD:$p
	PATH=$p fish --no-config -c \
		'set -p fish_complete_path $argv[1]; complete -C $argv[2]' \
		"$SRC/completions/fish" "$1" | cut -f1 | LC_ALL=C sort
}

# fexpect LINE CANDIDATE...
fexpect() {
	local line=$1 got want
	shift
	got=$(fcomp "$line")
	want=$(printf '%s\n' "$@" | LC_ALL=C sort)
	[ $# -gt 0 ] || want=""
	if [ "$got" != "$want" ]; then
		echo "fish completing: '$line'"; echo "expected: $*"; echo "got: $got" | paste -sd' '
		return 1
	fi
}

@test "fish: options and live values" {
	command -v fish >/dev/null || skip "fish not installed"
	local s q m k
	mk_sysv
	mk -m 1 -n /seg >/dev/null
	mk -s -n /sema >/dev/null
	mk -q -n /queue >/dev/null
	k=$("$BUILD/ipcs" -m | awk '$1 ~ /^0x/ { print $1 }')
	fexpect "ipcrm --s" --semaphore-id --semaphore-key --shmem-id --shmem-key
	fexpect "ipcrm -m " "$s"
	fexpect "ipcrm -M " "$k"
	fexpect "ipcrm --queue-id " "$q"
	fexpect "ipcrm -s " "$m"
	fexpect "ipcrm --posix-shmem " /seg
	fexpect "ipcrm --posix-semaphore " /sema
	fexpect "ipcrm --posix-mqueue " /queue
	fexpect "ipcrm --all=" --all=every --all=msg --all=pmsg --all=posix --all=psem --all=pshm --all=sem --all=shm --all=sysv
	fexpect "ipcrm msg " "$q"
	fexpect "ipcrm " msg sem shm -m -M -q -Q -s -S --posix-shmem --posix-mqueue --posix-semaphore \
		--all -v --dry-run --help
	fexpect "ipcs -q -i " "$q"
	fexpect "ipcs -S --name " /sema
	fexpect "ipcs --h" --help --human
	fexpect "ipcs --sort=cu" --sort=cuid --sort=cuser
	fexpect "ipcs --sort size,-ch" size,-change_time
	fexpect "ipcmk -p " 0600 0640 0644 0660 0666
	fexpect "ipcbox " ftok ipcmk ipcrm ipcs lsipc read receive sem send set write
	fexpect "ipcbox ipcrm -q " "$q"
	fexpect "ipcbox ipcs --se" --semaphores
	# A command found in PATH asks the ipcs beside it, not the first one.
	fake_ipcs_first
	fexpect "ipcrm -q " "$q"
	fexpect "ipcbox ipcs -s -i " "$m"
	fexpect "ipcs -s -i " 4242
}

@test "fish: --namespace completes processes of other IPC namespaces, then their objects" {
	command -v fish >/dev/null || skip "fish not installed"
	local key got
	other_ns
	mk -Q >/dev/null
	mk -q -n /ours >/dev/null
	"$BUILD/ipcmk" --namespace "$ns_pid" -Q >/dev/null
	"$BUILD/ipcmk" --namespace "$ns_pid" -q -n /theirs >/dev/null
	key=$("$BUILD/ipcs" --namespace "$ns_pid" -q | awk '$1 ~ /^0x/ { print $1 }')
	fexpect "ipcrm --namespace $ns_pid -Q " "$key"
	fexpect "ipcrm --namespace=$ns_pid --posix-mqueue " /theirs
	fexpect "ipcs --namespace /proc/$ns_pid/ns/ipc -Q --name " /theirs
	fexpect "ipcrm --posix-mqueue " /ours
	fexpect "ipcs --all-n" --all-namespaces
	got=$(fcomp "ipcs --namespace ")
	grep -qx -- "$ns_pid" <<<"$got"
	if grep -qxE -- "$$|$BASHPID" <<<"$got"; then
		echo "--namespace offers a process of our own namespace"
		return 1
	fi
	got=$(fcomp "ipcmk --namespace /proc/$ns_pid/ns/ip")
	grep -qx -- "/proc/$ns_pid/ns/ipc" <<<"$got"
}

# zsh -------------------------------------------------------------------

# zcomp LINE...: zsh's candidates for each LINE, typed into an interactive
# zsh on a pseudo terminal and completed with TAB; each ends with "--".
# compinit's dump ($ZDUMP) is one for the file's tests: the first scans
# fpath (a second of CPU), the others load it.
zcomp() {
	cat >"$BATS_TEST_TMPDIR/zcomp.zsh" <<'EOF'
zmodload zsh/zpty || exit 2
fdir=$1 out=$2; shift 2
zpty z zsh -f -i || exit 2
zpty -w z "PS1='' RPROMPT=''; fpath=($fdir \$fpath); autoload -Uz compinit; compinit -u -d $ZDUMP"
zpty -w z "zstyle ':completion:*' insert-tab false"
# Record every match offered (after matching against what is typed).
zpty -w z 'compadd() { if [[ ${(j: :)@} == *-[OAD]* ]]; then builtin compadd "$@"; return; fi; local -a __m; builtin compadd -O __m "$@"; print -rl -- $__m >>'"$out"'; builtin compadd "$@"; }'
# The typed text says __rea''dy__ (the echo); only the output says __ready__:
# one read up to the output, however the terminal chunks echo and output.
zpty -w z "print __rea''dy__"
zpty -r z line '*__ready__*'
i=0
for l in "$@"; do
	i=$((i + 1))
	: >$out
	zpty -w -n z "$l"$'\t'
	zpty -w -n z $'\C-a\C-k'
	zpty -w z "print __do''ne__$i"
	zpty -r z line "*__done__$i*"
	LC_ALL=C sort -u $out
	print -- --
done
zpty -d z
EOF
	local p=$PATH
	[[ :$p: == *":$BUILD:"* ]] || p=$BUILD:$p
	PATH=$p ZDUMP=$BATS_FILE_TMPDIR/zcompdump timeout 60 zsh -f "$BATS_TEST_TMPDIR/zcomp.zsh" \
		"$SRC/completions/zsh" "$BATS_TEST_TMPDIR/zmatches" "$@"
}

@test "zsh: options and live values" {
	command -v zsh >/dev/null || skip "zsh not installed"
	zsh -fc 'zmodload zsh/zpty && zpty t true' 2>/dev/null || skip "no pseudo terminal for zsh"
	local s q m k
	mk_sysv
	mk -m 1 -n /seg >/dev/null
	mk -s -n /sema >/dev/null
	mk -q -n /queue >/dev/null
	k=$("$BUILD/ipcs" -m | awk '$1 ~ /^0x/ { print $1 }')
	run zcomp "ipcrm --s" "ipcrm -m " "ipcrm -M " "ipcrm -q " "ipcrm -s " \
		"ipcrm --posix-shmem " "ipcrm --posix-semaphore=" "ipcrm --posix-mqueue " \
		"ipcrm --all=" "ipcrm msg " "ipcs -q -i " "ipcs -S --name " "ipcs --h" \
		"ipcmk -p " "ipcbox " "ipcbox ipcrm -q "
	[ "$status" -eq 0 ]
	local want
	want=$(printf '%s\n' \
		--semaphore-id --semaphore-key --shmem-id --shmem-key -- \
		"$s" -- "$k" -- "$q" -- "$m" -- \
		/seg -- /sema -- /queue -- \
		every msg pmsg posix psem pshm sem shm sysv -- "$q" -- "$q" -- /sema -- --help --human -- \
		0600 0640 0644 0660 0666 -- ftok ipcmk ipcrm ipcs lsipc read receive sem send set write -- "$q" --)
	if [ "$output" != "$want" ]; then
		diff <(echo "$want") <(echo "$output")
		return 1
	fi
	run zcomp "ipcs --sort=size,-ch" "ipcs --sort=cu"
	[ "$status" -eq 0 ]
	[ "$output" = $'-change_time\n--\ncuid\ncuser\n--' ]
	# The historical words come first or not at all (issue 11).
	run zcomp "ipcrm -v " "ipcrm s"
	[ "$status" -eq 0 ]
	local first=${output%%$'\n--'*} second=${output#*$'--\n'}
	[[ "$first" != *shm* && "$first" != *msg* ]]
	[[ "$second" == *shm* ]]
	fake_ipcs_first
	run zcomp "ipcrm -s " "ipcbox ipcs -q -i " "ipcs -m -i "
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' "$m" -- "$q" -- 4242 --)" ]
}

@test "zsh: --namespace completes processes of other IPC namespaces, then their objects" {
	command -v zsh >/dev/null || skip "zsh not installed"
	zsh -fc 'zmodload zsh/zpty && zpty t true' 2>/dev/null || skip "no pseudo terminal for zsh"
	local key
	other_ns
	mk -Q >/dev/null
	mk -q -n /ours >/dev/null
	"$BUILD/ipcmk" --namespace "$ns_pid" -Q >/dev/null
	"$BUILD/ipcmk" --namespace "$ns_pid" -q -n /theirs >/dev/null
	key=$("$BUILD/ipcs" --namespace "$ns_pid" -q | awk '$1 ~ /^0x/ { print $1 }')
	run zcomp "ipcrm --namespace $ns_pid -Q " "ipcrm --namespace=$ns_pid --posix-mqueue " \
		"ipcs --namespace /proc/$ns_pid/ns/ipc -Q --name " "ipcs --all-n"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' "$key" -- /theirs -- /theirs -- --all-namespaces --)" ]
	run zcomp "ipcs --namespace "
	[ "$status" -eq 0 ]
	grep -qx -- "$ns_pid" <<<"$output"
	if grep -qxE -- "$$|$BASHPID" <<<"$output"; then
		echo "--namespace offers a process of our own namespace"
		return 1
	fi
}

# Hostile POSIX names -----------------------------------------------------
#
# Any local user may create files of any name in /dev/shm and /dev/mqueue;
# root then completes them.  The names below are planted by uid 65534 where
# setpriv can switch to it (else by root: the completions do not look at
# owners).  Each safe object must give exactly one candidate, quoted where
# the shell needs it; names with newlines, tabs, controls, C1 controls or
# bytes that are not UTF-8 are left out.

# as_nobody CMD...: run CMD as uid 65534 when possible, else as ourselves.
as_nobody() {
	if command -v setpriv >/dev/null &&
		setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}

# plant DIR NAME...: create each file DIR/NAME (an object of the kind DIR holds).
plant() {
	local dir=$1 n
	shift
	for n in "$@"; do
		as_nobody touch -- "$dir/$n"
		[ -f "$dir/$n" ]
	done
}

# Names that can be offered (quoted) and names that must be left out.
HOSTILE_SAFE_SHM=('x;touch PWNED;id>OUT' 'b`touch PWNED`' 'd$(touch PWNED)' 'two words' 'ok')
HOSTILE_UNSAFE=($'nl\n--all=pshm' $'nl2\n-a' $'tab\t--all=pshm' $'\e]0;PWNTITLE\a' $'\e[2J' \
	$'c1\xc2\x9b2J' $'bad\xffutf8' $'del\x7f')

plant_hostile() {
	plant /dev/shm "${HOSTILE_SAFE_SHM[@]}" "${HOSTILE_UNSAFE[@]}"
	plant /dev/shm 'sem.s$(touch PWNED)' 'sem.ok' $'sem.\nnl' $'sem.\e[2J'
	plant /dev/mqueue 'q;touch PWNED' 'ok' $'q\n--all=pshm' $'q\tx' $'\e]0;PWNTITLE\a' $'c1\xc2\x9b'
}

# quoted NAME...: each /NAME as bash's completion inserts it.
quoted() {
	local n q
	for n in "$@"; do
		printf -v q '%q' "/$n"
		printf '%s\n' "$q"
	done
}

@test "bash: hostile POSIX names give one quoted candidate each, unsafe ones none" {
	plant_hostile
	local -a want
	mapfile -t want < <(quoted "${HOSTILE_SAFE_SHM[@]}")
	expect "$BUILD/ipcrm --posix-shmem " "${want[@]}"
	expect "$BUILD/ipcrm --posix-shmem=" "${want[@]}"
	# /ok is a shared memory object, a semaphore and a queue: offered once.
	expect "$BUILD/ipcs --name " "${want[@]}" "$(quoted 's$(touch PWNED)')" \
		"$(quoted 'q;touch PWNED')"
	expect "$BUILD/ipcrm --posix-semaphore " "$(quoted 's$(touch PWNED)')" /ok
	expect "$BUILD/ipcrm --posix-mqueue " "$(quoted 'q;touch PWNED')" /ok
	# Nothing that looks like an option, no control byte, no split name.
	comp "$BUILD/ipcrm --posix-shmem "
	local c
	for c in "${COMPREPLY[@]}"; do
		[[ $c == /* || $c == \\* || $c == \'* || $c == \$\'* ]]
		[[ $c != *$'\n'* && $c != *$'\t'* && $c != *$'\e'* && $c != *$'\x9b'* ]]
	done
	[ ! -e PWNED ]
}

@test "fish: hostile POSIX names give one candidate each, unsafe ones none" {
	command -v fish >/dev/null || skip "fish not installed"
	plant_hostile
	local n
	local -a want=()
	for n in "${HOSTILE_SAFE_SHM[@]}"; do
		want+=("/$n")
	done
	fexpect "ipcrm --posix-shmem " "${want[@]}"
	fexpect "ipcrm --posix-semaphore " '/s$(touch PWNED)' /ok
	fexpect "ipcrm --posix-mqueue " '/q;touch PWNED' /ok
	fexpect "ipcs --name " "${want[@]}" '/s$(touch PWNED)' '/q;touch PWNED'
	# No raw ESC or C1 byte anywhere in what fish prints (descriptions too).
	local raw
	raw=$(PATH=$BUILD:$PATH fish --no-config -c \
		'set -p fish_complete_path $argv[1]; complete -C $argv[2]' \
		"$SRC/completions/fish" "ipcrm --posix-shmem " | od -An -c)
	[[ $raw != *033* && $raw != *302\ \ 233* ]]
}

# zhostile LINE: in an interactive zsh on a pseudo terminal (UTF-8 locale,
# run in $BATS_TEST_TMPDIR/cwd), type LINE, TAB, TAB and Enter.  Everything
# zsh wrote to the terminal goes to $BATS_TEST_TMPDIR/screen.
zhostile() {
	cat >"$BATS_TEST_TMPDIR/zhostile.zsh" <<'EOF'
zmodload zsh/zpty || exit 2
fdir=$1 screen=$2 line=$3
zpty z zsh -f -i || exit 2
zpty -w z "PS1='%% ' RPROMPT=''; fpath=($fdir \$fpath); autoload -Uz compinit; compinit -u -d $ZDUMP"
zpty -w z "print __rea''dy__"
zpty -r z out '*__ready__*'
zpty -w -n z "$line"$'\t'
sleep 0.5
zpty -w -n z $'\t'
sleep 0.5
zpty -w -n z $'\r'
# The typed text says __do''ne__; only the output says __done__.
zpty -w z "print __do''ne__"
zpty -r z out '*__done__*'
print -rn -- "$out" >$screen
zpty -d z
EOF
	mkdir -p "$BATS_TEST_TMPDIR/cwd"
	local loc=C.UTF-8
	locale -a 2>/dev/null | grep -qix 'c.utf-\?8' || loc=C
	(cd "$BATS_TEST_TMPDIR/cwd" && PATH=$BUILD:$PATH LC_ALL=$loc ZDUMP=$BATS_FILE_TMPDIR/zcompdump timeout 60 \
		zsh -f "$BATS_TEST_TMPDIR/zhostile.zsh" "$SRC/completions/zsh" \
		"$BATS_TEST_TMPDIR/screen" "$1")
}

# zsh_clean: nothing ran, and no planted escape sequence or C1 control
# reached the terminal raw.
zsh_clean() {
	local f
	for f in PWNED OUT; do
		if [ -e "$BATS_TEST_TMPDIR/cwd/$f" ]; then
			echo "a planted command ran: $f exists"
			return 1
		fi
	done
	if LC_ALL=C grep -qaF -e $'\e]0;' -e $'\e[2J' -e $'\xc2\x9b' "$BATS_TEST_TMPDIR/screen"; then
		echo "a planted escape sequence reached the terminal:"
		od -c "$BATS_TEST_TMPDIR/screen" | tail -n 20
		return 1
	fi
}

# zsh_not_listed: the names with controls were not offered at all.
zsh_not_listed() {
	if LC_ALL=C grep -qaF -e PWNTITLE -e 'all=pshm' "$BATS_TEST_TMPDIR/screen"; then
		echo "a name with controls was listed:"
		LC_ALL=C grep -aF -e PWNTITLE -e 'all=pshm' "$BATS_TEST_TMPDIR/screen" | cat -v
		return 1
	fi
}

require_zpty() {
	command -v zsh >/dev/null || skip "zsh not installed"
	zsh -fc 'zmodload zsh/zpty && zpty t true' 2>/dev/null || skip "no pseudo terminal for zsh"
}

@test "zsh: hostile POSIX names are inserted quoted and run nothing" {
	require_zpty
	local n
	# Each name alone, so that TAB inserts it; Enter then removes it.
	for n in 'x;touch PWNED;id>OUT' 'b`touch PWNED`' 'd$(touch PWNED)'; do
		plant /dev/shm "$n"
		zhostile "ipcrm --posix-shmem "
		zsh_clean
		[ ! -e "/dev/shm/$n" ]
	done
	plant /dev/shm 'sem.s$(touch PWNED)'
	zhostile "ipcrm --posix-semaphore "
	zsh_clean
	[ ! -e '/dev/shm/sem.s$(touch PWNED)' ]
	plant /dev/mqueue 'q;touch PWNED;id>OUT'
	zhostile "ipcrm --posix-mqueue "
	zsh_clean
	[ ! -e '/dev/mqueue/q;touch PWNED;id>OUT' ]
}

@test "zsh: names with controls are neither listed nor inserted" {
	require_zpty
	local n
	plant /dev/shm ok "${HOSTILE_UNSAFE[@]}"
	zhostile "ipcrm --posix-shmem "
	zsh_clean
	# Not even listed in an escaped form (zsh shows controls as ^[ itself).
	zsh_not_listed
	# The one safe name was the only candidate: inserted and removed.
	[ ! -e /dev/shm/ok ]
	for n in "${HOSTILE_UNSAFE[@]}"; do
		[ -e "/dev/shm/$n" ]
	done
	plant /dev/mqueue ok $'\e]0;PWNTITLE\a' $'c1\xc2\x9b' $'q\n--all=pshm'
	zhostile "ipcrm --posix-mqueue "
	zsh_clean
	zsh_not_listed
	[ ! -e /dev/mqueue/ok ]
}

@test "bash, zsh, fish: names ending in newline, tab or ESC offer nothing, here or through --namespace" {
	# Issue 24.5: fish decoded "/db-main\x0a" from the other namespace's
	# listing with a command substitution, which dropped the newline and
	# offered "/db-main".  Every path that lists names, in all three shells;
	# the one safe name is /ok, so a forged "/db-main" is seen.
	local s lines=() ns
	other_ns shm
	for s in $'\n' $'\t' $'\e'; do
		plant /dev/shm "db-main$s" "sem.db-main$s"
		plant /dev/mqueue "db-main$s"
		"$BUILD/ipcmk" --namespace "$ns_pid" -m 1 -q -s -n "/db-main$s" >/dev/null
	done
	plant /dev/shm ok sem.ok
	plant /dev/mqueue ok
	"$BUILD/ipcmk" --namespace "$ns_pid" -m 1 -q -s -n /ok >/dev/null
	# The other namespace's listings hold the hostile names.
	local k
	for k in -M -S -Q; do
		[ "$("$BUILD/ipcs" --namespace "$ns_pid" $k | grep -c '^/db-main')" = 3 ]
	done
	for ns in "" "--namespace $ns_pid "; do
		lines+=("ipcrm ${ns}--posix-shmem " "ipcrm ${ns}--posix-semaphore " "ipcrm ${ns}--posix-mqueue "
			"ipcs ${ns}--name " "ipcs ${ns}-M --name " "ipcs ${ns}-S --name " "ipcs ${ns}-Q --name ")
	done
	local line want=() zwant
	for line in "${lines[@]}"; do
		expect "$BUILD/$line" /ok || return 1
		want+=(/ok --)
	done
	if command -v fish >/dev/null; then
		for line in "${lines[@]}"; do
			fexpect "$line" /ok || return 1
		done
	else
		echo "# fish not installed: its part skipped" >&3
	fi
	if command -v zsh >/dev/null && zsh -fc 'zmodload zsh/zpty && zpty t true' 2>/dev/null; then
		run zcomp "${lines[@]}"
		[ "$status" -eq 0 ]
		zwant=$(printf '%s\n' "${want[@]}")
		[ "$output" = "$zwant" ] || { diff <(echo "$zwant") <(echo "$output"); return 1; }
	else
		echo "# zsh or its pseudo terminal missing: its part skipped" >&3
	fi
}

#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# The container label of --all-namespaces headers (issue 24.2) comes from
# /proc/PID/cgroup, whose names any user with a delegated subtree chooses:
# only the exact shapes container managers make give a label, taken from
# the last path component; anything else gives none.  The parser itself is
# checked by the fuzz target cgroup-label (tests/fuzz/corpus/cgroup-label).

load helpers

HEX=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef

setup() {
	require_ns
	started=() made=()
	CG=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts)
}

teardown() {
	local p d
	for p in "${started[@]}"; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	# Deepest first; a cgroup goes once its processes have.
	for ((d = ${#made[@]} - 1; d >= 0; d--)); do
		rmdir "${made[d]}" 2>/dev/null || true
	done
}

# in_cgroup NAME: a process in its own IPC namespace in cgroup $CG/ipcbox-labels.$$/NAME
# (NAME may have several components); its pid in $cpid.
in_cgroup() {
	local base=$CG/ipcbox-labels.$$ part path
	[ -d "$base" ] || { mkdir "$base" && made+=("$base"); }
	path=$base
	local -a parts
	IFS=/ read -r -a parts <<<"$1"
	for part in "${parts[@]}"; do
		path=$path/$part
		[ -d "$path" ] || { mkdir "$path" && made+=("$path"); }
	done
	unshare --ipc sleep 600 &
	cpid=$!
	started+=("$cpid")
	echo "$cpid" >"$path/cgroup.procs"
}

# The header line of $cpid's namespace in `ipcs --all-namespaces -m`.
header_of() {
	"$BUILD/ipcs" --all-namespaces -m | grep -a -F -e ": pid $cpid (sleep)"
}

@test "--all-namespaces: cgroup names that forge or hide a label give none, real ids give theirs (issue 24.2)" {
	[ -n "$CG" ] && [ -w "$CG" ] || skip "no writable cgroup2 mount here"
	mkdir "$CG/ipcbox-labels.probe.$$" 2>/dev/null || skip "cannot create cgroups under $CG"
	rmdir "$CG/ipcbox-labels.probe.$$"
	local name line ns
	for name in $'docker-\e[2J\e[H\rFAKE.scope' \
		$'kubepods-pod\e]0;x\a-1111-2222-3333-444455556666.slice' \
		"docker-$HEX.scope/evil" \
		"docker-${HEX^^}.scope" \
		"x-docker-$HEX.scope-x"; do
		in_cgroup "$name"
		line=$(header_of)
		ns=$(readlink "/proc/$cpid/ns/ipc" | tr -dc 0-9)
		[ "$line" = "====== IPC namespace $ns: pid $cpid (sleep) ======" ] || {
			printf '# %q: ' "$name" >&2
			printf '%s\n' "$line" | cat -A >&2
			false
		}
	done
	in_cgroup "system.slice/docker-$HEX.scope"
	[ "$(header_of)" = "====== IPC namespace $(readlink "/proc/$cpid/ns/ipc" | tr -dc 0-9): pid $cpid (sleep), docker 0123456789ab ======" ]
	in_cgroup "kubepods.slice/kubepods-besteffort-pod0a1b2c3d_0000_1111_2222_333344445555.slice"
	[[ "$(header_of)" == *", kubernetes pod 0a1b2c3d-0000-1111-2222-333344445555 ======" ]]
	"$BUILD/ipcs" --all-namespaces -m -J | jq -e --argjson p "$cpid" \
		'.namespaces[] | select(.pid == $p) | .container == "kubernetes pod 0a1b2c3d-0000-1111-2222-333344445555"' >/dev/null
}

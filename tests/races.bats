#!/usr/bin/env bats
# shellcheck disable=SC2154,SC2034,SC2016 # capture sets *_out/_err/_rc; rows are eval'ed; awk and perl programs
# Races: ipcs and ipcrm -a while other processes create and remove objects as
# fast as they can.  Each test runs for a bounded time (RACE_SECONDS, 10 s
# by default) and prints its iteration counts as TAP comments.
#
# ipcs must never crash, every line it prints must be well-formed (section
# titles, headers, rows with the right columns and field syntax), and it
# exits 0 - except "ipcs -i" of an id that vanished: exit 1, "id N not found".
# ipcrm -a may only complain about objects that vanished under it
# ("already removed"), and when the creators stop nothing is left behind.

load helpers

RACE_SECONDS=${RACE_SECONDS:-10}
CHURN_PIDS=()

setup() {
	require_ns
	reset_ipc
	perl -MIPC::SysV -e 1 2>/dev/null || skip "perl with IPC::SysV (Debian: perl) is needed for the churn processes"
}

teardown() {
	stop_churn
	reset_ipc
}

# churn SECONDS [HOLD]: create and remove System V objects (every kind,
# several at a time, with messages in the queues) for SECONDS, keeping each
# batch for HOLD seconds (default 0); prints its round count.
churn() {
	perl -e '
		use IPC::SysV qw(IPC_PRIVATE IPC_CREAT IPC_RMID IPC_NOWAIT);
		my $end = time + $ARGV[0]; my $hold = $ARGV[1] || 0; my $rounds = 0;
		while (time < $end) {
			my @objs;
			for (1 .. 8) {
				my $shm = shmget(IPC_PRIVATE, 4096 * (1 + $rounds % 3), IPC_CREAT | 0640);
				my $msg = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
				msgsnd($msg, pack("l! a*", 1, "x" x 10), IPC_NOWAIT) if defined $msg;
				my $sem = semget(IPC_PRIVATE, 1 + $rounds % 5, IPC_CREAT | 0666);
				push @objs, [$shm, $msg, $sem];
			}
			select(undef, undef, undef, $hold) if $hold;
			for my $o (@objs) {
				shmctl($o->[0], IPC_RMID, 0) if defined $o->[0];
				msgctl($o->[1], IPC_RMID, 0) if defined $o->[1];
				semctl($o->[2], 0, IPC_RMID, 0) if defined $o->[2];
			}
			$rounds++;
		}
		print "$rounds\n";
	' "$1" "${2:-0}"
}

# posix_churn SECONDS TAG: create and remove POSIX shared memory, semaphore
# and queue files; as its own user without RLIMIT_MSGQUEUE (see create_only).
posix_churn() {
	local as=()
	setpriv --reuid=4243 --regid=4243 --clear-groups true 2>/dev/null &&
		as=(setpriv --reuid=4243 --regid=4243 --clear-groups)
	ulimit -q unlimited 2>/dev/null || true
	"${as[@]}" perl -e '
		my ($secs, $tag) = @ARGV; my $end = time + $secs; my $n = 0;
		while (time < $end) {
			my @f;
			for my $i (1 .. 8) {
				for my $f ("/dev/shm/$tag$i", "/dev/shm/sem.$tag$i", "/dev/mqueue/$tag$i") {
					if (open(my $fh, ">", $f)) { print $fh "x" x $i if $f !~ /mqueue/; close($fh); push @f, $f; }
				}
			}
			unlink @f;
			$n++;
		}
		print "$n\n";
	' "$1" "$2"
}

# big_sets SECONDS: semaphore sets of 250 semaphores, each removed about
# 2 ms after it was made: "ipcs -s -i" reads 1000 values per set and often
# loses the set in the middle.
big_sets() {
	perl -e '
		use IPC::SysV qw(IPC_PRIVATE IPC_CREAT IPC_RMID);
		my $end = time + $ARGV[0]; my $n = 0;
		while (time < $end) {
			my $s = semget(IPC_PRIVATE, 250, IPC_CREAT | 0600);
			select(undef, undef, undef, 0.002);
			semctl($s, 0, IPC_RMID, 0) if defined $s;
			$n++;
		}
		print "$n\n";
	' "$1"
}

# create_only SECONDS TAG: create System V and POSIX objects for SECONDS,
# never removing any (ipcrm -a does that); prints how many it made.
# It runs as its own user with no RLIMIT_MSGQUEUE: that limit counts per uid
# across namespaces, and root's queues here would starve other test runs.
create_only() {
	local as=()
	setpriv --reuid=4243 --regid=4243 --clear-groups true 2>/dev/null &&
		as=(setpriv --reuid=4243 --regid=4243 --clear-groups)
	ulimit -q unlimited 2>/dev/null || true
	"${as[@]}" perl -e '
		use IPC::SysV qw(IPC_PRIVATE IPC_CREAT);
		my ($secs, $tag) = @ARGV; my $end = time + $secs; my $n = 0;
		while (time < $end) {
			shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
			msgget(IPC_PRIVATE, IPC_CREAT | 0600);
			semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
			# POSIX objects are files: shared memory and semaphores in
			# /dev/shm, queues are created by open() on the mqueue fs.
			for my $f ("/dev/shm/$tag$n", "/dev/shm/sem.$tag$n", "/dev/mqueue/$tag$n") {
				open(my $fh, ">", $f) and close($fh);
			}
			$n++;
			# about 1000 rounds a second: a steady race, not a backlog
			select(undef, undef, undef, 0.001);
		}
		print "$n\n";
	' "$1" "$2"
}

start() {
	"$@" >"$BATS_TEST_TMPDIR/churn.${#CHURN_PIDS[@]}" &
	CHURN_PIDS+=($!)
}

stop_churn() {
	local pid
	for pid in "${CHURN_PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	CHURN_PIDS=()
}

churn_total() {
	cat "$BATS_TEST_TMPDIR"/churn.* 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'
}

# The syntax of every line ipcs prints, per output mode (awk, no {n}).
VALIDATE='
BEGIN {
	H = "[0-9a-f]"; KEY = "0x" H H H H H H H H; N = "[0-9]+"; ID = N; OWN = "[^ ]+"; PERM = "[0-7]+"
	D = "[0-9]"; CLOCK = D D ":" D D ":" D D
	TS = "(Not set|[A-Z][a-z][a-z] [ 0-9][0-9] " CLOCK ")"
	TL = "(Not set|[A-Z][a-z][a-z] [A-Z][a-z][a-z] [ 0-9][0-9] " CLOCK " " D D D D ")"
	HS = "[0-9]+(\\.[0-9])?[BKMGTPEZY]"
	SZ = (mode == "human") ? HS : N
	S = " +"
	row["list", "msg"] = "^" KEY S ID S OWN S PERM S SZ S N " *$"
	row["list", "shm"] = "^" KEY S ID S OWN S PERM S SZ S N "( +(dest|locked))* *$"
	row["list", "sem"] = "^" KEY S ID S OWN S PERM S N " *$"
	row["time", "msg"] = "^" ID S OWN S TS S TS S TS " *$"
	row["time", "shm"] = row["time", "msg"]
	row["time", "sem"] = "^" ID S OWN S TL S TL " *$"
	row["pid", "msg"] = "^" ID S OWN S N S N " *$"
	row["pid", "shm"] = row["pid", "msg"]
	row["creator", "msg"] = "^" ID S PERM S OWN S OWN S OWN S OWN " *$"
	row["creator", "shm"] = row["creator", "msg"]
	row["creator", "sem"] = row["creator", "msg"]
	# POSIX: escaped names, no blanks in them
	NAME = "/[^ ]+"
	TM = "[A-Z][a-z][a-z] [ 0-9][0-9] " CLOCK
	# "-": a value that could not be read (unreadable, or gone meanwhile)
	row["list", "pmsg"] = "^" NAME S OWN S PERM S "(" SZ "|-)" S "(" N "|-) *$"
	row["list", "pshm"] = "^" NAME S OWN S PERM S SZ S TM " *$"
	row["list", "psem"] = "^" NAME S OWN S PERM S "[^ ]+ *$"
	row["time", "pmsg"] = "^" NAME S OWN S TL " *$"
	row["time", "pshm"] = row["time", "pmsg"]
	row["time", "psem"] = row["time", "pmsg"]
	row["creator", "pmsg"] = "^" NAME S PERM S OWN S OWN " *$"
	row["creator", "pshm"] = row["creator", "pmsg"]
	row["creator", "psem"] = row["creator", "pmsg"]
	rmode = (mode == "human") ? "list" : mode
	bad = 0; rows = 0; kind = ""
}
function fail(why) { print "malformed (" why ") in ipcs " mode " line " NR ": [" $0 "]" > "/dev/stderr"; bad = 1 }
/^$/ { kind = ""; header = 0; next }
/^------ .* --------$/ {
	if (kind != "") fail("title inside a section")
	kind = ($0 ~ /Message/) ? "msg" : ($0 ~ /Shared Memory/) ? "shm" : ($0 ~ /Semaphore/) ? "sem" : ""
	if ($0 ~ /POSIX/ && kind != "") kind = "p" kind
	if (kind == "") fail("unknown title")
	header = (mode != "limits" && mode != "summary")
	next
}
kind == "" { fail("text outside a section"); next }
header {
	header = 0
	if ($0 !~ /^(key|msqid|shmid|semid|name) /) fail("header")
	next
}
mode == "limits" || mode == "summary" {
	if ($0 !~ /^[a-zA-Z][a-zA-Z ()]* = [0-9]+( bytes)?$/ &&
	    $0 !~ /^(segments allocated|pages allocated|pages resident|pages swapped) +[0-9]+$/ &&
	    $0 !~ /^Swap performance: [0-9]+ attempts\t [0-9]+ successes$/)
		fail("limit/summary line")
	next
}
{
	rows++
	if (!((rmode, kind) in row)) fail("no rows expected here")
	else if ($0 !~ row[rmode, kind]) fail(rmode "/" kind " row")
}
END { print rows > "/dev/fd/3"; exit bad }
'

# check_ipcs MODE ARGS...: run ipcs, validate; returns 1 with a report if not.
check_ipcs() {
	local mode=$1 rows; shift
	capture got "$BUILD/ipcs" "$@"
	if [ "$got_rc" != 0 ] || [ "$got_err" != x ]; then
		echo "# ipcs $*: status $got_rc, stderr: ${got_err%x}" >&2
		return 1
	fi
	if [ "$mode" = json ]; then
		printf '%s' "${got_out%x}" | jq -e 'type == "object"' >/dev/null && return 0
		echo "# ipcs $*: invalid JSON: ${got_out:0:200}" >&2
		return 1
	fi
	rows=$(printf '%s' "${got_out%x}" | awk -v mode="$mode" "$VALIDATE" 3>&1) || {
		echo "# ipcs $* printed malformed output" >&2
		return 1
	}
	ROWS=$((ROWS + rows))
}

@test "every ipcs mode while objects are created and removed: well-formed, exit 0" {
	local modes=(
		"list" "list -m" "list -q" "list -s" "list -b" "human --human" "list --numeric"
		"time -t" "pid -p" "creator -c" "limits -l" "summary -u" "creator -c --numeric"
		"time -t -m -q -s" "pid -p -q" "human --human -m"
	)
	modes+=(
		"list -M" "list -Q" "list -S" "list --posix" "list -a --posix" "human --human --posix"
		"time -t --posix" "creator -c --posix" "summary -u --posix" "limits -l --posix" "list --numeric -M -S"
	)
	command -v jq >/dev/null && modes+=("json -J" "json --json -m" "json -J --posix")
	start churn "$RACE_SECONDS"
	start churn "$RACE_SECONDS"
	start posix_churn "$RACE_SECONDS" c
	local end=$((EPOCHSECONDS + RACE_SECONDS)) iter=0 bad=0 m
	ROWS=0
	while [ "$EPOCHSECONDS" -lt "$end" ]; do
		for m in "${modes[@]}"; do
			# shellcheck disable=SC2086 # a mode name, then the options
			check_ipcs $m || bad=$((bad + 1))
			iter=$((iter + 1))
		done
		[ "$bad" -lt 10 ] || break
	done
	stop_churn
	echo "# ipcs runs: $iter, rows checked: $ROWS, failures: $bad, churn rounds: $(churn_total) (x8 objects of each kind)" >&3
	[ "$iter" -gt 0 ]
	[ "$bad" -eq 0 ]
}

# check_details KIND ID: "ipcs -KIND -i ID" either describes ID or says it is gone.
check_details() {
	local kind=$1 id=$2 title opt
	case $kind in
	shm) opt=-m title="Shared memory Segment shmid=$id" ;;
	msg) opt=-q title="Message Queue msqid=$id" ;;
	sem) opt=-s title="Semaphore Array semid=$id" ;;
	esac
	capture got "$BUILD/ipcs" "$opt" -i "$id"
	if [ "$got_rc" = 1 ] && [ "$got_err" = "ipcs: id $id not found"$'\n'x ] && [ "$got_out" = x ]; then
		GONE=$((GONE + 1))
		return 0
	fi
	if [ "$got_rc" = 0 ] && [ "$got_err" = x ] && [[ "$got_out" == $'\n'"$title"$'\n'* ]]; then
		if [ "$kind" = sem ]; then
			# as many value rows as the set has semaphores
			local nsems values
			nsems=$(printf '%s' "$got_out" | sed -n 's/^nsems = \([0-9]*\).*/\1/p')
			values=$(printf '%s' "$got_out" | sed -n '/^semnum /,$p' | grep -c '^[0-9]' || true)
			if [ -z "$nsems" ] || [ "$nsems" != "$values" ]; then
				echo "# ipcs -s -i $id: nsems '$nsems' but $values value rows" >&2
				return 1
			fi
		fi
		FOUND=$((FOUND + 1))
		return 0
	fi
	echo "# ipcs $opt -i $id: status $got_rc, stderr: ${got_err%x}, stdout: $(printf '%s' "${got_out%x}" | head -3 | tr '\n' '|')" >&2
	return 1
}

# check_name OPT NAME: "ipcs OPT --name NAME" either describes it or says it is gone.
check_name() {
	local opt=$1 name=$2 title
	case $opt in
	-M) title="POSIX Shared Memory name=$name" ;;
	-Q) title="POSIX Message Queue name=$name" ;;
	-S) title="POSIX Semaphore name=$name" ;;
	esac
	capture got "$BUILD/ipcs" "$opt" --name "$name"
	if [ "$got_rc" = 1 ] && [ "$got_err" = "ipcs: name $name not found"$'\n'x ] && [ "$got_out" = x ]; then
		GONE=$((GONE + 1))
		return 0
	fi
	if [ "$got_rc" = 0 ] && [ "$got_err" = x ] && [[ "$got_out" == $'\n'"$title"$'\n'* ]]; then
		FOUND=$((FOUND + 1))
		return 0
	fi
	echo "# ipcs $opt --name $name: status $got_rc, stderr: ${got_err%x}, stdout: $(printf '%s' "${got_out%x}" | head -3 | tr '\n' '|')" >&2
	return 1
}

@test "ipcs -i and --name on objects being removed: details or 'not found' (exit 1), nothing else" {
	start churn "$RACE_SECONDS"
	start churn "$RACE_SECONDS" 0.3
	start posix_churn "$RACE_SECONDS" d
	local end=$((EPOCHSECONDS + RACE_SECONDS)) iter=0 bad=0 kind id n
	FOUND=0 GONE=0
	while [ "$EPOCHSECONDS" -lt "$end" ]; do
		for kind in shm msg sem; do
			# ids alive a moment ago, most of them gone by the time ipcs runs
			for id in $(awk 'NR > 1 { print $2 }' "/proc/sysvipc/$kind" | shuf -n 4); do
				check_details "$kind" "$id" || bad=$((bad + 1))
				iter=$((iter + 1))
			done
		done
		# POSIX names that exist now or a moment later (d1..d8)
		for n in $(shuf -i 1-8 -n 2); do
			check_name -M "/d$n" || bad=$((bad + 1))
			check_name -Q "/d$n" || bad=$((bad + 1))
			check_name -S "/d$n" || bad=$((bad + 1))
			iter=$((iter + 3))
		done
		[ "$bad" -lt 10 ] || break
	done
	stop_churn
	echo "# ipcs -i/--name runs: $iter (found $FOUND, vanished $GONE), failures: $bad, churn rounds: $(churn_total)" >&3
	[ "$iter" -gt 0 ]
	[ "$bad" -eq 0 ]
}

@test "ipcs -s -i on sets removed while their values are read: 'not found' (exit 1), nothing else" {
	start big_sets "$RACE_SECONDS"
	local end=$((EPOCHSECONDS + RACE_SECONDS)) iter=0 bad=0 found=0 gone=0 id rc err
	local out=$BATS_TEST_TMPDIR/out errf=$BATS_TEST_TMPDIR/err
	while [ "$EPOCHSECONDS" -lt "$end" ]; do
		# shellcheck disable=SC2013 # ids are words
		for id in $(awk 'NR > 1 { print $2 }' /proc/sysvipc/sem); do
			iter=$((iter + 1))
			rc=0
			"$BUILD/ipcs" -s -i "$id" >"$out" 2>"$errf" || rc=$?
			err=$(cat "$errf")
			if [ "$rc" = 0 ] && [ -z "$err" ] && [ "$(grep -c '^[0-9]' "$out")" = 250 ]; then
				found=$((found + 1))
			elif [ "$rc" = 1 ] && [ "$err" = "ipcs: id $id not found" ] && [ ! -s "$out" ]; then
				gone=$((gone + 1))
			else
				bad=$((bad + 1))
				[ "$bad" -gt 5 ] || echo "# ipcs -s -i $id: status $rc, stderr: $err, $(wc -l <"$out") lines on stdout" >&2
			fi
		done
	done
	stop_churn
	echo "# ipcs -s -i runs: $iter (found $found, vanished $gone), failures: $bad, sets made: $(churn_total)" >&3
	[ "$iter" -gt 0 ]
	[ "$bad" -eq 0 ]
}

# System V: "already removed id (N)"; POSIX names in util-linux 2.41's style.
ALREADY_REMOVED="^ipcrm: (already removed (id|key) \\(.*\\)|name \`.*' already removed)\$"

@test "ipcrm -a racing with creators and another ipcrm -a: only 'already removed', nothing left" {
	local end iter=0 bad=0 line removed_msgs=0 other=()
	start create_only "$RACE_SECONDS" a
	start create_only "$RACE_SECONDS" b
	end=$((EPOCHSECONDS + RACE_SECONDS))
	# A second remover makes objects vanish between the scan and the removal.
	(
		while [ "$EPOCHSECONDS" -lt "$end" ]; do
			rc=0
			"$BUILD/ipcrm" -a -apshm -apmsg -apsem 2>>"$BATS_TEST_TMPDIR/rival.err" >/dev/null || rc=$?
			echo "$rc" >>"$BATS_TEST_TMPDIR/rival.rc"
		done
	) &
	local rival=$!
	while [ "$EPOCHSECONDS" -lt "$end" ]; do
		capture got "$BUILD/ipcrm" -a -apshm -apmsg -apsem
		iter=$((iter + 1))
		if [ "$got_out" != x ] || { [ "$got_rc" != 0 ] && [ "$got_rc" != 1 ]; }; then
			echo "# ipcrm -a: status $got_rc, stdout ${got_out%x}" >&2
			bad=$((bad + 1))
		fi
		while IFS= read -r line; do
			[ -n "$line" ] || continue
			if [[ "$line" =~ $ALREADY_REMOVED ]]; then
				removed_msgs=$((removed_msgs + 1))
			else
				other+=("$line")
			fi
		done <<<"${got_err%x}"
		# exit 1 only together with "already removed" lines
		if [ "$got_rc" = 1 ] && [ "$got_err" = x ]; then
			echo "# ipcrm -a: status 1 without a message" >&2
			bad=$((bad + 1))
		fi
	done
	wait "$rival" || true
	stop_churn
	while IFS= read -r line; do
		if [[ "$line" =~ $ALREADY_REMOVED ]]; then
			removed_msgs=$((removed_msgs + 1))
		else
			other+=("rival: $line")
		fi
	done <"$BATS_TEST_TMPDIR/rival.err"
	# the rival's exit statuses: 0, or 1 with its messages
	if grep -qv '^[01]$' "$BATS_TEST_TMPDIR/rival.rc"; then
		other+=("rival exit statuses: $(sort "$BATS_TEST_TMPDIR/rival.rc" | uniq -c | tr '\n' ' ')")
	fi
	local rival_iter
	rival_iter=$(wc -l <"$BATS_TEST_TMPDIR/rival.rc")
	# Nothing lost, nothing left: a final ipcrm -a succeeds and empties everything.
	run "$BUILD/ipcrm" -a -apshm -apmsg -apsem
	local final_rc=$status final_out=$output
	local left
	left=$( { awk 'FNR > 1' /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem; find /dev/shm /dev/mqueue -mindepth 1; } | tee "$BATS_TEST_TMPDIR/left" | wc -l)
	[ "$left" -eq 0 ] || { echo "# left behind:"; sed 's/^/#   /' "$BATS_TEST_TMPDIR/left"; } >&2
	echo "# ipcrm -a runs: $iter + $rival_iter (rival), objects created: $(churn_total) x (3 System V + 3 POSIX), 'already removed' messages: $removed_msgs, other messages: ${#other[@]}, left: $left" >&3
	if [ ${#other[@]} -gt 0 ]; then
		# one example of each kind of message
		printf '%s\n' "${other[@]}" | sed 's/[0-9][0-9]*/N/g' | sort | uniq -c |
			sed 's/^/# unexpected messages: /' >&2
		printf '# e.g. %s\n' "${other[@]:0:3}" >&2
	fi
	[ "$final_rc" = 0 ] || echo "# final ipcrm -a: status $final_rc: $final_out" >&2
	[ "$bad" -eq 0 ]
	[ ${#other[@]} -eq 0 ]
	[ "$final_rc" = 0 ]
	[ "$left" -eq 0 ]
}

#!/usr/bin/env bats
# shellcheck disable=SC2154 # capture sets *_out/_err/_rc
# lsipc's POSIX objects (ours; util-linux 2.42's letters -M -Q -S -N):
# each kind's listing and -N list, every POSIX column against the objects
# themselves (python3: os.stat of the files, mq_getattr, sem_getvalue,
# the mqueue file's QSIZE), -J, missing names, names that need escapes,
# and -g's POSIX rows; -g alone stays util-linux 2.38.1's.

load helpers

LSIPC=${IPCBOX_TEST_OURS_LSIPC:-$BUILD/lsipc}
IPCMK=$BUILD/ipcmk
IPCS=$BUILD/ipcs
HELPER=$BUILD/tests/ipcs-helper
PY=/usr/bin/python3
# A time of another year: the short format shows it as 2025-Jan02 whatever day it is now.
OLD='2025-01-02 03:04:05Z'

fresh_ipc_each_test

# Objects with known values: two segments, a queue holding two messages
# (7 bytes) of at most 5 x 64 bytes, a semaphore with value 3.
make_posix() {
	"$IPCMK" -m 4096 -n /seg -p 0640 >/dev/null
	"$IPCMK" -m 5000 -n /big -p 0600 >/dev/null
	"$IPCMK" -q -n /queue -p 0600 --maxmsg 5 --msgsize 64 >/dev/null
	"$HELPER" mq-send /queue hello hi
	"$IPCMK" -s -n /sema -p 0604 --value 3 >/dev/null
	touch -d "$OLD" /dev/shm/seg /dev/shm/big /dev/mqueue/queue /dev/shm/sem.sema
}

# Each kind's option, its columns (lsipc --help), and one of its objects.
declare -gA KIND_COLUMNS=(
	[-M]="NAME OWNER PERMS UID USER GID GROUP SIZE MTIME"
	[-Q]="NAME OWNER PERMS UID USER GID GROUP USEDBYTES MSGS MAXMSGS MSGSIZE MTIME"
	[-S]="NAME OWNER PERMS UID USER GID GROUP VALUE MTIME"
)
declare -gA KIND_OBJECT=([-M]=/seg [-Q]=/queue [-S]=/sema)

# truth KIND NAME COLUMN: the cell lsipc -r -b --time-format=iso should
# print, from the kernel's own view of the object (not from ipcbox).
truth() {
	"$PY" - "$@" <<'EOF'
import ctypes, datetime, grp, os, pwd, stat, sys
kind, name, col = sys.argv[1:]
path = {"-M": "/dev/shm" + name, "-S": "/dev/shm/sem." + name[1:], "-Q": "/dev/mqueue" + name}[kind]
st = os.stat(path)
libc = ctypes.CDLL("libc.so.6", use_errno=True)

def mq_attr():
    class Attr(ctypes.Structure):
        _fields_ = [("flags", ctypes.c_long), ("maxmsg", ctypes.c_long), ("msgsize", ctypes.c_long),
                    ("curmsgs", ctypes.c_long), ("pad", ctypes.c_long * 4)]
    libc.mq_open.restype = ctypes.c_int
    fd = libc.mq_open(name.encode(), os.O_RDONLY)
    if fd < 0:
        return None
    a = Attr()
    libc.mq_getattr(fd, ctypes.byref(a))
    libc.mq_close(fd)
    return a

def sem_value():
    libc.sem_open.restype = ctypes.c_void_p
    sem = libc.sem_open(name.encode(), 0)
    if not sem or sem == ctypes.c_void_p(-1).value:
        return None
    v = ctypes.c_int()
    libc.sem_getvalue(ctypes.c_void_p(sem), ctypes.byref(v))
    libc.sem_close(ctypes.c_void_p(sem))
    return v.value

def user(uid):
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return None

def group(gid):
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return None

if col == "NAME": v = name
elif col == "OWNER": v = user(st.st_uid) or str(st.st_uid)
elif col == "PERMS": v = stat.filemode(st.st_mode)[1:]
elif col == "UID": v = str(st.st_uid)
elif col == "USER": v = user(st.st_uid) or ""
elif col == "GID": v = str(st.st_gid)
elif col == "GROUP": v = group(st.st_gid) or ""
elif col == "SIZE": v = str(st.st_size)
elif col == "MTIME":
    v = datetime.datetime.fromtimestamp(st.st_mtime, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")
elif col == "USEDBYTES":
    # The mqueue file's first line: "QSIZE:7  NOTIFY:0 ...".
    with open(path) as f:
        v = f.read().split()[0].split(":")[1]
elif col in ("MSGS", "MAXMSGS", "MSGSIZE"):
    a = mq_attr()
    v = "" if a is None else str({"MSGS": a.curmsgs, "MAXMSGS": a.maxmsg, "MSGSIZE": a.msgsize}[col])
elif col == "VALUE":
    s = sem_value()
    v = "" if s is None else str(s)
print(v)
EOF
}

@test "-M, -Q, -S: each kind's objects sorted by name, the default columns" {
	make_posix
	capture got "$LSIPC" -M
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "NAME     PERMS OWNER SIZE      MTIME
/big rw-------  root 4.9K 2025-Jan02
/seg rw-r-----  root   4K 2025-Jan02
x" ]
	capture got "$LSIPC" --posix-mqueues
	[ "$got_rc" = 0 ]
	[ "$got_out" = "NAME       PERMS OWNER USEDBYTES MSGS      MTIME
/queue rw-------  root        7B 2    2025-Jan02
x" ]
	capture got "$LSIPC" -S
	[ "$got_rc" = 0 ]
	[ "$got_out" = "NAME      PERMS OWNER VALUE      MTIME
/sema rw----r--  root     3 2025-Jan02
x" ]
	# -c adds the owner's ids (no creator), -b bytes, -P octal.
	capture got "$LSIPC" -M -c -b -P
	[ "$got_out" = "NAME PERMS OWNER SIZE      MTIME UID GID
/big  0600  root 5000 2025-Jan02   0   0
/seg  0640  root 4096 2025-Jan02   0   0
x" ]
	# Each kind lists only its own: no sem.* file among the segments.
	capture got "$LSIPC" -M -o NAME --noheadings
	[ "$got_out" = $'/big\n/seg\nx' ]
}

@test "an empty kind: nothing (as lsipc -m), or an empty JSON array" {
	capture got "$LSIPC" -Q
	[ "$got_rc" = 0 ]
	[ "$got_out" = x ]
	capture got "$LSIPC" -S -J
	[ "$got_rc" = 0 ]
	[ "$got_out" = $'{\n   "posixsemaphores": [\n   ]\n}\nx' ]
}

@test "-N: every column of one object as a list, for each kind" {
	make_posix
	capture got "$LSIPC" -M -N /seg
	[ "$got_rc" = 0 ]
	[ "$got_err" = x ]
	[ "$got_out" = "Name:                               /seg                                
Owner:                              root                                
Permissions:                        rw-r-----                           
UID:                                0                                   
User name:                          root                                
GID:                                0                                   
Group name:                         root                                
Segment size:                       4K                                  
Last modification:                  Thu Jan  2 03:04:05 2025            
x" ]
	capture got "$LSIPC" -Q --name=/queue
	[ "$got_rc" = 0 ]
	[ "$got_out" = "Name:                               /queue                              
Owner:                              root                                
Permissions:                        rw-------                           
UID:                                0                                   
User name:                          root                                
GID:                                0                                   
Group name:                         root                                
Bytes used:                         7B                                  
Messages:                           2                                   
Maximum messages:                   5                                   
Maximum message size:               64B                                 
Last modification:                  Thu Jan  2 03:04:05 2025            
x" ]
	capture got "$LSIPC" -SN /sema
	[ "$got_rc" = 0 ]
	[ "$got_out" = "Name:                               /sema                               
Owner:                              root                                
Permissions:                        rw----r--                           
UID:                                0                                   
User name:                          root                                
GID:                                0                                   
Group name:                         root                                
Value:                              3                                   
Last modification:                  Thu Jan  2 03:04:05 2025            
x" ]
	# An output format shows the one object as a row.
	capture got "$LSIPC" -M -N /seg -r
	[ "$got_out" = $'NAME PERMS OWNER SIZE MTIME\n/seg rw-r----- root 4K 2025-Jan02\nx' ]
	capture got "$LSIPC" -Q -N /queue -l --noheadings -o NAME,MSGS
	[ "$got_out" = $'/queue 2\nx' ]
}

@test "-o: each POSIX column of each kind is what the kernel reports (python3)" {
	[ -x "$PY" ] || skip "$PY not installed"
	make_posix
	# Fresh times too, and owners other than root where ids allow.
	"$IPCMK" -m 123 -n /new -p 0604 >/dev/null
	if have_ids 4242 4343; then
		chown 4242:4343 /dev/shm/seg /dev/shm/sem.sema /dev/mqueue/queue
		touch -d "$OLD" /dev/shm/seg /dev/shm/sem.sema /dev/mqueue/queue
	fi
	local k col name want n=0
	for k in -M -Q -S; do
		for name in ${KIND_OBJECT[$k]} $([ "$k" = -M ] && echo /new); do
			for col in ${KIND_COLUMNS[$k]}; do
				want=$(truth "$k" "$name" "$col")
				[ -n "$want" ] || [[ $col == USER || $col == GROUP ]]
				# The one object (-N), and its row in the listing.
				capture got "$LSIPC" "$k" -N "$name" -o "$col" -r --noheadings -b --time-format=iso
				[ "$got_rc" = 0 ] || { echo "$k -N $name -o $col: exit $got_rc: $got_err"; return 1; }
				[ "$got_out" = "$want"$'\n'x ] || { echo "$k -N $name -o $col: '${got_out%x}', want '$want'"; return 1; }
				capture got "$LSIPC" "$k" -o "NAME,$col" -r --noheadings -b --time-format=iso
				[ "$(awk -v n="$name" '$1 == n { sub(/^[^ ]* /, ""); print }' <<<"${got_out%x}")" = "$want" ]
				n=$((n + 1))
			done
		done
	done
	[ "$n" = 39 ]
	# -P: the permission bits in octal, as stat shows them.
	capture got "$LSIPC" -Q -N /queue -o PERMS -P -r --noheadings
	[ "$got_out" = "0$(stat -c %a /dev/mqueue/queue)"$'\nx' ]
	# Without -b, sizes are as System V's: 4K, 4.9K, 64B.
	capture got "$LSIPC" -Q -o MSGSIZE,USEDBYTES -r --noheadings
	[ "$got_out" = $'64B 7B\nx' ]
}

@test "-J: every value a string as in lsipc's System V JSON (no value: null), each member once" {
	[ -x "$PY" ] || skip "$PY not installed"
	make_posix
	capture got "$LSIPC" -Q -J -o +NAME,MSGS,MAXMSGS,MSGSIZE,UID,USER,GID,GROUP,MTIME --time-format=iso
	[ "$got_rc" = 0 ]
	[ "$got_out" = '{
   "posixmessages": [
      {
         "name": "/queue",
         "perms": "rw-------",
         "owner": "root",
         "usedbytes": "7B",
         "msgs": "2",
         "mtime": "2025-01-02T03:04:05+00:00",
         "maxmsgs": "5",
         "msgsize": "64B",
         "uid": "0",
         "user": "root",
         "gid": "0",
         "group": "root"
      }
   ]
}
x' ]
	local k cols
	for k in -M -Q -S; do
		cols=${KIND_COLUMNS[$k]}
		capture got "$LSIPC" "$k" -J -o "+${cols// /,}"
		[ "$got_rc" = 0 ]
		# Valid JSON, no member twice, every value a string: as lsipc -m -J.
		"$PY" -c '
import json, sys
def once(pairs):
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), keys
    return dict(pairs)
doc = json.loads(sys.argv[1], object_pairs_hook=once)
(rows,) = doc.values()
assert rows, doc
for row in rows:
    assert len(row) == len(sys.argv[2].split()), row
    assert all(isinstance(v, str) for v in row.values()), row	# every value is known here
' "${got_out%x}" "$cols"
	done
	"$IPCMK" -M 100 >/dev/null
	capture sysv "$LSIPC" -m -J
	# System V rows: strings, and null for an empty STATUS or COMMAND.
	[ "$(jq -c '[.. | scalars | type] | unique' <<<"${sysv_out%x}")" = '["null","string"]' ]
	capture got "$LSIPC" -S -J
	[ "$(jq -c '[.. | scalars | type] | unique' <<<"${got_out%x}")" = '["string"]' ]
	# -N -J: the one object; a value this user cannot read would be null (see the unprivileged test).
	capture got "$LSIPC" -S -N /sema -J -o NAME,VALUE
	[ "$got_out" = $'{\n   "posixsemaphores": [\n      {\n         "name": "/sema",\n         "value": "3"\n      }\n   ]\n}\nx' ]
}

@test "a missing name: exit 1, ipcs --name's message, nothing on stdout, in every format" {
	make_posix
	local k fmt
	for k in -M -Q -S; do
		capture theirs "$IPCS" "$k" --name /nope
		[ "$theirs_rc" = 1 ]
		for fmt in "" -J -r -e -n -l; do
			# shellcheck disable=SC2086 # an option or none
			capture got "$LSIPC" "$k" -N /nope $fmt
			[ "$got_rc" = 1 ]
			[ "$got_out" = x ]
			[ "$got_err" = $'lsipc: name /nope not found\nx' ]
			[ "${got_err#lsipc: }" = "$(sed -n 's/^ipcs: //p' <<<"${theirs_err%x}")"$'\nx' ]
		done
	done
	# Another kind's name is not this kind's.
	capture got "$LSIPC" -M -N /sema
	[ "$got_rc" = 1 ]
	[ "$got_err" = $'lsipc: name /sema not found\nx' ]
	# The list never looks elsewhere: nothing was created or removed.
	[ -f /dev/shm/seg ]
	[ -f /dev/mqueue/queue ]
	[ -f /dev/shm/sem.sema ]
}

@test "-N and the POSIX letters misused: exact errors, exit 1" {
	local line args want
	while IFS='|' read -r args want; do
		# shellcheck disable=SC2086 # each is a list of words
		capture got "$LSIPC" $args
		[ "$got_rc" = 1 ] || { echo "$args: exit $got_rc"; return 1; }
		[ "$got_out" = x ]
		[ "$got_err" = "$want"$'\n'x ] || { echo "$args: '${got_err%x}'"; return 1; }
	done <<'EOF'
-N /x|lsipc: when using a name, a single POSIX resource (-M, -Q or -S) must be specified
-m -N /x|lsipc: when using a name, a single POSIX resource (-M, -Q or -S) must be specified
-M -i 1|lsipc: an ID selects a System V resource: use --name with -M, -Q or -S
-M -N x|lsipc: invalid name 'x': must start with '/'
-M -N /a/b|lsipc: invalid name '/a/b': must not contain a '/' after the first character
-M -m|lsipc: mutually exclusive arguments: --shmems --queues --semaphores --posix-shmems --posix-mqueues --posix-semaphores
-Q -S|lsipc: mutually exclusive arguments: --shmems --queues --semaphores --posix-shmems --posix-mqueues --posix-semaphores
-g -M -N /x|lsipc: mutually exclusive arguments: --global --id --name
-M -i 1 -N /x|lsipc: mutually exclusive arguments: --global --id --name
-M -o KEY|lsipc: column KEY does not apply to the specified IPC
-S -o SIZE|lsipc: column SIZE does not apply to the specified IPC
-m -o NAME|lsipc: column NAME does not apply to the specified IPC
-M -o +VALUE|lsipc: column VALUE does not apply to the specified IPC
EOF
	# 2.38's own pairs keep 2.38's words.
	capture got "$LSIPC" -m -q
	[ "$got_err" = $'lsipc: mutually exclusive arguments: --shmems --queues --semaphores\nx' ]
}

@test "names that need escapes: the escaper's \\xHH in text, JSON escapes, -N finds the real name" {
	[ -x "$PY" ] || skip "$PY not installed"
	"$PY" -c '
import os
for n in ["a b", "nl\nx", "bidi\u202eevil", "zw\u200bsp", "esc\x1b[31m"]:
    fd = os.open("/dev/shm/" + n, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.utime("/dev/shm/" + n, (1735787045, 1735787045))
'
	"$IPCMK" -q -n $'/q\tab' --maxmsg 1 --msgsize 8 >/dev/null
	"$IPCMK" -s -n $'/s\xe2\x80\xaex' >/dev/null
	capture got "$LSIPC" -M -o NAME,SIZE
	[ "$got_out" = 'NAME                  SIZE
/a b                    0B
/bidi\xe2\x80\xaeevil   0B
/esc\x1b[31m            0B
/nl\x0ax                0B
/zw\xe2\x80\x8bsp       0B
x' ]
	capture got "$LSIPC" -M -o NAME -r --noheadings
	[ "$got_out" = '/a\x20b
/bidi\xe2\x80\xaeevil
/esc\x1b[31m
/nl\x0ax
/zw\xe2\x80\x8bsp
x' ]
	capture got "$LSIPC" -M -o NAME -e
	[ "$got_out" = 'NAME="/a b"
NAME="/bidi\xe2\x80\xaeevil"
NAME="/esc\x1b[31m"
NAME="/nl\x0ax"
NAME="/zw\xe2\x80\x8bsp"
x' ]
	capture got "$LSIPC" -M -o NAME,SIZE -n
	[ "$(head -n 2 <<<"${got_out%x}")" = $'NAME="/a b"\nSIZE="0B"' ]
	capture got "$LSIPC" -M -o NAME -J
	[ "$got_out" = '{
   "posixsharedmemory": [
      {
         "name": "/a b"
      },{
         "name": "/bidi\u202eevil"
      },{
         "name": "/esc\u001b[31m"
      },{
         "name": "/nl\nx"
      },{
         "name": "/zw\u200bsp"
      }
   ]
}
x' ]
	# JSON gives back the bytes of each name.
	[ "$(jq -r '.posixsharedmemory[].name' <<<"${got_out%x}" | "$PY" -c 'import sys; print(repr(sys.stdin.read()))')" = \
		"$("$PY" -c 'import os; print(repr("".join("/" + n + "\n" for n in sorted(os.listdir("/dev/shm"), key=os.fsencode) if not n.startswith("sem."))))')" ]
	capture got "$LSIPC" -Q -o NAME,MAXMSGS -r
	[ "$got_out" = $'NAME MAXMSGS\n/q\\x09ab 1\nx' ]
	capture got "$LSIPC" -S -o NAME -e
	[ "$got_out" = $'NAME="/s\\xe2\\x80\\xaex"\nx' ]
	# -N takes the real name; the escaped form is not it, and the hint says so.
	capture got "$LSIPC" -M -N $'/nl\nx' -o NAME,OWNER
	[ "$got_rc" = 0 ]
	[ "$got_out" = 'Name:                               /nl\x0ax                            
Owner:                              root                                
x' ]
	capture got "$LSIPC" -M -N $'/esc\e[31m'
	[ "$got_rc" = 0 ]
	[ "$(head -n 1 <<<"${got_out%x}")" = 'Name:                               /esc\x1b[31m                        ' ]
	capture got "$LSIPC" -M -N '/nl\x0ax'
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "lsipc: name /nl\\x5cx0ax not found
lsipc: did you mean '/nl\\x0ax'? names are shown escaped
x" ]
	capture got "$LSIPC" -S -N $'/s\xe2\x80\xaex' -o VALUE -r --noheadings
	[ "$got_out" = $'0\nx' ]
}

@test "-g alone is util-linux 2.38.1's, byte for byte, with POSIX objects present" {
	[ -x /usr/bin/lsipc ] || skip "reference /usr/bin/lsipc not installed"
	[[ "$(/usr/bin/lsipc --version)" == *" 2.38."* ]] || skip "reference /usr/bin/lsipc is not util-linux 2.38"
	make_posix
	local args
	for args in -g "" "-g -J" "-g -r -b" "-g -o +USED -e"; do
		# shellcheck disable=SC2086 # each is a list of words
		capture theirs /usr/bin/lsipc $args
		# shellcheck disable=SC2086
		capture got "$LSIPC" $args
		[ "$got_out" = "$theirs_out" ]
		[ "$got_err" = "$theirs_err" ]
		[ "$got_rc" = "$theirs_rc" ]
	done
	[[ "$got_out" != *POSIX* ]]
}

@test "-g -M, -Q, -S: the POSIX limits ipcs -g --posix gathers, against /proc, statvfs and ulimit" {
	[ -x "$PY" ] || skip "$PY not installed"
	make_posix
	local q
	q=$(ulimit -q)
	[ "$q" = unlimited ] || q=$((q))
	capture got "$LSIPC" -g -Q -o RESOURCE,DESCRIPTION,LIMIT -b -r --noheadings
	[ "$got_rc" = 0 ]
	[ "$got_out" = "QUEUES_MAX Number\\x20of\\x20POSIX\\x20message\\x20queues $(cat /proc/sys/fs/mqueue/queues_max)
MSG_MAX Max\\x20messages\\x20per\\x20POSIX\\x20queue $(cat /proc/sys/fs/mqueue/msg_max)
MSGSIZE_MAX Max\\x20size\\x20of\\x20POSIX\\x20message\\x20(bytes) $(cat /proc/sys/fs/mqueue/msgsize_max)
RLIMIT_MSGQUEUE POSIX\\x20queue\\x20bytes\\x20of\\x20this\\x20user\\x20(ulimit\\x20-q);\\x20used:\\x20payload $q
x" ]
	# One queue in this namespace; the largest object is no lsipc USED.
	capture got "$LSIPC" -g -Q -o RESOURCE,USED -r --noheadings
	[ "$(head -n 3 <<<"${got_out%x}")" = $'QUEUES_MAX 1\nMSG_MAX -\nMSGSIZE_MAX -' ]
	local fs
	fs=$("$PY" -c '
import os
s = os.statvfs("/dev/shm")
print("SHM_FS_SIZE", s.f_blocks * s.f_frsize, (s.f_blocks - s.f_bfree) * s.f_frsize)
if s.f_files:
    print("SHM_FS_FILES", s.f_files, s.f_files - s.f_ffree)')
	capture got "$LSIPC" -g -M -o RESOURCE,LIMIT,USED -b -r --noheadings
	[ "$got_rc" = 0 ]
	[ "$got_out" = "$fs"$'\nx' ]
	capture got "$LSIPC" -g -S -o RESOURCE,LIMIT,USED,USE% -b -r --noheadings
	[ "$got_rc" = 0 ]
	[ "$(tail -n 1 <<<"${got_out%$'\n'x}")" = "SEM_VALUE_MAX $("$PY" -c 'import os; print(os.sysconf("SC_SEM_VALUE_MAX"))') - -" ]
	# The table and JSON of a POSIX -g: 2.38's columns, strings.
	capture got "$LSIPC" -g -S -J -o RESOURCE,DESCRIPTION
	[ "$(jq -r '.ipclimits[-1] | .resource + "|" + .description' <<<"${got_out%x}")" = "SEM_VALUE_MAX|POSIX semaphore max value" ]
}

@test "as uid 65534: a queue and a semaphore it cannot open have no values (empty, JSON null)" {
	require_ids
	make_posix
	chmod 0600 /dev/shm/sem.sema
	capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$LSIPC" -Q -o NAME,USEDBYTES,MSGS,MAXMSGS,MSGSIZE -r
	[ "$got_rc" = 0 ]
	[ "$got_out" = $'NAME USEDBYTES MSGS MAXMSGS MSGSIZE\n/queue    \nx' ]
	capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$LSIPC" -S -N /sema -o NAME,VALUE -J
	[ "$got_rc" = 0 ]
	[ "$got_out" = $'{\n   "posixsemaphores": [\n      {\n         "name": "/sema",\n         "value": null\n      }\n   ]\n}\nx' ]
	# The list leaves out what it cannot know.
	capture got setpriv --reuid=65534 --regid=65534 --clear-groups "$LSIPC" -Q -N /queue
	[ "$got_rc" = 0 ]
	[[ "$got_out" == *"Name:                               /queue"* ]]
	[[ "$got_out" != *"Messages:"* ]]
	# What the kernel shows anyone (the file's owner and mode) is there.
	[[ "$got_out" == *"Permissions:                        rw-------"* ]]
}

@test "no mqueue file system: -Q, -N and -g -Q fail with ipcs's message, exit 1" {
	make_posix
	capture got unshare --mount --propagation private -- sh -c 'mount -t tmpfs none /dev/mqueue && exec "$@"' - "$LSIPC" -Q
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "lsipc: cannot list POSIX message queues: /dev/mqueue is not a mounted mqueue file system (mount it with: mount -t mqueue none /dev/mqueue)
x" ]
	capture got unshare --mount --propagation private -- sh -c 'mount -t tmpfs none /dev/mqueue && exec "$@"' - "$LSIPC" -Q -N /queue
	[ "$got_rc" = 1 ]
	[ "$got_out" = x ]
	[ "$got_err" = "lsipc: cannot list POSIX message queues: /dev/mqueue is not a mounted mqueue file system (mount it with: mount -t mqueue none /dev/mqueue)
x" ]
	# -g -Q: the limits from /proc, no use, and the same sentence as ipcs -g's.
	capture got unshare --mount --propagation private -- sh -c 'mount -t tmpfs none /dev/mqueue && exec "$@"' - "$LSIPC" -g -Q -o RESOURCE,USED -r
	[ "$got_rc" = 1 ]
	[ "$got_out" = $'RESOURCE USED\nQUEUES_MAX -\nMSG_MAX -\nMSGSIZE_MAX -\nRLIMIT_MSGQUEUE -\nx' ]
	[ "$got_err" = "lsipc: cannot list POSIX message queues: /dev/mqueue is not a mounted mqueue file system (mount it with: mount -t mqueue none /dev/mqueue)
x" ]
}

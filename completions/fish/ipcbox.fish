# fish completion for ipcbox and its commands ipcs, ipcmk and ipcrm.
#
# One file serves all four commands: it is installed as ipcbox.fish, and
# ipcs.fish, ipcmk.fish and ipcrm.fish point to it, so that fish's loader
# finds it under each command's name.  It defines everything once.
#
# Live values (ids, keys, POSIX names) come from the output of our own ipcs
# (the one next to the command being completed) and from /dev/shm and
# /dev/mqueue.  Errors of the tools are discarded: completing never prints.
# After "--namespace PID" (or FILE) on the line, they are those of that IPC
# namespace: our ipcs is run with the same --namespace, and POSIX names come
# from its listings.

if set -q __ipcbox_fish_loaded
    exit 0
end
set -g __ipcbox_fish_loaded 1

# The value of the --namespace given before the cursor, if any.
function __ipcbox_line_ns
    set -l tokens (commandline -opc)
    set -l ns
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case '--namespace=?*'
                set ns (string replace -- '--namespace=' '' $tokens[$i])
            case --namespace
                set -l j (math $i + 1)
                set -q tokens[$j]; and set ns $tokens[$j]
        end
        set i (math $i + 1)
    end
    set -q ns[1]; and string replace -r '^~/' "$HOME/" -- $ns
end

# The value of --namespace: the processes whose IPC namespace is not the
# shell's own, with their command names; file names once the word has a '/'.
function __ipcbox_namespaces
    set -l tok (string replace -r -- '^--namespace=' '' (commandline -ct))
    if string match -q -- '*/*' $tok
        __fish_complete_path $tok
        return
    end
    set -l self (stat -L -c %i /proc/$fish_pid/ns/ipc 2>/dev/null); or return 0
    stat -L -c '%i %n' /proc/*/ns/ipc 2>/dev/null | while read -l ino path
        test "$ino" != "$self"; or continue
        set -l pid (string replace -r '^/proc/([0-9]+)/.*' '$1' -- $path)
        string match -qr '^[0-9]+$' -- $pid; or continue
        set -l comm (cat /proc/$pid/comm 2>/dev/null)
        __ipcbox_unsafe "$comm"; and set comm '?'
        printf '%s\t%s\n' $pid "$comm"
    end
end

# The command that runs the ipcs belonging to the command being completed:
# "ipcbox ipcs" when completing through ipcbox, else the ipcs (or ipcbox) in
# the directory the command runs from, else the ipcs found in PATH.
function __ipcbox_ipcs_cmd
    set -l cmd (__ipcbox_ipcs_cmd_base)
    set -q cmd[1]; or return 0
    printf '%s\n' $cmd
    # The objects of the namespace the line names.
    set -l ns (__ipcbox_line_ns)
    set -q ns[1]; and printf '%s\n' --namespace $ns
end

function __ipcbox_ipcs_cmd_base
    if set -q __ipcbox_prog[1]
        printf '%s\n' $__ipcbox_prog ipcs
        return
    end
    set -l typed (commandline -opc)[1]
    set -l prog (string replace -r '^~/' "$HOME/" -- $typed)
    string match -q -- '*/*' $prog; or set prog (command -s -- $prog)
    set -l dir
    if string match -q -- '*/*' $prog
        set dir (string replace -r '/[^/]*$' '' -- $prog)
        test -n "$dir"; or set dir /
    end
    if test -n "$dir"; and test -x $dir/ipcs
        printf '%s\n' $dir/ipcs
    else if test -n "$dir"; and test -x $dir/ipcbox
        printf '%s\n' $dir/ipcbox ipcs
    else if not string match -q -- '*/*' $typed; and command -sq ipcs
        echo ipcs
    end
end

# __ipcbox_sysv KIND FIELD: the ids (FIELD id) or keys (FIELD key) of the
# System V objects of KIND (m, q or s), with a description.  Key 0 is never
# offered.
function __ipcbox_sysv -a kind field
    set -l cmd (__ipcbox_ipcs_cmd)
    set -q cmd[1]; or return 0
    set -l what
    switch $kind
        case m
            set what 'shared memory segment'
        case q
            set what 'message queue'
        case s
            set what 'semaphore set'
    end
    env LC_ALL=C $cmd -$kind </dev/null 2>/dev/null | while read -l key id owner rest
        string match -qr '^0x[0-9a-fA-F]+$' -- $key; or continue
        string match -qr '^[0-9]+$' -- $id; or continue
        if test "$field" = key
            string match -qr '^0x0+$' -- $key; and continue
            printf '%s\t%s\n' $key "$what $id of $owner"
        else
            printf '%s\t%s\n' $id "$what with key $key of $owner"
        end
    end
end

# The keys of every System V object, for --key.
function __ipcbox_sysv_keys
    for k in m q s
        __ipcbox_sysv $k key
    end
end

# __ipcbox_unsafe PATH: true when the file name in PATH cannot be offered
# safely.  Names of other users with a newline or tab (which would split one
# name into several candidates or into a description), other C0 or C1
# controls (ESC, U+0080..U+009F act on terminals), or bytes that are not
# valid UTF-8 (fish holds them as U+F600..U+F6FF) are left out.  PATH is
# tested whole, before any command substitution could split it at newlines.
function __ipcbox_unsafe
    string match -qr -- '[\x00-\x1f\x7f-\x9f\x{F600}-\x{F6FF}]' $argv[1]
end

# __ipcbox_posix KIND...: the names of the POSIX objects of each KIND (shm,
# sem or mqueue), with their leading slash; names that are not safe to offer
# are left out.
function __ipcbox_posix
    set -l ns (__ipcbox_line_ns)
    if set -q ns[1]
        __ipcbox_posix_ns $argv
        return
    end
    for kind in $argv
        switch $kind
            case shm
                for f in /dev/shm/* /dev/shm/.*
                    test -f $f; and not test -L $f; or continue
                    __ipcbox_unsafe $f; and continue
                    set -l b (string replace -r '.*/' '' -- $f)
                    string match -q -- 'sem.*' $b; and continue
                    printf '/%s\tPOSIX shared memory\n' $b
                end
            case sem
                for f in /dev/shm/sem.?*
                    test -f $f; and not test -L $f; or continue
                    __ipcbox_unsafe $f; and continue
                    printf '/%s\tPOSIX semaphore\n' (string replace -r '.*/sem\.' '' -- $f)
                end
            case mqueue
                for f in /dev/mqueue/* /dev/mqueue/.*
                    test -f $f; or continue
                    __ipcbox_unsafe $f; and continue
                    printf '/%s\tPOSIX message queue\n' (string replace -r '.*/' '' -- $f)
                end
        end
    end 2>/dev/null
end

# __ipcbox_posix_ns KIND...: as __ipcbox_posix, for the namespace on the
# line: the names in the first column of its ipcs listing, where they are
# escaped as \xHH.
function __ipcbox_posix_ns
    set -l cmd (__ipcbox_ipcs_cmd)
    set -q cmd[1]; or return 0
    for kind in $argv
        set -l opt
        set -l what
        switch $kind
            case shm
                set opt -M
                set what 'POSIX shared memory'
            case sem
                set opt -S
                set what 'POSIX semaphore'
            case mqueue
                set opt -Q
                set what 'POSIX message queue'
            case '*'
                continue
        end
        env LC_ALL=C $cmd $opt </dev/null 2>/dev/null | while read -l name rest
            string match -q -- '/*' $name; or continue
            # One string, trailing newlines kept: a command substitution
            # alone would drop them and offer "/x\n" as "/x".
            set -l real (printf '%b' $name | string collect --no-trim-newlines)
            test (count $real) -eq 1; or continue
            __ipcbox_unsafe "$real"; and continue
            printf '%s\t%s\n' $real $what
        end
    end
end

# The System V resources chosen on an ipcs line decide what -i offers, the
# POSIX ones what --name offers.
function __ipcbox_ipcs_ids
    set -l kinds
    for w in (commandline -opc)[2..-1]
        switch $w
            case --shmems
                set -a kinds m
            case --queues
                set -a kinds q
            case --semaphores
                set -a kinds s
            case --all
                set -a kinds m q s
            case '--*'
            case '-*'
                set -l flags (string replace -r 'i.*' '' -- (string sub -s 2 -- $w))
                string match -q -- '*m*' $flags; and set -a kinds m
                string match -q -- '*q*' $flags; and set -a kinds q
                string match -q -- '*s*' $flags; and set -a kinds s
                string match -q -- '*a*' $flags; and set -a kinds m q s
        end
    end
    set -q kinds[1]; or set kinds m q s
    for k in m q s
        contains -- $k $kinds; and __ipcbox_sysv $k id
    end
end

function __ipcbox_ipcs_names
    set -l kinds
    for w in (commandline -opc)[2..-1]
        switch $w
            case --posix-shmems
                set -a kinds shm
            case --posix-mqueues
                set -a kinds mqueue
            case --posix-semaphores
                set -a kinds sem
            case --posix
                set -a kinds shm mqueue sem
            case '--*'
            case '-*'
                string match -q -- '*M*' $w; and set -a kinds shm
                string match -q -- '*Q*' $w; and set -a kinds mqueue
                string match -q -- '*S*' $w; and set -a kinds sem
        end
    end
    set -q kinds[1]; or set kinds shm mqueue sem
    for k in shm mqueue sem
        contains -- $k $kinds; and __ipcbox_posix $k
    end
end

# ipcrm's historical form: ipcrm shm|msg|sem ID...
function __ipcbox_ipcrm_legacy
    set -l tokens (commandline -opc)
    set -q tokens[2]; or return 1
    contains -- $tokens[2] shm msg sem
end

# "ipcrm <TAB>": fish offers options only after a "-": offer them with the historical words.
function __ipcbox_ipcrm_first_empty
    __fish_is_first_arg; and test -z (commandline -ct)
end

function __ipcbox_ipcrm_legacy_ids
    switch (commandline -opc)[2]
        case shm
            __ipcbox_sysv m id
        case msg
            __ipcbox_sysv q id
        case sem
            __ipcbox_sysv s id
    end
end

# ipcbox CMD ARGS...: complete ARGS as CMD's, asking the ipcs of this ipcbox.
function __ipcbox_delegate
    set -l tokens (commandline -opc)
    set -g __ipcbox_prog (string replace -r '^~/' "$HOME/" -- $tokens[1])
    set -l line (string escape -- $tokens[2..-1]) (commandline -ct)
    complete -C (string join ' ' -- $line)
    set -e __ipcbox_prog
end

function __ipcbox_want_type
    string match -q -- '--all=*' (commandline -ct)
end

function __ipcbox_want_short_type
    string match -qr -- '^-a' (commandline -ct)
end

# ipcs
complete -c ipcs -f
complete -c ipcs -s i -l id -x -a '(__ipcbox_ipcs_ids)' -d 'Details of the System V object with this id'
complete -c ipcs -l name -x -a '(__ipcbox_ipcs_names)' -d 'Details of the POSIX object with this name'
complete -c ipcs -s m -l shmems -d 'System V shared memory segments'
complete -c ipcs -s q -l queues -d 'System V message queues'
complete -c ipcs -s s -l semaphores -d 'System V semaphore sets'
complete -c ipcs -s a -l all -d 'All System V objects (default)'
complete -c ipcs -s M -l posix-shmems -d 'POSIX shared memory objects'
complete -c ipcs -s Q -l posix-mqueues -d 'POSIX message queues'
complete -c ipcs -s S -l posix-semaphores -d 'POSIX named semaphores'
complete -c ipcs -l posix -d 'All POSIX objects'
complete -c ipcs -s t -l time -d 'Show attach, detach and change times'
complete -c ipcs -s p -l pid -d 'Show creator and last operator PIDs'
complete -c ipcs -s c -l creator -d 'Show creator and owner'
complete -c ipcs -s l -l limits -d 'Show resource limits'
complete -c ipcs -s u -l summary -d 'Show status summary'
complete -c ipcs -s g -l global -d 'Show each limit with its current use'
complete -c ipcs -l metrics -d 'Print limits and use in Prometheus text format'
complete -c ipcs -l output -r -F -d 'With --metrics: write the metrics to FILE atomically'
complete -c ipcs -l human -d 'Show sizes in human-readable units'
complete -c ipcs -s b -l bytes -d 'Show sizes in bytes'
complete -c ipcs -l numeric -d 'Show user and group ids as numbers'
complete -c ipcs -s J -l json -d 'Print one JSON document'
complete -c ipcs -l memory -d 'Show memory use: resident and swapped bytes, fill level, allocated bytes'
complete -c ipcs -l processes -d 'Show the processes using each object'
complete -c ipcs -l namespace -x -a '(__ipcbox_namespaces)' -d 'Show the objects of another IPC namespace (PID or FILE)'
complete -c ipcs -l all-namespaces -d 'Show every IPC namespace, one block each'
# Selection (--creator is -c, which shows creators).
complete -c ipcs -l owner -x -a '(__fish_complete_users)' -d 'Only objects owned by this user'
complete -c ipcs -l created-by -x -a '(__fish_complete_users)' -d 'Only objects created by this user'
complete -c ipcs -l orphaned -d 'Only objects no process uses any more'
complete -c ipcs -l older-than -x -a '1h 12h 1d 7d 30d' -d 'Only objects last changed longer ago'
complete -c ipcs -l key -x -a '(__ipcbox_sysv_keys)' -d 'Only System V objects with this key'
complete -c ipcs -l removeipc -d 'Objects systemd-logind removes when their owner logs out'
# Order and totals; --sort completes the last field of its comma-separated list.
function __ipcbox_sort_fields
    set -l token (commandline -ct)
    set token (string replace -r '^--sort=' '' -- $token)
    # Each a one-element list, empty or not ($head$f is empty for an empty list).
    set -l head (string replace -r '[^,]*$' '' -- $token)
    set -l last (string replace -r '^.*,' '' -- $token)
    set -l sign (string replace -r '^(-?).*$' '$1' -- $last)
    for f in key key_hex id name perms perms_octal uid user gid group cuid cuser cgid cgroup size used_bytes messages max_messages max_message_size nattch dest locked cpid lpid lspid lrpid send_time receive_time change_time attach_time detach_time nsems operation_time value modify_time rss swap allocated fill_percent full
        echo $head$sign$f
    end
end
complete -c ipcs -l sort -x -a '(__ipcbox_sort_fields)' -d 'Sort rows by these JSON members (-name: descending)'
complete -c ipcs -l top -x -d 'Only the first N rows (or owners) of each kind'
complete -c ipcs -l by-owner -d 'Totals per owner, with their share of the fullest limit'
complete -c ipcs -l by-creator -d 'Totals per creator (System V objects)'
complete -c ipcs -l messages -d 'With -q -i: list the messages without receiving them'
complete -c ipcs -s h -l help -d 'Display help'
complete -c ipcs -s V -l version -d 'Display version'

# ipcmk
complete -c ipcmk -f
complete -c ipcmk -s M -l shmem -x -d 'Create a System V shared memory segment of SIZE'
complete -c ipcmk -s Q -l queue -d 'Create a System V message queue'
complete -c ipcmk -s S -l semaphore -x -d 'Create a System V semaphore set of NUMBER'
complete -c ipcmk -s m -l posix-shmem -x -d 'Create a POSIX shared memory object of SIZE'
complete -c ipcmk -s q -l posix-mqueue -d 'Create a POSIX message queue'
complete -c ipcmk -s s -l posix-semaphore -d 'Create a POSIX named semaphore'
complete -c ipcmk -s n -l name -x -d 'Name of the POSIX objects (/NAME)'
complete -c ipcmk -s p -l mode -x -a '0600 0640 0644 0660 0666' -d 'Permissions in octal (default 0644)'
complete -c ipcmk -l key -x -d 'Create the System V object with this key'
complete -c ipcmk -l maxmsg -x -d 'Maximum number of messages of the POSIX queue'
complete -c ipcmk -l msgsize -x -d 'Maximum message size of the POSIX queue'
complete -c ipcmk -l value -x -d 'Initial value of the POSIX semaphore'
complete -c ipcmk -s J -l json -d 'Print what was made as JSON, as ipcs -J shows it'
complete -c ipcmk -l namespace -x -a '(__ipcbox_namespaces)' -d 'Create in another IPC namespace (PID or FILE)'
complete -c ipcmk -s h -l help -d 'Display help'
complete -c ipcmk -s V -l version -d 'Display version'

# ipcrm
complete -c ipcrm -f
complete -c ipcrm -n __ipcbox_ipcrm_legacy -a '(__ipcbox_ipcrm_legacy_ids)'
complete -c ipcrm -n __fish_is_first_arg -a 'shm msg sem' -d 'Historical form: remove by id'
complete -c ipcrm -n __ipcbox_ipcrm_first_empty -a '-m -M -q -Q -s -S' -d 'Remove by id (lower case) or key (upper case)'
complete -c ipcrm -n __ipcbox_ipcrm_first_empty -a '--posix-shmem --posix-mqueue --posix-semaphore' -d 'Remove a POSIX object by name'
complete -c ipcrm -n __ipcbox_ipcrm_first_empty -a '--all -v --dry-run --help' -d 'Option'
complete -c ipcrm -s m -l shmem-id -x -a '(__ipcbox_sysv m id)' -d 'Remove a shared memory segment by id'
complete -c ipcrm -s M -l shmem-key -x -a '(__ipcbox_sysv m key)' -d 'Remove a shared memory segment by key'
complete -c ipcrm -s q -l queue-id -x -a '(__ipcbox_sysv q id)' -d 'Remove a message queue by id'
complete -c ipcrm -s Q -l queue-key -x -a '(__ipcbox_sysv q key)' -d 'Remove a message queue by key'
complete -c ipcrm -s s -l semaphore-id -x -a '(__ipcbox_sysv s id)' -d 'Remove a semaphore set by id'
complete -c ipcrm -s S -l semaphore-key -x -a '(__ipcbox_sysv s key)' -d 'Remove a semaphore set by key'
complete -c ipcrm -l posix-shmem -x -a '(__ipcbox_posix shm)' -d 'Remove a POSIX shared memory object'
complete -c ipcrm -l posix-mqueue -x -a '(__ipcbox_posix mqueue)' -d 'Remove a POSIX message queue'
complete -c ipcrm -l posix-semaphore -x -a '(__ipcbox_posix sem)' -d 'Remove a POSIX named semaphore'
complete -c ipcrm -s a -l all -d 'Remove all objects, or all of one type'
complete -c ipcrm -n __ipcbox_want_type -a '--all=shm --all=pshm --all=msg --all=pmsg --all=sem --all=psem' -d 'Remove all objects of this type'
complete -c ipcrm -n __ipcbox_want_type -a '--all=posix --all=sysv --all=every' -d 'Remove all objects of these types (or a comma list: --all=shm,pshm)'
complete -c ipcrm -n __ipcbox_want_short_type -a '-ashm -apshm -amsg -apmsg -asem -apsem' -d 'Remove all objects of this type'
complete -c ipcrm -n __ipcbox_want_short_type -a '-aposix -asysv -aevery' -d 'Remove all objects of these types'
complete -c ipcrm -s v -l verbose -d 'Explain what is being done'
complete -c ipcrm -l dry-run -d 'Print what would be removed, remove nothing'
complete -c ipcrm -l namespace -x -a '(__ipcbox_namespaces)' -d 'Remove in another IPC namespace (PID or FILE)'
# Selection, for --all only.
complete -c ipcrm -l owner -x -a '(__fish_complete_users)' -d 'Only objects owned by this user'
complete -c ipcrm -l created-by -x -a '(__fish_complete_users)' -d 'Only objects created by this user'
complete -c ipcrm -l orphaned -d 'Only objects no process uses any more'
complete -c ipcrm -l older-than -x -a '1h 12h 1d 7d 30d' -d 'Only objects last changed longer ago'
complete -c ipcrm -l key -x -a '(__ipcbox_sysv_keys)' -d 'Only System V objects with this key'
complete -c ipcrm -s h -l help -d 'Display help'
complete -c ipcrm -s V -l version -d 'Display version'

# ipcbox
# lsipc: the columns of the kind on the line, completed after the last
# comma of a list (and after a leading +).
function __ipcbox_lsipc_kind
    for w in (commandline -opc)[2..-1]
        switch $w
            case --shmems
                echo m; return
            case --queues
                echo q; return
            case --semaphores
                echo s; return
            case --posix-shmems
                echo M; return
            case --posix-mqueues
                echo Q; return
            case --posix-semaphores
                echo S; return
            case '--*'
            case '-*'
                set -l flags (string replace -r '[ioN].*' '' -- (string sub -s 2 -- $w))
                string match -q -- '*M*' $flags; and echo M; and return
                string match -q -- '*Q*' $flags; and echo Q; and return
                string match -q -- '*S*' $flags; and echo S; and return
                string match -q -- '*m*' $flags; and echo m; and return
                string match -q -- '*q*' $flags; and echo q; and return
                string match -q -- '*s*' $flags; and echo s; and return
        end
    end
end

function __ipcbox_lsipc_columns
    set -l cols KEY ID OWNER PERMS CUID CUSER CGID CGROUP UID USER GID GROUP CTIME
    set -l posix NAME OWNER PERMS UID USER GID GROUP MTIME HOLDERS
    switch (__ipcbox_lsipc_kind)
        case M
            set cols $posix SIZE
        case Q
            set cols $posix USEDBYTES MSGS MAXMSGS MSGSIZE
        case S
            set cols $posix VALUE
        case m
            set -a cols SIZE NATTCH STATUS ATTACH DETACH COMMAND CPID LPID HOLDERS RSS SWAP
        case q
            set -a cols USEDBYTES MSGS SEND RECV LSPID LRPID HOLDERS FILL
        case s
            set -a cols NSEMS OTIME HOLDERS
        case '*'
            set -a cols RESOURCE DESCRIPTION LIMIT USED 'USE%'
    end
    set -l tok (string replace -r '^--(output|sort)=' '' -- (commandline -ct))
    set -l head (string match -r -- '^.*,' $tok)
    if test -z "$head"
        set head (string match -r -- '^\+' $tok)
    end
    # --sort: a minus sign before the column (descending) is kept.
    set -a head (string match -r -- '^-' (string replace -r '^.*,' '' -- $tok))
    set head (string join '' -- $head)
    # Never an empty list: "$head$c" would be empty for every column.
    test -n "$head"; or set head ''
    for c in $cols
        echo "$head$c"
    end
end

function __ipcbox_lsipc_ids
    set -l k (__ipcbox_lsipc_kind)
    string match -q -r -- '^[mqs]$' "$k"; and __ipcbox_sysv $k id
end

function __ipcbox_lsipc_names
    switch (__ipcbox_lsipc_kind)
        case M
            __ipcbox_posix shm
        case Q
            __ipcbox_posix mqueue
        case S
            __ipcbox_posix sem
    end
end

complete -c lsipc -f
complete -c lsipc -s m -l shmems -d 'Shared memory segments'
complete -c lsipc -s q -l queues -d 'Message queues'
complete -c lsipc -s s -l semaphores -d 'Semaphores'
complete -c lsipc -s M -l posix-shmems -d 'POSIX shared memory'
complete -c lsipc -s Q -l posix-mqueues -d 'POSIX message queues'
complete -c lsipc -s S -l posix-semaphores -d 'POSIX semaphores'
complete -c lsipc -s N -l name -x -a '(__ipcbox_lsipc_names)' -d 'Details on the POSIX resource with this name'
complete -c lsipc -s g -l global -d 'Info about system-wide usage'
complete -c lsipc -s i -l id -x -a '(__ipcbox_lsipc_ids)' -d 'Details on the resource with this id'
complete -c lsipc -l noheadings -d "Don't print headings"
complete -c lsipc -l notruncate -d "Don't truncate output"
complete -c lsipc -l time-format -x -a 'short full iso' -d 'Display dates in short, full or iso format'
complete -c lsipc -s b -l bytes -d 'Print SIZE in bytes'
complete -c lsipc -s c -l creator -d 'Show creator and owner'
complete -c lsipc -s e -l export -d 'Display in an export-able output format'
complete -c lsipc -s J -l json -d 'Use the JSON output format'
complete -c lsipc -s n -l newline -d 'Display each piece of information on a new line'
complete -c lsipc -s l -l list -d 'Force list output format'
complete -c lsipc -s o -l output -x -a '(__ipcbox_lsipc_columns)' -d 'Define the columns to output'
complete -c lsipc -s P -l numeric-perms -d 'Print numeric permissions'
complete -c lsipc -s r -l raw -d 'Display in raw mode'
complete -c lsipc -s t -l time -d 'Show attach, detach and change times'
complete -c lsipc -s y -l shell -d 'Column names usable as shell variables'
complete -c lsipc -l owner -x -a '(__fish_complete_users)' -d 'Only objects owned by this user'
complete -c lsipc -l created-by -x -a '(__fish_complete_users)' -d 'Only objects created by this user'
complete -c lsipc -l orphaned -d 'Only objects no process uses any more'
complete -c lsipc -l older-than -x -a '1h 12h 1d 7d 30d' -d 'Only objects last changed longer ago'
complete -c lsipc -l key -x -a '(__ipcbox_sysv_keys)' -d 'Only System V objects with this key'
complete -c lsipc -l sort -x -a '(__ipcbox_lsipc_columns)' -d 'Sort rows by these columns (-COLUMN: descending)'
complete -c lsipc -l json-typed -d 'JSON with numbers as numbers'
complete -c lsipc -l namespace -x -a '(__ipcbox_namespaces)' -d 'Show the objects of another IPC namespace (PID or FILE)'
complete -c lsipc -s h -l help -d 'Display help'
complete -c lsipc -s V -l version -d 'Display version'

complete -c ipcbox -f
complete -c ipcbox -n __fish_is_first_arg -a ftok -d 'Print the System V key ftok(3) makes of a file'
complete -c ipcbox -n '__fish_seen_subcommand_from ftok' -s v -l verbose -d 'Show the parts the key is made of'
complete -c ipcbox -n '__fish_seen_subcommand_from ftok' -s h -l help -d 'Display help'
complete -c ipcbox -n '__fish_seen_subcommand_from ftok' -s V -l version -d 'Display version'
complete -c ipcbox -n '__fish_seen_subcommand_from ftok' -F
complete -c ipcbox -n __fish_is_first_arg -a ipcmk -d 'Create System V and POSIX IPC objects'
complete -c ipcbox -n __fish_is_first_arg -a ipcrm -d 'Remove System V and POSIX IPC objects'
complete -c ipcbox -n __fish_is_first_arg -a ipcs -d 'Report System V and POSIX IPC objects'
complete -c ipcbox -n __fish_is_first_arg -a lsipc -d 'List System V IPC objects and limits in chosen columns'
complete -c ipcbox -n __fish_is_first_arg -a send -d 'Send messages to a message queue'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s q -l queue-id -x -a '(__ipcbox_sysv q id)' -d 'Send to the message queue with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s Q -l queue-key -x -a '(__ipcbox_sysv q key)' -d 'Send to the message queue with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -l posix-mqueue -x -a '(__ipcbox_posix mqueue)' -d 'Send to the POSIX message queue of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s t -l type -x -d 'The message type (System V)'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s p -l priority -x -d 'The message priority (POSIX)'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s f -l file -r -F -d 'Send the bytes of a file as one message'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s l -l lines -d 'Send each line of standard input as a message'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -l nowait -d 'Fail at once when the queue is full'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -l timeout -x -d 'Wait at most this long for room'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s h -l help -d 'Display help'
complete -c ipcbox -n '__fish_seen_subcommand_from send' -s V -l version -d 'Display version'
complete -c ipcbox -n __fish_is_first_arg -a receive -d 'Receive messages from a message queue'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s q -l queue-id -x -a '(__ipcbox_sysv q id)' -d 'Receive from the message queue with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s Q -l queue-key -x -a '(__ipcbox_sysv q key)' -d 'Receive from the message queue with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -l posix-mqueue -x -a '(__ipcbox_posix mqueue)' -d 'Receive from the POSIX message queue of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s c -l count -x -d 'Receive this many messages'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s a -l all -d 'Receive until the queue is empty, without waiting'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s t -l type -x -d 'Only messages of this type (System V)'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s e -l except -x -d 'Only messages of another type (System V)'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -l nowait -d 'Fail at once when there is no message'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -l timeout -x -d 'Wait at most this long for each message'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s r -l raw -d 'Print the bytes as they are'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s J -l json -d 'Print JSON, the bytes in base64'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s h -l help -d 'Display help'
complete -c ipcbox -n '__fish_seen_subcommand_from receive' -s V -l version -d 'Display version'
complete -c ipcbox -n __fish_is_first_arg -s l -l list -d 'List the commands'
complete -c ipcbox -n __fish_is_first_arg -s h -l help -d 'Display help'
complete -c ipcbox -n __fish_is_first_arg -s V -l version -d 'Display version'
complete -c ipcbox -n 'not __fish_is_first_arg; and __fish_seen_subcommand_from ipcs ipcmk ipcrm lsipc' -a '(__ipcbox_delegate)'
complete -c ipcbox -n __fish_is_first_arg -a read -d 'Print the bytes of a shared memory segment'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -s m -l shmem-id -x -a '(__ipcbox_sysv m id)' -d 'The shared memory segment with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -s M -l shmem-key -x -a '(__ipcbox_sysv m key)' -d 'The shared memory segment with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -l posix-shmem -x -a '(__ipcbox_posix shm)' -d 'The POSIX shared memory segment of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -s o -l offset -x -d 'Start this many bytes in'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -s l -l length -x -d 'Read this many bytes'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -s x -l hex -d 'Print a hex dump, as xxd lays it out'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -s h -l help -d 'Display help'
complete -c ipcbox -n '__fish_seen_subcommand_from read' -s V -l version -d 'Display version'
complete -c ipcbox -n __fish_is_first_arg -a sem -d 'Show, set and operate on semaphores'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -s s -l semaphore-id -x -a '(__ipcbox_sysv s id)' -d 'The semaphore set with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -s S -l semaphore-key -x -a '(__ipcbox_sysv s key)' -d 'The semaphore set with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l posix-semaphore -x -a '(__ipcbox_posix sem)' -d 'The POSIX semaphore of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l set -x -d 'Set values one by one (SETVAL): n=value,...'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l set-all -x -d 'Set every value at once (SETALL): value,...'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l op -x -d 'Operate all at once (semop): n+v,n-v,n=0'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l undo -d 'Undo --op at exit (SEM_UNDO)'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l post -d 'Add 1 (sem_post)'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l wait -d 'Take 1, waiting (sem_wait)'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l trywait -d 'Take 1 if it can at once (sem_trywait)'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l nowait -d 'Fail at once instead of waiting'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -l timeout -x -d 'Wait at most this long'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -s J -l json -d 'Print the values as JSON'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -s h -l help -d 'Display help'
complete -c ipcbox -n '__fish_seen_subcommand_from sem' -s V -l version -d 'Display version'
complete -c ipcbox -n __fish_is_first_arg -a set -d 'Change the mode, owner and limits of an IPC object'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s q -l queue-id -x -a '(__ipcbox_sysv q id)' -d 'The message queue with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s Q -l queue-key -x -a '(__ipcbox_sysv q key)' -d 'The message queue with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s m -l shmem-id -x -a '(__ipcbox_sysv m id)' -d 'The shared memory segment with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s M -l shmem-key -x -a '(__ipcbox_sysv m key)' -d 'The shared memory segment with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s s -l semaphore-id -x -a '(__ipcbox_sysv s id)' -d 'The semaphore set with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s S -l semaphore-key -x -a '(__ipcbox_sysv s key)' -d 'The semaphore set with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -l posix-mqueue -x -a '(__ipcbox_posix mqueue)' -d 'The POSIX message queue of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -l posix-shmem -x -a '(__ipcbox_posix shm)' -d 'The POSIX shared memory segment of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -l posix-semaphore -x -a '(__ipcbox_posix sem)' -d 'The POSIX semaphore of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -l mode -x -a '0600 0640 0644 0660 0666' -d 'The permissions, in octal'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -l owner -x -a '(__fish_complete_users)' -d 'The owner, and :group'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -l max-bytes -x -d 'The bytes a System V queue may hold (msg_qbytes)'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -l size -x -d 'Grow a POSIX shared memory segment'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s h -l help -d 'Display help'
complete -c ipcbox -n '__fish_seen_subcommand_from set' -s V -l version -d 'Display version'
complete -c ipcbox -n __fish_is_first_arg -a write -d 'Copy bytes into a shared memory segment'
complete -c ipcbox -n '__fish_seen_subcommand_from write' -s m -l shmem-id -x -a '(__ipcbox_sysv m id)' -d 'The shared memory segment with this id'
complete -c ipcbox -n '__fish_seen_subcommand_from write' -s M -l shmem-key -x -a '(__ipcbox_sysv m key)' -d 'The shared memory segment with this key'
complete -c ipcbox -n '__fish_seen_subcommand_from write' -l posix-shmem -x -a '(__ipcbox_posix shm)' -d 'The POSIX shared memory segment of this name'
complete -c ipcbox -n '__fish_seen_subcommand_from write' -s o -l offset -x -d 'Write from this many bytes in'
complete -c ipcbox -n '__fish_seen_subcommand_from write' -s f -l file -r -F -d 'Write the bytes of a file'
complete -c ipcbox -n '__fish_seen_subcommand_from write' -s h -l help -d 'Display help'
complete -c ipcbox -n '__fish_seen_subcommand_from write' -s V -l version -d 'Display version'

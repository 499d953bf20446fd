#!/usr/bin/python3
"""An independent peer for ipcbox sem, read and write tests: System V
semaphores and segments through python3-sysv-ipc, POSIX semaphores through
libc's sem_* via ctypes, POSIX segments through os and mmap.  Bytes are
given and printed in hex, so any byte survives the shell.

  ipc-peer.py sem-value ID                 a one-semaphore set's value
  ipc-peer.py sem-set ID VALUE             its value (SETVAL)
  ipc-peer.py sem-release ID               add 1 (semop +1)
  ipc-peer.py psem-value NAME              sem_getvalue
  ipc-peer.py psem-post NAME               sem_post
  ipc-peer.py shm-read ID OFFSET LENGTH    shmat: prints HEX
  ipc-peer.py shm-write ID OFFSET HEX      shmat: writes the bytes
  ipc-peer.py pshm-read NAME OFFSET LENGTH mmap of /dev/shm/NAME: prints HEX
  ipc-peer.py pshm-write NAME OFFSET HEX   mmap: writes the bytes
"""
import ctypes
import mmap
import os
import sys

import sysv_ipc


def key_of(kind, ident):
    """sysv_ipc opens objects by key: read it from /proc."""
    with open("/proc/sysvipc/" + kind) as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if int(fields[1]) == ident:
                return int(fields[0])
    raise LookupError("no %s with id %d" % (kind, ident))


def psem(name):
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.sem_open.restype = ctypes.c_void_p
    libc.sem_open.argtypes = [ctypes.c_char_p, ctypes.c_int]
    s = libc.sem_open(name.encode(), 0)
    if not s:
        raise OSError(ctypes.get_errno(), "sem_open")
    return libc, ctypes.c_void_p(s)


def pshm(name):
    fd = os.open("/dev/shm/" + name.lstrip("/"), os.O_RDWR)
    m = mmap.mmap(fd, os.fstat(fd).st_size)
    os.close(fd)
    return m


def main(cmd, *args):
    if cmd.startswith("sem-"):
        s = sysv_ipc.Semaphore(key_of("sem", int(args[0])))
        if cmd == "sem-value":
            print(s.value)
        elif cmd == "sem-set":
            s.value = int(args[1])
        elif cmd == "sem-release":
            s.release()
    elif cmd == "psem-value":
        libc, s = psem(args[0])
        v = ctypes.c_int()
        libc.sem_getvalue(s, ctypes.byref(v))
        print(v.value)
    elif cmd == "psem-post":
        libc, s = psem(args[0])
        libc.sem_post(s)
    elif cmd.startswith("shm-"):
        m = sysv_ipc.SharedMemory(key_of("shm", int(args[0])))
        if cmd == "shm-read":
            print(m.read(int(args[2]), int(args[1])).hex())
        else:
            m.write(bytes.fromhex(args[2]), int(args[1]))
    elif cmd == "pshm-read":
        m = pshm(args[0])
        print(m[int(args[1]):int(args[1]) + int(args[2])].hex())
    elif cmd == "pshm-write":
        m = pshm(args[0])
        data = bytes.fromhex(args[2])
        m[int(args[1]):int(args[1]) + len(data)] = data
    else:
        sys.exit("unknown command " + cmd)


main(*sys.argv[1:])

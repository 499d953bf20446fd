#!/usr/bin/python3
"""An independent peer for ipcbox send/receive tests: System V queues
through python3-sysv-ipc, POSIX queues through libc's mq_* via ctypes.
Bytes are given and printed in hex, so any byte survives the shell.

  mq-peer.py sysv-send ID TYPE HEX        msgsnd
  mq-peer.py sysv-recv ID TYPE            msgrcv (blocking): prints "TYPE HEX"
  mq-peer.py posix-send NAME PRIO HEX     mq_send
  mq-peer.py posix-recv NAME              mq_receive (blocking): prints "PRIO HEX"
"""
import ctypes
import os
import sys

import sysv_ipc


def sysv_queue(qid):
    """The queue with id QID: sysv_ipc opens queues by key, read from /proc."""
    with open("/proc/sysvipc/msg") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if int(fields[1]) == qid:
                return sysv_ipc.MessageQueue(int(fields[0]), max_message_size=1 << 20)
    raise LookupError("no queue with id %d" % qid)


def posix_queue(name, flags):
    rt = ctypes.CDLL("librt.so.1", use_errno=True)
    rt.mq_open.restype = ctypes.c_int
    rt.mq_open.argtypes = [ctypes.c_char_p, ctypes.c_int]
    q = rt.mq_open(name.encode(), flags)
    if q < 0:
        raise OSError(ctypes.get_errno(), "mq_open " + name)
    return rt, q


def main(argv):
    op = argv[1]
    if op == "sysv-send":
        sysv_queue(int(argv[2])).send(bytes.fromhex(argv[4]), type=int(argv[3]))
    elif op == "sysv-recv":
        data, mtype = sysv_queue(int(argv[2])).receive(type=int(argv[3]))
        print(mtype, data.hex())
    elif op == "posix-send":
        rt, q = posix_queue(argv[2], os.O_WRONLY)
        data = bytes.fromhex(argv[4])
        rt.mq_send.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint]
        if rt.mq_send(q, data, len(data), int(argv[3])) < 0:
            raise OSError(ctypes.get_errno(), "mq_send")
    elif op == "posix-recv":
        rt, q = posix_queue(argv[2], os.O_RDONLY)
        buf = ctypes.create_string_buffer(1 << 20)
        prio = ctypes.c_uint()
        rt.mq_receive.restype = ctypes.c_ssize_t
        rt.mq_receive.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_uint)]
        n = rt.mq_receive(q, buf, len(buf), ctypes.byref(prio))
        if n < 0:
            raise OSError(ctypes.get_errno(), "mq_receive")
        print(prio.value, buf.raw[:n].hex())
    else:
        sys.exit("unknown operation " + op)


main(sys.argv)

#ifndef IPCBOX_QUEUE_FULL_H
#define IPCBOX_QUEUE_FULL_H

/*
 * When a message queue is full: the one definition, for the metrics
 * (ipc_queue_full) and whatever shows a queue's fill level.
 */
#include <stdbool.h>
#include <stdint.h>

enum queue_state { QUEUE_NOT_FULL, QUEUE_FULL, QUEUE_UNKNOWN };

/*
 * A System V queue holding CBYTES bytes in QNUM messages, limited to QBYTES
 * (msg_qbytes; 0: unknown).  The kernel bounds both the bytes and the number
 * of messages by msg_qbytes, so the queue is full when not even a 1-byte
 * message fits: a msgsnd() would block (or fail with EAGAIN).
 */
static inline enum queue_state sysv_queue_state(uint64_t cbytes, uint64_t qnum, uint64_t qbytes)
{
	if (qbytes == 0)
		return QUEUE_UNKNOWN;
	return cbytes + 1 > qbytes || qnum + 1 > qbytes ? QUEUE_FULL : QUEUE_NOT_FULL;
}

/* A POSIX queue holding CURMSGS of MAXMSG messages (mq_getattr): full when mq_send() would block. */
static inline enum queue_state posix_queue_state(bool has_attr, int64_t curmsgs, int64_t maxmsg)
{
	if (!has_attr || maxmsg <= 0)
		return QUEUE_UNKNOWN;
	return curmsgs >= maxmsg ? QUEUE_FULL : QUEUE_NOT_FULL;
}

#endif

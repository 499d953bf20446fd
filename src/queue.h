#ifndef IPCBOX_QUEUE_H
#define IPCBOX_QUEUE_H

/*
 * A message queue to send to or receive from, System V or POSIX, found as
 * the command line names it (src/target-args.h): opening with the errors
 * that say what to do, and the calls with ipcbox's waiting (src/wait.h).
 */
#include <mqueue.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "src/target-args.h"
#include "src/wait.h"

struct queue {
	const struct ipc_target *target;
	bool posix;
	int id;			/* System V */
	mqd_t mq;		/* POSIX */
	bool writable;		/* POSIX opened for writing too: a message can be put back */
	bool nonblock;		/* POSIX: O_NONBLOCK set now */
	size_t max_size;	/* the largest message it may hold (a receive buffer's size) */
	size_t qbytes;		/* System V: its msg_qbytes, 0 if unknown */
	/* private: the receive buffer */
	void *buf;
	size_t cap;
};

enum queue_use { QUEUE_SEND, QUEUE_RECEIVE };

/* Find and open T for USE: 0, or -1 after the message. */
int queue_open(const struct ipc_target *t, enum queue_use use, const struct wait_opts *w, struct queue *q);
void queue_close(struct queue *q);

/*
 * Send SIZE bytes of DATA with TYPE (System V) or priority (POSIX),
 * waiting as W says.  0, or -1 with errno: EAGAIN (full, --nowait),
 * ETIMEDOUT, EINTR (an ending signal), others from the call.
 */
int queue_send(struct queue *q, long type, const void *data, size_t size, const struct wait_opts *w);

/* A received message; DATA is the queue's buffer, valid until the next receive. */
struct queue_message {
	long type;		/* System V type, or POSIX priority */
	size_t size;
	const unsigned char *data;
};

/* Which System V messages: msgrcv's msgtyp, and MSG_EXCEPT. */
struct queue_select {
	long type;
	bool except;
};

/*
 * Receive one message into M.  0, or -1 with errno: ENOMSG (none, with
 * --nowait), ETIMEDOUT, EINTR (an ending signal), others from the call.
 */
int queue_receive(struct queue *q, const struct queue_select *sel, const struct wait_opts *w,
		  struct queue_message *m);

/*
 * Put a message received but not written back on the queue (at its end:
 * its place changes), waiting a few seconds at most for room.  0, or -1
 * with errno.
 */
int queue_put_back(struct queue *q, long type, const void *data, size_t size);

/* "PROG: cannot send to QUEUE: why and what to do" for a failed call (errno ERRNUM). */
void queue_report(const struct queue *q, enum queue_use use, int errnum, size_t size);

/* "message queue id 5", "message queue key 0x2a (id 5)", "POSIX message queue /name": free() it. */
char *queue_describe(const struct queue *q);

#endif

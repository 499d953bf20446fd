/* Message queues to send to and receive from (see queue.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/posix.h"
#include "src/queue.h"
#include "src/sysv.h"
#include "src/target.h"
#include "src/xalloc.h"

#ifndef MSG_EXCEPT
#define MSG_EXCEPT 020000
#endif

char *queue_describe(const struct queue *q)
{
	return target_describe(q->target, q->id);
}

static void report_permission(const struct queue *q, enum queue_use use)
{
	target_report_permission(q->target, q->id, use == QUEUE_SEND ? _("sending takes write permission")
								     : _("receiving takes read permission"));
}

/* A System V queue, by id or key: 0, or -1 after the message. */
static int open_sysv(struct queue *q)
{
	if (target_sysv_id(q->target, &q->id) < 0)
		return -1;
	struct msqid_ds ds;
	if (msgctl(q->id, IPC_STAT, &ds) == 0) {
		q->qbytes = ds.msg_qbytes;
		q->max_size = ds.msg_qbytes;
	} else if (errno == EINVAL || errno == EIDRM) {
		target_report_gone(q->target, q->id);
		return -1;
	}
	/* EACCES: sending takes write permission only; the call will tell. */
	struct sysv_limits l;
	if (sysv_limits(KIND_MSG, &l) == 0 && l.msgmax > q->max_size)
		q->max_size = (size_t)l.msgmax;
	if (q->max_size == 0)
		q->max_size = 8192;
	return 0;
}

/* A POSIX queue by name: 0, or -1 after the message. */
static int open_posix(struct queue *q, enum queue_use use, const struct wait_opts *w)
{
	const char *name = q->target->arg;
	int flags = O_CLOEXEC | (w->nowait ? O_NONBLOCK : 0);
	/* A receiver opens for writing too when it may: to put back what it cannot write. */
	q->mq = mq_open(name, flags | (use == QUEUE_SEND ? O_WRONLY : O_RDWR));
	q->writable = q->mq != (mqd_t)-1;
	if (q->mq == (mqd_t)-1 && use == QUEUE_RECEIVE && (errno == EACCES || errno == EPERM))
		q->mq = mq_open(name, flags | O_RDONLY);
	if (q->mq == (mqd_t)-1) {
		if (errno == EACCES || errno == EPERM)
			report_permission(q, use);
		else
			target_report_open(q->target, errno);
		return -1;
	}
	q->nonblock = w->nowait;
	struct mq_attr a;
	q->max_size = mq_getattr(q->mq, &a) == 0 && a.mq_msgsize > 0 ? (size_t)a.mq_msgsize : 8192;
	return 0;
}

int queue_open(const struct ipc_target *t, enum queue_use use, const struct wait_opts *w, struct queue *q)
{
	memset(q, 0, sizeof(*q));
	q->target = t;
	q->posix = t->kind == KIND_PMSG;
	q->mq = (mqd_t)-1;
	return q->posix ? open_posix(q, use, w) : open_sysv(q);
}

void queue_close(struct queue *q)
{
	if (q->posix && q->mq != (mqd_t)-1)
		mq_close(q->mq);
	free(q->buf);
	q->buf = NULL;
}

/* A POSIX call waits or not as W says (--all receives without waiting). */
static void posix_waiting(struct queue *q, const struct wait_opts *w)
{
	if (q->nonblock == w->nowait)
		return;
	struct mq_attr a = { .mq_flags = w->nowait ? O_NONBLOCK : 0 };
	if (mq_setattr(q->mq, &a, NULL) == 0)
		q->nonblock = w->nowait;
}

/* Room for a System V message of SIZE bytes after its type. */
static void *room(struct queue *q, size_t size)
{
	size_t need = sizeof(long) + size;
	if (need > q->cap) {
		free(q->buf);
		q->buf = xmalloc(need);
		q->cap = need;
	}
	return q->buf;
}

int queue_send(struct queue *q, long type, const void *data, size_t size, const struct wait_opts *w)
{
	int rc;
	if (q->posix) {
		posix_waiting(q, w);
		do
			rc = w->has_timeout && !w->nowait ? mq_timedsend(q->mq, data, size, (unsigned)type, &w->deadline)
							  : mq_send(q->mq, data, size, (unsigned)type);
		while (rc < 0 && errno == EINTR && wait_retry(w));
		return rc;
	}
	/* A message larger than the queue's limit would wait for ever. */
	if (q->qbytes && size > q->qbytes) {
		errno = EFBIG;
		return -1;
	}
	long *buf = room(q, size);
	buf[0] = type;
	memcpy(buf + 1, data, size);
	wait_arm(w);
	while ((rc = msgsnd(q->id, buf, size, w->nowait ? IPC_NOWAIT : 0)) < 0 && errno == EINTR && wait_retry(w))
		;
	int e = errno;
	wait_disarm();
	errno = e;
	return rc;
}

int queue_receive(struct queue *q, const struct queue_select *sel, const struct wait_opts *w,
		  struct queue_message *m)
{
	if (q->posix) {
		unsigned prio;
		ssize_t n;
		posix_waiting(q, w);
		if (q->cap < q->max_size) {
			free(q->buf);
			q->buf = xmalloc(q->max_size);
			q->cap = q->max_size;
		}
		do
			n = w->has_timeout && !w->nowait ? mq_timedreceive(q->mq, q->buf, q->cap, &prio, &w->deadline)
							 : mq_receive(q->mq, q->buf, q->cap, &prio);
		while (n < 0 && errno == EINTR && wait_retry(w));
		if (n < 0) {
			if (errno == EAGAIN)
				errno = ENOMSG;
			return -1;
		}
		m->type = prio;
		m->size = (size_t)n;
		m->data = q->buf;
		return 0;
	}
	int flags = (w->nowait ? IPC_NOWAIT : 0) | (sel->except ? MSG_EXCEPT : 0);
	ssize_t n;
	size_t cap = q->cap > sizeof(long) + q->max_size ? q->cap - sizeof(long) : q->max_size;
	wait_arm(w);
	for (;;) {
		long *buf = room(q, cap);
		n = msgrcv(q->id, buf, cap, sel->type, flags);
		if (n >= 0)
			break;
		if (errno == E2BIG && cap < SIZE_MAX / 4) {
			cap *= 2;	/* larger than msgmax now: msgmax was lowered since */
			continue;
		}
		if (errno != EINTR || !wait_retry(w))
			break;
	}
	int e = errno;
	wait_disarm();
	if (n < 0) {
		errno = e;
		return -1;
	}
	m->type = ((long *)q->buf)[0];
	m->size = (size_t)n;
	m->data = (const unsigned char *)q->buf + sizeof(long);
	return 0;
}

int queue_put_back(struct queue *q, long type, const void *data, size_t size)
{
	struct wait_opts w = { .has_timeout = true, .timeout = { 5, 0 } };
	wait_start(&w);
	if (!q->posix) {
		/* Its own buffer: DATA may be the queue's. */
		long *buf = xmalloc(sizeof(long) + size);
		buf[0] = type;
		memcpy(buf + 1, data, size);
		int rc;
		wait_arm(&w);
		/* Even after an ending signal: the message must get back. */
		while ((rc = msgsnd(q->id, buf, size, 0)) < 0 && errno == EINTR && wait_left_us(&w) > 0)
			;
		int e = errno;
		wait_disarm();
		free(buf);
		errno = e;
		return rc;
	}
	if (!q->writable) {
		errno = EACCES;
		return -1;
	}
	posix_waiting(q, &w);	/* blocking, for mq_timedsend's wait */
	int rc;
	while ((rc = mq_timedsend(q->mq, data, size, (unsigned)type, &w.deadline)) < 0 && errno == EINTR &&
	       wait_left_us(&w) > 0)
		;
	return rc;
}

/* The queue is full: how full, and what to do. */
static void report_full(const struct queue *q, const char *what, int errnum, size_t size)
{
	const char *when = errnum == ETIMEDOUT ? _("still full at the timeout") : _("full");
	if (q->posix) {
		struct mq_attr a;
		if (mq_getattr(q->mq, &a) == 0) {
			warnx(_("%s is %s: it holds %ld messages, its limit (mq_maxmsg, set by ipcmk --maxmsg when it "
				"was made); receive messages from it, or make it again with a larger --maxmsg "
				"(at most /proc/sys/fs/mqueue/msg_max)"), what, when, (long)a.mq_curmsgs);
			return;
		}
	} else {
		struct msqid_ds ds;
		if (msgctl(q->id, IPC_STAT, &ds) == 0) {
			warnx(_("%s is %s: it holds %lu bytes in %lu messages, and %zu more would pass its limit of "
				"%lu bytes (msg_qbytes); receive messages from it, or raise the limit (msgctl IPC_SET "
				"msg_qbytes; above /proc/sys/kernel/msgmnb only root may)"), what, when,
			      (unsigned long)ds.msg_cbytes, (unsigned long)ds.msg_qnum, size,
			      (unsigned long)ds.msg_qbytes);
			return;
		}
	}
	warnx(_("%s is %s"), what, when);
}

void queue_report(const struct queue *q, enum queue_use use, int errnum, size_t size)
{
	char *what = queue_describe(q);
	struct sysv_limits l;
	switch (errnum) {
	case EAGAIN:
	case ETIMEDOUT:
		if (use == QUEUE_SEND)
			report_full(q, what, errnum, size);
		else
			warnx(_("%s: no message arrived before the timeout"), what);
		break;
	case ENOMSG:
		warnx(_("%s: no message to receive (--nowait)"), what);
		break;
	case EACCES:
	case EPERM:
		report_permission(q, use);
		break;
	case EIDRM:
		warnx(_("%s was removed"), what);
		break;
	case EFBIG:
		warnx(_("%s: a message of %zu bytes can never fit: the queue's limit is %zu bytes (msg_qbytes); "
			"raise it first (msgctl IPC_SET)"), what, size, q->qbytes);
		break;
	case EMSGSIZE:
		warnx(_("%s: a message of %zu bytes is larger than the queue's message size (mq_msgsize %zu, set "
			"by ipcmk --msgsize when it was made)"), what, size, q->max_size);
		break;
	case EINVAL:
		if (!q->posix && use == QUEUE_SEND && sysv_limits(KIND_MSG, &l) == 0 && size > l.msgmax) {
			warnx(_("%s: a message of %zu bytes is larger than msgmax, %lu bytes "
				"(/proc/sys/kernel/msgmax; only root may raise it)"), what, size, (unsigned long)l.msgmax);
			break;
		}
		if (!q->posix) {
			warnx(_("%s was removed"), what);
			break;
		}
		/* fall through */
	default:
		warnx(use == QUEUE_SEND ? _("cannot send to %s: %s") : _("cannot receive from %s: %s"), what,
		      strerror(errnum));
		break;
	}
	free(what);
}

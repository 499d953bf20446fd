/*
 * ipcbox receive: messages out of a System V or POSIX message queue, as
 * text lines, raw bytes or JSON.
 *
 * No message is lost.  Before the first receive, standard output is
 * checked where that can be known (a pipe nobody reads, /dev/full).
 * Received messages are kept until the bytes that show them are known to
 * be written: output goes out through out_flush_counted(), which says how
 * many bytes got out; the messages not wholly written are put back on the
 * queue (at its end: their place changes, and stderr says so) and the
 * exit status is 1.  Before waiting for the next message the output is
 * written, so an ending signal (SIGTERM, SIGINT, SIGHUP) during the wait
 * finds nothing held; one that comes while messages are held lets them be
 * written or put back first.  SIGPIPE and SIGXFSZ are ignored: the write
 * fails instead.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/json.h"
#include "src/message-out.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/queue.h"
#include "src/receive-args.h"
#include "src/xalloc.h"

/* A message received whose output is not known to be written yet. */
struct held_msg {
	long type;
	size_t size, data_off;	/* its bytes in held.data */
	size_t end;		/* where its output ends in the output buffer */
};

static struct {
	struct held_msg *msgs;
	size_t n, cap;
	unsigned char *data;
	size_t len, data_cap;
	bool big;		/* one message longer than the buffer: written as it was formatted */
} held;

static char *escaped;		/* the text form's escaping buffer */
static size_t escaped_cap;

/* Standard output can take bytes, as far as can be known without writing: 0, or -1 after the message. */
static int check_stdout(void)
{
	struct stat st;
	int fl = fcntl(STDOUT_FILENO, F_GETFL);
	if (fl < 0 || fstat(STDOUT_FILENO, &st) < 0 || (fl & O_ACCMODE) == O_RDONLY) {
		warnx(_("standard output is not open for writing: nothing was received"));
		return -1;
	}
	if (S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 7) {
		warnx(_("standard output is /dev/full: nothing was received"));
		return -1;
	}
	struct pollfd p = { STDOUT_FILENO, POLLOUT, 0 };
	if ((S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) && poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLERR | POLLHUP))) {
		warnx(_("standard output is a pipe nobody reads: nothing was received"));
		return -1;
	}
	return 0;
}

/* Keep a copy of M until its output is written. */
static void hold(const struct queue_message *m)
{
	if (held.n == held.cap)
		held.msgs = xreallocarray(held.msgs, held.cap = held.cap ? 2 * held.cap : 64, sizeof(*held.msgs));
	if (m->size > held.data_cap - held.len) {
		while (m->size > held.data_cap - held.len)
			held.data_cap = held.data_cap ? 2 * held.data_cap : 65536;
		held.data = xreallocarray(held.data, held.data_cap, 1);
	}
	struct held_msg *h = &held.msgs[held.n++];
	*h = (struct held_msg){ m->type, m->size, held.len, SIZE_MAX };
	if (m->size)	/* an empty message may come before any buffer */
		memcpy(held.data + held.len, m->data, m->size);
	held.len += m->size;
}

/* The output bytes a message may take at most. */
static size_t output_bound(enum receive_format f, size_t size)
{
	if (f == RECEIVE_RAW)
		return size;
	if (f == RECEIVE_JSON)
		return 160 + 4 * (size / 3 + 1);
	return 96 + 4 * size;
}

static void format_message(const struct receive_request *req, const struct queue *q, struct json *doc,
			   const struct queue_message *m)
{
	const char *label = q->posix ? "priority" : "type";
	switch (req->format) {
	case RECEIVE_RAW:
		out_write(m->data, m->size);
		break;
	case RECEIVE_JSON:
		json_open_object(doc, NULL);
		json_message(doc, label, m->type, m->data, m->size);
		json_close_object(doc);
		break;
	case RECEIVE_TEXT:
		if (ESCAPED_SIZE(m->size) > escaped_cap) {
			free(escaped);
			escaped_cap = ESCAPED_SIZE(m->size);
			escaped = xmalloc(escaped_cap);
		}
		out_message_text(label, m->type, m->data, m->size, m->size, escaped, escaped_cap);
		break;
	}
}

/* Put back the held messages from the I-th on: 0, or -1 if one could not be (after its bytes on stderr). */
static int put_back_from(struct queue *q, size_t i, int write_errno)
{
	size_t count = held.n - i;
	int rc = 0;
	char *what = queue_describe(q);
	for (; i < held.n; i++) {
		const struct held_msg *h = &held.msgs[i];
		const unsigned char *data = held.data + h->data_off;
		if (queue_put_back(q, h->type, data, h->size) == 0)
			continue;
		/* The last resort: the bytes where a person can see them. */
		char *b64 = base64_alloc(data, h->size);
		warn(_("cannot put a message back on %s (%s %ld, %zu bytes); its bytes in base64: %s"), what,
		     q->posix ? "priority" : "type", h->type, h->size, b64);
		free(b64);
		count--;
		rc = -1;
	}
	if (count)
		warnx(P_("%s: %zu message could not be written (%s): it was put back at the end of the queue "
			 "(its place in the queue changed)",
			 "%s: %zu messages could not be written (%s): they were put back at the end of the queue "
			 "(their place in the queue changed)", count), what, count, strerror(write_errno));
	free(what);
	held.n = 0;
	held.len = 0;
	return rc;
}

/*
 * Write what is held: 0, or -1 when the output failed (the unwritten
 * messages put back).  With KEEP_LAST the last message, not formatted
 * yet, stays held.
 */
static int flush_held(struct queue *q, bool keep_last)
{
	size_t written;
	int rc = out_flush_counted(&written);
	int e = errno;
	if (held.big && (rc < 0 || ferror(stdout))) {
		/* A message longer than the buffer went out as it was formatted: all or nothing. */
		rc = -1;
		written = 0;
		e = e ? e : EIO;
	}
	held.big = false;
	if (rc < 0) {
		size_t i = 0;
		while (i < held.n && held.msgs[i].end <= written)
			i++;
		put_back_from(q, i, e);
		return -1;
	}
	if (keep_last && held.n) {
		struct held_msg last = held.msgs[held.n - 1];
		memmove(held.data, held.data + last.data_off, last.size);
		last.data_off = 0;
		held.msgs[0] = last;
		held.n = 1;
		held.len = last.size;
	} else {
		held.n = 0;
		held.len = 0;
	}
	return 0;
}

/* Receive as REQ asks; the exit status. */
static int receive_loop(const struct receive_request *req, struct queue *q)
{
	struct json doc = { 0 };
	if (req->format == RECEIVE_JSON) {
		json_open_object(&doc, NULL);
		json_open_array(&doc, "messages");
	}
	unsigned long long want = req->count ? req->count : 1;
	int status = 0;
	for (unsigned long long got = 0; req->all || got < want; got++) {
		struct wait_opts w = req->wait;
		w.nowait = w.nowait || req->all;
		wait_start(&w);
		struct queue_message m;
		int rc = -1;
		if (held.n && !w.nowait) {
			/* Before waiting, what is held goes out. */
			struct wait_opts now = { .nowait = true };
			rc = queue_receive(q, &req->select, &now, &m);
			if (rc < 0 && errno != ENOMSG)
				break;
			if (rc < 0 && flush_held(q, false) < 0) {
				status = 1;
				break;
			}
		}
		if (rc < 0)
			rc = queue_receive(q, &req->select, &w, &m);
		if (rc < 0) {
			int e = errno;
			if (e == ENOMSG && req->all)
				break;
			if (e == EINTR && wait_stop_signal())
				break;
			if (flush_held(q, false) < 0)
				return 1;
			queue_report(q, QUEUE_RECEIVE, e, 0);
			status = 1;
			break;
		}
		/* Held (not formatted yet: SIZE_MAX) before anything can fail. */
		hold(&m);
		size_t bound = output_bound(req->format, m.size);
		if (bound > OUT_SIZE - outbuf.len && held.n > 1 && flush_held(q, true) < 0)
			return 1;
		held.big = bound > OUT_SIZE;
		format_message(req, q, &doc, &m);
		held.msgs[held.n - 1].end = outbuf.len;
		if ((held.big || wait_stop_signal()) && flush_held(q, false) < 0)
			return 1;
		if (wait_stop_signal())
			break;
	}
	if (flush_held(q, false) < 0)
		return 1;
	if (req->format == RECEIVE_JSON) {
		json_close_array(&doc);
		json_close_object(&doc);
	}
	return status;
}

int receive_main(int argc, char **argv)
{
	struct receive_request req;
	argv[0] = (char *)"ipcbox receive";	/* getopt's messages name it so too */
	if (receive_parse_args(argc, argv, &req) < 0)
		return 1;
	if (req.action != CMDLINE_RUN)
		return cmdline_act(&receive_cmdline, req.action);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
	wait_catch_signals();
	if (check_stdout() < 0)
		return 1;
	struct queue q;
	if (queue_open(&req.target, QUEUE_RECEIVE, &req.wait, &q) < 0)
		return 1;
	int status = receive_loop(&req, &q);
	queue_close(&q);
	free(held.msgs);
	free(held.data);
	free(escaped);
	if (wait_stop_signal()) {
		/* Everything received is written or back on the queue: end as the signal would. */
		flush_stdout();
		wait_die_of_stop_signal();
	}
	int rc = close_stdout();
	return status ? status : rc;
}

/*
 * ipcbox send: messages into a System V or POSIX message queue, from the
 * arguments, a file or the lines of standard input.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/queue.h"
#include "src/send-args.h"
#include "src/xalloc.h"

/* The words of the command line joined by spaces, as echo joins them. */
static char *join_words(char **words, int n, size_t *len)
{
	size_t total = 0;
	for (int i = 0; i < n; i++)
		total += strlen(words[i]) + 1;
	char *s = xmalloc(total), *p = s;
	for (int i = 0; i < n; i++) {
		size_t l = strlen(words[i]);
		memcpy(p, words[i], l);
		p += l;
		*p++ = ' ';
	}
	*len = total ? total - 1 : 0;
	return s;
}

/* All of FILE ("-": standard input): a new buffer, or NULL after the message. */
static char *read_file(const char *file, size_t *len)
{
	int fd = strcmp(file, "-") == 0 ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		warn(_("cannot open '%s'"), escape_arg(file));
		return NULL;
	}
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (n == cap)
			buf = xreallocarray(buf, cap *= 2, 1);
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			warn(_("cannot read '%s'"), escape_arg(file));
			free(buf);
			buf = NULL;
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	*len = n;
	return buf;
}

/* One message: 0, or -1 after the message. */
static int send_one(const struct send_request *req, struct queue *q, const void *data, size_t len)
{
	struct wait_opts w = req->wait;
	wait_start(&w);
	long type = q->posix ? (long)req->priority : req->type;
	if (queue_send(q, type, data, len, &w) == 0)
		return 0;
	int e = errno;
	if (e == EINTR && wait_stop_signal())
		return -1;
	queue_report(q, QUEUE_SEND, e, len);
	return -1;
}

/* --lines: each line of standard input (without its newline) a message. */
static int send_lines(const struct send_request *req, struct queue *q, unsigned long long *sent)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;
	errno = 0;
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (send_one(req, q, line, (size_t)n) < 0) {
			rc = -1;
			break;
		}
		++*sent;
	}
	if (rc == 0 && ferror(stdin)) {
		warn(_("cannot read standard input"));
		rc = -1;
	}
	free(line);
	return rc;
}

int send_main(int argc, char **argv)
{
	struct send_request req;
	argv[0] = (char *)"ipcbox send";	/* getopt's messages name it so too */
	if (send_parse_args(argc, argv, &req) < 0)
		return 1;
	if (req.action != CMDLINE_RUN)
		return cmdline_act(&send_cmdline, req.action);
	wait_catch_signals();
	struct queue q;
	if (queue_open(&req.target, QUEUE_SEND, &req.wait, &q) < 0)
		return 1;
	int rc = 0;
	unsigned long long sent = 0;
	if (req.lines) {
		rc = send_lines(&req, &q, &sent);
		if (rc < 0 && sent)
			warnx(P_("%llu message was sent before", "%llu messages were sent before", sent), sent);
	} else {
		size_t len;
		char *data = req.file ? read_file(req.file, &len) : join_words(req.words, req.nwords, &len);
		rc = data ? send_one(&req, &q, data, len) : -1;
		free(data);
	}
	queue_close(&q);
	if (wait_stop_signal())
		wait_die_of_stop_signal();
	return rc < 0 ? 1 : close_stdout();
}

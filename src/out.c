/* The one writer of standard output; see src/out.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "src/numbers.h"
#include "src/out.h"

struct out_buffer outbuf;

static FILE *destination;	/* NULL: stdout */

/* Where the bytes go now. */
static FILE *dest(void)
{
	static bool unbuffered;
	if (destination)
		return destination;
	/*
	 * Nothing else writes to stdout: stdio's own buffer would only cut
	 * each 64 KiB into two writes.  Set before stdout's first output.
	 */
	if (!unbuffered) {
		setvbuf(stdout, NULL, _IONBF, 0);
		unbuffered = true;
	}
	return stdout;
}

void out_flush(void)
{
	if (outbuf.len == 0)
		return;
	fwrite_unlocked(outbuf.buf, 1, outbuf.len, dest());
	outbuf.len = 0;
}

FILE *out_set_destination(FILE *f)
{
	FILE *before = destination;
	out_flush();
	destination = f;
	return before;
}

void out_write_direct(const void *p, size_t n)
{
	fwrite_unlocked(p, 1, n, dest());
}

void out_vprintf(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	/* Formatted in place when it fits; vsnprintf's NUL lands in the free part. */
	size_t room = OUT_SIZE - outbuf.len;
	int n = vsnprintf(outbuf.buf + outbuf.len, room, fmt, ap);
	if (n >= 0 && (size_t)n < room) {
		outbuf.len += (size_t)n;
	} else if (n >= 0 && (size_t)n < OUT_SIZE) {
		out_flush();
		outbuf.len = (size_t)vsnprintf(outbuf.buf, OUT_SIZE, fmt, again);
	} else if (n >= 0) {
		/* Longer than the whole buffer (a message's escaped bytes): on its own. */
		char *s;
		if (vasprintf(&s, fmt, again) >= 0) {
			out_flush();
			out_write_direct(s, (size_t)n);
			free(s);
		}
	}
	va_end(again);
}

void out_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	out_vprintf(fmt, ap);
	va_end(ap);
}

int out_terminal_width(void)
{
	struct winsize ws;
	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *env = getenv("COLUMNS");
	long long v;
	return env && parse_llong(env, 10, 1, INT_MAX, &v) ? (int)v : 80;
}

int out_flush_counted(size_t *written)
{
	*written = 0;
	dest();	/* stdout unbuffered: stdio holds nothing of ours */
	int rc = 0;
	while (*written < outbuf.len) {
		ssize_t n = write(fileno(stdout), outbuf.buf + *written, outbuf.len - *written);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			rc = -1;
			break;
		}
		*written += (size_t)n;
	}
	outbuf.len = 0;
	return rc;
}

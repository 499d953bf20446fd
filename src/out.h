#ifndef IPCBOX_OUT_H
#define IPCBOX_OUT_H

/*
 * The one writer of standard output.  Every byte ipcbox prints there goes
 * through this 64 KiB buffer (tests/output.bats checks that nothing else
 * writes to stdout), so bytes come out in the order of the calls whatever
 * wrote them: a table filled in place, a JSON document, an out_printf()
 * line.  The buffer goes to stdio in one fwrite when full, so tens of
 * thousands of rows cost neither a stdio call (and its locking) per row
 * nor a copy per cell.
 *
 * flush_stdout() (src/util.h) sends the pending bytes before a message on
 * stderr, a fork or a write that must be known to have succeeded;
 * close_stdout() at the end, with the error check.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define OUT_SIZE 65536
/* What one out_room() call may ask for at most. */
#define OUT_ROOM_MAX 8192

struct out_buffer {
	size_t len;
	char buf[OUT_SIZE];
};
extern struct out_buffer outbuf;

/* Hand the pending bytes to stdio (errors surface at close_stdout()). */
void out_flush(void);

/*
 * From now on the bytes go to F (NULL: stdout), once the pending ones have
 * gone where they were going; returns the destination before.  For a file
 * written through the same writers (ipcs --metrics --output).
 */
FILE *out_set_destination(FILE *f);

/*
 * The pending bytes straight to standard output's descriptor, for a
 * caller that must know which bytes got out (ipcbox receive puts back the
 * messages that did not): *WRITTEN of them did.  0, or -1 with errno; the
 * buffer is empty either way.
 */
int out_flush_counted(size_t *written);

/* Past the buffer: straight to stdio (the buffer must be empty). */
void out_write_direct(const void *p, size_t n);

/*
 * The width of the terminal standard output is: its window size (else
 * COLUMNS, else 80), or 0 when it is no terminal (a pipe, a file: nothing
 * is cut for scripts).
 */
int out_terminal_width(void);

/* printf() into the buffer, for the few lines that are formatted. */
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A pointer where N <= OUT_ROOM_MAX bytes can be written; then out_end(). */
static inline char *out_room(size_t n)
{
	if (n > OUT_SIZE - outbuf.len)
		out_flush();
	return outbuf.buf + outbuf.len;
}

/* The bytes up to END (from out_room()) are written. */
static inline void out_end(char *end)
{
	outbuf.len = (size_t)(end - outbuf.buf);
}

static inline void out_write(const void *p, size_t n)
{
	if (n > OUT_ROOM_MAX) {
		out_flush();
		out_write_direct(p, n);
		return;
	}
	char *dst = out_room(n);
	memcpy(dst, p, n);
	outbuf.len += n;
}

static inline void out_char(char c)
{
	if (outbuf.len == OUT_SIZE)
		out_flush();
	outbuf.buf[outbuf.len++] = c;
}

static inline void out_str(const char *s)
{
	out_write(s, strlen(s));
}

#endif

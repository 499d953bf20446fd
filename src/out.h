#ifndef IPCBOX_OUT_H
#define IPCBOX_OUT_H

/*
 * The output buffer in front of stdout for the bulk writers (text tables
 * and JSON): 64 KiB filled in place, with known lengths, and handed to
 * stdio in one fwrite when full, so tens of thousands of rows cost neither
 * a stdio call (and its locking) per row nor a copy per cell.
 *
 * Order: bytes here reach stdout only at out_flush().  flush_stdout() and
 * close_stdout() (src/util.h) call it, so warnings, exits and forks keep
 * stdout in order; any other code printing to stdout with stdio while
 * this buffer may hold bytes must call out_flush() first.
 */
#include <stddef.h>
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

/* Past the buffer: straight to stdio (the buffer must be empty). */
void out_write_direct(const void *p, size_t n);

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

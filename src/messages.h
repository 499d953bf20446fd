#ifndef IPCBOX_MESSAGES_H
#define IPCBOX_MESSAGES_H

/*
 * The error idiom: "PROG: MESSAGE" on stderr, stdout flushed first so the
 * two stay in order, and stdout checked at exit (a failed write is status 1).
 */
#include <stdarg.h>

/* Messages are prefixed with the name the command was invoked as. */
void set_progname(const char *name);
const char *get_progname(void);

void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* warnx() with a va_list, for callers that add to the message. */
void vwarnx(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* The same, then exit through close_stdout() so a failed write turns into status 1. */
_Noreturn void errx(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void err(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Flush stdout now: 0, or -1 with the cause kept for close_stdout(). */
int flush_stdout(void);
/* Flush and close stdout; on failure print "PROG: write error..." and return 1. */
int close_stdout(void);

#endif

/* The error idiom and checked output (see messages.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/i18n.h"
#include "src/messages.h"
#include "src/out.h"

static const char *progname = "ipcbox";

void set_progname(const char *name) { progname = name; }
const char *get_progname(void) { return progname; }

/* Why a write to stdout failed, kept for close_stdout()'s message. */
static int stdout_errno;

/* The output buffer into stdio, keeping the cause of a failed write. */
static void flush_buffer(void)
{
	errno = 0;
	out_flush();
	if (errno && ferror(stdout) && !stdout_errno)
		stdout_errno = errno;
}

int flush_stdout(void)
{
	flush_buffer();
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	if (!stdout_errno)
		stdout_errno = errno;
	return -1;
}

int close_stdout(void)
{
	flush_buffer();
	bool failed = ferror(stdout) != 0;
	errno = 0;
	if (fclose(stdout) != 0)
		failed = true;
	if (!failed)
		return 0;
	int errnum = errno ? errno : stdout_errno;
	if (errnum)
		fprintf(stderr, _("%s: write error: %s\n"), progname, strerror(errnum));
	else
		fprintf(stderr, _("%s: write error\n"), progname);
	return 1;
}

/* Exit through close_stdout() so a failed write turns into status 1. */
static _Noreturn void exit_checked(int status)
{
	int rc = close_stdout();
	exit(status ? status : rc);
}

__attribute__((format(printf, 1, 0)))
static void vmessage(const char *fmt, va_list ap, int errnum)
{
	flush_stdout();	/* keep stdout and stderr in order */
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void vwarnx(const char *fmt, va_list ap)
{
	vmessage(fmt, ap, 0);
}

void warnx(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, 0);
	va_end(ap);
}

void warn(const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, errnum);
	va_end(ap);
}

void errx(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, 0);
	va_end(ap);
	exit_checked(status);
}

void err(int status, const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, errnum);
	va_end(ap);
	exit_checked(status);
}

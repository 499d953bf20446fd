#ifndef IPCBOX_MQUEUE_TEXT_H
#define IPCBOX_MQUEUE_TEXT_H

/*
 * The text of a message queue's file, "QSIZE:5          NOTIFY:0     SIGNO:0
 *     NOTIFY_PID:0\n", parsed without side effects (the fuzz target
 * "mqueue-text" checks it).  Needs _GNU_SOURCE (memmem) before any include.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Digits at S..END into *V (no sign, stops at a non-digit); false if none or over 2^64-1. */
static inline bool mqueue_digits(const char *s, const char *end, uint64_t *v)
{
	uint64_t n = 0;
	if (s == end || (unsigned)(*s - '0') > 9)
		return false;
	for (; s < end && (unsigned)(*s - '0') <= 9; s++)
		if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, (uint64_t)(*s - '0'), &n))
			return false;
	*v = n;
	return true;
}

/*
 * The N bytes at BUF (no terminator needed): *QSIZE the bytes queued (0
 * unless the text starts with a valid "QSIZE:"), *NOTIFY_PID the process
 * registered with mq_notify (0 unless a valid "NOTIFY_PID:" in 1..INT64_MAX
 * follows). True if QSIZE was read.
 */
static inline bool mqueue_parse_text(const char *buf, size_t n, uint64_t *qsize, int64_t *notify_pid)
{
	const char *end = buf + n;
	uint64_t v;
	bool ok = n >= 6 && memcmp(buf, "QSIZE:", 6) == 0 && mqueue_digits(buf + 6, end, &v);
	*qsize = ok ? v : 0;
	const char *notify = memmem(buf, n, "NOTIFY_PID:", 11);
	*notify_pid = notify && mqueue_digits(notify + 11, end, &v) && v > 0 && v <= INT64_MAX
		      ? (int64_t)v : 0;
	return ok;
}

#endif

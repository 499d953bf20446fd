/*
 * Fuzz target: the text of a message queue's file through
 * mqueue_parse_text (src/mqueue-text.h), as posix.c's read_mqueue gives it.
 *
 * Input: the file's bytes (any, not NUL-terminated); also, from the first
 * 20 bytes, the four numbers of a text in the kernel's format.
 *
 * Properties: no crash, no read past the N bytes (an exact-size heap copy
 * under ASan); QSIZE and NOTIFY_PID equal an independent reference
 * (byte-by-byte search, 128-bit arithmetic: a number over 2^64-1 is no
 * number, a pid must be 1..INT64_MAX, anything else reads as 0); the
 * kernel's text "QSIZE:%-10lu NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n"
 * gives back its QSIZE and (when positive) its pid.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdbool.h>

#include "src/mqueue-text.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	return 0;
}

/* Decimal digits at P (at least one, no sign) that fit in 64 bits. */
static bool ref_number(const uint8_t *p, const uint8_t *end, uint64_t *v)
{
	unsigned __int128 n = 0;
	const uint8_t *q = p;
	for (; q < end && *q >= '0' && *q <= '9'; q++) {
		n = n * 10 + (unsigned)(*q - '0');
		if (n > UINT64_MAX)
			return false;
	}
	*v = (uint64_t)n;
	return q > p;
}

static bool ref_starts(const uint8_t *p, const uint8_t *end, const char *word)
{
	for (; *word; word++, p++)
		if (p >= end || *p != (uint8_t)*word)
			return false;
	return true;
}

static void check_text(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);	/* exact size: ASan sees overreads */
	if (!buf)
		abort();
	memcpy(buf, data, size);
	uint64_t qsize = 12345;
	int64_t pid = 12345;
	bool ok = mqueue_parse_text(buf, size, &qsize, &pid);
	free(buf);

	const uint8_t *end = data + size;
	uint64_t rq = 0, v;
	bool rok = ref_starts(data, end, "QSIZE:") && ref_number(data + 6, end, &rq);
	if (!rok)
		rq = 0;
	int64_t rpid = 0;
	for (const uint8_t *p = data; p < end; p++) {
		if (!ref_starts(p, end, "NOTIFY_PID:"))
			continue;
		if (ref_number(p + 11, end, &v) && v >= 1 && v <= INT64_MAX)
			rpid = (int64_t)v;
		break;	/* the first one counts */
	}
	FUZZ_CHECK(ok == rok, "ok %d, reference %d", ok, rok);
	FUZZ_CHECK(qsize == rq, "QSIZE %" PRIu64 ", reference %" PRIu64, qsize, rq);
	FUZZ_CHECK(pid == rpid, "NOTIFY_PID %" PRId64 ", reference %" PRId64, pid, rpid);
}

static void check_kernel_text(const uint8_t *data, size_t size)
{
	uint8_t b[20] = { 0 };
	memcpy(b, data, size < sizeof(b) ? size : sizeof(b));
	uint64_t q;
	int32_t notify, signo, npid;
	memcpy(&q, b, 8);
	memcpy(&notify, b + 8, 4);
	memcpy(&signo, b + 12, 4);
	memcpy(&npid, b + 16, 4);
	char text[128];
	int n = snprintf(text, sizeof(text), "QSIZE:%-10" PRIu64 " NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n",
			 q, notify, signo, npid);
	FUZZ_CHECK(n > 0 && (size_t)n < sizeof(text), "text too long");
	uint64_t qsize;
	int64_t pid;
	FUZZ_CHECK(mqueue_parse_text(text, (size_t)n, &qsize, &pid), "%s: no QSIZE", text);
	FUZZ_CHECK(qsize == q && pid == (npid > 0 ? npid : 0), "%s: %" PRIu64 " %" PRId64, text, qsize, pid);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_text(data, size);
	check_kernel_text(data, size);
	return 0;
}

/*
 * Fuzz target: /proc/PID/maps parsing as holders.c does it, the line parser
 * maps_parse_line (src/maps.h) and the chunked line splitter (src/lines.h).
 *
 * Input: the whole input is one line for maps_parse_line; after 3 bytes
 * (buffer size 1..512, a seed for the read sizes) the rest is a maps file
 * fed through struct lines in reads of pseudo-random sizes.
 *
 * Properties: no crash, no read outside the line or the buffer (exact-size
 * heap copies under ASan); a line agrees with an independent regex
 * reference (whether it names a path, /SYSV or not, and the device and
 * inode where the digits fit in 64 bits, the kernel's range); a line in
 * the kernel's format, made from the input's bytes, parses to its values;
 * the splitter gives exactly the file's lines, each cut to the buffer's
 * size, the last one also without a newline, whatever the read sizes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <regex.h>
#include <stdbool.h>

#include "src/lines.h"
#include "src/maps.h"
#include "tests/fuzz/fuzz.h"

static regex_t line_re;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	/* Three fields ending at single spaces, "MAJ:MIN INODE", spaces, the path's '/'. */
	if (regcomp(&line_re, "^[^ ]* [^ ]* [^ ]* ([0-9a-fA-F]*):([0-9a-fA-F]*) ([0-9]*) */",
		    REG_EXTENDED) != 0)
		abort();
	return 0;
}

/* The captured digits as a number in BASE; false if over 2^64-1. */
static bool ref_number(const char *line, regmatch_t m, int base, uint64_t *v)
{
	char digits[4096];
	size_t len = (size_t)(m.rm_eo - m.rm_so);
	if (len >= sizeof(digits))
		return false;
	memcpy(digits, line + m.rm_so, len);
	digits[len] = '\0';
	errno = 0;
	unsigned long long n = strtoull(digits, NULL, base);
	*v = n;
	return errno != ERANGE;
}

static void check_line(const uint8_t *data, size_t size)
{
	char *line = malloc(size ? size : 1);	/* exact size: ASan sees overreads */
	if (!line)
		abort();
	memcpy(line, data, size);
	struct maps_ref r = { 0 };
	bool path = maps_parse_line(line, line + size, &r);
	free(line);
	if (memchr(data, '\0', size))	/* regexec stops at a NUL */
		return;
	char *cs = fuzz_cstring(data, size);
	regmatch_t m[4];
	bool ref_path = regexec(&line_re, cs, 4, m, 0) == 0;
	FUZZ_CHECK(path == ref_path, "path %d, reference %d", path, ref_path);
	if (path) {
		const char *slash = cs + m[0].rm_eo - 1;
		bool sysv = strncmp(slash, "/SYSV", 5) == 0;
		FUZZ_CHECK(r.is_sysv == sysv, "is_sysv %d, reference %d", r.is_sysv, sysv);
		/* A key only from exactly 8 hex digits, then the end or a space. */
		bool keyed = sysv && strlen(slash) >= 13 && strspn(slash + 5, "0123456789abcdefABCDEF") >= 8 &&
			     (slash[13] == '\0' || slash[13] == ' ');
		FUZZ_CHECK(r.has_key == keyed, "has_key %d, reference %d", r.has_key, keyed);
		if (keyed)
			FUZZ_CHECK(r.key == (uint32_t)strtoul(slash + 5, NULL, 16), "key %08x", r.key);
		uint64_t v;
		if (ref_number(cs, m[1], 16, &v))
			FUZZ_CHECK(r.maj == v, "major %" PRIx64 ", reference %" PRIx64, r.maj, v);
		if (ref_number(cs, m[2], 16, &v))
			FUZZ_CHECK(r.min == v, "minor %" PRIx64 ", reference %" PRIx64, r.min, v);
		if (ref_number(cs, m[3], 10, &v))
			FUZZ_CHECK(r.ino == v, "inode %" PRIu64 ", reference %" PRIu64, r.ino, v);
	}
	free(cs);
}

static uint64_t take(const uint8_t **p, const uint8_t *end, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | (*p < end ? *(*p)++ : 0);
	return v;
}

/* A line as the kernel prints it (show_map_vma), from the input's bytes. */
static void check_kernel_line(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	uint64_t start = take(&p, end, 8), len = take(&p, end, 4), off = take(&p, end, 8);
	unsigned maj = (unsigned)take(&p, end, 2) & 0xfff, min = (unsigned)take(&p, end, 3) & 0xfffff;
	uint64_t ino = take(&p, end, 8);
	unsigned flags = (unsigned)take(&p, end, 1), pad = (unsigned)take(&p, end, 1) % 80;
	uint32_t key = (uint32_t)take(&p, end, 4);
	/* No name, /SYSV<key>, the same removed, a file, a removed file, a pseudo-path. */
	static const char *const dirs[] = { NULL, "/SYSV", "/SYSV", "/dev/shm/x", "/dev/mqueue/q", NULL };
	static const char *const ends[] = { "", "", " (deleted)", "", " (deleted)", "[heap]" };
	size_t kind = flags % (sizeof(dirs) / sizeof(dirs[0]));
	char name[64], line[256];
	if (dirs[kind])
		snprintf(name, sizeof(name), "%s%08x%s", dirs[kind], key, ends[kind]);
	else
		snprintf(name, sizeof(name), "%s", ends[kind]);
	int n = snprintf(line, sizeof(line), "%08" PRIx64 "-%08" PRIx64 " %c%c%c%c %08" PRIx64 " %02x:%02x %" PRIu64 " %*s%s",
			 start, start + len, flags & 8 ? 'r' : '-', flags & 16 ? 'w' : '-',
			 flags & 32 ? 'x' : '-', flags & 64 ? 's' : 'p', off, maj, min, ino,
			 (int)pad, "", name);
	FUZZ_CHECK(n > 0 && (size_t)n < sizeof(line), "line too long");
	struct maps_ref r = { 0 };
	bool path = maps_parse_line(line, line + n, &r);
	FUZZ_CHECK(path == (name[0] == '/'), "%s: path %d", line, path);
	if (!path)
		return;
	FUZZ_CHECK(r.maj == maj && r.min == min && r.ino == ino, "%s: %" PRIx64 ":%" PRIx64 " %" PRIu64,
		   line, r.maj, r.min, r.ino);
	FUZZ_CHECK(r.is_sysv == (kind == 1 || kind == 2), "%s: is_sysv %d", line, r.is_sysv);
	FUZZ_CHECK(r.has_key == r.is_sysv && (!r.has_key || r.key == key), "%s: key %d %08x", line, r.has_key, r.key);
	FUZZ_CHECK(maps_dev(&r) == makedev(maj, min), "%s: device", line);
}

/* The file through struct lines in reads of pseudo-random sizes; each line equals the reference's. */
static void check_chunks(const uint8_t *data, size_t size)
{
	if (size < 3)
		return;
	size_t cap = 1 + (((size_t)data[0] << 8 | data[1]) % 512);
	uint32_t rng = 0x9e3779b9u * (data[2] + 1u);
	const char *file = (const char *)data + 3, *fend = (const char *)data + size;
	char *buf = malloc(cap);	/* exact size: ASan sees a read or write past it */
	if (!buf)
		abort();
	struct lines lb = LINES_INIT(buf, cap);
	const char *ref = file;		/* the reference's next line */
	size_t given = 0;
	const char *s, *e;
	bool more = true;
	for (const char *in = file; more;) {
		size_t space = lines_space(&lb);
		FUZZ_CHECK(space > 0 && space <= cap, "space %zu of %zu", space, cap);
		rng = rng * 1103515245u + 12345u;
		size_t n = (size_t)(fend - in);
		size_t want = data[2] & 1 ? space : 1 + (rng >> 8) % space;	/* odd seeds: full reads */
		if (n > want)
			n = want;
		more = n > 0;
		bool last = false;
		if (more) {
			memcpy(lines_room(&lb), in, n);
			in += n;
			lines_fed(&lb, n);
		}
		for (;;) {
			bool got = more ? lines_next(&lb, &s, &e) : (last = lines_last(&lb, &s, &e));
			if (!got)
				break;
			/* The reference: split at '\n', cut to CAP, the end closes the last line. */
			FUZZ_CHECK(ref < fend, "line %zu given past the end of the file", given);
			const char *nl = memchr(ref, '\n', (size_t)(fend - ref));
			const char *rend = nl ? nl : fend;
			size_t rlen = (size_t)(rend - ref) < cap ? (size_t)(rend - ref) : cap;
			FUZZ_CHECK(s >= buf && e >= s && e <= buf + cap, "line %zu outside the buffer", given);
			FUZZ_CHECK((size_t)(e - s) == rlen && memcmp(s, ref, rlen) == 0,
				   "line %zu: %zu bytes, reference %zu (cap %zu)", given, (size_t)(e - s), rlen, cap);
			struct maps_ref a = { 0 }, b = { 0 };
			bool pa = maps_parse_line(s, e, &a), pb = maps_parse_line(ref, ref + rlen, &b);
			FUZZ_CHECK(pa == pb && (!pa || (a.ino == b.ino && a.is_sysv == b.is_sysv)),
				   "line %zu parses differently", given);
			given++;
			ref = nl ? nl + 1 : fend;
			if (last)
				break;
		}
	}
	FUZZ_CHECK(ref == fend, "lines missed: %zu bytes after line %zu", (size_t)(fend - ref), given);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_line(data, size);
	check_kernel_line(data, size);
	check_chunks(data, size);
	return 0;
}

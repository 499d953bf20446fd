/*
 * Fuzz target: one line of /proc/sysvipc/{msg,shm,sem} through
 * parse_proc_line (static in src/sysv.c, hence the #include).  Built once
 * per file with FUZZ_KIND = KIND_MSG, KIND_SHM or KIND_SEM.
 *
 * Properties: no crash or undefined behaviour on any bytes (truncated,
 * overlong, missing or extra columns, huge and negative numbers, garbage);
 * every field of a line that parses holds exactly the number its column
 * says (no truncation to the field's width, no negative unsigned values);
 * the line written back in the kernel's column format parses again to the
 * same object (nothing is half-filled or misassigned).
 */
#include "../../src/sysv.c"	/* first: it defines _GNU_SOURCE */
#include <ctype.h>
#include "tests/fuzz/fuzz.h"

#ifndef FUZZ_KIND
#error "build with -DFUZZ_KIND=KIND_MSG|KIND_SHM|KIND_SEM"
#endif

/* The object as the kernel would print it (same columns, same bases). */
static void format_line(const struct kind_desc *k, const struct sysv_object *o, char *buf, size_t len)
{
	size_t used = 0;
	for (int i = 0; i < k->ncolumns; i++) {
		const struct proc_column *c = &k->columns[i];
		const char *field = (const char *)o + c->offset;
		const char *sep = i ? " " : "";
		int n = 0;
		switch (c->type) {
		case F_I32:
			n = snprintf(buf + used, len - used, "%s%d", sep, *(const int32_t *)field);
			break;
		case F_U32:
			n = snprintf(buf + used, len - used, c->base == 8 ? "%s%o" : "%s%u", sep,
				     *(const uint32_t *)field);
			break;
		case F_I64:
			n = snprintf(buf + used, len - used, "%s%" PRId64, sep, *(const int64_t *)field);
			break;
		case F_U64:
			n = snprintf(buf + used, len - used, "%s%" PRIu64, sep, *(const uint64_t *)field);
			break;
		case F_SKIP:
			n = snprintf(buf + used, len - used, "%s0", sep);
			break;
		}
		used += (size_t)n;
		FUZZ_CHECK(used < len, "formatted line too long");
	}
	snprintf(buf + used, len - used, "\n");
}

/* Each column's text, read independently, is the value in its field. */
static void check_fields(const struct kind_desc *k, const char *line, const struct sysv_object *o)
{
	const char *p = line;
	for (int i = 0; i < k->ncolumns; i++) {
		const struct proc_column *c = &k->columns[i];
		const char *field = (const char *)o + c->offset;
		while (isspace((unsigned char)*p))
			p++;
		char *end;
		errno = 0;
		if (c->type == F_I32 || c->type == F_I64) {
			long long v = strtoll(p, &end, c->base);
			long long got = c->type == F_I32 ? *(const int32_t *)field : *(const int64_t *)field;
			FUZZ_CHECK(errno == 0 && v == got, "column %d: '%.*s' stored as %lld", i, (int)(end - p), p, got);
		} else if (c->type == F_U32 || c->type == F_U64) {
			FUZZ_CHECK(*p != '-', "column %d: negative unsigned value accepted", i);
			unsigned long long v = strtoull(p, &end, c->base);
			unsigned long long got = c->type == F_U32 ? *(const uint32_t *)field : *(const uint64_t *)field;
			FUZZ_CHECK(errno == 0 && v == got, "column %d: '%.*s' stored as %llu", i, (int)(end - p), p, got);
		} else {
			strtoull(p, &end, c->base);
		}
		FUZZ_CHECK(end > p, "column %d: no number", i);
		p = end;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kind_desc *k = &backends[FUZZ_KIND];
	/*
	 * scan_proc hands over what fgets put in a 512-byte buffer: at most 511
	 * bytes, ending after the first newline.  (Bytes after a newline cannot
	 * reach the parser: fgets gives them as the next line.)
	 */
	if (size > 511)
		size = 511;
	const uint8_t *nl = memchr(data, '\n', size);
	if (nl)
		size = (size_t)(nl - data) + 1;
	char *line = fuzz_cstring(data, size);
	struct sysv_object o;
	memset(&o, 0, sizeof(o));
	o.kind = FUZZ_KIND;
	if (parse_proc_line(k, line, &o)) {
		check_fields(k, line, &o);
		char again[1024];
		struct sysv_object o2;
		memset(&o2, 0, sizeof(o2));
		o2.kind = FUZZ_KIND;
		format_line(k, &o, again, sizeof(again));
		FUZZ_CHECK(parse_proc_line(k, again, &o2), "re-formatted line rejected: '%s' from '%s'", again, line);
		FUZZ_CHECK(memcmp(&o, &o2, sizeof(o)) == 0, "round trip differs: '%s' from '%s'", again, line);
	}
	free(line);
	return 0;
}

/*
 * Fuzz target: the text row writer of ipcs (src/table.c, #included), which
 * writes rows in place into the 64 KiB output buffer (src/out.h).  Each
 * input is one table: a kind, a row mode, --human or -b, numeric ids or
 * names, a POSIX name column sized to some name, and one object whose user
 * and group names (from the name cache, here from the input: any length, as
 * LDAP gives them), POSIX name and --processes lines come from the input.
 * The header, then the row, are written with the buffer already holding a
 * random number of bytes (0 to all 64 KiB).  Checked:
 *
 *  (a) nothing is written outside the buffer (ASan: `outbuf` is a global with
 *      redzones) whatever the start offset and the cells' lengths;
 *  (b) what reaches stdout is the bytes that were pending, then exactly the
 *      header the same table gives from an empty buffer, then (the buffer
 *      filled again to the same offset) the pending bytes and the row: a
 *      line does not depend on where in the buffer it starts;
 *  (c) in the C locale, that text is the header and row an independent
 *      printf-style formatter makes from the cells' texts: each cut to its
 *      maximum, padded to its width (a POSIX name to the name column, by
 *      display columns), then its separator; one newline per line.
 *
 * Input: byte 0 kind and row mode, byte 1 flags, bytes 2-3 the start
 * offset, byte 4 how often the user name is repeated, byte 5 the group's,
 * then NUL-separated: user name, group name, POSIX name, the name that
 * sizes the name column, a --processes command.
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The name cache answers from the input (see the top). */
#define id_name_shown fuzz_id_name_shown
#define user_name_shown fuzz_user_name_shown
#include "src/table.c"
#undef id_name_shown
#undef user_name_shown

#include "src/holders.h"
#include "src/posix.h"
#include "src/sysv.h"
#include "tests/fuzz/fuzz.h"

#if defined(__clang__) && __clang_major__ >= 13
#define HARNESS __attribute__((no_sanitize("coverage")))
#else
#define HARNESS
#endif

static char *user_shown, *group_shown;	/* escaped, as the cache keeps them */
static size_t user_len, group_len;

const char *fuzz_id_name_shown(unsigned id, bool user, size_t *len)
{
	(void)id;
	*len = user ? user_len : group_len;
	return user ? user_shown : group_shown;
}

const char *fuzz_user_name_shown(uid_t uid)
{
	(void)uid;
	return user_shown;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "UTC", 1);
	fuzz_quiet_stderr();
	return 0;
}

/* NAME repeated TIMES (at least once), escaped as the name cache shows it. */
HARNESS static char *repeated_escaped(const char *name, unsigned times, size_t *len)
{
	size_t n = strlen(name), total = n * (times ? times : 1);
	char *raw = malloc(total + 1);
	if (!raw)
		abort();
	for (size_t i = 0; i < total; i += n ? n : 1)
		memcpy(raw + i, name, n);
	raw[total] = '\0';
	char *shown = escape_alloc(raw);
	free(raw);
	*len = strlen(shown);
	return shown;
}

/* The header and row of the table, written from outbuf.len = START; the bytes written. */
HARNESS static char *render(const struct ipc_item *it, const struct render_opts *opts,
			    size_t start, size_t *len)
{
	char *text = NULL;
	FILE *mem = open_memstream(&text, len);
	if (!mem)
		abort();
	FILE *saved = out_set_destination(mem);
	/* The header from START too, then the row from START again. */
	memset(outbuf.buf, 'Z', start);
	outbuf.len = start;
	table_header(it->kind, opts);
	out_flush();
	memset(outbuf.buf, 'Z', start);
	outbuf.len = start;
	table_row(it, opts);
	if (it->holders)
		table_holders(it);
	FUZZ_CHECK(outbuf.len <= OUT_SIZE, "outbuf.len %zu", outbuf.len);
	out_set_destination(saved);
	fclose(mem);
	return text;
}

/* The reference: printf's padding of each cell's text (C locale). */
HARNESS static void ref_cell(FILE *f, const char *text, size_t len, int width, int max, bool name,
			     const char *sep)
{
	if (name) {
		size_t cols = utf8_width(text, len);
		fwrite(text, 1, len, f);
		for (size_t i = cols; i < name_column; i++)
			fputc(' ', f);
	} else {
		if (max > 0 && len > (size_t)max)
			len = (size_t)max;
		fprintf(f, "%*.*s", width, (int)len, text);
	}
	fputs(sep, f);
}

HARNESS static char *reference(const struct ipc_item *it, const struct render_opts *opts, size_t *len)
{
	static char scratch[8192];
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	const struct layout *l = layout_of(it->kind, opts);
	fprintf(f, "------ %s --------\n", l->title);
	for (const struct cell *c = l->cells; c->sep; c++) {
		const struct field_desc *d = field_find(it->kind, c->field, c->slot);
		const char *label = opts->unit == UNIT_HUMAN && d->human_label ? d->human_label : d->label;
		ref_cell(f, label, strlen(label), c->hwidth, 0, c->field == FIELD_NAME, c->hsep);
	}
	fputc('\n', f);
	for (const struct cell *c = l->cells; c->sep; c++) {
		size_t n;
		const char *t = cell_text(c, it, opts, scratch, &n);
		ref_cell(f, t, n, c->width, c->max, c->field == FIELD_NAME, c->sep);
	}
	fputc('\n', f);
	fclose(f);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 6)
		return 0;
	struct render_opts opts = { 0 };
	enum ipc_kind kind = (enum ipc_kind)(data[0] % KINDS);
	opts.mode = (enum ipcs_mode)(data[0] / KINDS % (MODE_CREATOR + 1));
	uint8_t flags = data[1];
	opts.numeric = flags & 1;
	opts.unit = flags & 2 ? UNIT_HUMAN : flags & 4 ? UNIT_BYTES : UNIT_DEFAULT;
	utf8_columns = flags & 8;
	size_t start = ((size_t)data[2] << 8 | data[3]) + (flags & 16 ? 1 : 0);	/* up to OUT_SIZE */
	if (!table_has_layout(kind, &opts))
		return 0;

	char *fields[5] = { 0 };
	size_t nf = 0, from = 6;
	for (size_t i = 6; i <= size && nf < 5; i++)
		if (i == size || data[i] == '\0') {
			fields[nf++] = fuzz_cstring(data + from, i - from);
			from = i + 1;
		}
	for (; nf < 5; nf++)
		fields[nf] = fuzz_cstring((const uint8_t *)"", 0);

	user_shown = repeated_escaped(fields[0], data[4], &user_len);
	group_shown = repeated_escaped(fields[1], data[5], &group_len);

	struct sysv_object sv = {
		.kind = kind, .key = 0x2a, .id = 32768 * 7 + 3, .mode = 0640 | (flags & 32 ? SYSV_MODE_LOCKED : 0),
		.uid = 3001, .gid = 3002, .cuid = 3001, .cgid = 3002,
		.times = { 0, 1700000000, 253402300800 }, .pids = { 1234, 0 },
		.size = (uint64_t)1 << 33, .count = flags & 64 ? 1 : 0,
	};
	struct posix_object px = { .kind = kind, .uid = 3001, .gid = 3002, .mode = 0100600, .size = 4096,
				   .mtime = 1700000000, .has_attr = true, .has_value = true, .value = 3 };
	snprintf(px.name, sizeof(px.name), "/%s", fields[2]);
	struct holder h[2] = {
		{ .pid = 42, .how = 1, .alive = true, .uid = 3001 },
		{ .pid = 43, .how = 2, .alive = false },
	};
	snprintf(h[0].command, sizeof(h[0].command), "%s", fields[4]);
	struct holder_list hl = { .items = h, .n = flags & 128 ? 2 : 1, .waiting = flags & 64 };
	struct ipc_item it = { .kind = kind, .orphaned = flags & 32 };
	if (kind_is_posix(kind))
		it.posix = &px;
	else
		it.sysv = &sv;
	if (flags & 128 || flags & 64)
		it.holders = &hl;

	/* Another object's name, as long as names get (the column's width). */
	char widest[sizeof(px.name)];
	snprintf(widest, sizeof(widest), "/%s", fields[3]);
	const char *names[2] = { px.name, widest };
	render_fit_names(names, 2);

	size_t clean_len, len;
	char *clean = render(&it, &opts, 0, &clean_len);
	char *text = render(&it, &opts, start, &len);
	FUZZ_CHECK(len == 2 * start + clean_len, "start %zu: %zu bytes, from an empty buffer %zu", start,
		   len, clean_len);
	/* "ZZZ" header "ZZZ" row */
	size_t header_len = strchr(strchr(clean, '\n') + 1, '\n') + 1 - clean;
	for (size_t i = 0; i < start; i++)
		FUZZ_CHECK(text[i] == 'Z' && text[start + header_len + i] == 'Z', "pending byte %zu changed", i);
	FUZZ_CHECK(memcmp(text + start, clean, header_len) == 0, "start %zu: the header differs", start);
	FUZZ_CHECK(memcmp(text + 2 * start + header_len, clean + header_len, clean_len - header_len) == 0,
		   "start %zu: the row differs", start);
	if (!utf8_columns && !it.holders) {
		size_t ref_len;
		char *ref = reference(&it, &opts, &ref_len);
		FUZZ_CHECK(ref_len == clean_len && memcmp(ref, clean, ref_len) == 0,
			   "not the reference's table:\n%s\nreference:\n%s", clean, ref);
		free(ref);
	}
	free(clean);
	free(text);
	free(user_shown);
	free(group_shown);
	for (size_t i = 0; i < 5; i++)
		free(fields[i]);
	return 0;
}

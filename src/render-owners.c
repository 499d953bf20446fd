/*
 * ipcs --by-owner, --by-creator: the totals per owner (owners.c gathered
 * and sorted them), one section per kind in text, one "owners" array in
 * JSON.  Each total column is described once, in the table below.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/names.h"
#include "src/out.h"
#include "src/render-int.h"
#include "src/utf8.h"

/* TRANSLATORS: headers of the ipcs --by-owner tables; keep them shorter than their width. */
static const struct owner_column {
	enum owner_measure measure;
	const char *label;	/* text header */
	const char *json;	/* member name */
	int width;		/* text column, with the space after it */
} columns[] = {
	{ MEASURE_OBJECTS, N_("objects"), "objects", 11 },
	{ MEASURE_BYTES, N_("bytes"), "bytes", 15 },
	{ MEASURE_MESSAGES, N_("messages"), "messages", 11 },
	{ MEASURE_SEMAPHORES, N_("semaphores"), "semaphores", 11 },
};

/* Section titles: [kind][by creator]. */
static const char *const titles[KINDS][2] = {
	[KIND_MSG] = { N_("Message Queues by Owner"), N_("Message Queues by Creator") },
	[KIND_SHM] = { N_("Shared Memory Segments by Owner"), N_("Shared Memory Segments by Creator") },
	[KIND_SEM] = { N_("Semaphore Arrays by Owner"), N_("Semaphore Arrays by Creator") },
	[KIND_PMSG] = { N_("POSIX Message Queues by Owner"), NULL },
	[KIND_PSHM] = { N_("POSIX Shared Memory by Owner"), NULL },
	[KIND_PSEM] = { N_("POSIX Semaphores by Owner"), NULL },
};

enum { OWNER_COLUMN = 10 };

void render_owners_begin(const struct render_opts *opts)
{
	if (opts->json)
		json_open_array(&render_doc, "owners");
}

void render_owners_end(const struct render_opts *opts)
{
	if (opts->json)
		json_close_array(&render_doc);
}

/* The owner as text: its escaped name, or the number (--numeric, or no name). */
static const char *owner_text(uint32_t uid, bool numeric, char *buf, size_t *len)
{
	const char *name = numeric ? NULL : id_name_shown(uid, true, len);
	if (name)
		return name;
	*len = put_u64(buf, uid);
	buf[*len] = '\0';
	return buf;
}

static void pad(size_t used, size_t width)
{
	for (; used < width; used++)
		out_char(' ');
}

static void text_owners(const struct owner_table *t, size_t rows, const struct render_opts *opts)
{
	char buf[32];
	size_t len, owner_width = OWNER_COLUMN;
	for (size_t i = 0; i < rows; i++) {
		const char *s = owner_text(t->rows[i].uid, opts->numeric, buf, &len);
		size_t w = text_width(s, len);
		if (w > owner_width)
			owner_width = w;
	}
	out_printf("------ %s --------\n", _(titles[t->kind][t->by == BY_CREATOR]));
	const char *who = t->by == BY_CREATOR ? _("creator") : _("owner");
	out_str(who);
	pad(text_width(who, strlen(who)), owner_width + 1);
	for (size_t c = 0; c < ARRAY_SIZE(columns); c++) {
		if (!owners_kind_has(t->kind, columns[c].measure))
			continue;
		const char *label = _(columns[c].label);
		out_str(label);
		pad(text_width(label, strlen(label)), (size_t)columns[c].width);
	}
	/* The share's header names its limit: "%SEMMNI". */
	out_printf("%%%s\n", t->resource ? t->resource : "limit");
	for (size_t i = 0; i < rows; i++) {
		const struct owner_row *row = &t->rows[i];
		const char *s = owner_text(row->uid, opts->numeric, buf, &len);
		out_write(s, len);
		pad(text_width(s, len), owner_width + 1);
		for (size_t c = 0; c < ARRAY_SIZE(columns); c++) {
			if (!owners_kind_has(t->kind, columns[c].measure))
				continue;
			uint64_t v = row->total[columns[c].measure];
			char cell[32];
			if (columns[c].measure == MEASURE_BYTES && opts->unit == UNIT_HUMAN)
				format_human_size(v, cell, sizeof(cell));
			else
				format_u64(v, cell);
			out_str(cell);
			pad(strlen(cell), (size_t)columns[c].width);
		}
		uint64_t bp;
		if (owners_share(t, row, &bp))
			out_printf("%" PRIu64 ".%02u\n", bp / 100, (unsigned)(bp % 100));
		else
			out_str("-\n");
	}
	out_char('\n');
}

static void json_owners(const struct owner_table *t, size_t rows, const struct render_opts *opts)
{
	struct json *j = &render_doc;
	bool creator = t->by == BY_CREATOR;
	for (size_t i = 0; i < rows; i++) {
		const struct owner_row *row = &t->rows[i];
		json_open_object(j, NULL);
		json_string(j, "kind", kinds[t->kind].keyword);
		json_uint(j, creator ? "cuid" : "uid", row->uid);
		const char *name = opts->numeric ? NULL : user_name(row->uid);
		if (name)
			json_string(j, creator ? "cuser" : "user", name);
		for (size_t c = 0; c < ARRAY_SIZE(columns); c++)
			if (owners_kind_has(t->kind, columns[c].measure))
				json_uint(j, columns[c].json, row->total[columns[c].measure]);
		uint64_t bp;
		if (owners_share(t, row, &bp)) {
			char share[32];
			snprintf(share, sizeof(share), "%" PRIu64 ".%02u", bp / 100, (unsigned)(bp % 100));
			json_string(j, "resource", t->resource);
			json_uint(j, "used", row->total[t->measure]);
			json_uint(j, "limit", t->limit);
			json_number(j, "share", share);
		} else {
			json_null(j, "share");
		}
		json_close_object(j);
	}
}

void render_owners(const struct owner_table *t, size_t top, const struct render_opts *opts)
{
	size_t rows = top && top < t->n ? top : t->n;
	if (opts->json)
		json_owners(t, rows, opts);
	else
		text_owners(t, rows, opts);
}

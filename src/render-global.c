/*
 * Writers of the limits headroom (limits.c): the --global table (text or
 * JSON) and the Prometheus text exposition of --metrics.  They only format
 * what usage_gather() collected; they never call the kernel.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/name-hint.h"
#include "src/names.h"
#include "src/owners.h"
#include "src/render-global.h"
#include "src/out.h"
#include "src/render-int.h"
#include "src/utf8.h"

static const char *const api_label[] = { [FAMILY_SYSV] = "sysv", [FAMILY_POSIX] = "posix" };
static const char *const kind_label[KINDS] = {
	[KIND_MSG] = "msg", [KIND_SHM] = "shm", [KIND_SEM] = "sem",
	[KIND_PMSG] = "msg", [KIND_PSHM] = "shm", [KIND_PSEM] = "sem",
};
static const char *const unit_name[] = {
	[USAGE_COUNT] = "count", [USAGE_BYTES] = "bytes", [USAGE_PAGES] = "pages",
};

/* used / limit in per cent, if both are known and the limit is not zero. */
static bool use_percent(const struct usage_row *row, double *pct)
{
	if (!row->has_used || row->unlimited || row->limit == 0)
		return false;
	*pct = 100.0 * (double)row->used / (double)row->limit;
	return true;
}

/* --- ipcs --global, text --- */

static void cell_number(char *buf, size_t len, uint64_t v, enum usage_unit unit, const struct render_opts *opts)
{
	if (unit == USAGE_BYTES && opts->unit == UNIT_HUMAN)
		format_human_size(v, buf, len);
	else
		snprintf(buf, len, "%" PRIu64, v);
}

struct cells {
	char limit[32], used[32], pct[16], held[32];
	char owner_buf[32];
	const char *owner;	/* escaped name, number, or "-" */
	size_t owner_len;
};

/* The owner holding most of ROW (an escaped name, or the uid), or "-". */
static void top_owner_cells(const struct usage_row *row, const struct render_opts *opts, struct cells *c)
{
	if (!row->has_top) {
		c->owner = "-";
		c->owner_len = 1;
		snprintf(c->held, sizeof(c->held), "-");
		return;
	}
	c->owner = opts->numeric ? NULL : id_name_shown(row->top_uid, true, &c->owner_len);
	if (!c->owner) {
		c->owner_len = put_u64(c->owner_buf, row->top_uid);
		c->owner_buf[c->owner_len] = '\0';
		c->owner = c->owner_buf;
	}
	cell_number(c->held, sizeof(c->held), row->top_used, row->unit, opts);
}

/*
 * The kernel's own "no limit" for SHMALL and SHMMAX (their defaults since
 * Linux 3.16, ULONG_MAX - 2^24): a text table says so rather than print
 * 18446744073692774399.  JSON and the metrics keep the number.
 */
#define KERNEL_NO_LIMIT ((uint64_t)ULONG_MAX - (UINT64_C(1) << 24))

static void row_cells(const struct usage_row *row, const struct render_opts *opts, struct cells *c)
{
	double pct;
	bool no_limit = row->unlimited || (ULONG_MAX > UINT32_MAX && row->limit >= KERNEL_NO_LIMIT);
	if (no_limit)
		snprintf(c->limit, sizeof(c->limit), "%s", _("unlimited"));
	else
		cell_number(c->limit, sizeof(c->limit), row->limit, row->unit, opts);
	if (row->has_used)
		cell_number(c->used, sizeof(c->used), row->used, row->unit, opts);
	else
		snprintf(c->used, sizeof(c->used), "-");
	if (!no_limit && use_percent(row, &pct))
		snprintf(c->pct, sizeof(c->pct), "%.2f%%", pct);
	else
		snprintf(c->pct, sizeof(c->pct), "-");
	top_owner_cells(row, opts, c);
}

static int max_int(int a, int b) { return a > b ? a : b; }

/* Columns TEXT takes (display width under a UTF-8 locale, bytes elsewhere). */
static int cols(const char *text) { return (int)text_width(text, strlen(text)); }

static void global_text(const struct usage_report *r, const struct render_opts *opts)
{
	/* TRANSLATORS: the column headers of ipcs -g (columns are as wide as their texts) */
	const char *h_res = _("RESOURCE"), *h_desc = _("DESCRIPTION"), *h_limit = _("LIMIT"),
		   *h_used = _("USED"), *h_pct = _("USE%"),
		   /* TRANSLATORS: ipcs -g: the user holding most of the limit, and how much of it */
		   *h_owner = _("TOP-OWNER"), *h_held = _("HOLDS");
	int w_res = cols(h_res), w_desc = cols(h_desc);
	int w_limit = cols(h_limit), w_used = cols(h_used), w_pct = cols(h_pct);
	int w_owner = cols(h_owner), w_held = cols(h_held);
	struct cells c;
	for (int i = 0; i < r->nrows; i++) {
		const struct usage_row *row = &r->rows[i];
		row_cells(row, opts, &c);
		w_res = max_int(w_res, cols(row->resource));
		w_desc = max_int(w_desc, cols(_(row->description)));
		w_limit = max_int(w_limit, cols(c.limit));
		w_used = max_int(w_used, cols(c.used));
		w_pct = max_int(w_pct, cols(c.pct));
		w_owner = max_int(w_owner, (int)text_width(c.owner, c.owner_len));
		w_held = max_int(w_held, cols(c.held));
	}
	/* printf pads by bytes: text_pad() turns columns into bytes. */
	out_printf("%-*s %-*s %*s %*s %*s %-*s %*s\n", text_pad(h_res, w_res), h_res, text_pad(h_desc, w_desc), h_desc,
		   text_pad(h_limit, w_limit), h_limit, text_pad(h_used, w_used), h_used, text_pad(h_pct, w_pct), h_pct,
		   text_pad(h_owner, w_owner), h_owner, text_pad(h_held, w_held), h_held);
	for (int i = 0; i < r->nrows; i++) {
		const struct usage_row *row = &r->rows[i];
		row_cells(row, opts, &c);
		const char *desc = _(row->description);
		out_printf("%-*s %-*s %*s %*s %*s ", w_res, row->resource, text_pad(desc, w_desc), desc,
			   text_pad(c.limit, w_limit), c.limit, w_used, c.used, w_pct, c.pct);
		out_write(c.owner, c.owner_len);
		for (int w = (int)text_width(c.owner, c.owner_len); w < w_owner; w++)
			out_char(' ');
		out_printf(" %*s\n", w_held, c.held);
	}
}

/* --- ipcs --global --json --- */

static void global_json(const struct usage_report *r, const struct render_opts *opts)
{
	json_open_object(&render_doc, NULL);
	json_open_array(&render_doc, "global");
	for (int i = 0; i < r->nrows; i++) {
		const struct usage_row *row = &r->rows[i];
		double pct;
		char buf[32];
		json_open_object(&render_doc, NULL);
		json_string(&render_doc, "resource", row->resource);
		json_string(&render_doc, "api", api_label[kinds[row->kind].family]);
		json_string(&render_doc, "kind", kind_label[row->kind]);
		json_string(&render_doc, "description", row->description);
		json_string(&render_doc, "unit", unit_name[row->unit]);
		if (row->unlimited)
			json_null(&render_doc, "limit");
		else
			json_uint(&render_doc, "limit", row->limit);
		if (row->has_used)
			json_uint(&render_doc, "used", row->used);
		else
			json_null(&render_doc, "used");
		json_bool(&render_doc, "largest", row->largest);
		if (row->has_top) {
			const char *name = opts->numeric ? NULL : user_name(row->top_uid);
			json_uint(&render_doc, "top_owner_uid", row->top_uid);
			if (name)
				json_string(&render_doc, "top_owner", name);
			else
				json_null(&render_doc, "top_owner");
			json_uint(&render_doc, "top_owner_used", row->top_used);
		} else {
			json_null(&render_doc, "top_owner_uid");
			json_null(&render_doc, "top_owner");
			json_null(&render_doc, "top_owner_used");
		}
		if (use_percent(row, &pct)) {
			snprintf(buf, sizeof(buf), "%.2f", pct);
			json_number(&render_doc, "use_percent", buf);
		} else {
			json_null(&render_doc, "use_percent");
		}
		json_close_object(&render_doc);
	}
	json_close_array(&render_doc);
	json_close_object(&render_doc);
}

void render_global(const struct usage_report *r, const struct render_opts *opts)
{
	if (opts->json)
		global_json(r, opts);
	else
		global_text(r, opts);
}

/* --- ipcs --metrics: Prometheus text exposition format 0.0.4 --- */

/* A label value: backslash, double quote and newline escaped, as the format requires. */
static void label_value(const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': out_write("\\\\", 2); break;
		case '"': out_write("\\\"", 2); break;
		case '\n': out_write("\\n", 2); break;
		default: out_char(*s); break;
		}
	}
}

static void put_labels(enum ipc_kind kind, const char *resource)
{
	out_str("{api=\"");
	label_value(api_label[kinds[kind].family]);
	out_str("\",kind=\"");
	label_value(kind_label[kind]);
	if (resource) {
		out_str("\",resource=\"");
		label_value(resource);
	}
	out_str("\"}");
}

/* V x FACTOR, exactly while it fits in 64 bits, else as a float (Prometheus keeps float64 anyway). */
static void put_value(uint64_t v, uint64_t factor)
{
	uint64_t product;
	if (!__builtin_mul_overflow(v, factor, &product))
		out_printf(" %" PRIu64 "\n", product);
	else
		out_printf(" %.17g\n", (double)v * (double)factor);
}

static void family(const char *name, const char *help)
{
	out_printf("# HELP %s %s\n# TYPE %s gauge\n", name, help, name);
}

enum total_what { TOTAL_OBJECTS, TOTAL_BYTES, TOTAL_MESSAGES, TOTAL_SEMAPHORES };

static bool total_value(const struct usage_totals *t, enum total_what what, uint64_t *v)
{
	if (!t->have)
		return false;
	switch (what) {
	case TOTAL_OBJECTS: *v = t->objects; return true;
	case TOTAL_BYTES: *v = t->bytes; return t->has_bytes;
	case TOTAL_MESSAGES: *v = t->messages; return t->has_messages;
	case TOTAL_SEMAPHORES: *v = t->semaphores; return t->has_semaphores;
	}
	return false;
}

static void totals_family(const struct usage_report *r, enum total_what what, const char *name,
			  const char *help)
{
	bool any = false;
	uint64_t v;
	for (int k = 0; k < KINDS; k++) {
		if (!total_value(&r->totals[k], what, &v))
			continue;
		if (!any)
			family(name, help);
		any = true;
		out_str(name);
		put_labels(k, NULL);
		put_value(v, 1);
	}
}

/*
 * The limits (USED false) or uses (USED true) of the rows counted in BYTES
 * or not, system-wide (PER_OBJECT false) or of each object.
 */
static void rows_family(const struct usage_report *r, bool bytes, bool used, bool per_object, const char *name,
			const char *help)
{
	bool any = false;
	for (int i = 0; i < r->nrows; i++) {
		const struct usage_row *row = &r->rows[i];
		if ((row->unit != USAGE_COUNT) != bytes || row->per_object != per_object || (used && !row->has_used))
			continue;
		if (!any)
			family(name, help);
		any = true;
		out_str(name);
		put_labels(row->kind, row->label);
		uint64_t factor = row->unit == USAGE_PAGES ? r->page_size : 1;
		if (!used && row->unlimited)
			out_str(" +Inf\n");
		else
			put_value(used ? row->used : row->limit, factor);
	}
}

/* 1 for each kind asked for that could not be read (wholly or in part), else 0. */
static void errors_family(const struct usage_report *r)
{
	family("ipc_collect_errors",
	       "1 if some of the kind could not be read (see ipcs' stderr; its other series may be missing), else 0.");
	for (int k = 0; k < KINDS; k++) {
		if (!r->wanted[k])
			continue;
		out_str("ipc_collect_errors");
		put_labels(k, NULL);
		put_value(r->error[k] != 0, 1);
	}
}

static void full_family(const struct usage_report *r)
{
	bool any = false;
	for (int k = 0; k < KINDS; k++) {
		if (!r->totals[k].has_full)
			continue;
		if (!any)
			family("ipc_queue_full",
			       "Message queues a send would block on: no room for a 1-byte message (System V), "
			       "mq_maxmsg messages queued (POSIX).");
		any = true;
		out_str("ipc_queue_full");
		put_labels(k, NULL);
		put_value(r->totals[k].full, 1);
	}
}

/* The series of one owner (UID, or the rest when OTHER) of kind K. */
static void owner_sample(const char *name, enum ipc_kind k, bool other, uint32_t uid, bool numeric, uint64_t v)
{
	out_str(name);
	out_str("{api=\"");
	label_value(api_label[kinds[k].family]);
	out_str("\",kind=\"");
	label_value(kind_label[k]);
	out_str("\",owner=\"");
	if (other) {
		out_str("other\"}");
	} else {
		char buf[32];
		size_t len;
		const char *s = numeric ? NULL : id_name_shown(uid, true, &len);
		if (!s) {
			format_u64(uid, buf);
			s = buf;
		}
		label_value(s);
		out_printf("\",uid=\"%" PRIu32 "\"}", uid);
	}
	put_value(v, 1);
}

/* One per-owner family: the first TOP owners of each kind, then the rest summed as owner="other". */
static void owners_family(const struct usage_report *r, enum owner_measure m, const struct metrics_opts *o,
			  const char *name, const char *help)
{
	bool any = false;
	for (int k = 0; k < KINDS; k++) {
		const struct owner_table *t = r->owners ? r->owners[k] : NULL;
		if (!t || r->error[k] || !owners_kind_has(k, m))
			continue;
		if (!any)
			family(name, help);
		any = true;
		size_t shown = t->n < o->top ? t->n : o->top;
		for (size_t i = 0; i < shown; i++)
			owner_sample(name, k, false, t->rows[i].uid, o->numeric, t->rows[i].total[m]);
		if (shown == t->n)
			continue;
		uint64_t rest = 0;
		for (size_t i = shown; i < t->n; i++)
			rest = rest + t->rows[i].total[m] < rest ? UINT64_MAX : rest + t->rows[i].total[m];
		owner_sample(name, k, true, 0, o->numeric, rest);
	}
}

/* The limit families: system-wide limits apart from per-object ones (reaching those is no shortage). */
static const struct limit_family {
	bool bytes, used, per_object;
	const char *name, *help;
} limit_families[] = {
	{ false, false, false, "ipc_limit",
	  "A system-wide limit counted in objects or items (resource: the sysctl); pairs with ipc_used." },
	{ false, true, false, "ipc_used", "Use of the ipc_limit with the same labels: the total over all objects." },
	{ true, false, false, "ipc_limit_bytes",
	  "A system-wide limit counted in bytes (resource: the sysctl, rlimit or /dev/shm); pairs with ipc_used_bytes." },
	{ true, true, false, "ipc_used_bytes",
	  "Use of the ipc_limit_bytes with the same labels: the total over all objects." },
	{ false, false, true, "ipc_object_limit",
	  "A limit on each object, counted in items (resource: the sysctl); pairs with ipc_object_largest." },
	{ false, true, true, "ipc_object_largest",
	  "The largest object's figure for the ipc_object_limit with the same labels." },
	{ true, false, true, "ipc_object_limit_bytes",
	  "A limit on each object, counted in bytes (resource: the sysctl); pairs with ipc_object_largest_bytes." },
	{ true, true, true, "ipc_object_largest_bytes",
	  "The largest object's figure for the ipc_object_limit_bytes with the same labels." },
};

void render_metrics(const struct usage_report *r, const struct metrics_opts *o)
{
	errors_family(r);
	totals_family(r, TOTAL_OBJECTS, "ipc_objects",
		      "IPC objects that exist: queues, shared memory segments or objects, semaphore sets or named semaphores.");
	totals_family(r, TOTAL_BYTES, "ipc_bytes",
		      "Bytes the objects hold: messages queued; shared memory (System V: pages allocated, POSIX: object sizes).");
	totals_family(r, TOTAL_MESSAGES, "ipc_messages", "Messages queued in all message queues.");
	totals_family(r, TOTAL_SEMAPHORES, "ipc_semaphores", "Semaphores in all System V semaphore sets.");
	full_family(r);
	for (size_t i = 0; i < ARRAY_SIZE(limit_families); i++) {
		const struct limit_family *f = &limit_families[i];
		rows_family(r, f->bytes, f->used, f->per_object, f->name, f->help);
	}
	owners_family(r, MEASURE_OBJECTS, o, "ipc_owner_objects",
		      "Objects of one owner (the owners with most of the kind's fullest limit; owner=\"other\": the rest).");
	owners_family(r, MEASURE_BYTES, o, "ipc_owner_bytes",
		      "Bytes of one owner's objects, counted as ipc_bytes (owner=\"other\": the rest).");
	owners_family(r, MEASURE_SEMAPHORES, o, "ipc_owner_semaphores",
		      "Semaphores in one owner's System V sets (owner=\"other\": the rest).");
}

void render_usage_error(const struct usage_report *r, enum ipc_kind k)
{
	if (!r->error[k])
		return;
	errno = r->error[k];
	if (k == KIND_PMSG && (errno == EMEDIUMTYPE || errno == ENOENT)) {
		posix_scan_failed(k);	/* says how to mount it */
		return;
	}
	/* Whole sentences: the kind's plural is the only word put in. */
	const char *what = _(kinds[k].plural);
	switch (r->error_what[k]) {
	case USAGE_FAILED_LIMITS:
		warn(_("cannot read the limits of %s"), what);
		break;
	case USAGE_FAILED_STATUS:
		warn(_("cannot read the status of %s"), what);
		break;
	case USAGE_FAILED_OBJECTS:
		/* TRANSLATORS: ipcs -g could not list the objects of a kind (its plural) */
		warn(_("cannot read the objects of %s"), what);
		break;
	case USAGE_FAILED_FILE_SYSTEM:
		/* TRANSLATORS: ipcs -g could not statfs() /dev/shm; %s: "POSIX shared memory" */
		warn(_("cannot read the file system of %s"), what);
		break;
	}
}

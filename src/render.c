/*
 * ipcs output.  Text: each (kind, row mode) is one layout, a title and a
 * list of cells, each with its header label and widths.  JSON: each kind is
 * a list of members after the common ones.  Rows are written with fwrite/
 * putc rather than printf: with tens of thousands of objects the format
 * parsing would cost more than the kernel does.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "src/format.h"
#include "src/json.h"
#include "src/render.h"
#include "src/util.h"

enum field {
	F_NONE, F_KEY, F_ID, F_OWNER, F_PERMS, F_SIZE, F_COUNT, F_STATUS,
	F_SHORT_TIME, F_LONG_TIME, F_PID, F_USER, F_GROUP,
	/* POSIX objects */
	F_NAME, F_VALUE, F_MAXMSG, F_MSGSIZE,
	/* JSON only */
	F_TIME, F_DEST, F_LOCKED,
};

/*
 * width < 0: left-aligned in -width, > 0: right-aligned, 0: as is.
 * max > 0 truncates.  The header uses hwidth/hsep, rows width/sep.
 */
struct cell {
	const char *label, *human_label;
	signed char hwidth;
	const char *hsep;
	enum field field;
	int arg;		/* which time/pid/user/group of the object */
	signed char width, max;
	const char *sep;
};

struct layout {
	const char *title;
	struct cell cells[8];	/* ends at a NULL label */
};

#define L(label, w) label, NULL, -(w)

/* Cells that several layouts share. */
#define CELL_KEY	{ L("key", 10), " ", F_KEY, 0, -10, 0, " " }
#define CELL_NAME	{ L("name", 20), " ", F_NAME, 0, -20, 0, " " }
#define CELL_OWNER	{ L("owner", 10), " ", F_OWNER, 0, -10, 10, " " }
#define CELL_PERMS	{ L("perms", 10), " ", F_PERMS, 0, -10, 0, " " }
#define CELL_MODIFIED	{ L("modified", 26), "", F_LONG_TIME, 0, -26, 0, "" }
#define CELLS_OWNER \
	{ L("uid", 10), " ", F_USER, 0, -10, 0, " " }, \
	{ L("gid", 10), "", F_GROUP, 0, -10, 0, "" }
/* POSIX objects: one time, no pids (no -p section, as for semaphores). */
#define POSIX_TIME_AND_OWNERS(title) \
	[MODE_TIME] = { title " Modification Times", { CELL_NAME, CELL_OWNER, CELL_MODIFIED } }, \
	[MODE_PID] = { NULL, { { NULL } } }, \
	[MODE_CREATOR] = { title " Owners", { CELL_NAME, CELL_PERMS, CELLS_OWNER } }
#define CELLS_CREATOR_OWNER \
	{ L("cuid", 10), " ", F_USER, 1, -10, 0, " " }, \
	{ L("cgid", 10), " ", F_GROUP, 1, -10, 0, " " }, \
	CELLS_OWNER

static const struct layout layouts[KINDS][MODE_CREATOR + 1] = {
	[KIND_MSG] = {
		[MODE_LIST] = { "Message Queues", {
			CELL_KEY,
			{ L("msqid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_OWNER,
			CELL_PERMS,
			{ "used-bytes", "size", -12, " ", F_SIZE, 0, -12, 0, " " },
			{ L("messages", 12), "", F_COUNT, 0, -12, 0, "" } } },
		[MODE_TIME] = { "Message Queues Send/Recv/Change Times", {
			{ L("msqid", 8), " ", F_ID, 0, -8, 0, " " },
			CELL_OWNER,
			{ L("send", 20), " ", F_SHORT_TIME, 0, -20, 0, " " },
			{ L("recv", 20), " ", F_SHORT_TIME, 1, -20, 0, " " },
			{ L("change", 20), "", F_SHORT_TIME, 2, -20, 0, "" } } },
		[MODE_PID] = { "Message Queues PIDs", {
			{ L("msqid", 10), " ", F_ID, 0, -8, 0, " " },
			CELL_OWNER,
			{ L("lspid", 10), " ", F_PID, 0, 6, 0, " " },
			{ L("lrpid", 10), "", F_PID, 1, 9, 0, "" } } },
		[MODE_CREATOR] = { "Message Queues Creators/Owners", {
			{ L("msqid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_PERMS,
			CELLS_CREATOR_OWNER } },
	},
	[KIND_SHM] = {
		[MODE_LIST] = { "Shared Memory Segments", {
			CELL_KEY,
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_OWNER,
			CELL_PERMS,
			{ "bytes", "size", -10, " ", F_SIZE, 0, -10, 0, " " },
			{ L("nattch", 10), " ", F_COUNT, 0, -10, 0, " " },
			{ L("status", 12), "", F_STATUS, 0, 0, 0, "" } } },
		[MODE_TIME] = { "Shared Memory Attach/Detach/Change Times", {
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_OWNER,
			{ L("attached", 20), " ", F_SHORT_TIME, 0, -20, 0, " " },
			{ L("detached", 20), " ", F_SHORT_TIME, 1, -20, 0, " " },
			{ L("changed", 20), "", F_SHORT_TIME, 2, -20, 0, "" } } },
		[MODE_PID] = { "Shared Memory Creator/Last-op PIDs", {
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_OWNER,
			{ L("cpid", 10), " ", F_PID, 0, -10, 0, " " },
			{ L("lpid", 10), "", F_PID, 1, -10, 0, "" } } },
		[MODE_CREATOR] = { "Shared Memory Segment Creators/Owners", {
			{ L("shmid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_PERMS,
			CELLS_CREATOR_OWNER } },
	},
	[KIND_SEM] = {
		[MODE_LIST] = { "Semaphore Arrays", {
			CELL_KEY,
			{ L("semid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_OWNER,
			CELL_PERMS,
			{ L("nsems", 10), "", F_SIZE, 0, -10, 0, "" } } },
		[MODE_TIME] = { "Semaphore Operation/Change Times", {
			{ L("semid", 8), " ", F_ID, 0, -8, 0, " " },
			{ L("owner", 10), " ", F_OWNER, 0, -10, 10, "  " },
			{ L("last-op", 26), " ", F_LONG_TIME, 0, -26, 0, " " },
			{ L("last-changed", 26), "", F_LONG_TIME, 1, -26, 0, "" } } },
		/* util-linux prints no PID section for semaphores. */
		[MODE_PID] = { NULL, { { NULL } } },
		[MODE_CREATOR] = { "Semaphore Arrays Creators/Owners", {
			{ L("semid", 10), " ", F_ID, 0, -10, 0, " " },
			CELL_PERMS,
			CELLS_CREATOR_OWNER } },
	},
	/* POSIX objects have no creator and no pids: no -p section, as for sem. */
	[KIND_PMSG] = {
		[MODE_LIST] = { "POSIX Message Queues", {
			CELL_NAME,
			CELL_OWNER,
			CELL_PERMS,
			{ "used-bytes", "size", -12, " ", F_SIZE, 0, -12, 0, " " },
			{ L("messages", 12), "", F_COUNT, 0, -12, 0, "" } } },
		POSIX_TIME_AND_OWNERS("POSIX Message Queues"),
	},
	[KIND_PSHM] = {
		[MODE_LIST] = { "POSIX Shared Memory", {
			CELL_NAME,
			CELL_OWNER,
			CELL_PERMS,
			{ "bytes", "size", -10, " ", F_SIZE, 0, -10, 0, " " },
			{ L("modified", 15), "", F_SHORT_TIME, 0, -15, 0, "" } } },
		POSIX_TIME_AND_OWNERS("POSIX Shared Memory"),
	},
	[KIND_PSEM] = {
		[MODE_LIST] = { "POSIX Semaphores", {
			CELL_NAME,
			CELL_OWNER,
			CELL_PERMS,
			{ L("value", 10), "", F_VALUE, 0, -10, 0, "" } } },
		POSIX_TIME_AND_OWNERS("POSIX Semaphores"),
	},
};

/*
 * A row is assembled in memory and written with one fwrite: per-cell stdio
 * calls cost more than the kernel takes to hand over the object.
 */
struct line {
	size_t len;
	char buf[8192];
};

static void line_flush(struct line *l)
{
	fwrite_unlocked(l->buf, 1, l->len, stdout);
	l->len = 0;
}

static void line_put(struct line *l, const char *text, size_t len)
{
	if (len > sizeof(l->buf) - l->len)
		line_flush(l);
	if (len > sizeof(l->buf)) {
		fwrite_unlocked(text, 1, len, stdout);
		return;
	}
	memcpy(l->buf + l->len, text, len);
	l->len += len;
}

static void line_pad(struct line *l, size_t n)
{
	static const char spaces[] = "                                ";
	while (n > 0) {
		size_t chunk = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		line_put(l, spaces, chunk);
		n -= chunk;
	}
}

/* width < 0: left-aligned, > 0: right-aligned; max > 0 truncates. */
static void line_cell(struct line *l, const char *text, int width, int max, const char *sep)
{
	size_t len = strlen(text);
	if (max > 0 && len > (size_t)max)
		len = max;
	size_t field = width < 0 ? (size_t)-width : (size_t)width;
	size_t pad = field > len ? field - len : 0;
	if (width > 0)
		line_pad(l, pad);
	line_put(l, text, len);
	if (width < 0)
		line_pad(l, pad);
	line_put(l, sep, strlen(sep));
}

static void line_end(struct line *l)
{
	line_put(l, "\n", 1);
	line_flush(l);
}

static const char *user_text(uint32_t uid, bool numeric, char *buf)
{
	const char *name = numeric ? NULL : user_name_shown(uid);
	return name ? name : format_u64(uid, buf);
}

static const char *group_text(uint32_t gid, bool numeric, char *buf)
{
	const char *name = numeric ? NULL : group_name_shown(gid);
	return name ? name : format_u64(gid, buf);
}

/* One row: a System V or a POSIX object; the cells read what they need. */
struct item {
	enum ipc_kind kind;
	const struct sysv_object *sysv;		/* or NULL */
	const struct posix_object *posix;	/* or NULL */
};

static uint32_t item_uid(const struct item *it) { return it->sysv ? it->sysv->uid : it->posix->uid; }
static uint32_t item_gid(const struct item *it) { return it->sysv ? it->sysv->gid : it->posix->gid; }
static uint32_t item_perms(const struct item *it) { return (it->sysv ? it->sysv->mode : it->posix->mode) & 0777; }
static uint64_t item_size(const struct item *it) { return it->sysv ? it->sysv->size : it->posix->size; }
/* POSIX objects have one time, the file's mtime. */
static int64_t item_time(const struct item *it, int arg) { return it->sysv ? it->sysv->times[arg] : it->posix->mtime; }

/* The status column: [dest][locked], as util-linux pads it. */
static const char *const statuses[2][2] = {
	{ "             ", "       locked" },
	{ "dest         ", "dest   locked" },
};

static const char *cell_text(const struct cell *c, const struct item *it,
			     const struct render_opts *opts, char *buf, size_t len)
{
	const struct sysv_object *o = it->sysv;
	const struct posix_object *p = it->posix;
	switch (c->field) {
	case F_KEY:
		return format_key((uint32_t)o->key, buf);
	case F_ID:
		return format_i64(o->id, buf);
	case F_NAME:
		return escape_name(p->name, buf, len);
	case F_OWNER:
		return user_text(item_uid(it), opts->numeric, buf);
	case F_PERMS:
		return format_octal(item_perms(it), buf);
	case F_SIZE:
		/* A queue we cannot open has an unreadable QSIZE line too. */
		if (it->kind == KIND_PMSG && !p->has_attr)
			return "-";
		if (opts->unit == UNIT_HUMAN && it->kind != KIND_SEM) {
			char human[32];
			format_human_size(item_size(it), human, sizeof(human));
			snprintf(buf, len, "%6s", human);
			return buf;
		}
		return format_u64(item_size(it), buf);
	case F_COUNT:
		if (p)
			return p->has_attr ? format_i64(p->curmsgs, buf) : "-";
		return format_u64(o->count, buf);
	case F_VALUE:
		return p->has_value ? format_i64(p->value, buf) : "-";
	case F_STATUS:
		return statuses[!!(o->mode & SYSV_MODE_DEST)][!!(o->mode & SYSV_MODE_LOCKED)];
	case F_SHORT_TIME:
		return format_short_time(item_time(it, c->arg), it->sysv != NULL, buf);
	case F_LONG_TIME:
		return format_long_time(item_time(it, c->arg), it->sysv != NULL);
	case F_PID:
		return format_i64(o->pids[c->arg], buf);
	case F_USER:
		return user_text(c->arg ? o->cuid : item_uid(it), opts->numeric, buf);
	case F_GROUP:
		return group_text(c->arg ? o->cgid : item_gid(it), opts->numeric, buf);
	default:
		break;
	}
	return "";
}

static const struct layout *layout_of(enum ipc_kind kind, const struct render_opts *opts)
{
	if (opts->mode > MODE_CREATOR || !layouts[kind][opts->mode].title)
		return NULL;
	return &layouts[kind][opts->mode];
}

/* --- JSON --- */

/* One document per run. */
static struct json doc;

/* The member holding each kind's objects, limits or summary. */
static const char *const json_kind_keys[KINDS] = {
	[KIND_MSG] = "message_queues",
	[KIND_SHM] = "shared_memory",
	[KIND_SEM] = "semaphores",
	[KIND_PMSG] = "posix_message_queues",
	[KIND_PSHM] = "posix_shared_memory",
	[KIND_PSEM] = "posix_semaphores",
};

/* The members of each kind after the common ones (key/id or name, perms, owners). */
struct json_member {
	const char *key;
	enum field field;
	int arg;
};

static const struct json_member json_members[KINDS][10] = {
	[KIND_MSG] = {
		{ "used_bytes", F_SIZE, 0 }, { "messages", F_COUNT, 0 },
		{ "lspid", F_PID, 0 }, { "lrpid", F_PID, 1 },
		{ "send_time", F_TIME, 0 }, { "receive_time", F_TIME, 1 }, { "change_time", F_TIME, 2 } },
	[KIND_SHM] = {
		{ "size", F_SIZE, 0 }, { "nattch", F_COUNT, 0 },
		{ "dest", F_DEST, 0 }, { "locked", F_LOCKED, 0 },
		{ "cpid", F_PID, 0 }, { "lpid", F_PID, 1 },
		{ "attach_time", F_TIME, 0 }, { "detach_time", F_TIME, 1 }, { "change_time", F_TIME, 2 } },
	[KIND_SEM] = {
		{ "nsems", F_SIZE, 0 },
		{ "operation_time", F_TIME, 0 }, { "change_time", F_TIME, 1 } },
	[KIND_PMSG] = {
		{ "used_bytes", F_SIZE, 0 }, { "messages", F_COUNT, 0 },
		{ "max_messages", F_MAXMSG, 0 }, { "max_message_size", F_MSGSIZE, 0 },
		{ "modify_time", F_TIME, 0 } },
	[KIND_PSHM] = {
		{ "size", F_SIZE, 0 }, { "modify_time", F_TIME, 0 } },
	[KIND_PSEM] = {
		{ "value", F_VALUE, 0 }, { "modify_time", F_TIME, 0 } },
};

/*
 * A time as ISO 8601, absent when System V says "never" (0).  A time no
 * calendar date can name is null, with the seconds in KEY_seconds.
 */
static void json_time(const char *key, int64_t t, bool zero_unset)
{
	if (t == 0 && zero_unset)
		return;
	const char *iso = format_iso_time(t);
	if (iso) {
		json_string(&doc, key, iso);
		return;
	}
	char seconds_key[64];
	json_null(&doc, key);
	snprintf(seconds_key, sizeof(seconds_key), "%s_seconds", key);
	json_int(&doc, seconds_key, t);
}

static void json_member(const struct json_member *m, const struct item *it)
{
	const struct sysv_object *o = it->sysv;
	const struct posix_object *p = it->posix;
	switch (m->field) {
	case F_SIZE:
		if (it->kind != KIND_PMSG || p->has_attr)
			json_uint(&doc, m->key, item_size(it));
		break;
	case F_COUNT:
		if (o)
			json_uint(&doc, m->key, o->count);
		else if (p->has_attr)
			json_int(&doc, m->key, p->curmsgs);
		break;
	case F_MAXMSG:
		if (p->has_attr)
			json_int(&doc, m->key, p->maxmsg);
		break;
	case F_MSGSIZE:
		if (p->has_attr)
			json_int(&doc, m->key, p->msgsize);
		break;
	case F_VALUE:
		if (p->has_value)
			json_int(&doc, m->key, p->value);
		break;
	case F_PID:
		json_int(&doc, m->key, o->pids[m->arg]);
		break;
	case F_TIME:
		json_time(m->key, item_time(it, m->arg), it->sysv != NULL);
		break;
	case F_DEST:
		json_bool(&doc, m->key, o->mode & SYSV_MODE_DEST);
		break;
	case F_LOCKED:
		json_bool(&doc, m->key, o->mode & SYSV_MODE_LOCKED);
		break;
	default:
		break;
	}
}

/* A uid or gid, and its name unless --numeric or there is none. */
static void json_id_name(const char *id_key, const char *name_key, uint32_t id,
			 bool is_user, const struct render_opts *opts)
{
	json_uint(&doc, id_key, id);
	if (opts->numeric)
		return;
	const char *name = is_user ? user_name(id) : group_name(id);
	if (name)
		json_string(&doc, name_key, name);
}

/* A name that is not UTF-8 is also given as hex, so it survives exactly. */
static void json_name(const char *name)
{
	static const char hex[] = "0123456789abcdef";
	if (json_string(&doc, "name", name))
		return;
	char buf[2 * sizeof(((struct posix_object *)0)->name) + 1];
	size_t n = 0;
	for (const unsigned char *s = (const unsigned char *)name; *s && n + 2 < sizeof(buf); s++) {
		buf[n++] = hex[*s >> 4];
		buf[n++] = hex[*s & 15];
	}
	buf[n] = '\0';
	json_string(&doc, "name_hex", buf);
}

/* The object's members; the caller opens and closes the object. */
static void json_item(const struct item *it, const struct render_opts *opts)
{
	char octal[8];
	if (it->sysv) {
		json_uint(&doc, "key", (uint32_t)it->sysv->key);
		json_int(&doc, "id", it->sysv->id);
	} else {
		json_name(it->posix->name);
	}
	json_uint(&doc, "perms", item_perms(it));
	snprintf(octal, sizeof(octal), "%04o", item_perms(it));
	json_string(&doc, "perms_octal", octal);
	json_id_name("uid", "user", item_uid(it), true, opts);
	json_id_name("gid", "group", item_gid(it), false, opts);
	if (it->sysv) {
		json_id_name("cuid", "cuser", it->sysv->cuid, true, opts);
		json_id_name("cgid", "cgroup", it->sysv->cgid, false, opts);
	}
	const struct json_member *m = json_members[it->kind];
	for (size_t i = 0; i < sizeof(json_members[0]) / sizeof(m[0]) && m[i].key; i++)
		json_member(&m[i], it);
}

/* --- output of both kinds --- */

bool render_shows(enum ipc_kind kind, const struct render_opts *opts)
{
	if (kind < KIND_PMSG)
		return true;
	if (opts->mode == MODE_SUMMARY || opts->details)
		return true;
	if (opts->mode == MODE_LIMITS)
		return true;
	/* JSON lists every object whatever the row mode. */
	return opts->json || layout_of(kind, opts) != NULL;
}

void render_begin(const struct render_opts *opts)
{
	if (!opts->json) {
		if (!opts->details)
			putchar('\n');
		return;
	}
	json_open_object(&doc, NULL);
	if (opts->details)
		return;
	if (opts->mode == MODE_LIMITS)
		json_open_object(&doc, "limits");
	else if (opts->mode == MODE_SUMMARY)
		json_open_object(&doc, "summary");
}

void render_end(const struct render_opts *opts)
{
	if (!opts->json)
		return;
	if (!opts->details && (opts->mode == MODE_LIMITS || opts->mode == MODE_SUMMARY))
		json_close_object(&doc);
	json_close_object(&doc);
}

void render_section_begin(enum ipc_kind kind, const struct render_opts *opts)
{
	if (opts->json) {
		json_open_array(&doc, json_kind_keys[kind]);
		return;
	}
	const struct layout *l = layout_of(kind, opts);
	if (!l)
		return;
	printf("------ %s --------\n", l->title);
	struct line line;
	line.len = 0;	/* no initializer: that would clear the whole buffer */
	for (const struct cell *c = l->cells; c->label; c++) {
		const char *label = opts->unit == UNIT_HUMAN && c->human_label ? c->human_label : c->label;
		line_cell(&line, label, c->hwidth, 0, c->hsep);
	}
	line_end(&line);
}

static void render_item(const struct item *it, const struct render_opts *opts)
{
	if (opts->json) {
		json_open_object(&doc, NULL);
		json_item(it, opts);
		json_close_object(&doc);
		return;
	}
	const struct layout *l = layout_of(it->kind, opts);
	if (!l)
		return;
	struct line line;
	line.len = 0;	/* no initializer: that would clear the whole buffer */
	for (const struct cell *c = l->cells; c->label; c++) {
		char buf[4 * sizeof(((struct posix_object *)0)->name) + 8];
		line_cell(&line, cell_text(c, it, opts, buf, sizeof(buf)), c->width, c->max, c->sep);
	}
	line_end(&line);
}

void render_row(const struct sysv_object *o, const struct render_opts *opts)
{
	struct item it = { o->kind, o, NULL };
	render_item(&it, opts);
}

void render_posix_row(const struct posix_object *p, const struct render_opts *opts)
{
	struct item it = { p->kind, NULL, p };
	render_item(&it, opts);
}

void render_section_end(enum ipc_kind kind, const struct render_opts *opts)
{
	(void)kind;
	if (opts->json)
		json_close_array(&doc);
	else
		putchar_unlocked('\n');
}

/*
 * A byte count in a "-l"/"-u" line: "LABEL (UNIT) = N", or with --human
 * "LABEL = 1.5K".  kbytes_by_default mirrors util-linux's -l for segments.
 */
static void size_line(const char *label, uint64_t bytes, bool kbytes_by_default,
		      const struct render_opts *opts)
{
	char human[32];
	switch (opts->unit) {
	case UNIT_HUMAN:
		format_human_size(bytes, human, sizeof(human));
		printf("%s = %s\n", label, human);
		break;
	case UNIT_DEFAULT:
		if (kbytes_by_default) {
			printf("%s (kbytes) = %" PRIu64 "\n", label, bytes / 1024);
			break;
		}
		/* fall through */
	case UNIT_BYTES:
		printf("%s (bytes) = %" PRIu64 "\n", label, bytes);
		break;
	}
}

/* pages * factor, saturating at the largest multiple of factor (as util-linux). */
static uint64_t saturating_product(uint64_t pages, uint64_t factor)
{
	if (factor && pages > UINT64_MAX / factor)
		pages = UINT64_MAX / factor;
	return pages * factor;
}

/*
 * The -l and -u blocks: each line is a fact with its text label and its JSON
 * key, so text and JSON come from one list.  A NULL label is JSON only, a
 * NULL key text only.
 */
enum fact_style {
	FACT_NUMBER,		/* LABEL N (the label carries its " = ") */
	FACT_BYTES,		/* size_line(): (bytes), or --human */
	FACT_KBYTES,		/* size_line() in kbytes by default (-l of segments) */
	FACT_SHM_TOTAL,		/* value is pages: util-linux's saturating product */
	FACT_USED_SPACE,	/* "used space = N bytes", or size_line() */
	FACT_SWAP,		/* "Swap performance: ..." with value and value2 */
	FACT_NOTE,		/* text: the label alone; JSON: KEY true */
};

struct fact {
	const char *label, *key;
	enum fact_style style;
	uint64_t value, value2;
};

static void render_facts(enum ipc_kind kind, const char *title, const struct fact *facts,
			 size_t count, const struct render_opts *opts)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	if (opts->json) {
		json_open_object(&doc, json_kind_keys[kind]);
		for (const struct fact *f = facts; f < facts + count; f++)
			if (f->key && f->style == FACT_NOTE)
				json_bool(&doc, f->key, true);
			else if (f->key)
				json_uint(&doc, f->key, f->style == FACT_SHM_TOTAL ?
					  saturating_product(f->value, page) : f->value);
		json_close_object(&doc);
		return;
	}
	printf("------ %s --------\n", title);
	for (const struct fact *f = facts; f < facts + count; f++) {
		if (!f->label)
			continue;
		switch (f->style) {
		case FACT_NUMBER:
			printf("%s%" PRIu64 "\n", f->label, f->value);
			break;
		case FACT_BYTES:
		case FACT_KBYTES:
			size_line(f->label, f->value, f->style == FACT_KBYTES, opts);
			break;
		case FACT_SHM_TOTAL:
			if (opts->unit == UNIT_DEFAULT)
				printf("%s (kbytes) = %" PRIu64 "\n", f->label,
				       saturating_product(f->value, page / 1024));
			else
				size_line(f->label, saturating_product(f->value, page), false, opts);
			break;
		case FACT_USED_SPACE:
			if (opts->unit == UNIT_DEFAULT)
				printf("%s = %" PRIu64 " bytes\n", f->label, f->value);
			else
				size_line(f->label, f->value, false, opts);
			break;
		case FACT_SWAP:
			printf("%s%" PRIu64 " attempts\t %" PRIu64 " successes\n", f->label, f->value, f->value2);
			break;
		case FACT_NOTE:
			puts(f->label);
			break;
		}
	}
	putchar('\n');
}

#define RENDER_FACTS(kind, title, ...) do { \
		const struct fact f_[] = { __VA_ARGS__ }; \
		render_facts(kind, title, f_, sizeof(f_) / sizeof(f_[0]), opts); \
	} while (0)

void render_limits(enum ipc_kind kind, const struct sysv_limits *l, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_MSG:
		RENDER_FACTS(KIND_MSG, "Messages Limits",
			{ "max queues system wide = ", "max_queues", FACT_NUMBER, l->msgmni, 0 },
			{ "max size of message", "max_message_size", FACT_BYTES, l->msgmax, 0 },
			{ "default max size of queue", "max_queue_size", FACT_BYTES, l->msgmnb, 0 });
		break;
	case KIND_SHM:
		RENDER_FACTS(KIND_SHM, "Shared Memory Limits",
			{ "max number of segments = ", "max_segments", FACT_NUMBER, l->shmmni, 0 },
			{ "max seg size", "max_segment_size", FACT_KBYTES, l->shmmax, 0 },
			{ NULL, "max_total_pages", FACT_NUMBER, l->shmall, 0 },
			{ "max total shared memory", "max_total_size", FACT_SHM_TOTAL, l->shmall, 0 },
			{ "min seg size", "min_segment_size", FACT_BYTES, l->shmmin, 0 });
		break;
	case KIND_SEM:
		RENDER_FACTS(KIND_SEM, "Semaphore Limits",
			{ "max number of arrays = ", "max_arrays", FACT_NUMBER, l->semmni, 0 },
			{ "max semaphores per array = ", "max_semaphores_per_array", FACT_NUMBER, l->semmsl, 0 },
			{ "max semaphores system wide = ", "max_semaphores", FACT_NUMBER, l->semmns, 0 },
			{ "max ops per semop call = ", "max_ops_per_call", FACT_NUMBER, l->semopm, 0 },
			{ "semaphore max value = ", "max_value", FACT_NUMBER, l->semvmx, 0 });
		break;
	default:
		break;
	}
}

void render_summary(enum ipc_kind kind, const struct sysv_summary *s, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_MSG:
		RENDER_FACTS(KIND_MSG, "Messages Status",
			{ "allocated queues = ", "queues", FACT_NUMBER, s->msg_queues, 0 },
			{ "used headers = ", "headers", FACT_NUMBER, s->msg_headers, 0 },
			{ "used space", "used_bytes", FACT_USED_SPACE, s->msg_bytes, 0 });
		break;
	case KIND_SHM:
		RENDER_FACTS(KIND_SHM, "Shared Memory Status",
			{ "segments allocated ", "segments", FACT_NUMBER, s->shm_segments, 0 },
			{ "pages allocated ", "pages", FACT_NUMBER, s->shm_pages, 0 },
			{ "pages resident  ", "resident_pages", FACT_NUMBER, s->shm_resident, 0 },
			{ "pages swapped   ", "swapped_pages", FACT_NUMBER, s->shm_swapped, 0 },
			{ "Swap performance: ", NULL, FACT_SWAP, s->swap_attempts, s->swap_successes },
			{ NULL, "swap_attempts", FACT_NUMBER, s->swap_attempts, 0 },
			{ NULL, "swap_successes", FACT_NUMBER, s->swap_successes, 0 });
		break;
	case KIND_SEM:
		RENDER_FACTS(KIND_SEM, "Semaphore Status",
			{ "used arrays = ", "arrays", FACT_NUMBER, s->sem_arrays, 0 },
			{ "allocated semaphores = ", "semaphores", FACT_NUMBER, s->sem_total, 0 });
		break;
	default:
		break;
	}
}

void render_posix_limits(enum ipc_kind kind, const struct posix_limits *l, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_PMSG:
		RENDER_FACTS(KIND_PMSG, "POSIX Message Queues Limits",
			{ "max queues system wide = ", "max_queues", FACT_NUMBER, l->queues_max, 0 },
			{ "max messages per queue = ", "max_messages", FACT_NUMBER, l->msg_max, 0 },
			{ "max size of message", "max_message_size", FACT_BYTES, l->msgsize_max, 0 },
			{ "default max messages per queue = ", "default_max_messages", FACT_NUMBER, l->msg_default, 0 },
			{ "default max size of message", "default_max_message_size", FACT_BYTES, l->msgsize_default, 0 });
		break;
	case KIND_PSHM:
		/* Segments are tmpfs files: the file system's size is the limit. */
		RENDER_FACTS(KIND_PSHM, "POSIX Shared Memory Limits",
			{ "max total shared memory", "max_total_size", FACT_BYTES, l->fs_size, 0 },
			{ "available shared memory", "available_size", FACT_BYTES, l->fs_available, 0 });
		break;
	case KIND_PSEM:
		RENDER_FACTS(KIND_PSEM, "POSIX Semaphores Limits",
			{ "semaphore max value = ", "max_value", FACT_NUMBER, l->sem_value_max, 0 });
		break;
	default:
		break;
	}
}

/* Only when the total saturated: the real one is larger. */
#define CAPPED_NOTE(s) (s)->capped ? "(used space is larger: the total exceeds 2^64-1 bytes)" : NULL, \
	(s)->capped ? "used_bytes_capped" : NULL, FACT_NOTE, 0, 0

void render_posix_summary(enum ipc_kind kind, const struct posix_summary *s, const struct render_opts *opts)
{
	switch (kind) {
	case KIND_PMSG:
		RENDER_FACTS(KIND_PMSG, "POSIX Message Queues Status",
			{ "queues = ", "queues", FACT_NUMBER, s->objects, 0 },
			{ NULL, "used_bytes", FACT_NUMBER, s->bytes, 0 },
			{ "messages = ", "messages", FACT_NUMBER, s->messages, 0 },
			{ "used space", NULL, FACT_USED_SPACE, s->bytes, 0 },
			{ CAPPED_NOTE(s) });
		break;
	case KIND_PSHM:
		RENDER_FACTS(KIND_PSHM, "POSIX Shared Memory Status",
			{ "objects = ", "objects", FACT_NUMBER, s->objects, 0 },
			{ "used space", "used_bytes", FACT_USED_SPACE, s->bytes, 0 },
			{ CAPPED_NOTE(s) });
		break;
	case KIND_PSEM:
		RENDER_FACTS(KIND_PSEM, "POSIX Semaphores Status",
			{ "semaphores = ", "semaphores", FACT_NUMBER, s->objects, 0 });
		break;
	default:
		break;
	}
}

/* JSON of -i and --name: the kind's list with this one object, or empty. */
static void json_details(const struct item *it, const struct sysv_semval *values,
			 const struct render_opts *opts)
{
	json_open_array(&doc, json_kind_keys[it->kind]);
	if (it->sysv || it->posix) {
		json_open_object(&doc, NULL);
		json_item(it, opts);
		/* What only the detail view asks the kernel for. */
		if (it->kind == KIND_MSG && it->sysv->qbytes)
			json_uint(&doc, "qbytes", it->sysv->qbytes);
		if (it->kind == KIND_SEM) {
			json_open_array(&doc, "values");
			for (uint64_t i = 0; values && i < it->sysv->size; i++) {
				json_open_object(&doc, NULL);
				json_uint(&doc, "semnum", i);
				json_int(&doc, "value", values[i].value);
				json_int(&doc, "ncount", values[i].ncount);
				json_int(&doc, "zcount", values[i].zcount);
				json_int(&doc, "pid", values[i].pid);
				json_close_object(&doc);
			}
			json_close_array(&doc);
		}
		json_close_object(&doc);
	}
	json_close_array(&doc);
}

void render_details(enum ipc_kind kind, const struct sysv_object *o,
		    const struct sysv_semval *values, const struct render_opts *opts)
{
	if (opts->json) {
		struct item it = { kind, o, NULL };
		json_details(&it, values, opts);
		return;
	}
	if (!o)
		return;
	/* --human renames the size fields, as util-linux does; -b changes nothing. */
	bool human = opts->unit == UNIT_HUMAN;
	char size[32], qsize[32];
	switch (o->kind) {
	case KIND_SHM:
		printf("\nShared memory Segment shmid=%d\n", o->id);
		printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\n", o->uid, o->gid, o->cuid, o->cgid);
		printf("mode=%#o\taccess_perms=%#o\n", o->mode, o->mode & 0777);
		if (human) {
			format_human_size(o->size, size, sizeof(size));
			printf("size=%s", size);
		} else {
			printf("bytes=%" PRIu64, o->size);
		}
		printf("\tlpid=%" PRId64 "\tcpid=%" PRId64 "\tnattch=%" PRIu64 "\n",
		       o->pids[1], o->pids[0], o->count);
		printf("att_time=%-26s\n", format_long_time(o->times[0], true));
		printf("det_time=%-26s\n", format_long_time(o->times[1], true));
		printf("change_time=%-26s\n", format_long_time(o->times[2], true));
		break;
	case KIND_MSG:
		printf("\nMessage Queue msqid=%d\n", o->id);
		printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\tmode=%#o\n", o->uid, o->gid, o->cuid, o->cgid, o->mode);
		if (human) {
			format_human_size(o->size, size, sizeof(size));
			format_human_size(o->qbytes, qsize, sizeof(qsize));
			printf("csize=%s\tqsize=%s", size, qsize);
		} else {
			printf("cbytes=%" PRIu64 "\tqbytes=%" PRIu64, o->size, o->qbytes);
		}
		printf("\tqnum=%" PRIu64 "\tlspid=%" PRId64 "\tlrpid=%" PRId64 "\n",
		       o->count, o->pids[0], o->pids[1]);
		printf("send_time=%-26s\n", format_long_time(o->times[0], true));
		printf("rcv_time=%-26s\n", format_long_time(o->times[1], true));
		printf("change_time=%-26s\n", format_long_time(o->times[2], true));
		break;
	case KIND_SEM:
		printf("\nSemaphore Array semid=%d\n", o->id);
		printf("uid=%u\t gid=%u\t cuid=%u\t cgid=%u\n", o->uid, o->gid, o->cuid, o->cgid);
		printf("mode=%#o, access_perms=%#o\n", o->mode, o->mode & 0777);
		printf("nsems = %" PRIu64 "\n", o->size);
		printf("otime = %-26s\n", format_long_time(o->times[0], true));
		printf("ctime = %-26s\n", format_long_time(o->times[1], true));
		printf("%-10s %-10s %-10s %-10s %-10s\n", "semnum", "value", "ncount", "zcount", "pid");
		for (uint64_t i = 0; values && i < o->size; i++)
			printf("%-10" PRIu64 " %-10d %-10d %-10d %-10d\n", i, values[i].value,
			       values[i].ncount, values[i].zcount, values[i].pid);
		break;
	default:
		break;
	}
	putchar('\n');
}

void render_posix_details(enum ipc_kind kind, const struct posix_object *p,
			  const struct render_opts *opts)
{
	if (opts->json) {
		struct item it = { kind, NULL, p };
		json_details(&it, NULL, opts);
		return;
	}
	if (!p)
		return;
	static const char *const titles[KINDS] = {
		[KIND_PSHM] = "POSIX Shared Memory",
		[KIND_PMSG] = "POSIX Message Queue",
		[KIND_PSEM] = "POSIX Semaphore",
	};
	char name[4 * sizeof(p->name) + 1];
	printf("\n%s name=%s\n", titles[kind], escape_name(p->name, name, sizeof(name)));
	printf("uid=%u\tgid=%u\tmode=%#o\n", p->uid, p->gid, p->mode & 07777);
	switch (kind) {
	case KIND_PSHM:
		printf("bytes=%" PRIu64 "\n", p->size);
		break;
	case KIND_PMSG:
		/* Nothing is known of a queue we cannot open. */
		if (p->has_attr)
			printf("cbytes=%" PRIu64 "\tqnum=%" PRId64 "\tmaxmsg=%" PRId64 "\tmsgsize=%" PRId64 "\n",
			       p->size, p->curmsgs, p->maxmsg, p->msgsize);
		else
			printf("cbytes=-\n");
		break;
	case KIND_PSEM:
		if (p->has_value)
			printf("value=%d\n", p->value);
		else
			printf("value=-\n");
		break;
	default:
		break;
	}
	printf("mod_time=%-26s\n", format_long_time(p->mtime, false));
	putchar('\n');
}

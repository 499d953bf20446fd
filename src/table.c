/*
 * Text tables of ipcs: each (kind, row mode) is one layout, a title and a
 * list of cells naming catalogue fields, with widths.  Rows are assembled
 * in memory and written with one fwrite: with tens of thousands of objects
 * printf's format parsing would cost more than the kernel does.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "src/format.h"
#include "src/render-int.h"
#include "src/util.h"

/*
 * width < 0: left-aligned in -width, > 0: right-aligned, 0: as is.
 * max > 0 truncates.  The header uses hwidth/hsep, rows width/sep; the
 * header label is the catalogue's.
 */
struct cell {
	enum field_id field;
	signed char slot;
	bool long_time;		/* ctime()-style time instead of "Nov 26 05:59:32" */
	signed char hwidth;
	const char *hsep;
	signed char width, max;
	const char *sep;
};

struct layout {
	const char *title;
	struct cell cells[8];	/* ends at the first cell with no separator */
};

/* A cell whose header and rows have the same width. */
#define C(field, slot, w, max, sep) { field, slot, false, -(w), sep, -(w), max, sep }
#define CELL_KEY	C(FIELD_KEY, 0, 10, 0, " ")
#define CELL_ID(w)	C(FIELD_ID, 0, w, 0, " ")
#define CELL_NAME	C(FIELD_NAME, 0, 20, 0, " ")
#define CELL_OWNER	C(FIELD_OWNER, 0, 10, 10, " ")
#define CELL_PERMS	C(FIELD_PERMS, 0, 10, 0, " ")
#define CELL_TIME(slot, sep)	C(FIELD_TIME, slot, 20, 0, sep)
#define CELL_LONG_TIME(slot, sep)	{ FIELD_TIME, slot, true, -26, sep, -26, 0, sep }
#define CELLS_OWNER	C(FIELD_UID, 0, 10, 0, " "), C(FIELD_GID, 0, 10, 0, "")
#define CELLS_CREATOR_OWNER \
	C(FIELD_CUID, 0, 10, 0, " "), C(FIELD_CGID, 0, 10, 0, " "), CELLS_OWNER
/* POSIX objects: one time, no pids (no -p section, as for semaphores). */
#define POSIX_TIME_AND_OWNERS(title) \
	[MODE_TIME] = { title " Modification Times", { \
		CELL_NAME, CELL_OWNER, CELL_LONG_TIME(POSIX_MTIME, "") } }, \
	[MODE_PID] = { NULL, { { 0 } } }, \
	[MODE_CREATOR] = { title " Owners", { CELL_NAME, CELL_PERMS, CELLS_OWNER } }

static const struct layout layouts[KINDS][MODE_CREATOR + 1] = {
	[KIND_MSG] = {
		[MODE_LIST] = { "Message Queues", {
			CELL_KEY, CELL_ID(10), CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 12, 0, " "),
			C(FIELD_COUNT, 0, 12, 0, "") } },
		[MODE_TIME] = { "Message Queues Send/Recv/Change Times", {
			CELL_ID(8), CELL_OWNER,
			CELL_TIME(MSG_STIME, " "), CELL_TIME(MSG_RTIME, " "), CELL_TIME(MSG_CTIME, "") } },
		[MODE_PID] = { "Message Queues PIDs", {
			{ FIELD_ID, 0, false, -10, " ", -8, 0, " " },
			CELL_OWNER,
			{ FIELD_PID, MSG_LSPID, false, -10, " ", 6, 0, " " },
			{ FIELD_PID, MSG_LRPID, false, -10, "", 9, 0, "" } } },
		[MODE_CREATOR] = { "Message Queues Creators/Owners", {
			CELL_ID(10), CELL_PERMS, CELLS_CREATOR_OWNER } },
	},
	[KIND_SHM] = {
		[MODE_LIST] = { "Shared Memory Segments", {
			CELL_KEY, CELL_ID(10), CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 10, 0, " "),
			C(FIELD_COUNT, 0, 10, 0, " "),
			{ FIELD_STATUS, 0, false, -12, "", 0, 0, "" } } },
		[MODE_TIME] = { "Shared Memory Attach/Detach/Change Times", {
			CELL_ID(10), CELL_OWNER,
			CELL_TIME(SHM_ATIME, " "), CELL_TIME(SHM_DTIME, " "), CELL_TIME(SHM_CTIME, "") } },
		[MODE_PID] = { "Shared Memory Creator/Last-op PIDs", {
			CELL_ID(10), CELL_OWNER,
			C(FIELD_PID, SHM_CPID, 10, 0, " "), C(FIELD_PID, SHM_LPID, 10, 0, "") } },
		[MODE_CREATOR] = { "Shared Memory Segment Creators/Owners", {
			CELL_ID(10), CELL_PERMS, CELLS_CREATOR_OWNER } },
	},
	[KIND_SEM] = {
		[MODE_LIST] = { "Semaphore Arrays", {
			CELL_KEY, CELL_ID(10), CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 10, 0, "") } },
		[MODE_TIME] = { "Semaphore Operation/Change Times", {
			CELL_ID(8),
			{ FIELD_OWNER, 0, false, -10, " ", -10, 10, "  " },
			CELL_LONG_TIME(SEM_OTIME, " "), CELL_LONG_TIME(SEM_CTIME, "") } },
		/* util-linux prints no PID section for semaphores. */
		[MODE_PID] = { NULL, { { 0 } } },
		[MODE_CREATOR] = { "Semaphore Arrays Creators/Owners", {
			CELL_ID(10), CELL_PERMS, CELLS_CREATOR_OWNER } },
	},
	[KIND_PMSG] = {
		[MODE_LIST] = { "POSIX Message Queues", {
			CELL_NAME, CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 12, 0, " "),
			C(FIELD_COUNT, 0, 12, 0, "") } },
		POSIX_TIME_AND_OWNERS("POSIX Message Queues"),
	},
	[KIND_PSHM] = {
		[MODE_LIST] = { "POSIX Shared Memory", {
			CELL_NAME, CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 10, 0, " "),
			{ FIELD_TIME, POSIX_MTIME, false, -15, "", -15, 0, "" } } },
		POSIX_TIME_AND_OWNERS("POSIX Shared Memory"),
	},
	[KIND_PSEM] = {
		[MODE_LIST] = { "POSIX Semaphores", {
			CELL_NAME, CELL_OWNER, CELL_PERMS,
			C(FIELD_VALUE, 0, 10, 0, "") } },
		POSIX_TIME_AND_OWNERS("POSIX Semaphores"),
	},
};

static const struct layout *layout_of(enum ipc_kind kind, const struct render_opts *opts)
{
	if (opts->mode > MODE_CREATOR || !layouts[kind][opts->mode].title)
		return NULL;
	return &layouts[kind][opts->mode];
}

bool table_has_layout(enum ipc_kind kind, const struct render_opts *opts)
{
	return layout_of(kind, opts) != NULL;
}

/* A row in memory: per-cell stdio calls cost more than the kernel's part. */
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
		len = (size_t)max;
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

static const char *id_text(uint64_t id, bool user, bool numeric, char *buf)
{
	const char *name = numeric ? NULL : user ? user_name_shown((uid_t)id) : group_name_shown((gid_t)id);
	return name ? name : format_u64(id, buf);
}

/* The status column: [dest][locked], as util-linux pads it. */
static const char *const statuses[2][2] = {
	{ "             ", "       locked" },
	{ "dest         ", "dest   locked" },
};

static const char *cell_text(const struct cell *c, const struct ipc_item *it,
			     const struct render_opts *opts, char *buf, size_t len)
{
	struct field_value v;
	field_get(it, c->field, c->slot, &v);
	switch (c->field) {
	case FIELD_KEY:
		return format_key((uint32_t)v.u, buf);
	case FIELD_NAME:
		return escape_name(v.s, buf, len);
	case FIELD_PERMS:
		return format_octal((uint32_t)v.u, buf);
	case FIELD_OWNER:
	case FIELD_UID:
	case FIELD_CUID:
		return id_text(v.u, true, opts->numeric, buf);
	case FIELD_GID:
	case FIELD_CGID:
		return id_text(v.u, false, opts->numeric, buf);
	case FIELD_SIZE:
		if (v.type != VALUE_ABSENT && opts->unit == UNIT_HUMAN && it->kind != KIND_SEM) {
			char human[32];
			format_human_size(v.u, human, sizeof(human));
			snprintf(buf, len, "%6s", human);
			return buf;
		}
		break;
	case FIELD_STATUS:
		return statuses[v.u][!!(it->sysv->mode & SYSV_MODE_LOCKED)];
	default:
		break;
	}
	switch (v.type) {
	case VALUE_ABSENT:
		return "-";
	case VALUE_UINT:
		return format_u64(v.u, buf);
	case VALUE_INT:
		return format_i64(v.i, buf);
	case VALUE_TIME:
		return c->long_time ? format_long_time(v.i, v.zero_unset)
				    : format_short_time(v.i, v.zero_unset, buf);
	default:
		return "";
	}
}

void table_header(enum ipc_kind kind, const struct render_opts *opts)
{
	const struct layout *l = layout_of(kind, opts);
	if (!l)
		return;
	printf("------ %s --------\n", l->title);
	struct line line;
	line.len = 0;	/* no initializer: that would clear the whole buffer */
	for (const struct cell *c = l->cells; c->sep; c++) {
		const struct field_desc *d = field_find(kind, c->field, c->slot);
		const char *label = opts->unit == UNIT_HUMAN && d->human_label ? d->human_label : d->label;
		line_cell(&line, label, c->hwidth, 0, c->hsep);
	}
	line_end(&line);
}

void table_row(const struct ipc_item *it, const struct render_opts *opts)
{
	const struct layout *l = layout_of(it->kind, opts);
	if (!l)
		return;
	struct line line;
	line.len = 0;	/* no initializer: that would clear the whole buffer */
	for (const struct cell *c = l->cells; c->sep; c++) {
		char buf[ESCAPED_SIZE(sizeof(((struct posix_object *)0)->name))];
		line_cell(&line, cell_text(c, it, opts, buf, sizeof(buf)), c->width, c->max, c->sep);
	}
	line_end(&line);
}

/* "mapped, open, cpid": how a process uses an object, in words. */
static void how_text(const struct holder *h, char *buf, size_t len)
{
	static const struct { unsigned bit; const char *word; } words[] = {
		{ HOLD_MAP, "mapped" }, { HOLD_FD, "open" }, { HOLD_NOTIFY, "notify" },
	};
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (h->how & words[i].bit)
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "," : "", words[i].word);
	if ((h->how & HOLD_RECORDED) && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "," : "", h->role);
	if (!h->alive && n < len)
		snprintf(buf + n, len - n, "%s", n ? ",exited" : "exited");
}

void table_holders(const struct ipc_item *it)
{
	const struct holder_list *l = it->holders;
	for (size_t i = 0; i < l->n; i++) {
		const struct holder *h = &l->items[i];
		char uid[24], how[64], command[ESCAPED_SIZE(sizeof(h->command))];
		const char *user = h->alive ? id_text(h->uid, true, false, uid) : "-";
		how_text(h, how, sizeof(how));
		printf("  %-8lld %-10.10s %-16s %s\n", (long long)h->pid, user,
		       h->alive ? escape_name(h->command, command, sizeof(command)) : "-", how);
	}
	if (l->waiting)
		printf("  %llu waiting\n", (unsigned long long)l->waiting);
	if (it->orphaned)
		printf("  orphaned\n");
}

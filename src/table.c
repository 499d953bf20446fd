/*
 * Text tables of ipcs: each (kind, row mode) is one layout, a title and a
 * list of cells naming catalogue fields, with widths.  Rows are assembled
 * in memory and written with one fwrite: with tens of thousands of objects
 * printf's format parsing would cost more than the kernel does.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/names.h"
#include "src/out.h"
#include "src/render-int.h"
#include "src/utf8.h"
#include "src/xalloc.h"

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
/* POSIX tables have no util-linux layout to keep: the owner whole, the column fitted (max -1). */
#define CELL_POSIX_OWNER	C(FIELD_OWNER, 0, 10, -1, " ")
#define CELL_PERMS	C(FIELD_PERMS, 0, 10, 0, " ")
#define CELL_TIME(slot, sep)	C(FIELD_TIME, slot, 20, 0, sep)
#define CELL_LONG_TIME(slot, sep)	{ FIELD_TIME, slot, true, -26, sep, -26, 0, sep }
#define CELLS_OWNER	C(FIELD_UID, 0, 10, 0, " "), C(FIELD_GID, 0, 10, 0, "")
#define CELLS_CREATOR_OWNER \
	C(FIELD_CUID, 0, 10, 0, " "), C(FIELD_CGID, 0, 10, 0, " "), CELLS_OWNER
/* POSIX objects: one time, no pids (no -p section, as for semaphores). */
#define POSIX_TIME_AND_OWNERS(time_title, owners_title) \
	[MODE_TIME] = { time_title, { \
		CELL_NAME, CELL_POSIX_OWNER, CELL_LONG_TIME(POSIX_MTIME, "") } }, \
	[MODE_PID] = { NULL, { { 0 } } }, \
	[MODE_CREATOR] = { owners_title, { CELL_NAME, CELL_PERMS, CELLS_OWNER } }

/* TRANSLATORS: the table titles, printed as "------ TITLE --------" */
static const struct layout layouts[KINDS][MODE_CREATOR + 1] = {
	[KIND_MSG] = {
		[MODE_LIST] = { N_("Message Queues"), {
			CELL_KEY, CELL_ID(10), CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 12, 0, " "),
			C(FIELD_COUNT, 0, 12, 0, "") } },
		[MODE_TIME] = { N_("Message Queues Send/Recv/Change Times"), {
			CELL_ID(8), CELL_OWNER,
			CELL_TIME(MSG_STIME, " "), CELL_TIME(MSG_RTIME, " "), CELL_TIME(MSG_CTIME, "") } },
		[MODE_PID] = { N_("Message Queues PIDs"), {
			{ FIELD_ID, 0, false, -10, " ", -8, 0, " " },
			CELL_OWNER,
			{ FIELD_PID, MSG_LSPID, false, -10, " ", 6, 0, " " },
			{ FIELD_PID, MSG_LRPID, false, -10, "", 9, 0, "" } } },
		[MODE_CREATOR] = { N_("Message Queues Creators/Owners"), {
			CELL_ID(10), CELL_PERMS, CELLS_CREATOR_OWNER } },
	},
	[KIND_SHM] = {
		[MODE_LIST] = { N_("Shared Memory Segments"), {
			CELL_KEY, CELL_ID(10), CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 10, 0, " "),
			C(FIELD_COUNT, 0, 10, 0, " "),
			{ FIELD_STATUS, 0, false, -12, "", 0, 0, "" } } },
		[MODE_TIME] = { N_("Shared Memory Attach/Detach/Change Times"), {
			CELL_ID(10), CELL_OWNER,
			CELL_TIME(SHM_ATIME, " "), CELL_TIME(SHM_DTIME, " "), CELL_TIME(SHM_CTIME, "") } },
		[MODE_PID] = { N_("Shared Memory Creator/Last-op PIDs"), {
			CELL_ID(10), CELL_OWNER,
			C(FIELD_PID, SHM_CPID, 10, 0, " "), C(FIELD_PID, SHM_LPID, 10, 0, "") } },
		[MODE_CREATOR] = { N_("Shared Memory Segment Creators/Owners"), {
			CELL_ID(10), CELL_PERMS, CELLS_CREATOR_OWNER } },
	},
	[KIND_SEM] = {
		[MODE_LIST] = { N_("Semaphore Arrays"), {
			CELL_KEY, CELL_ID(10), CELL_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 10, 0, "") } },
		[MODE_TIME] = { N_("Semaphore Operation/Change Times"), {
			CELL_ID(8),
			{ FIELD_OWNER, 0, false, -10, " ", -10, 10, "  " },
			CELL_LONG_TIME(SEM_OTIME, " "), CELL_LONG_TIME(SEM_CTIME, "") } },
		/* util-linux prints no PID section for semaphores. */
		[MODE_PID] = { NULL, { { 0 } } },
		[MODE_CREATOR] = { N_("Semaphore Arrays Creators/Owners"), {
			CELL_ID(10), CELL_PERMS, CELLS_CREATOR_OWNER } },
	},
	[KIND_PMSG] = {
		[MODE_LIST] = { N_("POSIX Message Queues"), {
			CELL_NAME, CELL_POSIX_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 12, 0, " "),
			C(FIELD_COUNT, 0, 12, 0, "") } },
		POSIX_TIME_AND_OWNERS(N_("POSIX Message Queues Modification Times"),
				      N_("POSIX Message Queues Owners")),
	},
	[KIND_PSHM] = {
		[MODE_LIST] = { N_("POSIX Shared Memory"), {
			CELL_NAME, CELL_POSIX_OWNER, CELL_PERMS,
			C(FIELD_SIZE, 0, 10, 0, " "),
			{ FIELD_TIME, POSIX_MTIME, false, -15, "", -15, 0, "" } } },
		POSIX_TIME_AND_OWNERS(N_("POSIX Shared Memory Modification Times"),
				      N_("POSIX Shared Memory Owners")),
	},
	[KIND_PSEM] = {
		[MODE_LIST] = { N_("POSIX Semaphores"), {
			CELL_NAME, CELL_POSIX_OWNER, CELL_PERMS,
			C(FIELD_VALUE, 0, 10, 0, "") } },
		POSIX_TIME_AND_OWNERS(N_("POSIX Semaphores Modification Times"),
				      N_("POSIX Semaphores Owners")),
	},
};

/*
 * --memory: cells after a listing's own, each kind's first with the
 * separator JOIN from the row's last cell (HJOIN in the header: the shm
 * status header is a column narrower than its cells).
 */
static const struct {
	const char *hjoin, *join;
	struct cell cells[3];
} memory_cells[KINDS] = {
	[KIND_SHM] = { "  ", " ", { C(FIELD_RSS, 0, 10, 0, " "), C(FIELD_SWAP, 0, 10, 0, "") } },
	[KIND_MSG] = { " ", " ", { C(FIELD_FILL, 0, 10, 0, "") } },
	[KIND_PSHM] = { " ", " ", { C(FIELD_ALLOCATED, 0, 10, 0, "") } },
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

/*
 * Rows are written in place into the output buffer (src/out.h): each cell's
 * text is produced where it goes, or copied once from where it lives (the
 * name cache, the time cache), with its length known, and padded by the
 * layout's width.  The buffer reaches stdio when full, not once per row.
 *
 * Room is asked per cell, never per row: a row's size depends on its names
 * (user and group names from LDAP can be long, a POSIX name pads to the
 * widest escaped name of its section), so no fixed row size holds them all.
 * One cell writes at most CELL_ROOM bytes in the buffer: a text made in
 * place (at most an escaped POSIX name) or copied (at most LONG_TEXT; longer
 * texts go to stdio on their own), its padding (at most PAD_MAX, the
 * padding store's 32 bytes included), a separator of at most 2 bytes and
 * the row's newline.
 */
/* Text longer than this goes to the buffer on its own (a very long user name). */
#define LONG_TEXT 512
/* The widest escaped POSIX name: the most a name cell's text takes, and its padding. */
#define NAME_ROOM ESCAPED_SIZE(sizeof(((struct posix_object *)0)->name))
#define PAD_MAX (NAME_ROOM + 64)
#define CELL_ROOM (NAME_ROOM + PAD_MAX + 2 + 1)	/* + the row's newline after its last cell */
_Static_assert(LONG_TEXT <= NAME_ROOM, "a copied text is no longer than a name made in place");
_Static_assert(CELL_ROOM <= OUT_ROOM_MAX, "CELL_ROOM is an out_room() size");

/*
 * P (in the output buffer, past the committed bytes) with room for one
 * cell: when the buffer has less, the row so far goes to stdio and the
 * cell starts at the emptied buffer.
 */
static inline char *cell_room(char *p)
{
	if ((size_t)(outbuf.buf + OUT_SIZE - p) < CELL_ROOM) {
		out_end(p);
		out_flush();
		p = outbuf.buf;
	}
	return p;
}

static const char spaces[64] = "                                                                ";

static char *put_spaces(char *p, size_t n)
{
	while (n > sizeof(spaces)) {
		memcpy(p, spaces, sizeof(spaces));
		p += sizeof(spaces);
		n -= sizeof(spaces);
	}
	memcpy(p, spaces, n);
	return p + n;
}

/* TEXT (LEN > LONG_TEXT bytes) after the row so far at P: straight to stdio. */
static char *put_text(char *p, const char *text, size_t len)
{
	out_end(p);
	out_write(text, len);
	return cell_room(outbuf.buf + outbuf.len);
}

/* A uid's or gid's name (or the number) at P; its length in *LEN. */
static const char *id_text(uint64_t id, bool user, bool numeric, char *p, size_t *len)
{
	const char *name = numeric ? NULL : id_name_shown((unsigned)id, user, len);
	if (name)
		return name;
	*len = put_u64(p, id);
	return p;
}

/*
 * POSIX tables: the name column is as wide as the longest escaped name of
 * the section (at least NAME_COLUMN, the layouts' width), so every row
 * stays aligned.
 */
enum { NAME_COLUMN = 20, OWNER_COLUMN = 10, OWNER_COLUMN_MAX = 32 };
static size_t name_column = NAME_COLUMN;
/* Likewise the owner: as wide as the widest owner shown (up to 32: useradd's longest). */
static size_t owner_column = OWNER_COLUMN;

void render_fit_owner(uint64_t uid, const struct render_opts *opts)
{
	char buf[24];
	size_t len;
	const char *text = id_text(uid, true, opts->numeric, buf, &len);
	size_t w = utf8_columns ? utf8_width(text, len) : len;
	if (w > owner_column)
		owner_column = w < OWNER_COLUMN_MAX ? w : OWNER_COLUMN_MAX;
}

void render_fit_names(const char *const *names, size_t n)
{
	name_column = NAME_COLUMN;
	owner_column = OWNER_COLUMN;
	for (size_t i = 0; i < n; i++) {
		char buf[ESCAPED_SIZE(sizeof(((struct posix_object *)0)->name))];
		size_t w = utf8_width(buf, put_escaped_name(buf, names[i]));
		if (w > name_column)
			name_column = w;	/* < NAME_ROOM: table.c's PAD_MAX holds it */
	}
}

/*
 * The status column: [dest][locked], as util-linux pads it: "dest" in 7
 * columns, "locked" in 6.  The words are translated once, the four texts
 * made at the first row that needs them.
 */
static struct status_text { char text[64]; size_t len; } statuses[2][2];

static const struct status_text *status_text(bool dest, bool locked)
{
	struct status_text *st = &statuses[dest][locked];
	if (!st->len) {
		/* TRANSLATORS: ipcs -m's status column: a segment marked for removal
		 * (max 6 columns) */
		const char *d = dest ? _("dest") : "";
		/* TRANSLATORS: ipcs -m's status column: a locked segment (max 6 columns) */
		const char *l = locked ? _("locked") : "";
		size_t dw = text_width(d, strlen(d)), lw = text_width(l, strlen(l));
		int n = snprintf(st->text, sizeof(st->text), "%s%*s%*s%s", d, (int)(dw < 7 ? 7 - dw : 1), "",
				 (int)(lw < 6 ? 6 - lw : 0), "", l);
		st->len = n > 0 && (size_t)n < sizeof(st->text) ? (size_t)n : 0;
	}
	return st;
}

/*
 * The text of cell C of IT, with its length in *LEN: either written at P
 * (room: a row's) and P returned, or where it already lives.
 */
static const char *cell_text(const struct cell *c, const struct ipc_item *it,
			     const struct render_opts *opts, char *p, size_t *len)
{
	struct field_value v;
	field_get(it, c->field, c->slot, &v);
	switch (c->field) {
	case FIELD_KEY:
		format_key((uint32_t)v.u, p);
		*len = 10;
		return p;
	case FIELD_NAME:
		*len = put_escaped_name(p, v.s);
		return p;
	case FIELD_PERMS: {
		uint32_t perms = (uint32_t)v.u & 0777;
		size_t n = perms >= 0100 ? 3 : perms >= 010 ? 2 : 1;
		for (size_t i = n; i-- > 0; perms >>= 3)
			p[i] = (char)('0' + (perms & 7));
		*len = n;
		return p;
	}
	case FIELD_OWNER:
	case FIELD_UID:
	case FIELD_CUID:
		return id_text(v.u, true, opts->numeric, p, len);
	case FIELD_GID:
	case FIELD_CGID:
		return id_text(v.u, false, opts->numeric, p, len);
	case FIELD_FILL: {
		/* "12.50%", or "full" when a send would block. */
		struct field_value full;
		field_get(it, FIELD_FULL, 0, &full);
		if (full.type == VALUE_BOOL && full.u) {
			/* TRANSLATORS: ipcs --memory's fill column: a queue that takes no more messages (max 10 columns) */
			const char *word = _("full");
			*len = strlen(word);
			return word;
		}
		if (v.type == VALUE_PERCENT) {
			*len = put_percent(p, v.u, false);
			p[(*len)++] = '%';
			return p;
		}
		break;
	}
	case FIELD_SIZE:
	case FIELD_RSS:
	case FIELD_SWAP:
	case FIELD_ALLOCATED:
		if (v.type != VALUE_ABSENT && opts->unit == UNIT_HUMAN && it->kind != KIND_SEM) {
			char human[32];
			format_human_size(v.u, human, sizeof(human));
			*len = (size_t)snprintf(p, 64, "%6s", human);
			return p;
		}
		break;
	case FIELD_STATUS: {
		const struct status_text *st = status_text(v.u != 0, it->sysv->mode & SYSV_MODE_LOCKED);
		*len = st->len;
		return st->text;
	}
	default:
		break;
	}
	switch (v.type) {
	case VALUE_ABSENT:
		*len = 1;
		return "-";
	case VALUE_UINT:
		*len = put_u64(p, v.u);
		return p;
	case VALUE_INT:
		*len = put_i64(p, v.i);
		return p;
	case VALUE_TIME: {
		bool date;
		const char *full = format_long_time_len(v.i, v.zero_unset, &date, len);
		if (c->long_time || !date)
			return full;
		/* "Nov 26 05:59:32": the month to the seconds. */
		*len = *len - 4 < 15 ? *len - 4 : 15;
		return full + 4;
	}
	default:
		*len = 0;
		return "";
	}
}

/*
 * A cell at P: TEXT (LEN bytes, maybe already at P) cut to MAX if > 0,
 * padded to WIDTH (< 0: left-aligned, > 0: right-aligned), then SEP
 * (SEPLEN bytes, at most 2).  Padding of the layouts' widths (at most 26)
 * is one fixed-size store of spaces, overwritten where the text goes.
 */
static inline char *put_cell(char *p, const char *text, size_t len, int width, int max,
			     const char *sep, size_t seplen)
{
	if (max > 0 && len > (size_t)max)
		len = (size_t)max;
	size_t field = width < 0 ? (size_t)-width : (size_t)width;
	size_t pad = field > len ? field - len : 0;
	if (width > 0 && pad) {
		/* Right-aligned: rare (PIDs of -q -p, --human sizes), short texts. */
		if (text == p) {
			memmove(p + pad, p, len);
			text = p + pad;
		}
		p = put_spaces(p, pad);
		pad = 0;
	}
	if (pad > PAD_MAX - sizeof(spaces) / 2)
		pad = PAD_MAX - sizeof(spaces) / 2;	/* never: widths are bounded (render_fit_names()) */
	if (text != p) {
		if (len > LONG_TEXT)
			p = put_text(p, text, len);
		else {
			memcpy(p, text, len);
			p += len;
		}
	} else {
		p += len;
	}
	if (pad <= sizeof(spaces) / 2) {
		memcpy(p, spaces, sizeof(spaces) / 2);
		p += pad;
	} else {
		p = put_spaces(p, pad);
	}
	if (seplen == 1)
		*p++ = sep[0];
	else if (seplen) {
		memcpy(p, sep, seplen);
		p += seplen;
	}
	return p;
}

/*
 * A text that may hold wide characters (names, translated words), under a
 * UTF-8 locale: its LEN cut to MAX columns between characters (MAX then 0)
 * and WIDTH widened so that put_cell() pads it to WIDTH columns.  Elsewhere
 * texts are padded by bytes, as util-linux does.
 */
static void fit_text(const char *text, size_t *len, int *width, int *max)
{
	size_t cols;
	if (*max > 0) {
		*len = utf8_fit(text, *len, (size_t)*max, &cols);
		*max = 0;
	} else {
		cols = utf8_width(text, *len);
	}
	*width = widen(*width, *len - cols);
}

/* put_cell() for a text that may hold wide characters. */
static char *put_text_cell(char *p, const char *text, size_t len, int width, int max,
			   const char *sep, size_t seplen)
{
	if (utf8_columns)
		fit_text(text, &len, &width, &max);
	return put_cell(p, text, len, width, max, sep, seplen);
}

/*
 * Fields whose cells are measured in columns: a POSIX name in any locale;
 * under a UTF-8 locale also user and group names and times ("Not set" is
 * translated).  A bit set: a row tests each cell once, as it did for names.
 */
#define BIT(f) (1u << (f))
#define COLUMNS_ALWAYS BIT(FIELD_NAME)
#define COLUMNS_UTF8 (COLUMNS_ALWAYS | BIT(FIELD_OWNER) | BIT(FIELD_UID) | BIT(FIELD_GID) | \
		      BIT(FIELD_CUID) | BIT(FIELD_CGID) | BIT(FIELD_TIME))
_Static_assert(FIELD_FULL < 32, "field ids fit in an unsigned bit set");
/* One of the two, chosen by table_header() (a header always comes before the rows). */
static unsigned measured_fields = COLUMNS_ALWAYS;

/* A cell's width: the layout's, or the fitted owner column's (max -1: POSIX tables). */
static inline int cell_width(const struct cell *c)
{
	return c->max < 0 ? -(int)owner_column : c->width;
}

/* Bytes of a cell's separator: "", " " or "  ". */
static inline size_t sep_len(const struct cell *c)
{
	return c->sep[0] ? c->sep[1] ? 2 : 1 : 0;
}

/* A cell of those fields; out of the row loop, which stays as lean as before. */
static __attribute__((noinline)) char *put_measured_cell(char *p, const struct cell *c, const char *text,
							 size_t len)
{
	int width = cell_width(c), max = c->max;
	/* A POSIX name: by display columns in every locale (render_fit_names()). */
	if (c->field == FIELD_NAME)
		width = -(int)(name_column + len - utf8_width(text, len));
	else if (!utf8_ascii(text, len))
		fit_text(text, &len, &width, &max);
	return put_cell(p, text, len, width, max, c->sep, sep_len(c));
}

void table_header(enum ipc_kind kind, const struct render_opts *opts)
{
	const struct layout *l = layout_of(kind, opts);
	if (!l)
		return;
	out_str("------ ");
	out_str(_(l->title));
	out_str(" --------\n");
	measured_fields = utf8_columns ? COLUMNS_UTF8 : COLUMNS_ALWAYS;
	char *p = outbuf.buf + outbuf.len;
	for (const struct cell *c = l->cells; c->sep; c++) {
		p = cell_room(p);
		const struct field_desc *d = field_find(kind, c->field, c->slot);
		const char *label = _(opts->unit == UNIT_HUMAN && d->human_label ? d->human_label : d->label);
		int width = c->field == FIELD_NAME ? -(int)name_column : c->max < 0 ? cell_width(c) : c->hwidth;
		p = put_text_cell(p, label, strlen(label), width, 0, c->hsep, strlen(c->hsep));
	}
	if (opts->memory && opts->mode == MODE_LIST && memory_cells[kind].join) {
		p = cell_room(p);
		p = put_cell(p, "", 0, 0, 0, memory_cells[kind].hjoin, strlen(memory_cells[kind].hjoin));
		for (const struct cell *c = memory_cells[kind].cells; c->sep; c++) {
			const char *label = _(field_find(kind, c->field, c->slot)->label);
			p = put_text_cell(cell_room(p), label, strlen(label), c->hwidth, 0, c->hsep, strlen(c->hsep));
		}
	}
	*p++ = '\n';
	out_end(p);
}

/* --memory's cells of IT after the row so far at P. */
static __attribute__((noinline)) char *memory_row(char *p, const struct ipc_item *it, const struct render_opts *opts)
{
	const char *join = memory_cells[it->kind].join;
	p = put_cell(cell_room(p), "", 0, 0, 0, join, strlen(join));
	for (const struct cell *c = memory_cells[it->kind].cells; c->sep; c++) {
		p = cell_room(p);
		size_t len;
		const char *text = cell_text(c, it, opts, p, &len);
		p = put_text_cell(p, text, len, c->width, 0, c->sep, sep_len(c));
	}
	return p;
}

void table_row(const struct ipc_item *it, const struct render_opts *opts)
{
	const struct layout *l = layout_of(it->kind, opts);
	if (!l)
		return;
	unsigned measured = measured_fields;	/* in a register */
	char *p = outbuf.buf + outbuf.len;
	for (const struct cell *c = l->cells; c->sep; c++) {
		p = cell_room(p);
		size_t len;
		const char *text = cell_text(c, it, opts, p, &len);
		if (measured & BIT(c->field)) {
			p = put_measured_cell(p, c, text, len);
			continue;
		}
		p = put_cell(p, text, len, cell_width(c), c->max, c->sep, sep_len(c));
	}
	if (opts->memory && opts->mode == MODE_LIST && memory_cells[it->kind].join)
		p = memory_row(p, it, opts);
	*p++ = '\n';
	out_end(p);
}

/*
 * "mapped,open,cpid": how a process uses an object, in words (the roles,
 * cpid and the like, are field names and stay as they are).  The words are
 * translated once.
 */
static void how_text(const struct holder *h, char *buf, size_t len)
{
	/* TRANSLATORS: how a process uses an object, in ipcs --processes lines */
	static const struct { unsigned bit; const char *word; } words[] = {
		{ HOLD_MAP, N_("mapped") }, { HOLD_FD, N_("open") }, { HOLD_NOTIFY, N_("notify") },
	};
	static struct i18n_text shown[ARRAY_SIZE(words)], exited;
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if ((h->how & words[i].bit) && n < len)
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "," : "",
					      i18n_once(&shown[i], words[i].word, NULL));
	for (size_t i = 0; i < ARRAY_SIZE(hold_roles); i++)
		if ((h->roles & hold_roles[i].bit) && n < len)
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "," : "", hold_roles[i].name);
	/* TRANSLATORS: a process that used the object and is gone */
	if (!h->alive && n < len)
		snprintf(buf + n, len - n, "%s%s", n ? "," : "", i18n_once(&exited, N_("exited"), NULL));
}

/* The columns of the holder lines: a header word each (translated), left-aligned to WIDTH. */
static const struct { const char *word; int width; } holder_columns[] = {
	/* TRANSLATORS: the header of ipcs --processes lines; "command" is the process's name, "command line" its arguments */
	{ N_("pid"), -8 }, { N_("user"), -10 }, { N_("command"), -16 }, { N_("how"), -16 }, { N_("command line"), 0 },
};

/* "  pid      user       command          how              command line", translated, padded by display columns. */
static void holders_header(void)
{
	static struct i18n_text words[ARRAY_SIZE(holder_columns)];
	char *p = out_room(512);
	*p++ = ' ';
	*p++ = ' ';
	for (size_t i = 0; i < ARRAY_SIZE(holder_columns); i++) {
		size_t len;
		const char *w = i18n_once(&words[i], holder_columns[i].word, &len);
		if (len > 64)
			len = 64;	/* a translation is a word or two */
		bool last = i + 1 == ARRAY_SIZE(holder_columns);
		p = put_text_cell(p, w, len, holder_columns[i].width, 0, " ", !last);
	}
	*p++ = '\n';
	out_end(p);
}

/* H's arguments, each through the escaper (a space in one shows as \\x20), joined by spaces; free() it. */
static char *command_line_text(const struct holder *h)
{
	size_t len = 0;
	char *text = xstrdup("");
	for (const char *arg = h->command_args; arg < h->command_args + h->command_len; arg += strlen(arg) + 1) {
		char *shown = escape_alloc(arg);
		size_t n = strlen(shown);
		text = xreallocarray(text, len + n + 2, 1);
		if (len)
			text[len++] = ' ';
		memcpy(text + len, shown, n + 1);
		len += n;
		free(shown);
	}
	return text;
}

/*
 * A holder's command line after the line's USED columns: cut to the
 * terminal (none when stdout is no terminal: scripts get it whole).
 */
static void put_command_line(const struct holder *h, size_t used)
{
	static int termwidth = -1;
	if (termwidth < 0)
		termwidth = out_terminal_width();
	char *shown = h->alive && h->command_args ? command_line_text(h) : NULL;
	const char *text = shown ? shown : "-";
	size_t len = strlen(text), cols;
	if (termwidth > 0 && len > 0) {
		len = utf8_fit(text, len, (size_t)termwidth > used ? (size_t)termwidth - used : 0, &cols);
		/* Never half an escape: every backslash of the text starts a "\\xHH". */
		for (size_t i = len > 3 ? len - 3 : 0; i < len; i++)
			if (text[i] == '\\') {
				len = i;
				break;
			}
	}
	out_write(text, len);
	free(shown);
}

/* "  pid      user       command          how              command line": a header, then one line per process. */
void table_holders(const struct ipc_item *it)
{
	const struct holder_list *l = it->holders;
	if (l->n)
		holders_header();
	for (size_t i = 0; i < l->n; i++) {
		const struct holder *h = &l->items[i];
		char num[24], how[64];
		const char *user = "-";
		if (h->alive && !(user = user_name_shown(h->uid)))
			user = format_u64(h->uid, num);
		how_text(h, how, sizeof(how));
		char *p = cell_room(outbuf.buf + outbuf.len);
		*p++ = ' ';
		*p++ = ' ';
		p = put_cell(p, p, put_i64(p, h->pid), -8, 0, " ", 1);
		p = put_text_cell(cell_room(p), user, strlen(user), -10, 10, " ", 1);
		p = cell_room(p);
		if (h->alive)
			p = put_text_cell(p, p, put_escaped_name(p, h->command), -16, 0, " ", 1);
		else
			p = put_cell(p, "-", 1, -16, 0, " ", 1);
		size_t how_cols = utf8_width(how, strlen(how));
		p = put_text_cell(cell_room(p), how, strlen(how), -16, 0, " ", 1);
		out_end(p);
		/* The columns so far: the pid, user and command fields are fixed, the how field at least 16. */
		put_command_line(h, 2 + 9 + 11 + 17 + (how_cols > 16 ? how_cols : 16) + 1);
		out_char('\n');
	}
	if (l->waiting) {
		char *p = out_room(256);
		/* TRANSLATORS: processes blocked on the object (ipcs --processes) */
		int n = snprintf(p, 256, P_("  %llu waiting\n", "  %llu waiting\n", l->waiting),
				 (unsigned long long)l->waiting);
		out_end(p + (n < 0 ? 0 : n < 256 ? n : 255));
	}
	if (it->orphaned) {
		static struct i18n_text orphaned;
		/* TRANSLATORS: no process uses the object any more (ipcs --processes) */
		out_str(i18n_once(&orphaned, N_("  orphaned\n"), NULL));
	}
}

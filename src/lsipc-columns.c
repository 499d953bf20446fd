/*
 * lsipc's columns (see lsipc.h) and how each cell is made.  The values come
 * from field_get() (src/fields.h), the one reader of objects, and from the
 * limits report (src/limits.h); this file only chooses their text.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/lsipc.h"
#include "src/names.h"
#include "src/out.h"
#include "src/procs.h"
#include "src/util.h"
#include "src/xalloc.h"

#define T(t) (1u << (t))
#define SYSV (T(LSIPC_SHM) | T(LSIPC_MSG) | T(LSIPC_SEM))
#define ANY (SYSV | T(LSIPC_GLOBAL))
#define POSIX (T(LSIPC_PSHM) | T(LSIPC_PMSG) | T(LSIPC_PSEM))
/* The generic columns a POSIX object has too: its owner and permissions. */
#define OWNERS (ANY | POSIX)
#define R SCOLS_RIGHT
#define TRUNC SCOLS_TRUNC
/* A field of the object: NAME, FLAGS, HELP, LABEL, TABLES, CELL, FIELD, SLOT. */
#define COL(name, flags, help, label, tables, cell, field, slot) \
	{ { name, flags }, help, label, tables, cell, field, slot, false }
/* Ours: asked for by name only (-o), so that 2.38's lists stay as they are. */
#define EXTRA_COL(name, flags, help, label, tables, cell, field, slot) \
	{ { name, flags }, help, label, tables, cell, field, slot, true }
/* A column of -g's rows. */
#define LIMIT_COL(name, flags, help, cell) \
	{ { name, flags }, help, NULL, T(LSIPC_GLOBAL), cell, 0, 0, false }
/* CTIME's slot differs by kind: resolved in object_field(). */
#define SLOT_CTIME (-1)

/*
 * TRANSLATORS: the column help lines of lsipc --help and the labels of
 * lsipc -i's list; the column names (KEY, ...) are not translated.
 */
const struct lsipc_column lsipc_columns[] = {
	/* First in -N's list; ours, as every POSIX column: the name with its leading '/'. */
	COL("NAME", 0, N_("POSIX object name"), N_("Name"), POSIX, CELL_TEXT, FIELD_NAME, 0),
	COL("KEY", 0, N_("Resource key"), N_("Key"), ANY, CELL_TEXT, FIELD_KEY_HEX, 0),
	COL("ID", 0, N_("Resource ID"), N_("ID"), ANY, CELL_NUMBER, FIELD_ID, 0),
	COL("OWNER", R, N_("Owner's username or UID"), N_("Owner"), OWNERS, CELL_OWNER, FIELD_UID, 0),
	COL("PERMS", R, N_("Permissions"), N_("Permissions"), OWNERS, CELL_PERMS, FIELD_PERMS, 0),
	COL("CUID", R, N_("Creator UID"), N_("Creator UID"), ANY, CELL_NUMBER, FIELD_CUID, 0),
	COL("CUSER", 0, N_("Creator user"), N_("Creator user"), ANY, CELL_USER, FIELD_CUID, 0),
	COL("CGID", R, N_("Creator GID"), N_("Creator GID"), ANY, CELL_NUMBER, FIELD_CGID, 0),
	COL("CGROUP", 0, N_("Creator group"), N_("Creator group"), ANY, CELL_GROUP, FIELD_CGID, 0),
	COL("UID", R, N_("User ID"), N_("UID"), OWNERS, CELL_NUMBER, FIELD_UID, 0),
	COL("USER", 0, N_("User name"), N_("User name"), OWNERS, CELL_USER, FIELD_UID, 0),
	COL("GID", R, N_("Group ID"), N_("GID"), OWNERS, CELL_NUMBER, FIELD_GID, 0),
	COL("GROUP", 0, N_("Group name"), N_("Group name"), OWNERS, CELL_GROUP, FIELD_GID, 0),
	COL("CTIME", R, N_("Time of the last change"), N_("Last change"), ANY, CELL_TIME, FIELD_TIME, SLOT_CTIME),

	COL("SIZE", R, N_("Segment size"), N_("Segment size"), T(LSIPC_SHM) | T(LSIPC_PSHM), CELL_SIZE, FIELD_SIZE, 0),
	COL("NATTCH", R, N_("Number of attached processes"), N_("Attached processes"), T(LSIPC_SHM),
	    CELL_NUMBER, FIELD_COUNT, 0),
	COL("STATUS", SCOLS_WRAP, N_("Status"), N_("Status"), T(LSIPC_SHM), CELL_STATUS, FIELD_STATUS, 0),
	COL("ATTACH", R, N_("Attach time"), N_("Attach time"), T(LSIPC_SHM), CELL_TIME, FIELD_TIME, SHM_ATIME),
	COL("DETACH", R, N_("Detach time"), N_("Detach time"), T(LSIPC_SHM), CELL_TIME, FIELD_TIME, SHM_DTIME),
	COL("COMMAND", TRUNC, N_("Creator command line"), N_("Creator command"), T(LSIPC_SHM),
	    CELL_COMMAND, FIELD_PID, SHM_CPID),
	COL("CPID", R, N_("PID of the creator"), N_("Creator PID"), T(LSIPC_SHM), CELL_NUMBER, FIELD_PID, SHM_CPID),
	COL("LPID", R, N_("PID of last user"), N_("Last user PID"), T(LSIPC_SHM), CELL_NUMBER, FIELD_PID, SHM_LPID),

	COL("USEDBYTES", R, N_("Bytes used"), N_("Bytes used"), T(LSIPC_MSG) | T(LSIPC_PMSG), CELL_SIZE, FIELD_SIZE, 0),
	COL("MSGS", 0, N_("Number of messages"), N_("Messages"), T(LSIPC_MSG) | T(LSIPC_PMSG), CELL_NUMBER, FIELD_COUNT, 0),
	COL("SEND", R, N_("Time of last msg sent"), N_("Msg sent"), T(LSIPC_MSG), CELL_TIME, FIELD_TIME, MSG_STIME),
	COL("RECV", R, N_("Time of last msg received"), N_("Msg received"), T(LSIPC_MSG),
	    CELL_TIME, FIELD_TIME, MSG_RTIME),
	COL("LSPID", R, N_("PID of the last msg sender"), N_("Msg sender"), T(LSIPC_MSG),
	    CELL_NUMBER, FIELD_PID, MSG_LSPID),
	COL("LRPID", R, N_("PID of the last msg receiver"), N_("Msg receiver"), T(LSIPC_MSG),
	    CELL_NUMBER, FIELD_PID, MSG_LRPID),

	COL("NSEMS", R, N_("Number of semaphores"), N_("Semaphores"), T(LSIPC_SEM), CELL_NUMBER, FIELD_SIZE, 0),
	COL("OTIME", R, N_("Time of the last operation"), N_("Last operation"), T(LSIPC_SEM),
	    CELL_TIME, FIELD_TIME, SEM_OTIME),

	/* POSIX objects only (ours). */
	COL("VALUE", R, N_("Semaphore value"), N_("Value"), T(LSIPC_PSEM), CELL_NUMBER, FIELD_VALUE, 0),
	COL("MAXMSGS", R, N_("Maximum number of messages"), N_("Maximum messages"), T(LSIPC_PMSG),
	    CELL_NUMBER, FIELD_MAXMSG, 0),
	COL("MSGSIZE", R, N_("Maximum message size"), N_("Maximum message size"), T(LSIPC_PMSG),
	    CELL_SIZE, FIELD_MSGSIZE, 0),
	COL("MTIME", R, N_("Time of the last modification"), N_("Last modification"), POSIX,
	    CELL_TIME, FIELD_TIME, POSIX_MTIME),

	/* Ours, -o only: who uses an object, and its memory. */
	EXTRA_COL("HOLDERS", R, N_("Number of processes using it"), N_("Processes"), SYSV | POSIX,
		  CELL_HOLDERS, 0, 0),
	EXTRA_COL("RSS", R, N_("Resident bytes"), N_("Resident"), T(LSIPC_SHM), CELL_SIZE, FIELD_RSS, 0),
	EXTRA_COL("SWAP", R, N_("Swapped bytes"), N_("Swapped"), T(LSIPC_SHM), CELL_SIZE, FIELD_SWAP, 0),
	EXTRA_COL("FILL", R, N_("Bytes used, in percent of the queue's capacity"), N_("Fill level"), T(LSIPC_MSG),
		  CELL_PERCENT, FIELD_FILL, 0),

	LIMIT_COL("RESOURCE", 0, N_("Resource name"), CELL_RESOURCE),
	LIMIT_COL("DESCRIPTION", 0, N_("Resource description"), CELL_DESCRIPTION),
	LIMIT_COL("LIMIT", R, N_("System-wide limit"), CELL_LIMIT),
	LIMIT_COL("USED", R, N_("Currently used"), CELL_USED),
	LIMIT_COL("USE%", R, N_("Currently use percentage"), CELL_USE),
};
const size_t lsipc_ncolumns = ARRAY_SIZE(lsipc_columns);

int lsipc_column_find(const char *name, size_t namelen)
{
	for (size_t i = 0; i < lsipc_ncolumns; i++) {
		const char *n = lsipc_columns[i].out.name;
		if (strncasecmp(n, name, namelen) == 0 && n[namelen] == '\0')
			return (int)i;
	}
	return -1;
}

static int column_id(const char *name)
{
	return lsipc_column_find(name, strlen(name));
}

/* Columns by name, appended to IDS (room MAX) from N on; the new count. */
static size_t add_names(const char *const *names, int *ids, size_t n, size_t max)
{
	for (; *names && n < max; names++)
		ids[n++] = column_id(*names);
	return n;
}

size_t lsipc_default_columns(enum lsipc_table table, bool creator, bool time, int *ids, size_t max)
{
	static const char *const base[LSIPC_TABLES][11] = {
		[LSIPC_SHM] = { "KEY", "ID", "PERMS", "OWNER", "SIZE", "NATTCH", "STATUS", "CTIME", "CPID", "LPID", NULL },
		[LSIPC_MSG] = { "KEY", "ID", "PERMS", "OWNER", "USEDBYTES", "MSGS", "LSPID", "LRPID", NULL },
		[LSIPC_SEM] = { "KEY", "ID", "PERMS", "OWNER", "NSEMS", NULL },
		[LSIPC_GLOBAL] = { "RESOURCE", "DESCRIPTION", "LIMIT", "USED", "USE%", NULL },
		[LSIPC_PSHM] = { "NAME", "PERMS", "OWNER", "SIZE", "MTIME", NULL },
		[LSIPC_PMSG] = { "NAME", "PERMS", "OWNER", "USEDBYTES", "MSGS", "MTIME", NULL },
		[LSIPC_PSEM] = { "NAME", "PERMS", "OWNER", "VALUE", "MTIME", NULL },
	};
	static const char *const times[LSIPC_TABLES][4] = {
		[LSIPC_SHM] = { "ATTACH", "DETACH", NULL },
		[LSIPC_MSG] = { "SEND", "RECV", "CTIME", NULL },
		[LSIPC_SEM] = { "OTIME", "CTIME", NULL },
	};
	static const char *const creators[] = { "CUID", "CGID", "UID", "GID", NULL };
	static const char *const owners[] = { "UID", "GID", NULL };
	static const char *const command[] = { "COMMAND", NULL };
	size_t n = add_names(base[table], ids, 0, max);
	if (table == LSIPC_GLOBAL)
		return n;
	/* A POSIX object has no creator and one time, already shown. */
	if (lsipc_table_kind(table) >= 0 && kind_is_posix(lsipc_table_kind(table)))
		return creator ? add_names(owners, ids, n, max) : n;
	/* 2.38's order: the creator's command goes before -c's columns, else last. */
	if (table == LSIPC_SHM && creator)
		n = add_names(command, ids, n, max);
	if (creator)
		n = add_names(creators, ids, n, max);
	if (time)
		n = add_names(times[table], ids, n, max);
	if (table == LSIPC_SHM && !creator)
		n = add_names(command, ids, n, max);
	return n;
}

int lsipc_table_kind(enum lsipc_table table)
{
	static const int kind[LSIPC_TABLES] = {
		[LSIPC_SHM] = KIND_SHM, [LSIPC_MSG] = KIND_MSG, [LSIPC_SEM] = KIND_SEM, [LSIPC_GLOBAL] = -1,
		[LSIPC_PSHM] = KIND_PSHM, [LSIPC_PMSG] = KIND_PMSG, [LSIPC_PSEM] = KIND_PSEM,
	};
	return kind[table];
}

size_t lsipc_all_columns(enum lsipc_table table, int *ids, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < lsipc_ncolumns && n < max; i++)
		if ((lsipc_columns[i].tables & T(table)) && !lsipc_columns[i].extra)
			ids[n++] = (int)i;
	return n;
}

bool lsipc_column_numeric(const struct lsipc_column *col)
{
	switch (col->cell) {
	case CELL_NUMBER: case CELL_SIZE: case CELL_HOLDERS: case CELL_PERCENT: case CELL_LIMIT: case CELL_USED:
		return true;
	default:
		return false;
	}
}

const char *lsipc_column_member(const struct lsipc_column *col, enum ipc_kind kind)
{
	if (col->cell == CELL_STATUS || col->cell == CELL_COMMAND || col->cell == CELL_HOLDERS ||
	    col->tables == T(LSIPC_GLOBAL))
		return NULL;
	int slot = col->slot == SLOT_CTIME ? (kind == KIND_SEM ? SEM_CTIME : SHM_CTIME) : col->slot;
	const struct field_desc *d = field_find(kind, col->field, slot);
	if (!d)
		return NULL;
	/* Names sort as names (ids without one after them), as the column shows them. */
	bool names = col->cell == CELL_OWNER || col->cell == CELL_USER || col->cell == CELL_GROUP;
	return names && d->json_name ? d->json_name : d->json;
}

/* --- cells ------------------------------------------------------------------ */

static char *number(uint64_t v)
{
	char buf[24];
	return xstrdup(format_u64(v, buf));
}

static char *signed_number(int64_t v)
{
	char buf[24];
	return xstrdup(format_i64(v, buf));
}

/* "rw-r-----" */
static char *perms_text(unsigned mode)
{
	char *s = xmalloc(10);
	for (int i = 0; i < 9; i++)
		s[i] = (mode & (0400u >> i)) ? "rwx"[i % 3] : '-';
	s[9] = '\0';
	return s;
}

static char *time_text(int64_t t, enum lsipc_time_format format)
{
	char buf[64];
	time_t tt = (time_t)t;
	struct tm tm;
	if (!time_in_range(t) || !localtime_r(&tt, &tm))
		return xstrdup(TIME_OUT_OF_RANGE);
	switch (format) {
	case TIME_FULL:
		return xstrdup(format_long_time(t, false));
	case TIME_ISO: {
		/* 2026-12-06T15:50:24+00:00: local time with the offset as +HH:MM. */
		size_t n = strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S%z", &tm);
		if (n >= 5) {
			memmove(buf + n - 1, buf + n - 2, 3);
			buf[n - 2] = ':';
		}
		return xstrdup(buf);
	}
	case TIME_SHORT:
	default: {
		/* Today: 15:50; this year: Dec06; else 2025-Dec06. */
		time_t now = time(NULL);
		struct tm tn;
		localtime_r(&now, &tn);
		if (tm.tm_year != tn.tm_year)
			strftime(buf, sizeof(buf), "%Y-%b%d", &tm);
		else if (tm.tm_yday != tn.tm_yday)
			strftime(buf, sizeof(buf), "%b%d", &tm);
		else
			strftime(buf, sizeof(buf), "%H:%M", &tm);
		return xstrdup(buf);
	}
	}
}

static char *size_text(uint64_t v, const struct lsipc_format *f)
{
	char buf[32];
	if (f->bytes)
		return number(v);
	format_human_size(v, buf, sizeof(buf));
	return xstrdup(buf);
}

/* The creator's command line, read once per creator. */
static char *command_cached(int64_t pid)
{
	static int64_t last_pid = -1;
	static char *last;
	if (pid != last_pid) {
		free(last);
		last = proc_command_line(pid);
		last_pid = pid;
	}
	return last ? xstrdup(last) : NULL;
}

/* The live processes of IT's holders (--processes lists them). */
static char *holders_count(const struct ipc_item *it)
{
	uint64_t n = 0;
	for (size_t i = 0; it->holders && i < it->holders->n; i++)
		n += it->holders->items[i].alive;
	return it->holders ? number(n) : NULL;
}

char *lsipc_object_cell(const struct lsipc_column *col, const struct ipc_item *it, const struct lsipc_format *f)
{
	if (col->tables == T(LSIPC_GLOBAL))
		return NULL;
	if (col->cell == CELL_HOLDERS)
		return holders_count(it);
	int slot = col->slot == SLOT_CTIME ? (it->kind == KIND_SEM ? SEM_CTIME : SHM_CTIME) : col->slot;
	struct field_value v = { 0 };
	field_get(it, col->field, slot, &v);
	/* A queue or semaphore this user cannot open: no value. */
	if (v.type == VALUE_ABSENT)
		return NULL;
	uint64_t u = v.type == VALUE_INT || v.type == VALUE_TIME ? (uint64_t)v.i : v.u;
	const char *name;
	switch (col->cell) {
	case CELL_TEXT:
		return xstrdup(v.s);
	case CELL_NUMBER:
		return v.type == VALUE_INT ? signed_number(v.i) : number(v.u);
	case CELL_OWNER:
		name = user_name((uid_t)u);
		return name ? xstrdup(name) : number(u);
	case CELL_USER:
		name = user_name((uid_t)u);
		return name ? xstrdup(name) : NULL;
	case CELL_GROUP:
		name = group_name((gid_t)u);
		return name ? xstrdup(name) : NULL;
	case CELL_PERMS:
		if (f->numeric_perms) {
			char buf[16];
			snprintf(buf, sizeof(buf), "%#o", (unsigned)u);
			return xstrdup(buf);
		}
		return perms_text((unsigned)u);
	case CELL_TIME:
		return v.zero_unset && v.i == 0 ? NULL : time_text(v.i, f->time);
	case CELL_SIZE:
		return size_text(u, f);
	case CELL_STATUS: {
		bool locked = it->sysv->mode & SYSV_MODE_LOCKED;
		return xstrdup(v.u ? (locked ? "dest,locked" : "dest") : locked ? "locked" : "");
	}
	case CELL_COMMAND:
		return command_cached(v.i);
	case CELL_PERCENT: {
		char buf[32];
		size_t n = put_percent(buf, v.u, f->typed);
		if (!f->typed)
			buf[n++] = '%';
		buf[n] = '\0';
		return xstrdup(buf);
	}
	default:
		return NULL;
	}
}

static const struct {
	const char *resource, *description;
} descriptions[] = {
	{ "MSGMNI", N_("Number of message queues") },
	{ "MSGMAX", N_("Max size of message (bytes)") },
	{ "MSGMNB", N_("Default max size of queue (bytes)") },
	{ "SHMMNI", N_("Shared memory segments") },
	{ "SHMALL", N_("Shared memory pages") },
	{ "SHMMAX", N_("Max size of shared memory segment (bytes)") },
	{ "SHMMIN", N_("Min size of shared memory segment (bytes)") },
	{ "SEMMNI", N_("Number of semaphore identifiers") },
	{ "SEMMNS", N_("Total number of semaphores") },
	{ "SEMMSL", N_("Max semaphores per semaphore set.") },
	{ "SEMOPM", N_("Max number of operations per semop(2)") },
	{ "SEMVMX", N_("Semaphore max value") },
	/* ipcs -g's POSIX rows whose use is the largest object's, which lsipc's USED is not. */
	{ "MSG_MAX", N_("Max messages per POSIX queue") },
	{ "MSGSIZE_MAX", N_("Max size of POSIX message (bytes)") },
};

const char *lsipc_limit_description(const char *resource)
{
	for (size_t i = 0; i < ARRAY_SIZE(descriptions); i++)
		if (strcmp(descriptions[i].resource, resource) == 0)
			return _(descriptions[i].description);
	return NULL;
}

char *lsipc_limit_cell(const struct lsipc_column *col, const struct usage_row *row, const struct lsipc_format *f)
{
	/* Only a total is lsipc's "used": a largest object is not. */
	bool used = row->has_used && !row->largest;
	switch (col->cell) {
	case CELL_RESOURCE:
		return xstrdup(row->resource);
	case CELL_DESCRIPTION: {
		const char *d = lsipc_limit_description(row->resource);
		return xstrdup(d ? d : _(row->description));
	}
	case CELL_LIMIT:
		/* Only a POSIX row (RLIMIT_MSGQUEUE) can be unlimited. */
		if (row->unlimited)
			return xstrdup(_("unlimited"));
		return row->unit == USAGE_BYTES ? size_text(row->limit, f) : number(row->limit);
	case CELL_USED:
		return used ? number(row->used) : xstrdup("-");
	case CELL_USE: {
		/* A POSIX row may have no limit; System V's are printed as 2.38 does. */
		if (!used || (kind_is_posix(row->kind) && (row->unlimited || row->limit == 0)))
			return xstrdup("-");
		char buf[64];
		snprintf(buf, sizeof(buf), "%2.2f%%", (double)row->used / (double)row->limit * 100.0);
		return xstrdup(buf);
	}
	default:
		return NULL;
	}
}

void lsipc_columns_help(void)
{
	/*
	 * 2.38's sections, then ours for POSIX objects: a column is listed once,
	 * where its System V tables put it (SIZE with --shmems), else under POSIX.
	 */
	static const struct {
		unsigned tables;
		const char *title;
	} sections[] = {
		{ ANY, N_("Generic columns:") },
		{ T(LSIPC_SHM), N_("Shared-memory columns (--shmems):") },
		{ T(LSIPC_MSG), N_("Message-queue columns (--queues):") },
		{ T(LSIPC_SEM), N_("Semaphore columns (--semaphores):") },
		{ POSIX, N_("POSIX columns (--posix-shmems, --posix-mqueues, --posix-semaphores):") },
		{ T(LSIPC_GLOBAL), N_("Summary columns (--global):") },
		{ 0, N_("ipcbox columns (with --output only):") },
	};
	for (size_t s = 0; s < ARRAY_SIZE(sections); s++) {
		out_printf("\n%s\n", _(sections[s].title));
		for (size_t i = 0; i < lsipc_ncolumns; i++) {
			unsigned t = lsipc_columns[i].tables;
			if (lsipc_columns[i].extra ? sections[s].tables == 0 :
			    (t & ANY ? t & ANY : POSIX) == sections[s].tables)
				out_printf("%15s  %s\n", lsipc_columns[i].out.name, _(lsipc_columns[i].help));
		}
		if (sections[s].tables == POSIX)
			out_printf("%s\n", _("       (also OWNER, PERMS, UID, USER, GID, GROUP;\n"
					      "        SIZE with -M; USEDBYTES, MSGS with -Q)"));
	}
}

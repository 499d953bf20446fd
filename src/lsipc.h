#ifndef IPCBOX_LSIPC_H
#define IPCBOX_LSIPC_H

/*
 * lsipc's columns: each one a view of a field of src/fields.h (or of a row
 * of the limits report), with util-linux 2.38's name, help text, the label
 * of the -i list, and how libsmartcols aligns it.
 */
#include <stdbool.h>
#include <stddef.h>

#include "src/fields.h"
#include "src/limits.h"
#include "src/scols.h"

/*
 * The tables: the three System V kinds, -g's limits, and the three POSIX
 * kinds (ours: util-linux 2.38 has none; the letters are 2.42's -M -Q -S).
 */
enum lsipc_table {
	LSIPC_SHM, LSIPC_MSG, LSIPC_SEM, LSIPC_GLOBAL,
	LSIPC_PSHM, LSIPC_PMSG, LSIPC_PSEM, LSIPC_TABLES
};

/* The kind of IPC object a table lists (LSIPC_GLOBAL: none, -1). */
int lsipc_table_kind(enum lsipc_table table);

/* How a cell is made from its field. */
enum lsipc_cell {
	CELL_TEXT,		/* the field's text (the key: 0x0000abcd) */
	CELL_NUMBER,		/* decimal */
	CELL_OWNER,		/* user name, else the uid */
	CELL_USER,		/* user name, else no value */
	CELL_GROUP,		/* group name, else no value */
	CELL_PERMS,		/* rw-r--r--, or with -P 0644 */
	CELL_TIME,		/* --time-format; no value when never */
	CELL_SIZE,		/* 4K, or bytes with -b */
	CELL_STATUS,		/* dest,locked */
	CELL_COMMAND,		/* the creator's /proc/PID/cmdline */
	CELL_HOLDERS,		/* the live processes using it (ours) */
	CELL_PERCENT,		/* 25.00% (typed JSON: 25.00) */
	CELL_RESOURCE, CELL_DESCRIPTION, CELL_LIMIT, CELL_USED, CELL_USE,	/* -g */
};

struct lsipc_column {
	struct scols_column out;	/* header and alignment */
	const char *help;	/* --help's description */
	const char *label;	/* the -i list's "Label:" */
	unsigned tables;	/* 1 << enum lsipc_table: where it applies */
	enum lsipc_cell cell;
	enum field_id field;
	int slot;
	bool extra;		/* ours: only with -o, never in a default or -i list */
};

extern const struct lsipc_column lsipc_columns[];
extern const size_t lsipc_ncolumns;

enum lsipc_time_format { TIME_SHORT, TIME_FULL, TIME_ISO };

struct lsipc_format {
	bool bytes;		/* -b */
	bool numeric_perms;	/* -P */
	bool typed;		/* --json-typed: percentages without their sign */
	enum lsipc_time_format time;
};

/* The column named NAME (NAMELEN bytes, any case); -1 if none. */
int lsipc_column_find(const char *name, size_t namelen);

/* The cell of column COL for object IT, malloc'ed, or NULL (no value). */
char *lsipc_object_cell(const struct lsipc_column *col, const struct ipc_item *it, const struct lsipc_format *f);
/* The same for a -g row. */
char *lsipc_limit_cell(const struct lsipc_column *col, const struct usage_row *row, const struct lsipc_format *f);
/* util-linux's description of -g row RESOURCE ("MSGMNI"). */
const char *lsipc_limit_description(const char *resource);


/*
 * The columns of TABLE without -o: with -c the creator's, with -t the
 * times (POSIX objects: -c adds UID and GID, -t nothing, MTIME is there).
 */
size_t lsipc_default_columns(enum lsipc_table table, bool creator, bool time, int *ids, size_t max);
/* Every column of TABLE, in --help order: the -i list without -o, -c, -t. */
size_t lsipc_all_columns(enum lsipc_table table, int *ids, size_t max);

/* Whether COL's cells are numbers (typed JSON prints them unquoted). */
bool lsipc_column_numeric(const struct lsipc_column *col);

/*
 * --sort: the catalogue member (src/fields.c) that orders COL's rows in
 * KIND, or NULL when the column has none (STATUS, COMMAND, HOLDERS).
 */
const char *lsipc_column_member(const struct lsipc_column *col, enum ipc_kind kind);

/* The help lines of the columns. */
void lsipc_columns_help(void);

#endif

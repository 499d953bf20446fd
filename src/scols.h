#ifndef IPCBOX_SCOLS_H
#define IPCBOX_SCOLS_H

/*
 * A table of text cells printed the way util-linux's libsmartcols 2.38
 * prints lsipc's: aligned columns, raw, NAME="value" pairs on one line or
 * one per line, or JSON (every value a string, empty cells null).  Cells
 * hold raw text; each output mode escapes it with the escaper of
 * src/format.c.  Nothing here knows about IPC.
 */
#include <stdbool.h>
#include <stddef.h>

/*
 * On a terminal too narrow, a TRUNC column's cells are cut to its width;
 * a WRAP column's longer cells are printed whole and the row goes on at
 * the next column's place on a new line.
 */
enum { SCOLS_RIGHT = 1, SCOLS_TRUNC = 2, SCOLS_WRAP = 4,
       SCOLS_NUMBER = 8 };	/* cells are numbers: unquoted in typed JSON */

struct scols_column {
	const char *name;	/* the header, e.g. "USE%" */
	unsigned flags;		/* SCOLS_RIGHT, SCOLS_TRUNC, SCOLS_WRAP */
};

enum scols_mode { SCOLS_TABLE, SCOLS_RAW, SCOLS_EXPORT, SCOLS_NEWLINE, SCOLS_JSON };

struct scols_opts {
	enum scols_mode mode;
	bool typed;		/* JSON: SCOLS_NUMBER cells that are numbers unquoted */
	bool noheadings;
	bool shell;		/* -y: headers as shell variable names */
	bool notruncate;	/* --notruncate: no column cut on a terminal */
	int termwidth;		/* > 0: stdout is a terminal this wide */
};

struct scols_table {
	const char *json_key;	/* the JSON array's name */
	const struct scols_column *cols;
	size_t ncols;
	size_t nrows, cap;
	char **cells;		/* nrows x ncols, malloc'ed text or NULL; owned */
};

void scols_init(struct scols_table *t, const char *json_key, const struct scols_column *cols, size_t ncols);
/* A new row's NCOLS cells (all NULL): store malloc'ed strings in them. */
char **scols_new_row(struct scols_table *t);
void scols_print(const struct scols_table *t, const struct scols_opts *o);
void scols_free(struct scols_table *t);

/* NAME as -y shows it ("USE%" -> "USE_PCT"), into BUF of LEN bytes. */
const char *scols_shell_name(const char *name, char *buf, size_t len);

#endif

/*
 * libsmartcols-style output of a table of text cells (see scols.h).
 * Observed from util-linux 2.38.1's lsipc; no code of theirs.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "src/format.h"
#include "src/json.h"
#include "src/out.h"
#include "src/scols.h"
#include "src/utf8.h"
#include "src/names.h"
#include "src/util.h"
#include "src/xalloc.h"

void scols_init(struct scols_table *t, const char *json_key, const struct scols_column *cols, size_t ncols)
{
	*t = (struct scols_table){ .json_key = json_key, .cols = cols, .ncols = ncols };
}

char **scols_new_row(struct scols_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cells = xreallocarray(t->cells, t->cap, t->ncols ? t->ncols * sizeof(char *) : 1);
	}
	char **row = t->cells + t->nrows++ * t->ncols;
	memset(row, 0, t->ncols * sizeof(char *));
	return row;
}

void scols_free(struct scols_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = t->cap = 0;
}

const char *scols_shell_name(const char *name, char *buf, size_t len)
{
	size_t n = 0;
	for (const char *p = name; *p && n + 5 < len; p++) {
		if (*p == '%') {
			memcpy(buf + n, "_PCT", 4);
			n += 4;
		} else {
			buf[n++] = isalnum((unsigned char)*p) ? *p : '_';
		}
	}
	buf[n] = '\0';
	return buf;
}

/* The header of column C as this output shows it. */
static const char *header(const struct scols_column *c, const struct scols_opts *o, char *buf, size_t len)
{
	return o->shell ? scols_shell_name(c->name, buf, len) : c->name;
}

static void put_spaces(size_t n)
{
	static const char spaces[] = "                                ";
	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		out_write(spaces, k);
		n -= k;
	}
}

/* --- aligned columns ------------------------------------------------------ */

struct cell {
	char *text;		/* escaped */
	size_t len, width;
};

static void cell_set(struct cell *c, char *text)
{
	c->text = text;
	c->len = strlen(text);
	c->width = text_width(text, c->len);
}

/*
 * On a terminal a table wider than the terminal gives up columns that may
 * be narrower, first ones first, down to their header's width, until it fits.
 * Pipes get every column whole.
 */
static void fit_terminal(const struct scols_table *t, const struct scols_opts *o, const size_t *hwidth, size_t *width)
{
	if (o->termwidth <= 0)
		return;
	/* --notruncate keeps TRUNC columns whole; WRAP ones still give way. */
	unsigned may = o->notruncate ? SCOLS_WRAP : SCOLS_TRUNC | SCOLS_WRAP;
	size_t total = t->ncols ? t->ncols - 1 : 0;
	for (size_t c = 0; c < t->ncols; c++)
		total += width[c];
	size_t room = (size_t)o->termwidth;
	for (size_t c = 0; c < t->ncols && total > room; c++) {
		if (!(t->cols[c].flags & may) || width[c] <= hwidth[c])
			continue;
		size_t cut = total - room;
		size_t can = width[c] - hwidth[c];
		if (cut > can)
			cut = can;
		width[c] -= cut;
		total -= cut;
	}
}

/* TEXT in a column WIDTH wide, cut to it when wider and CUT (the terminal made it narrower). */
static void put_cell(const struct cell *c, size_t width, bool right, bool last, bool cut)
{
	size_t len = c->len, w = c->width;
	if (last && len == 0)	/* nothing, not even a right-aligned column's padding */
		return;
	if (w > width && cut)
		len = utf8_fit(c->text, c->len, width, &w);
	if (right && w < width)
		put_spaces(width - w);
	out_write(c->text, len);
	if (!right && !last && w < width)
		put_spaces(width - w);
}

static void print_table(const struct scols_table *t, const struct scols_opts *o)
{
	size_t nc = t->ncols;
	if (t->nrows == 0 || nc == 0)
		return;
	struct cell *cells = xcalloc((t->nrows + 1) * nc, sizeof(*cells));
	size_t *width = xcalloc(nc, sizeof(size_t)), *hwidth = xcalloc(nc, sizeof(size_t));
	size_t *natural = xcalloc(nc, sizeof(size_t));
	char buf[64];
	for (size_t c = 0; c < nc; c++) {
		cell_set(&cells[c], escape_styled(header(&t->cols[c], o, buf, sizeof(buf)), ESCAPE_ARG));
		/* The width is the plain name's: -y's "USE_PCT" runs past "USE%"'s. */
		width[c] = hwidth[c] = text_width(t->cols[c].name, strlen(t->cols[c].name));
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < nc; c++) {
			const char *raw = t->cells[r * nc + c];
			struct cell *cl = &cells[(r + 1) * nc + c];
			cell_set(cl, escape_styled(raw ? raw : "", ESCAPE_ARG));
			if (cl->width > width[c])
				width[c] = cl->width;
		}
	memcpy(natural, width, nc * sizeof(size_t));
	fit_terminal(t, o, hwidth, width);
	for (size_t r = o->noheadings ? 1 : 0; r <= t->nrows; r++) {
		size_t pos = 0;
		for (size_t c = 0; c < nc; c++) {
			const struct cell *cl = &cells[r * nc + c];
			unsigned flags = t->cols[c].flags;
			if (c > 0)
				out_char(' ');
			if ((flags & SCOLS_WRAP) && cl->width > width[c] && c + 1 < nc) {
				out_write(cl->text, cl->len);
				out_char('\n');
				put_spaces(pos + width[c]);
			} else {
				put_cell(cl, width[c], flags & SCOLS_RIGHT, c + 1 == nc,
					 (flags & SCOLS_TRUNC) && width[c] < natural[c]);
			}
			pos += width[c] + 1;
		}
		out_char('\n');
	}
	for (size_t i = 0; i < (t->nrows + 1) * nc; i++)
		free(cells[i].text);
	free(cells);
	free(width);
	free(hwidth);
	free(natural);
}

/* --- raw, NAME="value" pairs ------------------------------------------------- */

static void put_escaped(const char *raw, enum escape_style style)
{
	if (!raw || !*raw)
		return;
	char *s = escape_styled(raw, style);
	out_str(s);
	free(s);
}

static void print_raw(const struct scols_table *t, const struct scols_opts *o)
{
	char buf[64];
	if (t->nrows == 0)
		return;
	if (!o->noheadings) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c > 0)
				out_char(' ');
			put_escaped(header(&t->cols[c], o, buf, sizeof(buf)), ESCAPE_NAME);
		}
		out_char('\n');
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c > 0)
				out_char(' ');
			put_escaped(t->cells[r * t->ncols + c], ESCAPE_NAME);
		}
		out_char('\n');
	}
}

/* -e: one line per row; -n: one line per value. */
static void print_pairs(const struct scols_table *t, const struct scols_opts *o)
{
	char buf[64];
	char sep = o->mode == SCOLS_NEWLINE ? '\n' : ' ';
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c > 0)
				out_char(sep);
			put_escaped(header(&t->cols[c], o, buf, sizeof(buf)), ESCAPE_SHELL);
			out_write("=\"", 2);
			put_escaped(t->cells[r * t->ncols + c], ESCAPE_SHELL);
			out_char('"');
		}
		out_char('\n');
	}
}

/* --- JSON -------------------------------------------------------------------- */

/* "12", "-1", "25.00": a JSON number as it stands (no leading zeros but "0", no exponent). */
static bool is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s) || (s[0] == '0' && isdigit((unsigned char)s[1])))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			return false;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

/* util-linux's JSON layout: three spaces a level, objects joined by "},{". */
static void print_json(const struct scols_table *t, const struct scols_opts *o)
{
	char buf[64];
	out_write("{\n   \"", 6);
	out_str(t->json_key);
	out_write("\": [\n", 5);
	for (size_t r = 0; r < t->nrows; r++) {
		out_str(r == 0 ? "      {\n" : "      },{\n");
		bool first = true;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *name = header(&t->cols[c], o, buf, sizeof(buf));
			/* A column asked for twice is one member (2.38 repeats it: invalid JSON). */
			bool dup = false;
			for (size_t p = 0; p < c && !dup; p++)
				dup = strcmp(t->cols[p].name, t->cols[c].name) == 0;
			if (dup)
				continue;
			if (!first)
				out_write(",\n", 2);
			first = false;
			out_write("         \"", 10);
			for (const char *p = name; *p; p++)
				out_char((char)tolower((unsigned char)*p));
			out_write("\": ", 3);
			const char *v = t->cells[r * t->ncols + c];
			if (v && *v && o->typed && (t->cols[c].flags & SCOLS_NUMBER) && is_number(v)) {
				out_str(v);
			} else if (v && *v) {
				struct json doc = { 0 };
				json_string(&doc, NULL, v);
			} else {
				out_write("null", 4);
			}
		}
		out_char('\n');
	}
	if (t->nrows > 0)
		out_str("      }\n");
	out_str("   ]\n}\n");
}

void scols_print(const struct scols_table *t, const struct scols_opts *o)
{
	switch (o->mode) {
	case SCOLS_TABLE: print_table(t, o); break;
	case SCOLS_RAW: print_raw(t, o); break;
	case SCOLS_EXPORT:
	case SCOLS_NEWLINE: print_pairs(t, o); break;
	case SCOLS_JSON: print_json(t, o); break;
	}
}

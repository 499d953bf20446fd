#ifndef IPCBOX_LINES_H
#define IPCBOX_LINES_H

/*
 * Lines of a file read in chunks into one buffer, with no copy but the
 * partial line moved to the front before the next read.  A line longer
 * than the buffer is given once, cut to the buffer's size (its start has
 * every field we want), and its tail is skipped.  Pure (no reads: the
 * caller reads), so the fuzz target "maps" can feed any chunk sizes.
 *
 *	struct lines lb = LINES_INIT(buf, sizeof(buf));
 *	while ((n = read(fd, lines_room(&lb), lines_space(&lb))) > 0) {
 *		lines_fed(&lb, n);
 *		while (lines_next(&lb, &s, &e))
 *			use(s, e);
 *	}
 *	if (lines_last(&lb, &s, &e))
 *		use(s, e);	(the last line, without a newline)
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct lines {
	char *buf;
	size_t cap;
	size_t have;	/* bytes held */
	size_t pos;	/* start of the first line not yet given */
	bool skip;	/* in the tail of a line longer than the buffer */
};

#define LINES_INIT(buf, cap) ((struct lines){ (buf), (cap), 0, 0, false })

/* Where the next read goes, and how much it may bring (never 0). */
static inline char *lines_room(struct lines *lb) { return lb->buf + lb->have; }
static inline size_t lines_space(const struct lines *lb) { return lb->cap - lb->have; }

static inline void lines_fed(struct lines *lb, size_t n) { lb->have += n; }

/*
 * The next whole line *S..*E (without its newline); false when none is
 * left, the partial line then moved to the front for the next read.
 */
static inline bool lines_next(struct lines *lb, const char **s, const char **e)
{
	const char *nl;
	while ((nl = memchr(lb->buf + lb->pos, '\n', lb->have - lb->pos)) != NULL) {
		const char *start = lb->buf + lb->pos;
		lb->pos = (size_t)(nl + 1 - lb->buf);
		if (lb->skip) {
			lb->skip = false;
			continue;
		}
		*s = start;
		*e = nl;
		return true;
	}
	size_t rest = lb->have - lb->pos;
	if (rest == lb->cap) {
		/* No newline in a full buffer: give its start once, drop the tail. */
		bool give = !lb->skip;
		lb->skip = true;
		lb->have = lb->pos = 0;
		if (give) {
			*s = lb->buf;
			*e = lb->buf + lb->cap;
		}
		return give;
	}
	if (lb->pos) {
		if (rest)
			memmove(lb->buf, lb->buf + lb->pos, rest);
		lb->have = rest;
		lb->pos = 0;
	}
	return false;
}

/* At the end of the file: the last line if it had no newline. */
static inline bool lines_last(const struct lines *lb, const char **s, const char **e)
{
	if (lb->have == lb->pos || lb->skip)
		return false;
	*s = lb->buf + lb->pos;
	*e = lb->buf + lb->have;
	return true;
}

#endif

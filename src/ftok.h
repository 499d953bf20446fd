#ifndef IPCBOX_FTOK_H
#define IPCBOX_FTOK_H

/*
 * System V keys from ftok(3): PATH:PROJ arguments.  Parsing is a pure
 * function of the string; the file is looked at only by ftok_resolve(),
 * which front ends call after the whole command line has parsed.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct ftok_spec {
	const char *path;	/* the argument; the path is its first path_len bytes */
	size_t path_len;
	unsigned proj;		/* 1..255 */
};

/* How a key was formed, for "ipcbox ftok -v". */
struct ftok_parts {
	unsigned proj;		/* bits 31..24 */
	unsigned dev_byte;	/* bits 23..16: the low byte of st_dev (of its minor) */
	unsigned ino_bits;	/* bits 15..0: the low 16 bits of st_ino */
	dev_t dev;
	ino_t ino;
	uint32_t key;
};

/*
 * A project id: a number 1..255 (decimal without leading zeros, or 0x hex)
 * or one character ("A", as C programs write 'A'; a digit is a number).
 * Returns NULL, or why S is no project id (a msgid: translate it where it
 * is printed); BRIEF: without "the project id" as its subject.
 */
const char *ftok_parse_proj(const char *s, unsigned *proj, bool brief);

/*
 * Whether ARG has the ftok form: a ':' with a '/' before the last one
 * (a number never has either).  Then SPEC is filled and the return value
 * is NULL, or why the project id after the last ':' is not one.
 */
bool ftok_form(const char *arg, struct ftok_spec *spec, const char **why);

/*
 * stat() the path and compute the key: 0, or -1 with errno.  PATH_OUT (if
 * not NULL) gets the path as a new string (free() it), also on failure.
 */
int ftok_resolve(const struct ftok_spec *spec, struct ftok_parts *parts, char **path_out);

#endif

#ifndef IPCBOX_UTIL_H
#define IPCBOX_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "src/ftok.h"

/* Messages are prefixed with the name the command was invoked as. */
void set_progname(const char *name);
const char *get_progname(void);

void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void errx(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void err(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "PROG: MESSAGE" + "Try 'PROG --help' for more information.", exit 1 */
_Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * getopt_long() whose messages show a bad option escaped (escape_arg()):
 * glibc's repeat it as typed.  On a command line with nothing to escape
 * glibc prints its own messages, the reference's byte for byte.
 */
struct option;
int getopt_escaped(int argc, char **argv, const char *shortopts, const struct option *longopts);

/* The getopt message is already printed: only the "Try" line, exit 1. */
_Noreturn void usage_hint(void);

void print_version(void);
/* Flush stdout now: 0, or -1 with the cause kept for close_stdout(). */
int flush_stdout(void);
/* Flush and close stdout; on failure print "PROG: write error..." and return 1. */
int close_stdout(void);
/* Exit through close_stdout() so a failed write turns into status 1. */
_Noreturn void exit_checked(int status);

/*
 * Strict number parsers: the whole string must be a number (base 10, or
 * base 0 = decimal, 0x hex, leading-0 octal), within [min, max].  They never
 * print; they return false and set errno (EINVAL or ERANGE).
 */
bool parse_llong(const char *s, int base, long long min, long long max, long long *out);
bool parse_ullong(const char *s, int base, unsigned long long max, unsigned long long *out);

/* uid/gid to name, each distinct id looked up once per run; NULL if none. */
const char *user_name(uid_t uid);
const char *group_name(gid_t gid);
/* The same, escaped for text output as object names are. */
const char *user_name_shown(uid_t uid);
const char *group_name_shown(gid_t gid);
/* Either of them (USER: a uid), with the length of the name in *LEN. */
const char *id_name_shown(unsigned id, bool user, size_t *len);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);

/* --- parsers for ipcmk/ipcrm --- */

/* parse_llong, also accepting leading blanks and '+' as strtol does. */
bool parse_llong_lenient(const char *s, int base, long long min, long long max, long long *out);
/* An IPC id: decimal (leading zeros too), 0..INT_MAX. */
bool parse_ipc_id(const char *s, int *out);
/* An IPC key: decimal, 0x hex or 0 octal, INT32_MIN..UINT32_MAX (no truncation). */
bool parse_ipc_key(const char *s, int32_t *out);
/*
 * A key argument as ipcmk --key and ipcrm -M/-Q/-S take it: a number
 * (parse_ipc_key) or PATH:PROJ (ftok, see src/ftok.h).  Parsing is syntax
 * only; resolve_key_arg() looks at the file.
 */
struct key_arg {
	int32_t value;		/* the key: the number, or ftok's once resolved */
	bool is_ftok;
	struct ftok_spec ftok;
};
/*
 * true, or false with *WHY NULL (not a number: errno EINVAL or ERANGE) or
 * the reason S is no key (a bad PATH:PROJ, or what looks like one).
 */
bool parse_key_arg(const char *s, struct key_arg *out, const char **why);
/*
 * An ftok key: stat the path and set K->value.  0, or -1 after printing
 * "cannot use 'ARG' as a key: PATH: ERROR".  A number: 0, nothing done.
 */
int resolve_key_arg(struct key_arg *k);
/* An octal permission mode, at most 07777. */
bool parse_ipc_mode(const char *s, unsigned *out);
/* A size with optional K/KiB/KB... suffix and decimal fraction (1.5K). */
bool parse_size(const char *s, uint64_t *out);
/* Print only the "Try 'PROG --help'" line (usage_hint without exit). */
void print_usage_hint(void);
/* "PROG: MSG", plus the Try line if HINT; returns -1 for parsers to pass on. */
int parse_error(bool hint, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

#ifndef IPCBOX_UTIL_H
#define IPCBOX_UTIL_H

/*
 * The command-line helpers the three commands share: usage messages,
 * --help and --version, getopt with escaped messages, util-linux's
 * abbreviations.  Messages themselves are src/messages.h.
 */
#include <stdbool.h>
#include <stdio.h>

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

/* Print only the "Try 'PROG --help'" line (usage_hint without exit). */
void print_usage_hint(void);
/* "PROG: MSG", plus the Try line if HINT; returns -1 for parsers to pass on. */
int parse_error(bool hint, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

#ifndef IPCBOX_NUMBERS_H
#define IPCBOX_NUMBERS_H

/*
 * Strict number parsers: the whole string must be a number (base 10, or
 * base 0 = decimal, 0x hex, leading-0 octal), within [min, max].  They never
 * print; they return false and set errno (EINVAL or ERANGE).
 */
#include <stdbool.h>

bool parse_llong(const char *s, int base, long long min, long long max, long long *out);
bool parse_ullong(const char *s, int base, unsigned long long max, unsigned long long *out);
/* parse_llong, also accepting leading blanks and '+' as strtol does. */
bool parse_llong_lenient(const char *s, int base, long long min, long long max, long long *out);

#endif

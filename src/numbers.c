/* Strict number parsers (see numbers.h): pure, they never print. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "src/numbers.h"

/* strtoll/strtoull accept leading blanks and signs we do not want. */
static bool plain_number_start(const char *s, bool allow_minus)
{
	if (*s == '-' && allow_minus)
		s++;
	return *s >= '0' && *s <= '9';
}

bool parse_llong(const char *s, int base, long long min, long long max, long long *out)
{
	char *end;
	if (!s || !plain_number_start(s, min < 0)) {
		errno = EINVAL;
		return false;
	}
	errno = 0;
	long long v = strtoll(s, &end, base);
	if (end == s || *end) {
		errno = EINVAL;
		return false;
	}
	if (errno == ERANGE || v < min || v > max) {
		errno = ERANGE;
		return false;
	}
	*out = v;
	return true;
}

bool parse_ullong(const char *s, int base, unsigned long long max, unsigned long long *out)
{
	char *end;
	if (!s || !plain_number_start(s, false)) {
		errno = EINVAL;
		return false;
	}
	errno = 0;
	unsigned long long v = strtoull(s, &end, base);
	if (end == s || *end) {
		errno = EINVAL;
		return false;
	}
	if (errno == ERANGE || v > max) {
		errno = ERANGE;
		return false;
	}
	*out = v;
	return true;
}

/*
 * The reference tools parse with strtol-style functions, which accept
 * leading blanks and a '+': keep accepting them, but nothing after the
 * number and never a '+' or blank in the middle.
 */
bool parse_llong_lenient(const char *s, int base, long long min, long long max, long long *out)
{
	if (!s) {
		errno = EINVAL;
		return false;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' && s[1] != '-')
		s++;
	return parse_llong(s, base, min, max, out);
}

/*
 * Fuzz target: the strict number, key, id, mode and size parsers of
 * src/numbers.c and src/args.c, checked against an independent reference
 * implementation of the grammar they promise (numbers.h, args.h): the whole
 * string is a number, decimal, 0x hex or leading-0 octal for base 0,
 * optional '-' only when negative values are allowed, range errors are
 * ERANGE and never truncation.
 *
 * Input: byte 0 picks the parser, byte 1 the base and bounds, the rest is
 * the string (up to the first NUL).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>

#include "src/args.h"
#include "src/numbers.h"
#include "tests/fuzz/fuzz.h"

typedef unsigned __int128 u128;
#define SATURATE ((u128)1 << 100)

/*
 * Reference: 0 with *neg and *mag (saturated at 2^100) set, or EINVAL.
 * glibc's strto* take "0x" as a prefix only before a hex digit.
 */
static int ref_number(const char *s, int base, bool allow_minus, bool *neg, u128 *mag)
{
	*neg = false;
	*mag = 0;
	if (allow_minus && *s == '-') {
		*neg = true;
		s++;
	}
	if (!(*s >= '0' && *s <= '9'))
		return EINVAL;
	bool prefix = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isxdigit((unsigned char)s[2]);
	if (base == 0)
		base = prefix ? 16 : s[0] == '0' ? 8 : 10;
	if (base == 16 && prefix)
		s += 2;
	for (; *s; s++) {
		int d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'z')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'Z')
			d = *s - 'A' + 10;
		else
			return EINVAL;
		if (d >= base)
			return EINVAL;
		*mag = *mag * (u128)base + (u128)d;
		if (*mag > SATURATE)
			*mag = SATURATE;
	}
	return 0;
}

/* Reference parse_llong: 0 and *out, or EINVAL/ERANGE. */
static int ref_llong(const char *s, int base, long long min, long long max, long long *out)
{
	bool neg;
	u128 mag;
	int e = ref_number(s, base, min < 0, &neg, &mag);
	if (e)
		return e;
	if (neg ? mag > (u128)LLONG_MAX + 1 : mag > (u128)LLONG_MAX)
		return ERANGE;
	long long v = neg ? (long long)(0 - (unsigned long long)mag) : (long long)mag;
	if (v < min || v > max)
		return ERANGE;
	*out = v;
	return 0;
}

static int ref_ullong(const char *s, int base, unsigned long long max, unsigned long long *out)
{
	bool neg;
	u128 mag;
	int e = ref_number(s, base, false, &neg, &mag);
	if (e)
		return e;
	if (mag > (u128)max)
		return ERANGE;
	*out = (unsigned long long)mag;
	return 0;
}

/* The lenient front: leading blanks and one '+' (not "+-"). */
static const char *ref_lenient(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' && s[1] != '-')
		s++;
	return s;
}

static const struct bounds {
	long long min, max;
} bounds[] = {
	{ LLONG_MIN, LLONG_MAX }, { 0, LLONG_MAX }, { 0, INT_MAX }, { INT_MIN, INT_MAX },
	{ INT32_MIN, UINT32_MAX }, { 0, 07777 }, { -5, 5 }, { 0, 0 },
};
static const int bases[] = { 0, 8, 10, 16 };

/* Compare one parser result with the reference result. */
#define SAME(ok, ref_e, got, want, s)                                                   \
	do {                                                                            \
		if (ref_e == 0)                                                         \
			FUZZ_CHECK((ok) && (got) == (want), "'%s' should parse", s);    \
		else                                                                    \
			FUZZ_CHECK(!(ok) && errno == ref_e, "'%s' should fail with %d (errno %d)", s, ref_e, errno); \
	} while (0)

static void check_size(const char *s)
{
	uint64_t got = 0;
	errno = 0;
	bool ok = parse_size(s, &got);
	if (!ok) {
		FUZZ_CHECK(errno == EINVAL || errno == ERANGE, "parse_size('%s'): errno %d", s, errno);
		return;
	}
	/* An exact reference where the arithmetic fits: [blanks][+]DIGITS[.DIGITS][UNIT]. */
	const char *p = ref_lenient(s);
	FUZZ_CHECK(isdigit((unsigned char)*p), "parse_size accepted '%s' without a digit", s);
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return;	/* hex and octal spellings: no reference here */
	u128 whole = 0, frac = 0, scale = 1;
	int wdigits = 0, fdigits = 0;
	for (; isdigit((unsigned char)*p); p++, wdigits++)
		whole = whole * 10 + (u128)(*p - '0');
	if (wdigits > 1 && ref_lenient(s)[0] == '0')
		return;	/* leading 0: octal */
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++, fdigits++) {
			frac = frac * 10 + (u128)(*p - '0');
			scale *= 10;
		}
		FUZZ_CHECK(*p, "parse_size accepted a fraction without a unit: '%s'", s);
	}
	if (wdigits > 18 || fdigits > 6)
		return;
	u128 mult = 1;
	if (*p) {
		static const char units[] = "KMGTPEZY";
		const char *u = strchr(units, toupper((unsigned char)*p));
		FUZZ_CHECK(u && *p, "parse_size accepted unit '%s'", p);
		const char *rest = p + 1;
		unsigned base = 1024;
		if (strcmp(rest, "iB") == 0 || strcmp(rest, "ib") == 0)
			;
		else if (strcmp(rest, "B") == 0 || strcmp(rest, "b") == 0)
			base = 1000;
		else
			FUZZ_CHECK(*rest == '\0', "parse_size accepted unit '%s'", p);
		for (const char *q = units; q <= u; q++)
			mult *= base;
		if (u - units >= 5)
			return;	/* E and beyond: the product may not fit 128 bits */
	}
	u128 want = (whole * scale + frac) * mult / scale;
	FUZZ_CHECK(want <= UINT64_MAX && got == (uint64_t)want,
		   "parse_size('%s') = %llu, expected %llu", s,
		   (unsigned long long)got, (unsigned long long)want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	unsigned which = data[0] % 8;
	const struct bounds *b = &bounds[(data[1] >> 2) % (sizeof(bounds) / sizeof(bounds[0]))];
	int base = bases[data[1] & 3];
	char *s = fuzz_cstring(data + 2, size - 2);
	long long lv = 0, rl = 0;
	unsigned long long uv = 0, ru = 0;
	int ref_e;
	bool ok;

	switch (which) {
	case 0:
		ref_e = ref_llong(s, base, b->min, b->max, &rl);
		errno = 0;
		ok = parse_llong(s, base, b->min, b->max, &lv);
		SAME(ok, ref_e, lv, rl, s);
		break;
	case 1: {
		unsigned long long max = b->max < 0 ? ULLONG_MAX : (unsigned long long)b->max;
		if (b->min == LLONG_MIN)
			max = ULLONG_MAX;
		ref_e = ref_ullong(s, base, max, &ru);
		errno = 0;
		ok = parse_ullong(s, base, max, &uv);
		SAME(ok, ref_e, uv, ru, s);
		break;
	}
	case 2:
		ref_e = ref_llong(ref_lenient(s), base, b->min, b->max, &rl);
		errno = 0;
		ok = parse_llong_lenient(s, base, b->min, b->max, &lv);
		SAME(ok, ref_e, lv, rl, s);
		break;
	case 3: {
		int id = -1;
		/* Decimal only (leading zeros too); a negative id is out of range (ERANGE). */
		ref_e = ref_llong(ref_lenient(s), 10, LLONG_MIN, LLONG_MAX, &rl);
		if (ref_e == 0 && (rl < 0 || rl > INT_MAX))
			ref_e = ERANGE;
		errno = 0;
		ok = parse_ipc_id(s, &id);
		SAME(ok, ref_e, (long long)id, rl, s);
		break;
	}
	case 4: {
		int32_t key = 0;
		ref_e = ref_llong(ref_lenient(s), 0, INT32_MIN, UINT32_MAX, &rl);
		errno = 0;
		ok = parse_ipc_key(s, &key);
		/* Accepted spellings of one key: -1 and 0xffffffff are the same key. */
		SAME(ok, ref_e, (long long)(uint32_t)key, (long long)(uint32_t)rl, s);
		break;
	}
	case 5: {
		unsigned mode = 0;
		ref_e = ref_llong(ref_lenient(s), 8, 0, 07777, &rl);
		errno = 0;
		ok = parse_ipc_mode(s, &mode);
		SAME(ok, ref_e, (long long)mode, rl, s);
		break;
	}
	default:
		check_size(s);
		break;
	}
	free(s);
	return 0;
}

/* Parsers of the IPC values ipcmk and ipcrm take (see args.h). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "src/args.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/numbers.h"

bool parse_ipc_id(const char *s, int *out)
{
	long long v;
	/* A negative number is a number out of range, not garbage. */
	/* Decimal only, as util-linux reads ids: "010" is 10, "0x1" is refused. */
	if (!parse_llong_lenient(s, 10, LLONG_MIN, LLONG_MAX, &v))
		return false;
	if (v < 0 || v > INT_MAX) {
		errno = ERANGE;
		return false;
	}
	*out = (int)v;
	return true;
}

/* ipcs prints keys as unsigned hex, /proc as signed: accept both spellings. */
bool parse_ipc_key(const char *s, int32_t *out)
{
	long long v;
	if (!parse_llong_lenient(s, 0, INT32_MIN, UINT32_MAX, &v))
		return false;
	*out = (int32_t)(uint32_t)(v & 0xffffffff);
	return true;
}

bool parse_key_arg(const char *s, struct key_arg *out, const char **why)
{
	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (s && ftok_form(s, &out->ftok, why)) {
		out->is_ftok = true;
		if (*why)
			errno = EINVAL;
		return *why == NULL;
	}
	if (parse_ipc_key(s, &out->value))
		return true;
	int e = errno;
	if (s && (strchr(s, ':') || strchr(s, '/')))
		*why = N_("an ftok key is PATH:PROJ with a '/' in PATH (./file:A, not file:A)");
	errno = e;
	return false;
}

int resolve_key_arg(struct key_arg *k)
{
	if (!k->is_ftok)
		return 0;
	struct ftok_parts parts;
	char *path;
	if (ftok_resolve(&k->ftok, &parts, &path) < 0) {
		int e = errno;
		char *arg = escape_alloc(k->ftok.path), *shown = escape_alloc(path);
		warnx(_("cannot use '%s' as a key: %s: %s"), arg, shown, strerror(e));
		free(arg);
		free(shown);
		free(path);
		return -1;
	}
	free(path);
	k->value = (int32_t)parts.key;
	return 0;
}

bool parse_ipc_mode(const char *s, unsigned *out)
{
	long long v;
	if (!parse_llong_lenient(s, 8, 0, 07777, &v))
		return false;
	*out = (unsigned)v;
	return true;
}

/* The multiplier of a size suffix: K M G T P E Z Y, optional "iB", or "B". */
static bool size_multiplier(const char *p, unsigned __int128 *mult)
{
	static const char units[] = "KMGTPEZY";
	const char *u = *p ? strchr(units, toupper((unsigned char)*p)) : NULL;
	if (!u)
		return false;
	unsigned base = 1024;
	p++;
	if (p[0] == 'i' && (p[1] == 'B' || p[1] == 'b'))
		p += 2;
	else if (p[0] == 'B' || p[0] == 'b') {
		base = 1000;
		p++;
	}
	if (*p)
		return false;
	*mult = 1;
	for (const char *q = units; q <= u; q++)
		*mult *= base;
	return true;
}

/*
 * NUMBER[.FRACTION][SUFFIX] as util-linux documents it.  The fraction needs a
 * suffix and is decimal; the result is floor(value * multiplier), computed
 * exactly (the digits are folded from the last one: floor((d + q)/10) keeps
 * the floor of the whole fraction).
 */
bool parse_size(const char *s, uint64_t *out)
{
	if (!s)
		goto invalid;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+')
		s++;
	if (!isdigit((unsigned char)*s))
		goto invalid;
	char *end;
	errno = 0;
	unsigned long long whole = strtoull(s, &end, 0);
	if (errno == ERANGE) {
		errno = ERANGE;
		return false;
	}
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	const char *frac = NULL, *p = end;
	size_t frac_len = 0;
	if (*p == '.') {
		if (hex)
			goto invalid;	/* 0x1.8K: decimal or hex fraction? refuse */
		frac = ++p;
		while (isdigit((unsigned char)*p))
			p++;
		frac_len = (size_t)(p - frac);
	}
	unsigned __int128 mult = 1;
	if (*p) {
		if (!size_multiplier(p, &mult))
			goto invalid;
	} else if (frac) {
		goto invalid;	/* "1.5" means nothing without a unit */
	}
	unsigned __int128 part = 0;
	for (size_t i = frac_len; i-- > 0;)
		part = ((unsigned __int128)(frac[i] - '0') * mult + part) / 10;
	unsigned __int128 total = (unsigned __int128)whole * mult;
	if ((whole && total / whole != mult) || total + part > UINT64_MAX) {
		errno = ERANGE;
		return false;
	}
	*out = (uint64_t)(total + part);
	return true;
invalid:
	errno = EINVAL;
	return false;
}

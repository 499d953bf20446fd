/* Numbers, sizes, times and the name escaper, for every command. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/utf8.h"
#include "src/xalloc.h"

static const char hex[] = "0123456789abcdef";

/* Shown as is: printable ASCII but the space (one awk field) and the backslash. */
static bool plain_byte(unsigned char c)
{
	return c > ' ' && c < 0x7f && c != '\\';
}

/* An argument echoed in a message: as typed, but for what plain_byte() stops. */
static bool plain_arg_byte(unsigned char c)
{
	return c >= ' ' && c < 0x7f;
}

/* A value between double quotes in shell syntax: no quote, backslash, $ or `. */
static bool plain_shell_byte(unsigned char c)
{
	return plain_arg_byte(c) && c != '"' && c != '\\' && c != '$' && c != '`';
}

static bool plain_ascii(unsigned char c, enum escape_style style)
{
	switch (style) {
	case ESCAPE_ARG: return plain_arg_byte(c);
	case ESCAPE_SHELL: return plain_shell_byte(c);
	default: return plain_byte(c);
	}
}

/* Bytes the character at S takes (>= 1), and whether STYLE shows it as is. */
static size_t next_char(const unsigned char *s, size_t n, enum escape_style style, bool *plain)
{
	size_t seq = utf8_sequence_length(s, n);
	if (seq == 1)
		*plain = plain_ascii(s[0], style);
	else
		*plain = seq > 1 && !unicode_hidden_control(utf8_code_point(s, seq));
	return seq ? seq : 1;
}

/* "\xHH" for byte C at BUF; returns 4. */
static size_t put_escape(char *buf, unsigned char c)
{
	buf[0] = '\\';
	buf[1] = 'x';
	buf[2] = hex[c >> 4];
	buf[3] = hex[c & 15];
	return 4;
}

/* escape_name(), escape_arg() or escape_styled() by STYLE. */
static char *escape_text(const char *name, char *buf, size_t len, enum escape_style style)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = strlen(name), out = 0;
	if (len == 0)
		return buf;
	while (n > 0) {
		bool plain;
		size_t seq = next_char(s, n, style, &plain);
		/* The room this whole character needs: never part of one. */
		size_t need = plain ? seq : 4 * seq;
		if (need >= len - out)
			break;
		for (size_t i = 0; i < seq; i++) {
			if (plain) {
				buf[out++] = (char)s[i];
			} else {
				out += put_escape(buf + out, s[i]);
			}
		}
		s += seq;
		n -= seq;
	}
	buf[out] = '\0';
	return buf;
}

char *escape_name(const char *name, char *buf, size_t len)
{
	return escape_text(name, buf, len, ESCAPE_NAME);
}

const char *escape_arg(const char *arg)
{
	/* A few at once: one message may show several arguments. */
	static char *shown[4];
	static unsigned next;
	unsigned i = next++ % ARRAY_SIZE(shown);
	size_t len = ESCAPED_SIZE(strlen(arg));
	free(shown[i]);
	shown[i] = escape_text(arg, xmalloc(len), len, ESCAPE_ARG);
	return shown[i];
}

char *escape_bytes(const void *data, size_t n, char *buf, size_t len)
{
	const unsigned char *s = data;
	size_t out = 0;
	if (len == 0)
		return buf;
	for (size_t i = 0; i < n; i++) {
		/* Spaces as they are: fields are tab-separated, and a tab is \x09. */
		bool plain = plain_byte(s[i]) || s[i] == ' ';
		if ((plain ? 1 : 4) >= len - out)
			break;
		if (plain) {
			buf[out++] = (char)s[i];
		} else {
			out += put_escape(buf + out, s[i]);
		}
	}
	buf[out] = '\0';
	return buf;
}

char *base64_alloc(const void *data, size_t n)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = data;
	char *out = xmalloc((n + 2) / 3 * 4 + 1), *p = out;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)s[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		*p++ = digits[v >> 18];
		*p++ = digits[(v >> 12) & 63];
		*p++ = i + 1 < n ? digits[(v >> 6) & 63] : '=';
		*p++ = i + 2 < n ? digits[v & 63] : '=';
	}
	*p = '\0';
	return out;
}

char *escape_styled(const char *text, enum escape_style style)
{
	size_t len = ESCAPED_SIZE(strlen(text));
	return escape_text(text, xmalloc(len), len, style);
}

char *escape_alloc(const char *name)
{
	size_t len = ESCAPED_SIZE(strlen(name));
	return escape_name(name, xmalloc(len), len);
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *unescape_alloc(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;
	bool changed = false;
	for (const char *p = text; *p; p++) {
		int hi, lo;
		if (p[0] == '\\' && p[1] == 'x' && (hi = hex_digit(p[2])) >= 0 && (lo = hex_digit(p[3])) >= 0 &&
		    (hi || lo)) {
			*o++ = (char)(hi * 16 + lo);
			p += 3;
			changed = true;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	if (changed)
		return out;
	free(out);
	return NULL;
}

bool needs_escape(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = strlen(name);
	while (n > 0) {
		bool plain;
		size_t seq = next_char(s, n, ESCAPE_NAME, &plain);
		if (!plain)
			return true;
		s += seq;
		n -= seq;
	}
	return false;
}

/* "00".."99": two digits per division. */
static const char digit_pairs[200] =
	"0001020304050607080910111213141516171819"
	"2021222324252627282930313233343536373839"
	"4041424344454647484950515253545556575859"
	"6061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

size_t put_u64(char *p, uint64_t v)
{
	size_t n = 1;
	for (uint64_t t = v; t >= 10; t /= 10)
		n++;
	char *q = p + n;
	for (; v >= 100; v /= 100) {
		q -= 2;
		memcpy(q, digit_pairs + 2 * (v % 100), 2);
	}
	if (v >= 10)
		memcpy(q - 2, digit_pairs + 2 * v, 2);
	else
		q[-1] = (char)('0' + v);
	return n;
}

size_t put_i64(char *p, int64_t v)
{
	if (v >= 0)
		return put_u64(p, (uint64_t)v);
	p[0] = '-';
	return 1 + put_u64(p + 1, -(uint64_t)v);
}

size_t put_escaped_name(char *p, const char *name)
{
	/* Ordinary names are plain ASCII: copy them as they are. */
	const unsigned char *s = (const unsigned char *)name;
	size_t n = 0;
	while (plain_byte(s[n])) {
		p[n] = (char)s[n];
		n++;
	}
	if (s[n] == '\0')
		return n;
	escape_name(name + n, p + n, ESCAPED_SIZE(strlen(name + n)));
	return n + strlen(p + n);
}

/* V's digits in BASE (at most 10) into BUF, most significant first. */
static inline char *format_digits(uint64_t v, unsigned base, char *buf)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % base);
		v /= base;
	} while (v);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

char *format_u64(uint64_t v, char *buf)
{
	return format_digits(v, 10, buf);
}

char *format_i64(int64_t v, char *buf)
{
	if (v >= 0)
		return format_u64((uint64_t)v, buf);
	buf[0] = '-';
	format_u64(-(uint64_t)v, buf + 1);
	return buf;
}

char *format_key(uint32_t key, char *buf)
{
	/* A byte's two digits at once: every row of the default listing has a key. */
	static char pairs[256][2];
	if (!pairs[0][0])
		for (int i = 0; i < 256; i++)
			pairs[i][0] = hex[i >> 4], pairs[i][1] = hex[i & 15];
	buf[0] = '0';
	buf[1] = 'x';
	for (int i = 0; i < 4; i++)
		memcpy(buf + 2 + 2 * i, pairs[(key >> (24 - 8 * i)) & 0xff], 2);
	buf[10] = '\0';
	return buf;
}

void format_human_size(uint64_t bytes, char *buf, size_t len)
{
	static const char units[] = "BKMGTPE";
	int exp = 0;
	while (exp < 60 && bytes >> (exp + 10))
		exp += 10;
	if (exp == 0) {
		snprintf(buf, len, "%" PRIu64 "B", bytes);
		return;
	}
	uint64_t whole = bytes >> exp;
	uint64_t frac = bytes & ((UINT64_C(1) << exp) - 1);
	/* Round the fraction to tenths; ties cannot happen for 2^exp/20. */
	unsigned tenths = (unsigned)(((unsigned __int128)frac * 10 + (UINT64_C(1) << (exp - 1))) >> exp);
	if (tenths == 10) {
		whole++;
		tenths = 0;
	}
	if (tenths)
		snprintf(buf, len, "%" PRIu64 ".%u%c", whole, tenths, units[exp / 10]);
	else
		snprintf(buf, len, "%" PRIu64 "%c", whole, units[exp / 10]);
}

/* Broken-down T, local or UTC, if its year is 1..9999. */
static bool broken_down(int64_t t, bool local, struct tm *tm)
{
	time_t tt = (time_t)t;
	if ((int64_t)tt != t || !(local ? localtime_r(&tt, tm) : gmtime_r(&tt, tm)))
		return false;
	return tm->tm_year >= 1 - 1900 && tm->tm_year <= 9999 - 1900;
}

bool time_in_range(int64_t t)
{
	struct tm tm;
	return broken_down(t, false, &tm);
}

/*
 * One cache per format: rows repeat times often (one per second at most).
 * The cache knows whether it holds anything: every int64 is a valid input.
 */
struct time_cache {
	bool valid;
	int64_t t;
	const char *text;	/* buf, or a constant */
	size_t len;		/* of text */
	char buf[40];
};

/* LOCAL: ctime()-style local time; else ISO 8601 UTC. */
static const char *cached_time(struct time_cache *c, int64_t t, bool local)
{
	if (c->valid && c->t == t)
		return c->text;
	struct tm tm;
	if (broken_down(t, local, &tm) &&
	    (local ? strftime(c->buf, sizeof(c->buf), "%a %b %e %H:%M:%S %Y", &tm)
		   : strftime(c->buf, sizeof(c->buf), "%Y-%m-%dT%H:%M:%SZ", &tm)))
		c->text = c->buf;
	else
		c->text = NULL;
	c->len = c->text ? strlen(c->text) : 0;
	c->valid = true;
	c->t = t;
	return c->text;
}

const char *format_long_time_len(int64_t t, bool zero_unset, bool *date, size_t *len)
{
	static struct time_cache cache;
	*date = false;
	if (t == 0 && zero_unset) {
		/* A row's text: translated once. */
		static struct i18n_text not_set;
		/* TRANSLATORS: a time never set; in -t tables max 20 columns (15 is best) */
		return i18n_once(&not_set, N_("Not set"), len);
	}
	const char *text = cached_time(&cache, t, true);
	if (!text) {
		*len = sizeof(TIME_OUT_OF_RANGE) - 1;
		return TIME_OUT_OF_RANGE;
	}
	*date = true;
	*len = cache.len;
	return text;
}

const char *format_long_time(int64_t t, bool zero_unset)
{
	bool date;
	size_t len;
	return format_long_time_len(t, zero_unset, &date, &len);
}

const char *format_iso_time(int64_t t)
{
	static struct time_cache cache;
	return cached_time(&cache, t, false);
}

size_t put_percent(char *p, uint64_t hundredths, bool short_form)
{
	size_t n = put_u64(p, hundredths / 100);
	if (short_form && hundredths % 100 == 0)
		return n;
	p[n++] = '.';
	p[n++] = (char)('0' + hundredths % 100 / 10);
	if (!short_form || hundredths % 10)
		p[n++] = (char)('0' + hundredths % 10);
	return n;
}

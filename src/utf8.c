/* UTF-8 facts shared by the text escaper, the JSON writer and the padding of text output. */
#define _GNU_SOURCE
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "src/unicode-hidden.h"
#include "src/utf8.h"

size_t utf8_sequence_length(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xbf;	/* allowed range of the second byte */
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (c == 0xed)
			hi = 0x9f;	/* UTF-16 surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;	/* overlong */
		else if (c == 0xf4)
			hi = 0x8f;	/* beyond U+10FFFF */
	} else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

/* Code point of a well-formed sequence of LEN (1..4) bytes. */
uint32_t utf8_code_point(const unsigned char *s, size_t len)
{
	static const unsigned char lead_mask[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	uint32_t cp = s[0] & lead_mask[len];
	for (size_t i = 1; i < len; i++)
		cp = cp << 6 | (s[i] & 0x3f);
	return cp;
}

/*
 * Characters that move the terminal or hide and reorder text: C1 controls
 * (some terminals take U+009B as ESC [), format characters (bidirectional
 * marks, embeddings, overrides and isolates, zero-width characters, the
 * byte order mark, tags), line and paragraph separators, and every default
 * ignorable code point (U+00AD, U+034F, Hangul fillers, variation
 * selectors...): a table generated from the Unicode Character Database by
 * tools/gen-unicode-hidden.py, searched by halves.
 */
bool unicode_hidden_control(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(unicode_hidden) / sizeof(unicode_hidden[0]);
	if (cp < unicode_hidden[0].first)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < unicode_hidden[mid].first)
			hi = mid;
		else if (cp > unicode_hidden[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

bool utf8_columns;

void utf8_columns_init(void)
{
	const char *codeset = nl_langinfo(CODESET);
	utf8_columns = strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/* Columns of code point CP: wcwidth() wants a UTF-8 LC_CTYPE to know it. */
static int char_width(uint32_t cp)
{
	static locale_t c_utf8;
	static bool tried;
	int w;
	if (utf8_columns) {
		w = wcwidth((wchar_t)cp);
	} else {
		if (!tried) {
			tried = true;
			c_utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		}
		if (!c_utf8)
			return 1;
		locale_t old = uselocale(c_utf8);
		w = wcwidth((wchar_t)cp);
		uselocale(old);
	}
	/* Unassigned or not printable (escape_name() lets none of the latter through). */
	return w < 0 ? 1 : w;
}

size_t utf8_fit(const char *text, size_t n, size_t cols, size_t *width)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t used = 0, i = 0;
	if (utf8_ascii(text, n)) {
		*width = n < cols ? n : cols;
		return *width;
	}
	while (i < n) {
		size_t len = utf8_sequence_length(p + i, n - i);
		size_t w = len > 1 ? (size_t)char_width(utf8_code_point(p + i, len)) : 1;
		if (used + w > cols)
			break;
		used += w;
		i += len ? len : 1;
	}
	*width = used;
	return i;
}

size_t utf8_width(const char *text, size_t n)
{
	size_t width;
	utf8_fit(text, n, SIZE_MAX, &width);
	return width;
}

int text_pad(const char *text, int cols)
{
	size_t n = strlen(text);
	return widen(cols, n - text_width(text, n));
}

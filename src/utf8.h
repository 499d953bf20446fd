#ifndef IPCBOX_UTF8_H
#define IPCBOX_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Length of the well-formed UTF-8 sequence at S (at most N bytes): 1 to 4,
 * or 0 if S does not start one (stray, overlong, surrogate, > U+10FFFF).
 */
size_t utf8_sequence_length(const unsigned char *s, size_t n);

/* Code point of a well-formed sequence of LEN (1..4) bytes. */
uint32_t utf8_code_point(const unsigned char *s, size_t len);

/*
 * C1 controls, format characters, line and paragraph separators and default
 * ignorable code points: what escapers hide (src/unicode-hidden.h).
 */
bool unicode_hidden_control(uint32_t cp);

/*
 * Display columns.  Under a UTF-8 LC_CTYPE text is padded by the columns it
 * takes on a terminal (a wide East Asian character two, a combining mark
 * none); in any other locale by bytes, as util-linux's printf("%-10s")
 * pads, so the C locale's output stays byte for byte the reference's.
 */
extern bool utf8_columns;
/* Sets utf8_columns from nl_langinfo(CODESET); after setlocale(). */
void utf8_columns_init(void);

/*
 * Columns TEXT (N bytes, escape_name()'s output or a translation) takes,
 * in any locale: wcwidth() of each character under LC_CTYPE when that is
 * UTF-8, else under C.UTF-8 (one per character without it); a byte that
 * starts no UTF-8 sequence takes one.  Pure ASCII is N, found a word at a time.
 */
size_t utf8_width(const char *text, size_t n);

/* Whether TEXT (N bytes) is all ASCII: eight bytes at a time, every row's names pass here. */
static inline bool utf8_ascii(const char *text, size_t n)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080u)
			return false;
	}
	for (; i < n; i++)
		if (p[i] >= 0x80)
			return false;
	return true;
}

/* Columns TEXT takes when padding: utf8_width() under a UTF-8 locale, else N. */
static inline size_t text_width(const char *text, size_t n)
{
	return utf8_columns ? utf8_width(text, n) : n;
}

/*
 * Bytes of the longest head of TEXT (N bytes) that takes at most COLS
 * columns, cut between characters; its columns in *WIDTH.
 */
size_t utf8_fit(const char *text, size_t n, size_t cols, size_t *width);

/* A field WIDTH (negative: left-aligned, 0: none) widened by EXTRA bytes that take no column. */
static inline int widen(int width, size_t extra)
{
	return width < 0 ? width - (int)extra : width > 0 ? width + (int)extra : 0;
}

/*
 * The printf field width that pads TEXT to COLS columns (negative COLS:
 * left-aligned, as printf's "%*s" takes it): COLS plus the bytes of TEXT
 * that take no column of their own.
 */
int text_pad(const char *text, int cols);

#endif

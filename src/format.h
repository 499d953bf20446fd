#ifndef IPCBOX_FORMAT_H
#define IPCBOX_FORMAT_H

/*
 * Value formatting shared by all three commands: numbers, sizes, times, and
 * the one escaper every printed name goes through.  Nothing here prints.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Room escape_name() needs for a name of N bytes: 4 per byte, plus the NUL. */
#define ESCAPED_SIZE(n) (4 * (size_t)(n) + 1)

/*
 * NAME for text output: spaces, backslashes, control characters (C0, DEL,
 * C1), bidirectional and invisible Unicode controls and bytes that are not
 * UTF-8 become \xHH, so a name is one awk field on one line, cannot move the
 * terminal and reads in the order it is stored.  Writes at most LEN bytes
 * with the NUL; a name that does not fit is cut at a character boundary.
 * Returns BUF.  Ordinary names come out unchanged.
 */
char *escape_name(const char *name, char *buf, size_t len);

/* The same into a new string (never cut); free() it. */
char *escape_alloc(const char *name);
/*
 * The escaper undone: TEXT with every \xHH (but \x00) turned back into
 * its byte, in a new string; NULL if TEXT has none.  For hints only ("did
 * you mean"): nothing is ever acted on through it.
 */
char *unescape_alloc(const char *text);

/*
 * The escaper's three styles: NAME as escape_name(); ARG as escape_arg()
 * (spaces and backslashes as typed); SHELL as ARG, but also " \ $ ` as
 * \xHH, so the text can stand between double quotes in a shell.
 */
enum escape_style { ESCAPE_NAME, ESCAPE_ARG, ESCAPE_SHELL };
/* TEXT escaped in STYLE, in a new string (never cut); free() it. */
char *escape_styled(const char *text, enum escape_style style);

/*
 * A command-line argument (or a text made from one, or a label with words)
 * for a message: as escape_name(), but spaces and backslashes are shown as
 * typed, as the reference tools quote arguments ('1 2'); never cut.  The
 * result lives until four more calls.
 */
const char *escape_arg(const char *arg);

/*
 * Bytes (message data, which need not be text) as escape_name() shows a
 * name, except that a space is shown as it is and every other byte outside
 * printable ASCII becomes \xHH (no UTF-8 is passed through).  Writes at most LEN bytes with the NUL; stops
 * before a byte that does not fit.  Returns BUF.
 */
char *escape_bytes(const void *data, size_t n, char *buf, size_t len);

/* DATA as base64 (RFC 4648, padded) in a new string; free() it. */
char *base64_alloc(const void *data, size_t n);

/* Whether escape_name() would change NAME. */
bool needs_escape(const char *name);

/* Decimal digits of V into BUF (at least 21 bytes; 22 for the signed one). */
char *format_u64(uint64_t v, char *buf);
char *format_i64(int64_t v, char *buf);
/* The same at P, no NUL; the number of bytes written. */
size_t put_u64(char *p, uint64_t v);
size_t put_i64(char *p, int64_t v);
/*
 * escape_name() of NAME at P (room: ESCAPED_SIZE(strlen(NAME))), no NUL,
 * never cut; the number of bytes written.
 */
size_t put_escaped_name(char *p, const char *name);
/* "0x0000abcd" (BUF: 11 bytes). */
char *format_key(uint32_t key, char *buf);
/*
 * HUNDREDTHS of a percent as "12.50" at P (room 24); its length.  SHORT:
 * without trailing zeros ("12.5", "25"), as JSON tools print numbers.
 */
size_t put_percent(char *p, uint64_t hundredths, bool short_form);
/* Sizes as util-linux prints them with --human: 1023B, 1.5K, 4.7G, 16E. */
void format_human_size(uint64_t bytes, char *buf, size_t len);

/* Shown instead of a time that no calendar date can name (year > 9999...). */
#define TIME_OUT_OF_RANGE "out-of-range"

/* Whether T (seconds since the epoch) is a date of the years 1..9999. */
bool time_in_range(int64_t t);

/*
 * ctime()-style local time without the newline ("Thu Nov 26 05:59:32 2026"),
 * "Not set" for 0 when ZERO_UNSET (System V's "never"), or the marker.  The
 * result lives until the next call.
 */
const char *format_long_time(int64_t t, bool zero_unset);
/* The same with its length, and *DATE false for "Not set" and the marker. */
const char *format_long_time_len(int64_t t, bool zero_unset, bool *date, size_t *len);
/* ISO 8601 UTC ("2026-11-26T08:00:00Z"), or NULL out of range. */
const char *format_iso_time(int64_t t);

#endif

/*
 * Streaming JSON writer.  Output goes through the unlocked stdio calls, as
 * the text renderer's does: JSON of 10,000 objects must stay as fast.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "src/json.h"
#include "src/utf8.h"

static const char indent_spaces[] = "                ";

/* The comma, newline and indentation before a value, then "key": . */
static void begin_value(struct json *j, const char *key)
{
	if (j->depth > 0) {
		if (j->has_members[j->depth - 1])
			putchar_unlocked(',');
		j->has_members[j->depth - 1] = true;
		putchar_unlocked('\n');
		fwrite_unlocked(indent_spaces, 1, 2 * j->depth, stdout);
	}
	if (key) {
		putchar_unlocked('"');
		fputs_unlocked(key, stdout);
		fputs_unlocked("\": ", stdout);
	}
}

static void open_container(struct json *j, const char *key, char bracket)
{
	begin_value(j, key);
	putchar_unlocked(bracket);
	/* Deeper nesting than our schema has would be a programming error. */
	if (j->depth < JSON_MAX_DEPTH - 1)
		j->has_members[j->depth++] = false;
}

static void close_container(struct json *j, char bracket)
{
	if (j->depth == 0)
		return;
	/* An empty container stays on one line: [] or {}. */
	if (j->has_members[--j->depth]) {
		putchar_unlocked('\n');
		fwrite_unlocked(indent_spaces, 1, 2 * j->depth, stdout);
	}
	putchar_unlocked(bracket);
	if (j->depth == 0)
		putchar_unlocked('\n');
}

void json_open_object(struct json *j, const char *key) { open_container(j, key, '{'); }
void json_close_object(struct json *j) { close_container(j, '}'); }
void json_open_array(struct json *j, const char *key) { open_container(j, key, '['); }
void json_close_array(struct json *j) { close_container(j, ']'); }

static bool put_escaped(const char *str)
{
	bool valid = true;
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str);
	putchar_unlocked('"');
	while (n > 0) {
		/* Copy the longest run that needs no escaping in one call. */
		size_t run = 0;
		while (run < n && s[run] >= 0x20 && s[run] < 0x7f && s[run] != '"' && s[run] != '\\')
			run++;
		fwrite_unlocked(s, 1, run, stdout);
		s += run;
		n -= run;
		if (n == 0)
			break;
		unsigned char c = *s;
		size_t len = 1;
		uint32_t cp;
		if (c == '"' || c == '\\') {
			putchar_unlocked('\\');
			putchar_unlocked(c);
		} else if (c == '\n') {
			fputs_unlocked("\\n", stdout);
		} else if (c == '\t') {
			fputs_unlocked("\\t", stdout);
		} else if (c == '\r') {
			fputs_unlocked("\\r", stdout);
		} else if (c < 0x80) {
			/* Other C0 controls and DEL. */
			fputs_unlocked("\\u00", stdout);
			putchar_unlocked(hex[c >> 4]);
			putchar_unlocked(hex[c & 15]);
		} else if ((len = utf8_sequence_length(s, n)) > 1 &&
			   unicode_hidden_control(cp = utf8_code_point(s, len))) {
			/* Valid JSON raw, but terminals obey or hide them: \uXXXX. */
			fputs_unlocked("\\u", stdout);
			for (int shift = 12; shift >= 0; shift -= 4)
				putchar_unlocked(hex[(cp >> shift) & 15]);
		} else if (len > 0) {
			fwrite_unlocked(s, 1, len, stdout);
		} else {
			fputs_unlocked("\\ufffd", stdout);
			valid = false;
			len = 1;
		}
		s += len;
		n -= len;
	}
	putchar_unlocked('"');
	return valid;
}

bool json_string(struct json *j, const char *key, const char *s)
{
	begin_value(j, key);
	return put_escaped(s);
}

static void put_u64(uint64_t v)
{
	char buf[24];
	int i = sizeof(buf);
	do {
		buf[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	fwrite_unlocked(buf + i, 1, sizeof(buf) - i, stdout);
}

void json_uint(struct json *j, const char *key, uint64_t v)
{
	begin_value(j, key);
	put_u64(v);
}

void json_int(struct json *j, const char *key, int64_t v)
{
	begin_value(j, key);
	if (v < 0) {
		putchar_unlocked('-');
		put_u64(-(uint64_t)v);
	} else {
		put_u64(v);
	}
}

void json_bool(struct json *j, const char *key, bool v)
{
	begin_value(j, key);
	fputs_unlocked(v ? "true" : "false", stdout);
}

void json_null(struct json *j, const char *key)
{
	begin_value(j, key);
	fputs_unlocked("null", stdout);
}

void json_number(struct json *j, const char *key, const char *text)
{
	begin_value(j, key);
	fputs_unlocked(text, stdout);
}

/*
 * Streaming JSON writer.  Output goes through the output buffer (src/out.h),
 * as the text tables' does: JSON of 10,000 objects must stay as fast.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "src/format.h"
#include "src/json.h"
#include "src/out.h"
#include "src/utf8.h"

/* Two spaces per level, for the deepest. */
static const char indent_spaces[2 * JSON_MAX_DEPTH + 1] = "                        ";

/* The comma, newline and indentation before a value, then "key": . */
static void begin_value(struct json *j, const char *key)
{
	size_t klen = key ? strlen(key) : 0;
	if (klen > OUT_ROOM_MAX / 2) {	/* not one of ours: never, but safe */
		begin_value(j, NULL);
		out_char('"');
		out_write(key, klen);
		out_write("\": ", 3);
		return;
	}
	char *p = out_room(2 * JSON_MAX_DEPTH + klen + 8);
	if (j->depth > 0) {
		if (j->has_members[j->depth - 1])
			*p++ = ',';
		j->has_members[j->depth - 1] = true;
		*p++ = '\n';
		memcpy(p, indent_spaces, 2 * (size_t)j->depth);
		p += 2 * j->depth;
	}
	if (key) {
		*p++ = '"';
		memcpy(p, key, klen);
		p += klen;
		memcpy(p, "\": ", 3);
		p += 3;
	}
	out_end(p);
}

static void open_container(struct json *j, const char *key, char bracket)
{
	begin_value(j, key);
	out_char(bracket);
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
		out_char('\n');
		out_write(indent_spaces, 2 * (size_t)j->depth);
	}
	out_char(bracket);
	if (j->depth == 0)
		out_char('\n');
}

void json_continue(struct json *j, bool some)
{
	if (j->depth > 0)
		j->has_members[j->depth - 1] = some;
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
	out_char('"');
	while (n > 0) {
		/* Copy the longest run that needs no escaping in one call. */
		size_t run = 0;
		while (run < n && s[run] >= 0x20 && s[run] < 0x7f && s[run] != '"' && s[run] != '\\')
			run++;
		out_write(s, run);
		s += run;
		n -= run;
		if (n == 0)
			break;
		unsigned char c = *s;
		size_t len = 1;
		uint32_t cp;
		if (c == '"' || c == '\\') {
			out_char('\\');
			out_char(c);
		} else if (c == '\n') {
			out_write("\\n", 2);
		} else if (c == '\t') {
			out_write("\\t", 2);
		} else if (c == '\r') {
			out_write("\\r", 2);
		} else if (c < 0x80) {
			/* Other C0 controls and DEL. */
			out_write("\\u00", 4);
			out_char(hex[c >> 4]);
			out_char(hex[c & 15]);
		} else if ((len = utf8_sequence_length(s, n)) > 1 &&
			   unicode_hidden_control(cp = utf8_code_point(s, len))) {
			/* Valid JSON raw, but terminals obey or hide them: \uXXXX, beyond the BMP a surrogate pair. */
			uint32_t units[2] = { cp, 0 };
			if (cp > 0xffff)
				units[0] = 0xd800 + ((cp - 0x10000) >> 10), units[1] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
			for (int u = 0; u < 2 && units[u]; u++) {
				out_write("\\u", 2);
				for (int shift = 12; shift >= 0; shift -= 4)
					out_char(hex[(units[u] >> shift) & 15]);
			}
		} else if (len > 0) {
			out_write(s, len);
		} else {
			out_write("\\ufffd", 6);
			valid = false;
			len = 1;
		}
		s += len;
		n -= len;
	}
	out_char('"');
	return valid;
}

bool json_string(struct json *j, const char *key, const char *s)
{
	begin_value(j, key);
	return put_escaped(s);
}

static void put_number(uint64_t v)
{
	char *p = out_room(24);
	out_end(p + put_u64(p, v));
}

void json_uint(struct json *j, const char *key, uint64_t v)
{
	begin_value(j, key);
	put_number(v);
}

void json_int(struct json *j, const char *key, int64_t v)
{
	begin_value(j, key);
	if (v < 0) {
		out_char('-');
		put_number(-(uint64_t)v);
	} else {
		put_number(v);
	}
}

void json_bool(struct json *j, const char *key, bool v)
{
	begin_value(j, key);
	if (v)
		out_write("true", 4);
	else
		out_write("false", 5);
}

void json_null(struct json *j, const char *key)
{
	begin_value(j, key);
	out_write("null", 4);
}

void json_number(struct json *j, const char *key, const char *text)
{
	begin_value(j, key);
	out_str(text);
}

size_t json_member_prefix(int depth, const char *key, char *buf, size_t len)
{
	size_t klen = strlen(key), indent = 2 * (size_t)depth;
	size_t n = 2 + indent + 1 + klen + 3;
	if (depth < 0 || depth >= JSON_MAX_DEPTH || n > len)
		return 0;
	memcpy(buf, ",\n", 2);
	memset(buf + 2, ' ', indent);
	buf[2 + indent] = '"';
	memcpy(buf + 3 + indent, key, klen);
	memcpy(buf + 3 + indent + klen, "\": ", 3);
	return n;
}

long json_plain_length(const char *s, size_t max)
{
	size_t n = 0;
	for (; n <= max && s[n] >= 0x20 && s[n] < 0x7f && s[n] != '"' && s[n] != '\\'; n++)
		;
	return n <= max && s[n] == '\0' ? (long)n : -1;
}

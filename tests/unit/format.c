/*
 * Unit tests of src/format.c: the name escaper (and its argument and byte
 * variants), base64, numbers, keys, modes, --human sizes and times.  Run
 * with TZ=UTC (meson sets it): the local times are UTC.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>

#include "src/format.h"
#include "tests/unit/unit.h"

struct text_case {
	const char *in, *want;
};

static void test_escape_name(void)
{
	static const struct text_case cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "a b", "a\\x20b" },			/* one awk field */
		{ "a\\b", "a\\x5cb" },			/* the escape character itself */
		{ "a\nb\tc", "a\\x0ab\\x09c" },		/* C0 controls */
		{ "\x7f", "\\x7f" },			/* DEL */
		{ "\xc2\x85", "\\xc2\\x85" },		/* C1 control U+0085 */
		{ "caf\xc3\xa9", "caf\xc3\xa9" },	/* UTF-8 passes */
		{ "\xed\x95\x9c", "\xed\x95\x9c" },	/* a Hangul syllable too */
		{ "\xff\xfe", "\\xff\\xfe" },		/* not UTF-8 */
		{ "\xc3", "\\xc3" },			/* a truncated sequence */
		{ "ab\xe2\x80\xae" "d", "ab\\xe2\\x80\\xaed" },	/* U+202E right-to-left override */
		{ "x\xe2\x80\x8by", "x\\xe2\\x80\\x8by" },	/* U+200B zero width space */
		{ "/app.jobs", "/app.jobs" },
	};
	char buf[256];
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		CHECK_STR(escape_name(cases[i].in, buf, sizeof(buf)), cases[i].want);
		CHECK_INT(needs_escape(cases[i].in), strcmp(cases[i].in, cases[i].want) != 0);
		char *a = escape_alloc(cases[i].in);
		CHECK_STR(a, cases[i].want);
		free(a);
		char put[256];
		size_t n = put_escaped_name(put, cases[i].in);
		put[n] = '\0';
		CHECK_STR(put, cases[i].want);
	}
	/* Cut to fit, never inside an escape or a character. */
	CHECK_STR(escape_name("abcdef", buf, 4), "abc");
	CHECK_STR(escape_name("a b", buf, 4), "a");
	CHECK_STR(escape_name("a\xc3\xa9", buf, 3), "a");
	CHECK_STR(escape_name("a\xc3\xa9", buf, 4), "a\xc3\xa9");
}

static void test_escape_arg_bytes(void)
{
	/* Arguments: spaces and backslashes as typed, controls escaped. */
	CHECK_STR(escape_arg("1 2"), "1 2");
	CHECK_STR(escape_arg("a\\b"), "a\\b");
	CHECK_STR(escape_arg("a\nb"), "a\\x0ab");
	CHECK_STR(escape_arg("\xe2\x80\xae"), "\\xe2\\x80\\xae");
	/* Bytes: everything outside printable ASCII, UTF-8 included. */
	char buf[64];
	CHECK_STR(escape_bytes("hi\0\xc3\xa9", 5, buf, sizeof(buf)), "hi\\x00\\xc3\\xa9");
	CHECK_STR(escape_bytes("a b\\", 4, buf, sizeof(buf)), "a b\\x5c");
	CHECK_STR(escape_bytes("abcdef", 6, buf, 4), "abc");
	CHECK_STR(escape_bytes("a\x01", 2, buf, 4), "a");
}

static void test_base64(void)
{
	/* RFC 4648, section 10. */
	static const struct text_case cases[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *b = base64_alloc(cases[i].in, strlen(cases[i].in));
		CHECK_STR(b, cases[i].want);
		free(b);
	}
	char *b = base64_alloc("\xff\x00\xfe", 3);
	CHECK_STR(b, "/wD+");
	free(b);
}

static void test_numbers(void)
{
	char buf[32];
	CHECK_STR(format_u64(0, buf), "0");
	CHECK_STR(format_u64(UINT64_MAX, buf), "18446744073709551615");
	CHECK_STR(format_i64(-1, buf), "-1");
	CHECK_STR(format_i64(INT64_MIN, buf), "-9223372036854775808");
	CHECK_STR(format_i64(INT64_MAX, buf), "9223372036854775807");
	size_t n = put_u64(buf, 1234567890);
	buf[n] = '\0';
	CHECK_STR(buf, "1234567890");
	n = put_i64(buf, -42);
	buf[n] = '\0';
	CHECK_STR(buf, "-42");
	CHECK_STR(format_key(0x5eed, buf), "0x00005eed");
	CHECK_STR(format_key(0xffffffff, buf), "0xffffffff");
	CHECK_STR(format_key(0, buf), "0x00000000");
}

static void test_human(void)
{
	static const struct { uint64_t bytes; const char *want; } cases[] = {
		{ 0, "0B" }, { 1023, "1023B" }, { 1024, "1K" }, { 1536, "1.5K" },
		{ 1075, "1K" }, { 1996, "1.9K" }, { 2047, "2K" },
		{ UINT64_C(5) << 30, "5G" }, { (UINT64_C(47) << 30) / 10, "4.7G" },
		{ UINT64_C(1) << 60, "1E" }, { UINT64_MAX, "16E" },
	};
	char buf[32];
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		format_human_size(cases[i].bytes, buf, sizeof(buf));
		CHECK_STR(buf, cases[i].want);
	}
}

static void test_times(void)
{
	CHECK_STR(format_long_time(0, true), "Not set");
	CHECK_STR(format_long_time(0, false), "Thu Jan  1 00:00:00 1970");
	CHECK_STR(format_long_time(1796565835, true), "Sun Dec  6 14:03:55 2026");
	CHECK_STR(format_iso_time(0), "1970-01-01T00:00:00Z");
	CHECK_STR(format_iso_time(1796565835), "2026-12-06T14:03:55Z");
	CHECK_STR(format_iso_time(253402300800), NULL);
	CHECK_STR(format_long_time(INT64_MAX, true), TIME_OUT_OF_RANGE);
	bool date = true;
	size_t len = 0;
	const char *t = format_long_time_len(0, true, &date, &len);
	CHECK(!date && len == strlen(t) && strcmp(t, "Not set") == 0);
	t = format_long_time_len(86400, true, &date, &len);
	CHECK(date && len == strlen(t) && strcmp(t, "Fri Jan  2 00:00:00 1970") == 0);
}

int main(void)
{
	test_escape_name();
	test_escape_arg_bytes();
	test_base64();
	test_numbers();
	test_human();
	test_times();
	return unit_done();
}

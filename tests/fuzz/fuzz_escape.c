/*
 * Fuzz target: the name escaper of src/format.c (escape_name, escape_alloc,
 * needs_escape), which every name printed by ipcs, ipcmk and ipcrm goes
 * through.  Checked for every input, taken as a string up to its first NUL:
 *
 *  (a) escape_name into a buffer of LEN bytes, for every LEN from 0 to
 *      ESCAPED_SIZE(n) + 2 (for longer inputs: 0..16, each character's end
 *      and end +- 1, and around the full sizes), writes
 *      nothing at or past LEN (canary bytes, poisoned under ASan), returns BUF, and the result is NUL-terminated and shorter
 *      than LEN;
 *  (b) with LEN = ESCAPED_SIZE(n) the result equals escape_alloc's and is
 *      the whole name (never cut);
 *  (c) the result holds only printable ASCII (0x21..0x7e) and well-formed
 *      UTF-8 multibyte characters that are not hidden (src/unicode-hidden.h)
 *      (src/utf8.h), and every backslash starts a \xHH escape;
 *  (d) decoding every \xHH gives back exactly the input (lossless);
 *  (e) a cut result is the longest prefix of the whole result that ends on
 *      a character boundary and fits LEN - 1 bytes: no character or escape
 *      is ever cut in the middle, and nothing that fits is left out;
 *  (f) needs_escape(name) is true exactly when the result differs from the
 *      name.
 *
 * The whole result is also compared with an independent reference escaper
 * written from the documented rules (format.h), with its own UTF-8 decoder:
 * the set of characters shown as they are is exactly the documented one.
 */
#include <stdbool.h>

#include "src/format.h"
#include "src/unicode-hidden.h"
#include "src/utf8.h"
#include "tests/fuzz/fuzz.h"

/* The checks are not what the fuzzer should explore: no coverage for them. */
#if defined(__clang__) && __clang_major__ >= 13
#define HARNESS __attribute__((no_sanitize("coverage")))
#else
#define HARNESS
#endif

#define CANARY_LEN 16
#define CANARY 0xa5
/* Longer inputs get the sizes around each character end, not all sizes. */
#define ALL_SIZES_MAX 16
/* And beyond this many characters, a sample of those. */
#define ALL_ENDS_MAX 32

static const char hexdigits[] = "0123456789abcdef";

/*
 * Reference UTF-8 decoder (Unicode table 3-7, by code point rather than by
 * byte ranges): the length of the well-formed character at S (N bytes left)
 * and its code point, or 0 for a byte that starts none.
 */
HARNESS static size_t ref_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t c, min;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/*
 * The hidden characters: the generated table (src/unicode-hidden.h, data
 * from the Unicode Character Database), read one range after another; the
 * search by halves in utf8.c is what is under test.
 */
HARNESS static bool ref_hidden(uint32_t cp)
{
	for (size_t i = 0; i < sizeof(unicode_hidden) / sizeof(unicode_hidden[0]); i++)
		if (cp >= unicode_hidden[i].first && cp <= unicode_hidden[i].last)
			return true;
	return false;
}

/* What the table must hold whatever the Unicode version: checked once. */
HARNESS static void check_table(void)
{
	static const struct { uint32_t lo, hi; } known[] = {
		{ 0x80, 0x9f },		/* C1 */
		{ 0xad, 0xad },		/* soft hyphen */
		{ 0x34f, 0x34f },	/* combining grapheme joiner */
		{ 0x61c, 0x61c },	/* Arabic letter mark */
		{ 0x115f, 0x1160 },	/* Hangul fillers */
		{ 0x180e, 0x180e },	/* Mongolian vowel separator */
		{ 0x200b, 0x200f },	/* zero width, LRM, RLM */
		{ 0x2028, 0x202e },	/* separators, embeddings, overrides */
		{ 0x2060, 0x206f },	/* word joiner..., isolates, deprecated format characters */
		{ 0x3164, 0x3164 },	/* Hangul filler */
		{ 0xfe00, 0xfe0f },	/* variation selectors */
		{ 0xfeff, 0xfeff },	/* byte order mark */
		{ 0xffa0, 0xffa0 },	/* halfwidth Hangul filler */
		{ 0xfff9, 0xfffb },	/* interlinear annotation */
		{ 0x1d173, 0x1d17a },	/* musical symbol format characters */
		{ 0xe0000, 0xe0fff },	/* tags, variation selectors supplement, reserved */
	};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		for (uint32_t cp = known[i].lo; cp <= known[i].hi; cp++)
			FUZZ_CHECK(ref_hidden(cp) && unicode_hidden_control(cp), "U+%04X not hidden", (unsigned)cp);
	/* Sorted, disjoint ranges: what a search by halves needs. */
	for (size_t i = 0; i < sizeof(unicode_hidden) / sizeof(unicode_hidden[0]); i++)
		FUZZ_CHECK(unicode_hidden[i].first <= unicode_hidden[i].last &&
			   (i == 0 || unicode_hidden[i - 1].last + 1 < unicode_hidden[i].first),
			   "table range %zu", i);
	/* Every code point: the search agrees with the scan. */
	for (uint32_t cp = 0; cp <= 0x10ffff; cp++)
		FUZZ_CHECK(ref_hidden(cp) == unicode_hidden_control(cp), "U+%04X", (unsigned)cp);
}

/*
 * Reference escaper: the whole result into OUT (4 * n + 1 bytes), and in
 * ENDS[k] the length of the result after the k+1-th character; returns the
 * number of characters.
 */
HARNESS static size_t ref_escape(const unsigned char *s, size_t n, char *out, size_t *ends)
{
	size_t o = 0, chars = 0;
	while (n > 0) {
		uint32_t cp = 0;
		size_t len = ref_utf8(s, n, &cp);
		bool plain;
		if (len == 1)
			plain = cp >= 0x21 && cp <= 0x7e && cp != '\\';
		else
			plain = len > 1 && !ref_hidden(cp);
		if (len == 0)
			len = 1;
		for (size_t i = 0; i < len; i++) {
			if (plain) {
				out[o++] = (char)s[i];
			} else {
				out[o++] = '\\';
				out[o++] = 'x';
				out[o++] = hexdigits[s[i] >> 4];
				out[o++] = hexdigits[s[i] & 15];
			}
		}
		ends[chars++] = o;
		s += len;
		n -= len;
	}
	out[o] = '\0';
	return chars;
}

HARNESS static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* (c) and (d): OUT is clean, and decodes back to exactly NAME (N bytes). */
HARNESS static void check_clean_and_lossless(const char *name, size_t n, const char *out)
{
	const unsigned char *o = (const unsigned char *)out;
	size_t olen = strlen(out), back = 0;
	unsigned char *dec = malloc(olen + 1);
	if (!dec)
		abort();
	for (size_t i = 0; i < olen;) {
		if (o[i] == '\\') {
			/* Short-circuit: no read past the NUL. */
			FUZZ_CHECK(o[i + 1] == 'x' && hexval(out[i + 2]) >= 0 && hexval(out[i + 3]) >= 0,
				   "backslash at %zu does not start \\xHH (lowercase hex)", i);
			dec[back++] = (unsigned char)(hexval(out[i + 2]) << 4 | hexval(out[i + 3]));
			i += 4;
		} else if (o[i] < 0x80) {
			FUZZ_CHECK(o[i] >= 0x21 && o[i] <= 0x7e, "byte 0x%02x shown as is at %zu", o[i], i);
			dec[back++] = o[i++];
		} else {
			size_t seq = utf8_sequence_length(o + i, olen - i);
			FUZZ_CHECK(seq > 1, "byte 0x%02x at %zu is not a well-formed character", o[i], i);
			uint32_t cp = utf8_code_point(o + i, seq);
			FUZZ_CHECK(!unicode_hidden_control(cp), "hidden control U+%04X shown as is at %zu",
				   (unsigned)cp, i);
			memcpy(dec + back, o + i, seq);
			back += seq;
			i += seq;
		}
	}
	FUZZ_CHECK(back == n && memcmp(dec, name, n) == 0,
		   "decoding the result gives %zu bytes, not the %zu of the input", back, n);
	free(dec);
}

/*
 * One buffer for all sizes: LEN bytes, then the canary bytes; under ASan the
 * canary bytes are also poisoned, so a write past LEN is reported where it
 * happens (a heap block per size would cost a malloc per call).
 */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(FUZZ_ASAN)
#define FUZZ_ASAN 1
#endif
#ifdef FUZZ_ASAN
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#else
#define __asan_poison_memory_region(addr, size) ((void)(addr), (void)(size))
#define __asan_unpoison_memory_region(addr, size) ((void)(addr), (void)(size))
#endif

/* (a) and (e): escape_name into LEN bytes of BUF (LEN + CANARY_LEN bytes). */
HARNESS static void check_size(const char *name, unsigned char *buf, size_t len, const char *full,
		       const size_t *ends, size_t chars)
{
	memset(buf, CANARY, len + CANARY_LEN);
	__asan_poison_memory_region(buf + len, CANARY_LEN);
	char *ret = escape_name(name, (char *)buf, len);
	__asan_unpoison_memory_region(buf + len, CANARY_LEN);
	FUZZ_CHECK(ret == (char *)buf, "escape_name does not return BUF (len %zu)", len);
	for (size_t i = len; i < len + CANARY_LEN; i++)
		FUZZ_CHECK(buf[i] == CANARY, "len %zu: byte %zu past the end written (0x%02x)", len,
			   i - len, buf[i]);
	if (len == 0)
		return;
	size_t got = strnlen((char *)buf, len);
	FUZZ_CHECK(got < len, "len %zu: result not NUL-terminated within the buffer", len);

	/* (e) the longest whole-character prefix of FULL that leaves room for the NUL. */
	size_t lo = 0, hi = chars;	/* ends[] rises: the first end >= LEN, by bisection */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ends[mid] < len)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t want = lo ? ends[lo - 1] : 0;
	FUZZ_CHECK(got == want, "len %zu: result of %zu bytes, expected the %zu-byte prefix", len,
		   got, want);
	FUZZ_CHECK(memcmp(buf, full, got) == 0, "len %zu: result is not a prefix of the whole one",
		   len);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	check_table();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = fuzz_cstring(data, size);
	size_t n = strlen(name);
	size_t whole = ESCAPED_SIZE(n);

	char *ref = malloc(whole);
	size_t *ends = malloc((n + 1) * sizeof(*ends));
	if (!ref || !ends)
		abort();
	size_t chars = ref_escape((const unsigned char *)name, n, ref, ends);

	/* (b) the full-size result: escape_alloc's, never cut, the reference's. */
	char *full = malloc(whole);
	if (!full)
		abort();
	escape_name(name, full, whole);
	char *alloc = escape_alloc(name);
	FUZZ_CHECK(strcmp(full, alloc) == 0, "escape_name with ESCAPED_SIZE differs from escape_alloc");
	FUZZ_CHECK(strcmp(full, ref) == 0, "result differs from the reference escaper");
	FUZZ_CHECK(strlen(full) == (chars ? ends[chars - 1] : 0), "result cut at full size");

	check_clean_and_lossless(name, n, full);

	/* (f) */
	bool changed = strcmp(full, name) != 0;
	FUZZ_CHECK(needs_escape(name) == changed, "needs_escape says %d, but the result %s the name",
		   !changed, changed ? "differs from" : "equals");

	/*
	 * (a), (e): every size for short names; for longer ones the sizes where
	 * something happens: the end of each character (its last byte and the
	 * NUL do not fit yet), one less, and one more (they just fit), for up
	 * to ALL_ENDS_MAX characters all of them, beyond that the first and
	 * last 16 and a sample of the rest.
	 */
	size_t flen = strlen(full);
	unsigned char *buf = malloc(whole + 2 + CANARY_LEN);
	if (!buf)
		abort();
	if (n <= ALL_SIZES_MAX) {
		for (size_t len = 0; len <= whole + 2; len++)
			check_size(name, buf, len, full, ends, chars);
	} else {
		for (size_t len = 0; len <= 16; len++)
			check_size(name, buf, len, full, ends, chars);
		size_t step = chars <= ALL_ENDS_MAX ? 1 : chars / ALL_ENDS_MAX;
		for (size_t k = 0; k < chars; k += k < 16 || k + 16 >= chars ? 1 : step)
			for (size_t d = 0; d < 3; d++)
				check_size(name, buf, ends[k] - 1 + d, full, ends, chars);
		for (size_t len = flen - 2; len <= flen + 2; len++)
			check_size(name, buf, len, full, ends, chars);
		for (size_t len = whole - 2; len <= whole + 2; len++)
			check_size(name, buf, len, full, ends, chars);
	}

	free(buf);
	free(alloc);
	free(full);
	free(ends);
	free(ref);
	free(name);
	return 0;
}

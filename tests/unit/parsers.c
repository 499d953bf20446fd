/*
 * Unit tests of the strict parsers (src/util.c): numbers, ids, keys (numbers
 * and the PATH:PROJ syntax), modes and sizes.  Each case: the input, whether
 * it parses, and the value or the errno of the refusal.  The parsers are
 * pure: nothing is printed or looked up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>

#include "src/format.h"
#include "src/logind.h"
#include "src/queue-full.h"
#include "src/args.h"
#include "src/numbers.h"
#include "src/target-args.h"
#include "tests/unit/unit.h"

/* A refusal: EINVAL (not a number) or ERANGE (a number out of range). */
#define NO(s, e) { s, false, 0, e }
#define YES(s, v) { s, true, v, 0 }

struct num_case {
	const char *s;
	bool ok;
	long long value;
	int err;
};

static void check_case(const struct num_case *c, bool ok, long long value, int err, const char *parser)
{
	char what[256];
	snprintf(what, sizeof(what), "%s(\"%s\")", parser, c->s ? c->s : "(null)");
	bool pass = ok == c->ok && (ok ? value == c->value : err == c->err);
	if (!unit_check(pass, what, __FILE__, __LINE__))
		printf("#   got %s %lld (errno %d), want %s %lld (errno %d)\n", ok ? "ok" : "refused", value, err,
		       c->ok ? "ok" : "refused", c->value, c->err);
}

/* Every parser as one shape, for one loop over each table. */
typedef bool parse_fn(const char *s, long long *v);

static bool llong_pm1000(const char *s, long long *v) { return parse_llong(s, 10, -1000, 1000, v); }
static bool llong_base0(const char *s, long long *v) { return parse_llong(s, 0, LLONG_MIN, LLONG_MAX, v); }
/* NAME: the parser CALL, which stores into X of type TYPE. */
#define ADAPTER(name, type, call)                                   \
	static bool name(const char *s, long long *v)               \
	{                                                           \
		type x = 0;                                         \
		bool ok = call;                                     \
		*v = (long long)x;                                  \
		return ok;                                          \
	}
ADAPTER(ullong_255, unsigned long long, parse_ullong(s, 10, 255, &x))
ADAPTER(ipc_id, int, parse_ipc_id(s, &x))
ADAPTER(ipc_key, int32_t, parse_ipc_key(s, &x))
ADAPTER(ipc_mode, unsigned, parse_ipc_mode(s, &x))
ADAPTER(size, uint64_t, parse_size(s, &x))

/* A --timeout as nanoseconds. */
static bool timeout_ns(const char *s, long long *v)
{
	struct timespec t = { 0, 0 };
	bool ok = parse_timeout(s, &t);
	*v = (long long)t.tv_sec * 1000000000 + t.tv_nsec;
	return ok;
}

static void run_cases(const char *parser, parse_fn *fn, const struct num_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		long long v = 0;
		errno = 0;
		bool ok = fn(cases[i].s, &v);
		check_case(&cases[i], ok, v, errno, parser);
	}
}

#define RUN(parser, fn, cases) run_cases(parser, fn, cases, ARRAY_SIZE(cases))

static void test_llong(void)
{
	static const struct num_case cases[] = {
		YES("0", 0), YES("42", 42), YES("-42", -42), YES("1000", 1000),
		NO("1001", ERANGE), NO("-1001", ERANGE),
		NO("", EINVAL), NO(" 1", EINVAL), NO("+1", EINVAL), NO("1 ", EINVAL),
		NO("1x", EINVAL), NO("x", EINVAL), NO("--1", EINVAL), NO("-", EINVAL),
		NO(NULL, EINVAL),
	};
	RUN("parse_llong", llong_pm1000, cases);
	/* Base 0: hex and octal as C writes them; beyond long long is ERANGE. */
	static const struct num_case base0[] = {
		YES("0x10", 16), YES("010", 8), YES("9223372036854775807", LLONG_MAX),
		NO("9223372036854775808", ERANGE), NO("08", EINVAL),
	};
	RUN("parse_llong base 0", llong_base0, base0);
}

static void test_ullong(void)
{
	static const struct num_case cases[] = {
		YES("0", 0), YES("255", 255), NO("256", ERANGE), NO("-1", EINVAL),
		NO("+1", EINVAL), NO(" 1", EINVAL), NO("99999999999999999999", ERANGE),
	};
	RUN("parse_ullong", ullong_255, cases);
}

static void test_ids(void)
{
	/* Decimal as util-linux reads ids: "010" is 10; blanks and '+' as strtol. */
	static const struct num_case cases[] = {
		YES("0", 0), YES("010", 10), YES(" 7", 7), YES("+7", 7), YES("2147483647", INT_MAX),
		NO("2147483648", ERANGE), NO("-1", ERANGE), NO("0x1", EINVAL), NO("+-1", EINVAL),
		NO("1a", EINVAL), NO("", EINVAL),
	};
	RUN("parse_ipc_id", ipc_id, cases);
}

static void test_keys(void)
{
	/* Unsigned (as ipcs prints) and signed (as /proc) spellings: the same key. */
	static const struct num_case cases[] = {
		YES("0x5eed", 0x5eed), YES("0", 0), YES("012", 10), YES("24301", 24301),
		YES("0xffffffff", -1), YES("-1", -1), YES("4294967295", -1),
		YES("-2147483648", INT32_MIN), NO("-2147483649", ERANGE), NO("0x100000000", ERANGE),
		NO("0x", EINVAL), NO("key", EINVAL), NO("1k", EINVAL),
	};
	RUN("parse_ipc_key", ipc_key, cases);
}

static void test_key_args(void)
{
	struct key_arg k;
	const char *why;
	CHECK(parse_key_arg("0x5eed", &k, &why) && !k.is_ftok && k.value == 0x5eed && !why);
	CHECK(parse_key_arg("/var/lib/app:A", &k, &why) && k.is_ftok && !why);
	CHECK_INT(k.ftok.proj, 'A');
	CHECK_INT(k.ftok.path_len, strlen("/var/lib/app"));
	CHECK(parse_key_arg("./f:255", &k, &why) && k.is_ftok && k.ftok.proj == 255);
	/* A file name without a '/' is no path: refused with the reason. */
	CHECK(!parse_key_arg("file:A", &k, &why) && why != NULL);
	/* A project id out of 1..255. */
	CHECK(!parse_key_arg("./f:256", &k, &why) && why != NULL);
	CHECK(!parse_key_arg("./f:0", &k, &why) && why != NULL);
	/* Not a number and nothing like PATH:PROJ: no reason, errno says which. */
	errno = 0;
	CHECK(!parse_key_arg("abc", &k, &why) && why == NULL && errno == EINVAL);
}

static void test_modes(void)
{
	static const struct num_case cases[] = {
		YES("644", 0644), YES("0600", 0600), YES("7777", 07777), YES("0", 0),
		NO("10000", ERANGE), NO("8", EINVAL), NO("rw", EINVAL), NO("-1", EINVAL),
	};
	RUN("parse_ipc_mode", ipc_mode, cases);
}

static void test_sizes(void)
{
	static const struct num_case cases[] = {
		YES("0", 0), YES("4096", 4096), YES("1K", 1024), YES("1k", 1024), YES("1KiB", 1024),
		YES("1KB", 1000), YES("1.5K", 1536), YES("1M", 1048576), YES("1G", 1073741824LL),
		YES("0x10", 16), YES(" +2K", 2048),
		NO("1.5", EINVAL), NO("K", EINVAL), NO("1Q", EINVAL), NO("1KiBx", EINVAL),
		NO("-1", EINVAL), NO("0x1.8K", EINVAL), NO("", EINVAL), NO("16E1", EINVAL),
		NO("99999999999999999999", ERANGE), NO("1Y", ERANGE),
	};
	RUN("parse_size", size, cases);
	/* Beyond 64 bits: 16E is 2^64. */
	uint64_t v = 0;
	errno = 0;
	CHECK(!parse_size("16E", &v) && errno == ERANGE);
	CHECK(parse_size("15E", &v) && v == UINT64_C(15) << 60);
	CHECK(parse_size("18446744073709551615", &v) && v == UINT64_MAX);
	CHECK(parse_size("1.999999999999999999999K", &v) && v == 2047);
}

static void test_timeouts(void)
{
	static const struct num_case cases[] = {
		YES("0", 0), YES("1", 1000000000), YES("1.5", 1500000000), YES("250ms", 250000000),
		YES("2s", 2000000000), YES("2m", 120000000000LL), YES("1h", 3600000000000LL),
		YES("0.001", 1000000), YES("1.5ms", 1500000), YES("0.000000001", 1),
		NO("", EINVAL), NO("-1", EINVAL), NO("1x", EINVAL), NO("1.", EINVAL), NO(".5", EINVAL),
		NO("1 s", EINVAL), NO("1d", EINVAL), NO("9000h", ERANGE), NO("99999999999999999999", ERANGE),
	};
	RUN("parse_timeout", timeout_ns, cases);
}

/* login.defs: SYS_UID_MAX, the last one winning; a bad value names its line. */
static void test_login_defs(void)
{
	static const struct {
		const char *text;
		int rc;
		bool set;
		uint32_t max;
		unsigned line;
	} cases[] = {
		{ "", 0, false, 7, 0 },
		{ "#SYS_UID_MAX 100\nSYS_UID_MAXX 5\n", 0, false, 7, 0 },
		{ "SYS_UID_MAX\t\t  999\n", 0, true, 999, 0 },
		{ "  SYS_UID_MAX 0x3e8  \r\n", 0, true, 1000, 0 },
		{ "SYS_UID_MAX 100\nSYS_UID_MAX 200", 0, true, 200, 0 },
		{ "UID_MIN 1000\nSYS_UID_MAX -1\n", -1, false, 7, 2 },
		{ "SYS_UID_MAX 4294967295\n", -1, false, 7, 1 },
		{ "SYS_UID_MAX\n", 0, false, 7, 0 },	/* no blank after the name: another name */
		{ "SYS_UID_MAX \n", 0, false, 7, 0 },	/* trailing blanks trimmed: the same */
		{ "SYS_UID_MAX 12abc\n", -1, false, 7, 1 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		uint32_t max = 7;
		bool set = false;
		struct parse_fault f = { 0, NULL };
		int rc = parse_login_defs(cases[i].text, strlen(cases[i].text), &max, &set, &f);
		CHECK(rc == cases[i].rc && set == cases[i].set && max == cases[i].max &&
		      (rc == 0 || f.line == cases[i].line));
	}
}

/* logind.conf: RemoveIPC= of [Login] only, systemd's booleans, the last one winning. */
static void test_logind_conf(void)
{
	static const struct {
		const char *text;
		int rc;
		bool set, remove;
		unsigned line;
	} cases[] = {
		{ "", 0, false, true, 0 },
		{ "[Login]\n#RemoveIPC=no\n", 0, false, true, 0 },
		{ "[Login]\nRemoveIPC=no\n", 0, true, false, 0 },
		{ "[Login]\n  RemoveIPC = Off \n", 0, true, false, 0 },
		{ "[Login]\nRemoveIPC=no\nRemoveIPC=1\n", 0, true, true, 0 },
		{ "[Other]\nRemoveIPC=no\n", 0, false, true, 0 },
		{ "RemoveIPC=no\n", 0, false, true, 0 },
		{ "[Login]\nRemoveIPCs=no\n;comment\n", 0, false, true, 0 },
		{ "[Login]\nRemoveIPC=maybe\n", -1, false, true, 2 },
		{ "[Login]\nRemoveIPC=\n", -1, false, true, 2 },
		{ "[Login\n", -1, false, true, 1 },
		{ "[Login]\nKillUserProcesses\n", -1, false, true, 2 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		bool remove = true, set = false;
		struct parse_fault f = { 0, NULL };
		int rc = parse_logind_conf(cases[i].text, strlen(cases[i].text), &remove, &set, &f);
		CHECK(rc == cases[i].rc && set == cases[i].set && remove == cases[i].remove &&
		      (rc == 0 || f.line == cases[i].line));
	}
}

/* The one definition of a full queue. */
static void test_queue_full(void)
{
	CHECK(sysv_queue_state(16, 1, 16) == QUEUE_FULL);	/* no room for 1 byte */
	CHECK(sysv_queue_state(15, 1, 16) == QUEUE_NOT_FULL);
	CHECK(sysv_queue_state(16, 16, 16) == QUEUE_FULL);	/* msg_qbytes messages */
	CHECK(sysv_queue_state(0, 0, 16384) == QUEUE_NOT_FULL);
	CHECK(sysv_queue_state(5, 1, 0) == QUEUE_UNKNOWN);
	CHECK(posix_queue_state(true, 10, 10) == QUEUE_FULL);
	CHECK(posix_queue_state(true, 9, 10) == QUEUE_NOT_FULL);
	CHECK(posix_queue_state(false, 10, 10) == QUEUE_UNKNOWN);
}

int main(void)
{
	test_llong();
	test_ullong();
	test_ids();
	test_keys();
	test_key_args();
	test_modes();
	test_sizes();
	test_timeouts();
	test_login_defs();
	test_logind_conf();
	test_queue_full();
	return unit_done();
}

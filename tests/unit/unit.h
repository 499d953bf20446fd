/*
 * A minimal TAP harness for the unit tests: each CHECK is one test point
 * ("ok N - what" or "not ok N - what" with the values on a '#' line), and
 * unit_done() prints the plan and returns the exit status.  Meson reads
 * the TAP (protocol 'tap'); a failing check also makes the exit status 1.
 */
#ifndef IPCBOX_UNIT_H
#define IPCBOX_UNIT_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int unit_count, unit_failed;

static inline bool unit_check(bool ok, const char *what, const char *file, int line)
{
	unit_count++;
	printf("%sok %d - %s\n", ok ? "" : "not ", unit_count, what);
	if (!ok) {
		unit_failed++;
		printf("# %s:%d: failed\n", file, line);
	}
	return ok;
}

/* A condition, described by its own text. */
#define CHECK(cond) unit_check((cond), #cond, __FILE__, __LINE__)

/* Two strings equal (either may be NULL), shown when they differ. */
static inline void unit_check_str(const char *got, const char *want, const char *expr, const char *file, int line)
{
	char what[512];
	bool ok = (got && want) ? strcmp(got, want) == 0 : got == want;
	snprintf(what, sizeof(what), "%s is '%s'", expr, want ? want : "(null)");
	if (!unit_check(ok, what, file, line))
		printf("#   got '%s'\n", got ? got : "(null)");
}

#define CHECK_STR(got, want) unit_check_str((got), (want), #got, __FILE__, __LINE__)

/* Two integers equal, shown when they differ. */
#define CHECK_INT(got, want) do {                                              \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		if (!unit_check(g_ == w_, #got " == " #want, __FILE__, __LINE__)) \
			printf("#   got %lld, want %lld\n", g_, w_);               \
	} while (0)

static inline int unit_done(void)
{
	printf("1..%d\n", unit_count);
	if (unit_failed)
		printf("# %d of %d failed\n", unit_failed, unit_count);
	return unit_failed ? 1 : 0;
}

#endif

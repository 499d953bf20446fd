/*
 * Fuzz target: ipcbox set's command-line parser (set_parse_args,
 * src/set-args.c) on an argv built from the input (arguments separated by
 * NUL bytes).  Only the parse step runs: no object, user or group is
 * looked up.
 *
 * Properties: no crash or undefined behaviour; a request that parses
 * names one object and changes something; the mode has permission bits
 * only (<= 0777); --max-bytes only for a System V queue, within INT_MAX;
 * --size only for POSIX shared memory; --owner split into a non-empty
 * user and/or group without a colon; parsing the same argv again gives
 * the same request.
 */
#include <limits.h>

#include "src/set-args.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	const char *why = cmdline_check(&set_cmdline);
	FUZZ_CHECK(why == NULL, "set's options: %s", why);
	return 0;
}

static void check_request(const struct set_request *r)
{
	FUZZ_CHECK(r->target.by != TARGET_NONE, "no object");
	FUZZ_CHECK(r->has_mode || r->user || r->group || r->has_max_bytes || r->has_size, "nothing to change");
	FUZZ_CHECK(!r->has_mode || r->mode <= 0777, "mode %o", r->mode);
	FUZZ_CHECK(!r->has_max_bytes || (r->target.kind == KIND_MSG && r->max_bytes <= INT_MAX),
		   "max-bytes %llu on kind %d", (unsigned long long)r->max_bytes, r->target.kind);
	FUZZ_CHECK(!r->has_size || r->target.kind == KIND_PSHM, "size on kind %d", r->target.kind);
	if (r->user)
		FUZZ_CHECK(r->user_len > 0 && !memchr(r->user, ':', r->user_len), "user '%.*s'", (int)r->user_len,
			   r->user);
	if (r->group)
		FUZZ_CHECK(r->group[0] && !strchr(r->group, ':'), "group '%s'", r->group);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char **argv1;
	int argc1 = fuzz_argv("ipcbox set", data, size, 24, &argv1);
	char **argv2 = calloc((size_t)argc1 + 1, sizeof(*argv2));
	if (!argv2)
		abort();
	memcpy(argv2, argv1, (size_t)argc1 * sizeof(*argv2));
	struct set_request r1, r2;
	int rc1 = set_parse_args(argc1, argv1, &r1);
	int rc2 = set_parse_args(argc1, argv2, &r2);
	FUZZ_CHECK(rc1 == 0 || rc1 == -1, "set_parse_args returned %d", rc1);
	FUZZ_CHECK(rc1 == rc2, "second parse returned %d, first %d", rc2, rc1);
	if (rc1 == 0 && r1.action == CMDLINE_RUN) {
		check_request(&r1);
		FUZZ_CHECK(memcmp(&r1, &r2, sizeof(r1)) == 0, "requests differ");
	}
	fuzz_free_argv(argc1, argv1);
	free(argv2);
	return 0;
}

/*
 * Fuzz target: ipcs's command-line parser (ipcs_parse_args, src/ipcs-args.c)
 * on an argv built from the input
 * (arguments separated by NUL bytes).  Only the parse step runs: nothing is
 * read from the kernel, nothing is printed but usage errors.
 *
 * Properties: no crash, exit or undefined behaviour (parse errors are
 * returned, never exit); a request that parses is valid (at least one kind;
 * -i only with exactly one System V kind and a non-negative id; --name only
 * with exactly one POSIX kind and a name of the form "/x" within NAME_MAX;
 * details exactly when -i or --name; modes and units in range); parsing
 * the same argv again gives the same request (getopt state is reset).
 */
#include <limits.h>

#include "src/ipcs-args.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	/* The option table agrees with itself: getopt's entries and the help page. */
	const char *why = cmdline_check(&ipcs_cmdline);
	FUZZ_CHECK(why == NULL, "ipcs's options: %s", why);
	return 0;
}

static int count(const struct ipcs_request *r, bool posix)
{
	int n = 0;
	for (int k = 0; k < KINDS; k++)
		n += r->want[k] && kind_is_posix(k) == posix;
	return n;
}

static void check_request(const struct ipcs_request *r)
{
	int sysv = count(r, false), posix = count(r, true);
	FUZZ_CHECK(sysv + posix > 0, "no kind wanted");
	FUZZ_CHECK(r->render.mode >= MODE_LIST && r->render.mode <= MODE_METRICS, "mode %d", (int)r->render.mode);
	FUZZ_CHECK(r->render.unit >= UNIT_DEFAULT && r->render.unit <= UNIT_HUMAN, "unit %d", (int)r->render.unit);
	FUZZ_CHECK(r->render.details == (r->have_id || r->name != NULL), "details flag");
	FUZZ_CHECK(!(r->have_id && r->name), "both -i and --name");
	if (r->have_id)
		FUZZ_CHECK(sysv == 1 && posix == 0 && r->id >= 0, "-i %d with %d System V, %d POSIX kinds",
			   r->id, sysv, posix);
	if (r->name) {
		const char *n = r->name;
		FUZZ_CHECK(posix == 1 && sysv == 0, "--name with %d System V, %d POSIX kinds", sysv, posix);
		FUZZ_CHECK(n[0] == '/' && n[1] != '\0' && !strchr(n + 1, '/'), "bad name '%s'", n);
		size_t len = strlen(n + 1) + (r->want[KIND_PSEM] ? 4 : 0);
		FUZZ_CHECK(len <= NAME_MAX, "name too long (%zu)", len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char **argv1;
	int argc1 = fuzz_argv("ipcs", data, size, 24, &argv1);
	/* The same strings in a second array (getopt permutes the first). */
	char **argv2 = calloc((size_t)argc1 + 1, sizeof(*argv2));
	if (!argv2)
		abort();
	memcpy(argv2, argv1, (size_t)argc1 * sizeof(*argv2));
	struct ipcs_request r1, r2;
	int rc1 = ipcs_parse_args(argc1, argv1, &r1);
	int rc2 = ipcs_parse_args(argc1, argv2, &r2);
	FUZZ_CHECK(rc1 == 0 || rc1 == -1, "ipcs_parse_args returned %d", rc1);
	FUZZ_CHECK(rc1 == rc2, "second parse returned %d, first %d", rc2, rc1);
	if (rc1 == 0) {
		FUZZ_CHECK(r1.action == r2.action, "actions differ");
		if (r1.action == CMDLINE_RUN) {
			check_request(&r1);
			FUZZ_CHECK(memcmp(&r1, &r2, sizeof(r1)) == 0, "requests differ");
		}
	}
	fuzz_free_argv(argc1, argv1);
	free(argv2);
	return 0;
}

/*
 * Fuzz target: ipcmk's command-line parser (ipcmk_parse_args, src/ipcmk-args.c)
 * on an argv built from the input
 * (arguments separated by NUL bytes).  Only the parse step runs: no object
 * is created, no kernel limit is read.
 *
 * Properties: no crash or undefined behaviour; a request that parses is
 * valid (something to create, mode <= 07777, N >= 1, a POSIX name of the
 * form "/x" within NAME_MAX, --key never 0 and only with a System V object,
 * a PATH:PROJ key unresolved (no file looked at) with a '/' in PATH and
 * PROJ 1..255,
 * --name only with a POSIX object); parsing the same argv again gives the
 * same request (getopt state is reset).
 */
#include <limits.h>

#include "src/ipcmk-args.h"
#include "tests/fuzz/fuzz.h"
#include "tests/fuzz/fuzz-key.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	/* The option table agrees with itself: getopt's entries and the help page. */
	const char *why = cmdline_check(&ipcmk_cmdline);
	FUZZ_CHECK(why == NULL, "ipcmk's options: %s", why);
	return 0;
}

static void check_request(const struct mk_request *r)
{
	bool sysv = r->want[KIND_SHM] || r->want[KIND_MSG] || r->want[KIND_SEM];
	bool posix = r->want[KIND_PSHM] || r->want[KIND_PMSG] || r->want[KIND_PSEM];
	FUZZ_CHECK(sysv || posix, "nothing to create");
	FUZZ_CHECK(r->mode <= 07777, "mode %o", r->mode);
	if (r->want[KIND_SEM])
		FUZZ_CHECK(r->nsems >= 1, "nsems %d", r->nsems);
	if (r->has_key) {
		FUZZ_CHECK(sysv, "key without System V object");
		fuzz_check_key_arg(&r->key, NULL);
	}
	if (r->name)
		FUZZ_CHECK(posix, "name '%s' without POSIX object", r->name);
	if (posix) {
		const char *n = r->name;
		FUZZ_CHECK(n != NULL, "POSIX object without a name");
		FUZZ_CHECK(n[0] == '/' && n[1] != '\0' && !strchr(n + 1, '/'), "bad name '%s'", n);
		FUZZ_CHECK(strcmp(n, "/.") != 0 && strcmp(n, "/..") != 0, "bad name '%s'", n);
		size_t len = strlen(n + 1) + (r->want[KIND_PSEM] ? 4 : 0);
		FUZZ_CHECK(len <= NAME_MAX, "name too long (%zu)", len);
	}
	FUZZ_CHECK(r->attr.maxmsg >= 0 && r->attr.msgsize >= 0, "maxmsg %ld msgsize %ld",
		   r->attr.maxmsg, r->attr.msgsize);
	if (r->attr.maxmsg || r->attr.msgsize)
		FUZZ_CHECK(r->want[KIND_PMSG], "--maxmsg/--msgsize without -q");
	if (r->attr.value)
		FUZZ_CHECK(r->want[KIND_PSEM], "--value without -s");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char **argv1;
	int argc1 = fuzz_argv("ipcmk", data, size, 24, &argv1);
	/* The same strings in a second array (getopt permutes the first), so
	 * that both requests point into the same argument strings. */
	char **argv2 = calloc((size_t)argc1 + 1, sizeof(*argv2));
	if (!argv2)
		abort();
	memcpy(argv2, argv1, (size_t)argc1 * sizeof(*argv2));
	int argc2 = argc1;
	struct mk_request r1, r2;
	int rc1 = ipcmk_parse_args(argc1, argv1, &r1);
	int rc2 = ipcmk_parse_args(argc2, argv2, &r2);
	FUZZ_CHECK(rc1 == 0 || rc1 == -1, "ipcmk_parse_args returned %d", rc1);
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

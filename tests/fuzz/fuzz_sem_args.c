/*
 * Fuzz target: ipcbox sem's command-line parser (sem_parse_args,
 * src/sem-args.c) on an argv built from the input (arguments separated by
 * NUL bytes).  Only the parse step runs: no semaphore is looked at.
 *
 * Properties: no crash, leak or undefined behaviour; a request that parses
 * is valid (one semaphore named; list values 0..SEMVMX, --op values
 * -SEMVMX..SEMVMX, numbers 0..65535; a list only with its action, POSIX
 * actions only on a POSIX semaphore and System V ones only on a set;
 * --undo only with --op; --nowait and --timeout not both, and only with
 * --op or --wait); parsing the same argv again gives the same request.
 */
#include "src/sem-args.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	const char *why = cmdline_check(&sem_cmdline);
	FUZZ_CHECK(why == NULL, "sem's options: %s", why);
	return 0;
}

static void check_request(const struct sem_request *r)
{
	FUZZ_CHECK(r->target.by != TARGET_NONE, "no semaphore");
	FUZZ_CHECK(r->target.kind == KIND_SEM || r->target.kind == KIND_PSEM, "kind %d", r->target.kind);
	bool posix = r->target.kind == KIND_PSEM;
	bool list = r->what == SEM_SET || r->what == SEM_SET_ALL || r->what == SEM_OP;
	FUZZ_CHECK(list == (r->n_items > 0), "%zu items for action %d", r->n_items, r->what);
	FUZZ_CHECK(!list || !posix, "a list on a POSIX semaphore");
	FUZZ_CHECK(!(r->what == SEM_POST || r->what == SEM_WAIT || r->what == SEM_TRYWAIT) || posix,
		   "a POSIX action on a System V set");
	for (size_t i = 0; i < r->n_items; i++) {
		int v = r->items[i].value;
		FUZZ_CHECK(r->items[i].num <= 65535, "number %u", r->items[i].num);
		if (r->what == SEM_OP)
			FUZZ_CHECK(v >= -SEM_VALUE_MAX_SYSV && v <= SEM_VALUE_MAX_SYSV, "op %d", v);
		else
			FUZZ_CHECK(v >= 0 && v <= SEM_VALUE_MAX_SYSV, "value %d", v);
	}
	FUZZ_CHECK(!r->undo || r->what == SEM_OP, "--undo without --op");
	FUZZ_CHECK(!(r->wait.nowait && r->wait.has_timeout), "--nowait and --timeout");
	if (r->wait.nowait || r->wait.has_timeout)
		FUZZ_CHECK(r->what == SEM_OP || r->what == SEM_WAIT, "waiting options with action %d", r->what);
	FUZZ_CHECK(!r->json || r->what == SEM_SHOW, "--json with an action");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char **argv1;
	int argc1 = fuzz_argv("ipcbox sem", data, size, 24, &argv1);
	char **argv2 = calloc((size_t)argc1 + 1, sizeof(*argv2));
	if (!argv2)
		abort();
	memcpy(argv2, argv1, (size_t)argc1 * sizeof(*argv2));
	struct sem_request r1, r2;
	int rc1 = sem_parse_args(argc1, argv1, &r1);
	int rc2 = sem_parse_args(argc1, argv2, &r2);
	FUZZ_CHECK(rc1 == 0 || rc1 == -1, "sem_parse_args returned %d", rc1);
	FUZZ_CHECK(rc1 == rc2, "second parse returned %d, first %d", rc2, rc1);
	if (rc1 == 0 && r1.action == CMDLINE_RUN) {
		check_request(&r1);
		FUZZ_CHECK(r1.n_items == r2.n_items && r1.what == r2.what, "requests differ");
		FUZZ_CHECK(r1.n_items == 0 || memcmp(r1.items, r2.items, r1.n_items * sizeof(*r1.items)) == 0,
			   "lists differ");
	}
	sem_request_free(&r1);
	sem_request_free(&r2);
	fuzz_free_argv(argc1, argv1);
	free(argv2);
	return 0;
}

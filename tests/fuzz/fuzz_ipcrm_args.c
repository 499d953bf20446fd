/*
 * Fuzz target: ipcrm's command-line parser (ipcrm_parse_args, src/ipcrm-args.c)
 * on an argv built from the input
 * (arguments separated by NUL bytes).  Only the parse step runs: nothing is
 * looked up or removed.
 *
 * Properties: no crash, leak or undefined behaviour; a request that parses
 * has something to remove; every target is valid and is exactly what its
 * argument says (ids 0..INT_MAX, keys never 0 and equal to the argument
 * parsed again, PATH:PROJ keys unresolved with the path and project id of
 * the argument, POSIX names "/x" within NAME_MAX); the legacy form only
 * names System V ids; parsing the same argv again gives the same request.
 */
#include <limits.h>

#include "src/ipcrm-args.h"
#include "tests/fuzz/fuzz.h"
#include "tests/fuzz/fuzz-key.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	/* The option table agrees with itself: getopt's entries and the help page. */
	const char *why = cmdline_check(&ipcrm_cmdline);
	FUZZ_CHECK(why == NULL, "ipcrm's options: %s", why);
	return 0;
}

static bool is_arg(char **argv, int argc, const char *p)
{
	for (int i = 0; i < argc; i++)
		if (argv[i] && p >= argv[i] && p <= argv[i] + strlen(argv[i]))
			return true;
	return false;
}

static void check_request(const struct rm_request *r, int argc, char **argv)
{
	bool any_all = false;
	for (int t = 0; t < KINDS; t++)
		any_all |= r->all[t];
	FUZZ_CHECK(r->ntargets > 0 || any_all, "nothing to remove");
	FUZZ_CHECK(!r->legacy || !any_all, "legacy form with -a");
	for (size_t i = 0; i < r->ntargets; i++) {
		const struct rm_target *t = &r->targets[i];
		FUZZ_CHECK(t->type >= 0 && t->type < KINDS, "type %d", (int)t->type);
		FUZZ_CHECK(t->arg && is_arg(argv, argc, t->arg), "target %zu: argument not from argv", i);
		if (r->legacy)
			FUZZ_CHECK(t->by == BY_ID && (t->type == KIND_SHM || t->type == KIND_MSG || t->type == KIND_SEM),
				   "legacy target %zu is not a System V id", i);
		switch (t->by) {
		case BY_ID: {
			int id = -1;
			FUZZ_CHECK(t->type == KIND_SHM || t->type == KIND_MSG || t->type == KIND_SEM, "id of a POSIX type");
			FUZZ_CHECK(t->id >= 0, "negative id %d from '%s'", t->id, t->arg);
			FUZZ_CHECK(parse_ipc_id(t->arg, &id) && id == t->id, "id %d is not '%s'", t->id, t->arg);
			break;
		}
		case BY_KEY:
			FUZZ_CHECK(t->type == KIND_SHM || t->type == KIND_MSG || t->type == KIND_SEM, "key of a POSIX type");
			fuzz_check_key_arg(&t->key, t->arg);
			break;
		case BY_NAME: {
			const char *n = t->arg;
			FUZZ_CHECK(t->type == KIND_PSHM || t->type == KIND_PMSG || t->type == KIND_PSEM, "name of a System V type");
			FUZZ_CHECK(n[0] == '/' && n[1] != '\0' && !strchr(n + 1, '/'), "bad name '%s'", n);
			FUZZ_CHECK(strcmp(n, "/.") != 0 && strcmp(n, "/..") != 0, "bad name '%s'", n);
			size_t len = strlen(n + 1) + (t->type == KIND_PSEM ? 4 : 0);
			FUZZ_CHECK(len <= NAME_MAX, "name too long (%zu)", len);
			break;
		}
		default:
			FUZZ_CHECK(false, "target %zu: by %d", i, (int)t->by);
		}
	}
}

static bool same_key(const struct key_arg *a, const struct key_arg *b)
{
	if (a->is_ftok != b->is_ftok || a->value != b->value)
		return false;
	return !a->is_ftok || (a->ftok.path_len == b->ftok.path_len && a->ftok.proj == b->ftok.proj &&
			       memcmp(a->ftok.path, b->ftok.path, a->ftok.path_len) == 0);
}

static bool same_targets(const struct rm_request *a, const struct rm_request *b)
{
	if (a->ntargets != b->ntargets || a->legacy != b->legacy || a->verbose != b->verbose ||
	    memcmp(a->all, b->all, sizeof(a->all)) != 0)
		return false;
	for (size_t i = 0; i < a->ntargets; i++) {
		const struct rm_target *x = &a->targets[i], *y = &b->targets[i];
		if (x->type != y->type || x->by != y->by || strcmp(x->arg, y->arg) != 0 ||
		    (x->by == BY_ID && x->id != y->id) || (x->by == BY_KEY && !same_key(&x->key, &y->key)))
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char **argv1, **argv2;
	int argc1 = fuzz_argv("ipcrm", data, size, 24, &argv1);
	int argc2 = fuzz_argv("ipcrm", data, size, 24, &argv2);
	struct rm_request r1, r2;
	int rc1 = ipcrm_parse_args(argc1, argv1, &r1);
	int rc2 = ipcrm_parse_args(argc2, argv2, &r2);
	FUZZ_CHECK(rc1 == 0 || rc1 == -1, "ipcrm_parse_args returned %d", rc1);
	FUZZ_CHECK(rc1 == rc2, "second parse returned %d, first %d", rc2, rc1);
	if (rc1 == 0) {
		FUZZ_CHECK(r1.action == r2.action, "actions differ");
		if (r1.action == CMDLINE_RUN) {
			check_request(&r1, argc1, argv1);
			FUZZ_CHECK(same_targets(&r1, &r2), "requests differ");
		}
	}
	free(r1.targets);
	free(r2.targets);
	fuzz_free_argv(argc1, argv1);
	fuzz_free_argv(argc2, argv2);
	return 0;
}

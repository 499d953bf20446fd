/*
 * Fuzz target: ipcbox read's and write's command-line parsers
 * (segment_parse_args, src/segment-args.c) on an argv built from the
 * input (the first byte picks read or write; then arguments separated by
 * NUL bytes).  Only the parse step runs: no segment is looked at.
 *
 * Properties: no crash or undefined behaviour; a request that parses names
 * one segment (System V or POSIX shared memory); --length, --hex only for
 * read and --file only for write; parsing the same argv again gives the
 * same request.
 */
#include "src/segment-args.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	const char *why = cmdline_check(&read_cmdline);
	FUZZ_CHECK(why == NULL, "read's options: %s", why);
	why = cmdline_check(&write_cmdline);
	FUZZ_CHECK(why == NULL, "write's options: %s", why);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	bool writing = data[0] & 1;
	const struct cmdline *cmd = writing ? &write_cmdline : &read_cmdline;
	char **argv1;
	int argc1 = fuzz_argv(writing ? "ipcbox write" : "ipcbox read", data + 1, size - 1, 24, &argv1);
	char **argv2 = calloc((size_t)argc1 + 1, sizeof(*argv2));
	if (!argv2)
		abort();
	memcpy(argv2, argv1, (size_t)argc1 * sizeof(*argv2));
	struct segment_request r1, r2;
	int rc1 = segment_parse_args(cmd, argc1, argv1, &r1);
	int rc2 = segment_parse_args(cmd, argc1, argv2, &r2);
	FUZZ_CHECK(rc1 == 0 || rc1 == -1, "segment_parse_args returned %d", rc1);
	FUZZ_CHECK(rc1 == rc2, "second parse returned %d, first %d", rc2, rc1);
	if (rc1 == 0 && r1.action == CMDLINE_RUN) {
		FUZZ_CHECK(r1.target.kind == KIND_SHM || r1.target.kind == KIND_PSHM, "kind %d", r1.target.kind);
		FUZZ_CHECK(r1.target.by != TARGET_NONE, "no segment");
		FUZZ_CHECK(!writing || (!r1.has_length && !r1.hex), "read options on write");
		FUZZ_CHECK(writing || !r1.file, "--file on read");
		FUZZ_CHECK(memcmp(&r1, &r2, sizeof(r1)) == 0, "requests differ");
	}
	fuzz_free_argv(argc1, argv1);
	free(argv2);
	return 0;
}

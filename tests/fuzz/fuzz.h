/*
 * Shared bits of the fuzz targets.  Each target defines
 * LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer it is a
 * libFuzzer binary, built normally it is linked with replay.c, which feeds
 * it every file of a corpus (the "meson test" corpus replay).
 */
#ifndef IPCBOX_FUZZ_H
#define IPCBOX_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Where findings go: the real stderr, also after fuzz_quiet_stderr(). */
static FILE *fuzz_err;

/*
 * The parsers print their usage errors through stdio's stderr: send those to
 * /dev/null (millions of them slow the fuzzer down) while sanitizer reports
 * (written to fd 2) and FUZZ_CHECK findings (fuzz_err) still get through.
 * FUZZ_VERBOSE=1 in the environment keeps the messages.
 */
static inline void fuzz_quiet_stderr(void)
{
	int fd = dup(2);
	fuzz_err = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (fuzz_err)
		setvbuf(fuzz_err, NULL, _IONBF, 0);
	if (getenv("FUZZ_VERBOSE"))
		return;
	FILE *null = fopen("/dev/null", "w");
	if (null)
		stderr = null;
}

/* A property the code under test broke: print it and abort (a finding). */
#define FUZZ_CHECK(cond, ...)                                               \
	do {                                                                \
		if (!(cond)) {                                              \
			FILE *out_ = fuzz_err ? fuzz_err : stderr;          \
			fprintf(out_, "fuzz property failed: %s:%d: %s: ",  \
				__FILE__, __LINE__, #cond);                 \
			fprintf(out_, __VA_ARGS__);                         \
			fputc('\n', out_);                                  \
			fflush(out_);                                       \
			abort();                                            \
		}                                                           \
	} while (0)

/* DATA as a NUL-terminated heap string (inner NULs end it early). */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/*
 * An argv from DATA: PROG, then the arguments separated by NUL bytes ("a\0b"
 * is two arguments, "a\0" is "a" and "", no input is no argument).  At most
 * max_args arguments; returns argc.  Free with fuzz_free_argv.
 */
static inline int fuzz_argv(const char *prog, const uint8_t *data, size_t size,
			    int max_args, char ***argv_out)
{
	char **argv = calloc((size_t)max_args + 2, sizeof(*argv));
	if (!argv)
		abort();
	int argc = 0;
	argv[argc++] = strdup(prog);
	size_t start = 0;
	for (size_t i = 0; size > 0 && i <= size && argc <= max_args; i++) {
		if (i < size && data[i] != '\0')
			continue;
		argv[argc] = malloc(i - start + 1);
		if (!argv[argc])
			abort();
		memcpy(argv[argc], data + start, i - start);
		argv[argc][i - start] = '\0';
		argc++;
		start = i + 1;
	}
	argv[argc] = NULL;
	*argv_out = argv;
	return argc;
}

static inline void fuzz_free_argv(int argc, char **argv)
{
	(void)argc;
	/* getopt may have permuted the pointers: free what the array holds. */
	for (int i = 0; argv[i]; i++)
		free(argv[i]);
	free(argv);
}

#endif

/*
 * spawn: run a command COUNT times, one after the other, as separate
 * processes (posix_spawn + waitpid), so that COUNT short-lived runs of a tool
 * are timed as one process with no shell in between.
 *
 *   spawn [-f FILE] COUNT PROGRAM [ARG...]
 *
 * With -f, an argument "{}" is replaced in run I by line I of FILE (read
 * before the first run; e.g. the ids "ipcrm -q {}" removes, one per run).
 * Exits 1 at the first run that fails.  Build: cc -O2 -o spawn spawn.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

/* The lines of PATH, at least COUNT of them, without their newlines. */
static char **read_lines(const char *path, long count)
{
	FILE *f = fopen(path, "r");
	char **lines = calloc((size_t)count + 1, sizeof(*lines));
	if (!f || !lines)
		return NULL;
	for (long i = 0; i < count; i++) {
		char *line = NULL;
		size_t size = 0;
		ssize_t n = getline(&line, &size, f);
		if (n <= 0)
			return NULL;
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		lines[i] = line;
	}
	fclose(f);
	return lines;
}

int main(int argc, char **argv)
{
	char *end, **lines = NULL;
	const char *file = NULL;
	long count;
	if (argc > 2 && strcmp(argv[1], "-f") == 0) {
		file = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc < 3 || (errno = 0, count = strtol(argv[1], &end, 10), errno) ||
	    *end || end == argv[1] || count < 0) {
		fputs("usage: spawn [-f FILE] COUNT PROGRAM [ARG...]\n", stderr);
		return 2;
	}
	if (file && !(lines = read_lines(file, count))) {
		fprintf(stderr, "spawn: %s: fewer than %ld lines\n", file, count);
		return 2;
	}
	/* Which arguments take a line of FILE. */
	int slots[16], nslots = 0;
	for (int a = 2; file && a < argc && nslots < 16; a++)
		if (strcmp(argv[a], "{}") == 0)
			slots[nslots++] = a;
	for (long i = 0; i < count; i++) {
		pid_t pid;
		for (int s = 0; s < nslots; s++)
			argv[slots[s]] = lines[i];
		int status, err = posix_spawn(&pid, argv[2], NULL, NULL, argv + 2, environ);
		if (err) {
			fprintf(stderr, "spawn: %s: %s\n", argv[2], strerror(err));
			return 1;
		}
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
			fprintf(stderr, "spawn: run %ld of %s failed\n", i + 1, argv[2]);
			return 1;
		}
	}
	return 0;
}

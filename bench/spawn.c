/*
 * spawn: run a command COUNT times, one after the other, as separate
 * processes (posix_spawn + waitpid), so that COUNT short-lived runs of a tool
 * are timed as one process with no shell in between.
 *
 *   spawn COUNT PROGRAM [ARG...]
 *
 * Exits 1 at the first run that fails.  Build: cc -O2 -o spawn spawn.c
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv)
{
	char *end;
	long count;

	if (argc < 3 || (errno = 0, count = strtol(argv[1], &end, 10), errno) ||
	    *end || end == argv[1] || count < 0) {
		fputs("usage: spawn COUNT PROGRAM [ARG...]\n", stderr);
		return 2;
	}
	for (long i = 0; i < count; i++) {
		pid_t pid;
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

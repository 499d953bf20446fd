/*
 * pairs: time commands in interleaved rounds, so that they share whatever
 * else the machine is doing and can be compared round by round.
 *
 *   pairs [-P PREP [ARG...] --] ROUNDS WARMUP CMD [ARG...] -- CMD [ARG...] [-- ...]
 *
 * With -P, PREP runs (untimed, output discarded, must succeed) before every
 * run of every command: e.g. populate, restoring the objects a timed
 * "ipcrm -a" or "ipcmk" changes.
 * Each round runs every command once, as a process with stdout and stderr
 * on /dev/null, starting with a different command each round (round R
 * starts with command R mod K), after WARMUP untimed rounds.  Prints one
 * line per round: for each command its CPU time (user + system, of the
 * process: not inflated by waiting for a CPU) then, after them, its wall
 * time, all in ms.  Exit status 1 if a command could not be run or failed.
 * Build: cc -O2 -o pairs pairs.c
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

#define MAX_CMDS 8

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int run(char **argv, posix_spawn_file_actions_t *fa, double *cpu, double *wall)
{
	pid_t pid;
	int status;
	struct rusage ru;
	double t0 = now_ms();
	if (posix_spawn(&pid, argv[0], fa, NULL, argv, environ) != 0)
		return -1;
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return 1;	/* ran, but failed */
	*wall = now_ms() - t0;
	*cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return 0;
}

int main(int argc, char **argv)
{
	char **cmds[MAX_CMDS], **prep = NULL;
	int k = 0;
	if (argc > 2 && strcmp(argv[1], "-P") == 0) {
		prep = &argv[2];
		int i = 2;
		while (i < argc && strcmp(argv[i], "--") != 0)
			i++;
		if (i == argc) {
			fputs("pairs: -P PREP [ARG...] must end with --\n", stderr);
			return 2;
		}
		argv[i] = NULL;
		argc -= i;
		argv += i;
	}
	if (argc < 4) {
		fputs("usage: pairs [-P PREP [ARG...] --] ROUNDS WARMUP CMD [ARG...] [-- CMD [ARG...]]...\n", stderr);
		return 2;
	}
	int rounds = atoi(argv[1]), warmup = atoi(argv[2]);
	cmds[k++] = &argv[3];
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--") != 0)
			continue;
		argv[i] = NULL;
		if (i + 1 < argc && k < MAX_CMDS)
			cmds[k++] = &argv[i + 1];
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (int r = 0; r < warmup + rounds; r++) {
		double cpu[MAX_CMDS], wall[MAX_CMDS];
		for (int j = 0; j < k; j++) {
			int c = (r + j) % k;
			double pcpu, pwall;
			if (prep && run(prep, &fa, &pcpu, &pwall) != 0) {
				fprintf(stderr, "pairs: %s failed\n", prep[0]);
				return 1;
			}
			if (run(cmds[c], &fa, &cpu[c], &wall[c]) != 0) {
				fprintf(stderr, "pairs: %s could not run or failed\n", cmds[c][0]);
				return 1;
			}
		}
		if (r < warmup)
			continue;
		for (int j = 0; j < k; j++)
			printf("%.4f ", cpu[j]);
		for (int j = 0; j < k; j++)
			printf("%.4f%c", wall[j], j + 1 < k ? ' ' : '\n');
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/*
 * users: a process that uses COUNT of populate's System V objects, from
 * index FIRST on, then waits: it attaches each segment, operates on each
 * semaphore set (its pid becomes the sempid) and sends and receives one
 * message on each queue (its pid becomes lspid and lrpid), so that
 * "ipcs --processes" has live processes to name.
 *
 *   users FIRST COUNT     prints "ready" when done, then sleeps until killed
 *
 * Build: cc -O2 -o users users.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define KEY_BASE 0x62650000

static void die(const char *what, int i)
{
	fprintf(stderr, "users: %s %d failed\n", what, i);
	exit(1);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: users FIRST COUNT\n", stderr);
		return 2;
	}
	int first = atoi(argv[1]), count = atoi(argv[2]);
	for (int i = first; i < first + count; i++) {
		int shm = shmget(KEY_BASE + i, 0, 0), sem = semget(KEY_BASE + i, 0, 0);
		int msg = msgget(KEY_BASE + i, 0);
		if (shm < 0 || shmat(shm, NULL, SHM_RDONLY) == (void *)-1)
			die("shmat", i);
		struct sembuf up = { 0, 1, 0 }, down = { 0, -1, 0 };
		if (sem < 0 || semop(sem, &up, 1) < 0 || semop(sem, &down, 1) < 0)
			die("semop", i);
		struct { long type; char text[1]; } m = { 1, { 'x' } };
		if (msg < 0 || msgsnd(msg, &m, 1, 0) < 0 || msgrcv(msg, &m, 1, 0, 0) < 0)
			die("msgsnd", i);
	}
	puts("ready");
	fflush(stdout);
	for (;;)
		pause();
}

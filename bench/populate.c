/*
 * populate: put exactly N System V objects of each kind in the current IPC
 * namespace, removing every object that was there before.
 *
 *   populate N    remove all, then create N message queues, N shared memory
 *                 segments (1 byte) and N semaphore sets (1 semaphore), with
 *                 keys 0x62650000 + i; prints the id of the middle segment
 *                 (or -1 when N is 0)
 *
 * It removes objects, so it refuses to run unless it is inside a private IPC
 * namespace: its /proc/self/ns/ipc must differ from $BENCH_HOST_IPC_NS (which
 * bench/run sets to its own namespace before entering tests/ns-run) and, where
 * readable, from PID 1's.  Build: cc -O2 -o populate populate.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define KEY_BASE 0x62650000

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

static void die(const char *what)
{
	fprintf(stderr, "populate: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void require_private_ns(void)
{
	char self[64], other[64];
	const char *host = getenv("BENCH_HOST_IPC_NS");
	ssize_t n = readlink("/proc/self/ns/ipc", self, sizeof self - 1);

	if (n < 0)
		die("/proc/self/ns/ipc");
	self[n] = '\0';
	/* bench/run records its namespace before it enters a private one. */
	if (!host || !*host || strcmp(host, self) == 0)
		goto refuse;
	/* PID 1's namespace, where it can be read, must differ as well. */
	n = readlink("/proc/1/ns/ipc", other, sizeof other - 1);
	if (n >= 0) {
		other[n] = '\0';
		if (strcmp(other, self) == 0)
			goto refuse;
	}
	return;
refuse:
	fprintf(stderr, "populate: refusing to remove objects in IPC namespace %s: "
		"set BENCH_HOST_IPC_NS to the host's namespace and run through "
		"tests/ns-run (bench/run does both)\n", self);
	exit(1);
}

static void clear_all(void)
{
	int max;

	struct shm_info shminfo;
	struct shmid_ds shm;
	max = shmctl(0, SHM_INFO, (struct shmid_ds *)&shminfo);
	for (int i = 0; i <= max; i++) {
		int id = shmctl(i, SHM_STAT_ANY, &shm);
		if (id >= 0 && shmctl(id, IPC_RMID, NULL) < 0)
			die("shmctl IPC_RMID");
	}

	struct msginfo msginfo;
	struct msqid_ds msg;
	max = msgctl(0, MSG_INFO, (struct msqid_ds *)&msginfo);
	for (int i = 0; i <= max; i++) {
		int id = msgctl(i, MSG_STAT_ANY, &msg);
		if (id >= 0 && msgctl(id, IPC_RMID, NULL) < 0)
			die("msgctl IPC_RMID");
	}

	struct seminfo seminfo;
	struct semid_ds sem;
	max = semctl(0, 0, SEM_INFO, (union semun){ .__buf = &seminfo });
	for (int i = 0; i <= max; i++) {
		int id = semctl(i, 0, SEM_STAT_ANY, (union semun){ .buf = &sem });
		if (id >= 0 && semctl(id, 0, IPC_RMID) < 0)
			die("semctl IPC_RMID");
	}
}

int main(int argc, char **argv)
{
	char *end;
	long n;
	int middle = -1;

	if (argc != 2 || (errno = 0, n = strtol(argv[1], &end, 10), errno) ||
	    *end || end == argv[1] || n < 0 || n > 1000000) {
		fputs("usage: populate N\n", stderr);
		return 2;
	}
	require_private_ns();
	clear_all();
	for (long i = 0; i < n; i++) {
		key_t key = (key_t)(KEY_BASE + i);
		int id;

		if (msgget(key, IPC_CREAT | IPC_EXCL | 0644) < 0)
			die("msgget");
		if ((id = shmget(key, 1, IPC_CREAT | IPC_EXCL | 0644)) < 0)
			die("shmget");
		if (i == n / 2)
			middle = id;
		if (semget(key, 1, IPC_CREAT | IPC_EXCL | 0644) < 0)
			die("semget");
	}
	printf("%d\n", middle);
	return fflush(stdout) == 0 ? 0 : 1;
}

/*
 * populate: put exactly N System V objects of each kind in the current IPC
 * namespace, removing every object that was there before.
 *
 *   populate N    remove all, then create N message queues, N shared memory
 *                 segments (1 byte) and N semaphore sets (1 semaphore), with
 *                 keys 0x62650000 + i; prints the id of the middle segment
 *                 (or -1 when N is 0)
 *   populate N posix
 *                 the same, and also empty /dev/shm and /dev/mqueue and
 *                 create N POSIX objects of each kind there: shared memory
 *                 "/bench.shm.I" (1 byte), semaphores "/bench.sem.I" and
 *                 message queues "/bench.mq.I" (1 message of 1 byte at most,
 *                 owned by uid I / 4000: see RLIMIT_MSGQUEUE below)
 *   populate N owners K
 *                 the System V objects of "populate N", object I of each kind
 *                 then given to uid 1000 + I % K (IPC_SET): K owners, taking
 *                 turns, as ipcs --by-owner meets them at their worst
 *
 * It removes objects, so it refuses to run unless it is inside a private IPC
 * namespace: its /proc/self/ns/ipc must differ from $BENCH_HOST_IPC_NS (which
 * bench/run sets to its own namespace before entering tests/ns-run) and, where
 * readable, from PID 1's.  With "posix" the same holds for its mount namespace
 * ($BENCH_HOST_MNT_NS): the files it removes must be a private /dev/shm and
 * /dev/mqueue.  Build: cc -O2 -o populate populate.c
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/mman.h>
#include <sys/resource.h>
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

static void require_private_ns(const char *ns, const char *env)
{
	char self[64], other[64], path[64];
	const char *host = getenv(env);
	snprintf(path, sizeof path, "/proc/self/ns/%s", ns);
	ssize_t n = readlink(path, self, sizeof self - 1);

	if (n < 0)
		die(path);
	self[n] = '\0';
	/* bench/run records its namespace before it enters a private one. */
	if (!host || !*host || strcmp(host, self) == 0)
		goto refuse;
	/* PID 1's namespace, where it can be read, must differ as well. */
	snprintf(path, sizeof path, "/proc/1/ns/%s", ns);
	n = readlink(path, other, sizeof other - 1);
	if (n >= 0) {
		other[n] = '\0';
		if (strcmp(other, self) == 0)
			goto refuse;
	}
	return;
refuse:
	fprintf(stderr, "populate: refusing to remove objects in %s namespace %s: "
		"set %s to the host's namespace and run through "
		"tests/ns-run (bench/run does both)\n", ns, self, env);
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

/* Remove every entry of DIR (a private mount: checked by the caller). */
static void clear_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		die(dir);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0 &&
		    unlinkat(dirfd(d), de->d_name, 0) < 0)
			die(de->d_name);
	closedir(d);
}

static void populate_posix(long n)
{
	struct mq_attr attr = { .mq_maxmsg = 1, .mq_msgsize = 1 };
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	char name[64];

	/* Each queue counts against RLIMIT_MSGQUEUE (root may lift it). */
	(void)setrlimit(RLIMIT_MSGQUEUE, &unlimited);
	clear_dir("/dev/shm");
	clear_dir("/dev/mqueue");
	for (long i = 0; i < n; i++) {
		int fd;
		sem_t *s;
		mqd_t q;

		snprintf(name, sizeof name, "/bench.shm.%ld", i);
		if ((fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0644)) < 0 || ftruncate(fd, 1) < 0)
			die("shm_open");
		close(fd);
		snprintf(name, sizeof name, "/bench.sem.%ld", i);
		if ((s = sem_open(name, O_CREAT | O_EXCL, 0644, 1)) == SEM_FAILED)
			die("sem_open");
		sem_close(s);
		/*
		 * RLIMIT_MSGQUEUE (800 KiB) holds about 8000 such queues per
		 * user, and only CAP_SYS_RESOURCE lifts it: queue I belongs
		 * to uid I / 4000 (the saved uid 0 lets us switch back).
		 */
		uid_t owner = (uid_t)(i / 4000);
		if (owner && setresuid(owner, owner, 0) < 0)
			die("setresuid (queues of other users)");
		snprintf(name, sizeof name, "/bench.mq.%ld", i);
		q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0644, &attr);
		if (owner && setresuid(0, 0, 0) < 0)
			die("setresuid");
		if (q == (mqd_t)-1)
			die("mq_open (raise fs.mqueue.queues_max)");
		mq_close(q);
	}
}

int main(int argc, char **argv)
{
	char *end;
	long n;
	int middle = -1;
	bool posix = argc == 3 && strcmp(argv[2], "posix") == 0;
	/* "populate N queues COUNT FILE": also COUNT more queues, their ids in FILE (ipcrm -q ID). */
	bool queues = argc == 5 && strcmp(argv[2], "queues") == 0;
	long extra = queues ? strtol(argv[3], NULL, 10) : 0;
	/* "populate N owners K": the objects spread over K owners (uid 1000 and up). */
	long owners = 0;

	if (argc == 4 && strcmp(argv[2], "owners") == 0)
		owners = strtol(argv[3], &end, 10);
	if ((argc != 2 && !posix && !queues && owners < 1) || (argc == 4 && (*end || owners > 1000000)) ||
	    (errno = 0, n = strtol(argv[1], &end, 10), errno) || *end || end == argv[1] || n < 0 || n > 1000000 ||
	    extra < 0 || extra > 1000000) {
		fputs("usage: populate N [posix | queues COUNT FILE | owners K]\n", stderr);
		return 2;
	}
	require_private_ns("ipc", "BENCH_HOST_IPC_NS");
	if (posix) {
		require_private_ns("mnt", "BENCH_HOST_MNT_NS");
		populate_posix(n);
	}
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
		int sem = semget(key, 1, IPC_CREAT | IPC_EXCL | 0644);
		if (sem < 0)
			die("semget");
		if (owners) {
			/* The owner only: IPC_SET keeps the creator. */
			uid_t uid = (uid_t)(1000 + i % owners);
			struct shmid_ds shm;
			struct msqid_ds msg;
			struct semid_ds set;
			int q = msgget(key, 0);
			if (shmctl(id, IPC_STAT, &shm) < 0 || (shm.shm_perm.uid = uid, shmctl(id, IPC_SET, &shm)) < 0)
				die("shmctl IPC_SET");
			if (q < 0 || msgctl(q, IPC_STAT, &msg) < 0 || (msg.msg_perm.uid = uid, msgctl(q, IPC_SET, &msg)) < 0)
				die("msgctl IPC_SET");
			if (semctl(sem, 0, IPC_STAT, (union semun){ .buf = &set }) < 0 ||
			    (set.sem_perm.uid = uid, semctl(sem, 0, IPC_SET, (union semun){ .buf = &set })) < 0)
				die("semctl IPC_SET");
		}
	}
	if (queues) {
		FILE *ids = fopen(argv[4], "w");
		if (!ids)
			die(argv[4]);
		for (long i = 0; i < extra; i++) {
			int id = msgget(IPC_PRIVATE, IPC_CREAT | 0644);
			if (id < 0)
				die("msgget (queues)");
			fprintf(ids, "%d\n", id);
		}
		if (fclose(ids) != 0)
			die(argv[4]);
	}
	printf("%d\n", middle);
	return fflush(stdout) == 0 ? 0 : 1;
}

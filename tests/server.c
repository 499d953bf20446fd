/*
 * Programs that use IPC objects in ways the kernel's recorded pids and the
 * thread-group leader's /proc files do not show, for tests/holders.bats.
 * Each prints "ready PID ..." once set up, then waits for a signal.
 *
 *   server prefork-sem        a set (SETVAL), a child does one semop and
 *                             exits (is reaped): the parent, alive, keeps
 *                             the id; prints "ready PID SEMID"
 *   server prefork-msg        a queue, a child does one msgsnd and exits;
 *                             prints "ready PID MSQID"
 *   server main-exits NAME    a thread creates a set (semop), a queue
 *                             (msgsnd) and POSIX shared memory NAME (open
 *                             and mapped), then the main thread calls
 *                             pthread_exit(): the leader is a zombie, its
 *                             maps and fd empty; prints "ready PID SEMID MSQID"
 *   server own-files MQ SHM   a thread unshares its descriptor table and
 *                             opens the POSIX queue MQ and shared memory
 *                             SHM (not mapped): only /proc/PID/task/TID/fd
 *                             shows them; prints "ready PID"
 *   server roles              a segment it creates and attaches (cpid and
 *                             lpid), a queue it sends to and receives from
 *                             (lspid and lrpid); prints "ready PID SHMID MSQID"
 *   server sysv-lookalike ID  mounts a tmpfs (exit 77 if it cannot), makes
 *                             files in it until one named SYSV0000dead has
 *                             inode ID, maps that one, and detaches the
 *                             mount: the mapping reads "/SYSV0000dead",
 *                             inode ID, but not on the System V device;
 *                             prints "ready PID"
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void wait_forever(void)
{
	for (;;)
		pause();
}

static int new_set(void)
{
	int id = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	if (id < 0 || semctl(id, 0, SETVAL, 1) < 0)
		die("semget/SETVAL");
	return id;
}

static int new_queue(void)
{
	int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (id < 0)
		die("msgget");
	return id;
}

static void one_semop(int id)
{
	struct sembuf op = { 0, 1, 0 };
	if (semop(id, &op, 1) < 0)
		die("semop");
}

static void one_msgsnd(int id)
{
	struct { long type; char text[4]; } m = { 1, "hi" };
	if (msgsnd(id, &m, sizeof(m.text), 0) < 0)
		die("msgsnd");
}

/* A worker that uses the object once and exits, reaped as a server reaps them. */
static void worker(void (*use)(int), int id)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		use(id);
		_exit(0);
	}
	if (waitpid(pid, NULL, 0) < 0)
		die("waitpid");
}

struct main_exits {
	const char *name;
	int sem, msg;
	pthread_mutex_t lock;
	pthread_cond_t done;
	int ready;
};

static void *keeper(void *arg)
{
	struct main_exits *m = arg;
	m->sem = new_set();
	one_semop(m->sem);
	m->msg = new_queue();
	one_msgsnd(m->msg);
	int fd = shm_open(m->name, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || ftruncate(fd, 4096) < 0 || mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
		die("shm_open/mmap");
	pthread_mutex_lock(&m->lock);
	m->ready = 1;
	pthread_cond_signal(&m->done);
	pthread_mutex_unlock(&m->lock);
	/* The main thread is gone: say so once /proc shows the leader as a zombie. */
	char path[64], stat[256];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)getpid());
	for (int i = 0; i < 200; i++) {
		FILE *f = fopen(path, "r");
		if (!f || !fgets(stat, sizeof(stat), f))
			die("stat");
		fclose(f);
		char *paren = strrchr(stat, ')');
		if (paren && paren[2] == 'Z')
			break;
		usleep(10000);
	}
	printf("ready %d %d %d\n", (int)getpid(), m->sem, m->msg);
	fflush(stdout);
	wait_forever();
	return NULL;
}

static void main_exits(const char *name)
{
	static struct main_exits m = { .lock = PTHREAD_MUTEX_INITIALIZER, .done = PTHREAD_COND_INITIALIZER };
	m.name = name;
	pthread_t t;
	if (pthread_create(&t, NULL, keeper, &m) != 0)
		die("pthread_create");
	pthread_mutex_lock(&m.lock);
	while (!m.ready)
		pthread_cond_wait(&m.done, &m.lock);
	pthread_mutex_unlock(&m.lock);
	pthread_exit(NULL);
}

struct own_files {
	const char *mq, *shm;
};

static void *opener(void *arg)
{
	struct own_files *o = arg;
	if (unshare(CLONE_FILES) < 0)
		die("unshare(CLONE_FILES)");
	if (mq_open(o->mq, O_RDONLY) == (mqd_t)-1)
		die("mq_open");
	if (shm_open(o->shm, O_RDONLY, 0) < 0)
		die("shm_open");
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	wait_forever();
	return NULL;
}

static void own_files(const char *mq, const char *shm)
{
	static struct own_files o;
	o.mq = mq;
	o.shm = shm;
	pthread_t t;
	if (pthread_create(&t, NULL, opener, &o) != 0)
		die("pthread_create");
	wait_forever();
}

static void sysv_lookalike(long victim)
{
	/* A tmpfs of our own (the test's private mount namespace), detached once mapped. */
	char dir[] = "/tmp/lookalike.XXXXXX", path[64];
	if (!mkdtemp(dir))
		die("mkdtemp");
	if (mount("lookalike", dir, "tmpfs", 0, "mode=700") < 0) {
		perror("mount tmpfs");
		rmdir(dir);
		exit(77);
	}
	snprintf(path, sizeof(path), "%s/SYSV0000dead", dir);
	/* A fresh tmpfs numbers its inodes from 1 up: make files until one is the victim's id. */
	struct stat st;
	for (int i = 0;; i++) {
		int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd < 0 || fstat(fd, &st) < 0)
			die("create");
		if ((long)st.st_ino == victim) {
			if (ftruncate(fd, 4096) < 0 || mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
				die("mmap");
			close(fd);
			break;
		}
		close(fd);
		char other[64];
		snprintf(other, sizeof(other), "%s/f%d", dir, i);
		if ((long)st.st_ino > victim || i > 100000 || rename(path, other) < 0)
			die("no inode equal to the victim's id");
	}
	/* Detached, the mount is its own root: the mapping reads "/SYSV0000dead". */
	if (umount2(dir, MNT_DETACH) < 0 || rmdir(dir) < 0)
		die("umount");
	printf("ready %d\n", (int)getpid());
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	if (strcmp(mode, "prefork-sem") == 0 && argc == 2) {
		int id = new_set();
		worker(one_semop, id);
		printf("ready %d %d\n", (int)getpid(), id);
	} else if (strcmp(mode, "prefork-msg") == 0 && argc == 2) {
		int id = new_queue();
		worker(one_msgsnd, id);
		printf("ready %d %d\n", (int)getpid(), id);
	} else if (strcmp(mode, "main-exits") == 0 && argc == 3) {
		main_exits(argv[2]);
	} else if (strcmp(mode, "own-files") == 0 && argc == 4) {
		own_files(argv[2], argv[3]);
	} else if (strcmp(mode, "roles") == 0 && argc == 2) {
		int shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600), msg = new_queue();
		struct { long type; char text[4]; } m;
		if (shm < 0 || shmat(shm, NULL, 0) == (void *)-1)
			die("shmget/shmat");
		one_msgsnd(msg);
		if (msgrcv(msg, &m, sizeof(m.text), 0, 0) < 0)
			die("msgrcv");
		printf("ready %d %d %d\n", (int)getpid(), shm, msg);
	} else if (strcmp(mode, "sysv-lookalike") == 0 && argc == 3) {
		sysv_lookalike(strtol(argv[2], NULL, 10));
	} else {
		fprintf(stderr, "usage: server MODE [ARG...] (see tests/server.c)\n");
		return 2;
	}
	fflush(stdout);
	wait_forever();
}

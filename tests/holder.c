/*
 * A process that uses one IPC object the way real programs do, for the
 * --processes and --orphaned tests.  It prints "ready PID" once the object
 * is in use, then waits for a signal (or exits at once with "once").
 *
 *   holder shm-attach ID        shmat, keep it attached
 *   holder shm-leftover KEY     create a segment, attach, detach, exit (prints the id)
 *   holder pshm-map NAME        shm_open + mmap, descriptor closed
 *   holder pshm-open NAME       shm_open, descriptor kept, not mapped
 *   holder psem-open NAME       sem_open (a mapping of sem.NAME)
 *   holder mq-open NAME         mq_open, descriptor kept
 *   holder mq-notify NAME       mq_open + mq_notify
 *   holder shm-crowded ID FILE  shmat, then map FILE (a long path) and 4500
 *                               separate anonymous mappings below it: the
 *                               /SYSV line comes after 200 KiB of maps
 *   holder sem-op ID            semop on semaphore 0, exit (sempid = this pid)
 *   holder sem-wait ID          print ready, then wait for semaphore 0 to be
 *                               zero (zcount 1; sempid unchanged)
 *   holder msg-send ID          msgsnd one message, keep running (lspid alive)
 *   holder family NAME          fork: a child attaching a new segment, one
 *                               with the mqueue NAME open, one with the
 *                               semaphore NAME open; prints each child's
 *                               pid and object, the parent waits
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void ready_and_wait(void)
{
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;)
		pause();
}

static void family(const char *name)
{
	for (int child = 0; child < 3; child++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid > 0)
			continue;
		if (child == 0) {
			int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
			if (id < 0 || shmat(id, NULL, 0) == (void *)-1)
				die("shm");
			printf("shm %d %d\n", (int)getpid(), id);
		} else if (child == 1) {
			if (mq_open(name, O_RDWR | O_CREAT, 0600, NULL) == (mqd_t)-1)
				die("mq_open");
			printf("mq %d %s\n", (int)getpid(), name);
		} else {
			if (sem_open(name, O_CREAT, 0600, 1) == SEM_FAILED)
				die("sem_open");
			printf("sem %d %s\n", (int)getpid(), name);
		}
		fflush(stdout);
		for (;;)
			pause();
	}
	printf("parent %d\n", (int)getpid());
	fflush(stdout);
	/* Reap children as they are killed, as a real server's parent does. */
	for (;;)
		if (wait(NULL) < 0)
			pause();
}

int main(int argc, char **argv)
{
	if (argc != 3 && !(argc == 4 && strcmp(argv[1], "shm-crowded") == 0)) {
		fprintf(stderr, "usage: holder MODE ARG\n");
		return 2;
	}
	const char *mode = argv[1], *arg = argv[2];
	if (strcmp(mode, "shm-attach") == 0) {
		if (shmat(atoi(arg), NULL, 0) == (void *)-1)
			die("shmat");
	} else if (strcmp(mode, "shm-crowded") == 0) {
		/* Mappings go top down: everything made after shmat is listed before it. */
		if (shmat(atoi(arg), NULL, 0) == (void *)-1)
			die("shmat");
		int fd = open(argv[3], O_RDONLY);
		if (fd < 0 || mmap(NULL, 1, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
			die("mmap FILE");
		close(fd);
		for (int i = 0; i < 4500; i++)	/* about 50 bytes a line; alternate: neighbours must not merge */
			if (mmap(NULL, 4096, i % 2 ? PROT_READ : PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
				die("mmap");
	} else if (strcmp(mode, "shm-leftover") == 0) {
		int id = shmget((key_t)strtol(arg, NULL, 0), 4096, IPC_CREAT | IPC_EXCL | 0600);
		void *p = id < 0 ? (void *)-1 : shmat(id, NULL, 0);
		if (p == (void *)-1 || shmdt(p) < 0)
			die("shm-leftover");
		printf("%d\n", id);
		return 0;
	} else if (strcmp(mode, "pshm-map") == 0 || strcmp(mode, "pshm-open") == 0) {
		int fd = shm_open(arg, O_RDWR, 0);
		if (fd < 0)
			die("shm_open");
		if (strcmp(mode, "pshm-map") == 0) {
			if (mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
				die("mmap");
			close(fd);
		}
	} else if (strcmp(mode, "psem-open") == 0) {
		if (sem_open(arg, 0) == SEM_FAILED)
			die("sem_open");
	} else if (strcmp(mode, "mq-open") == 0 || strcmp(mode, "mq-notify") == 0) {
		mqd_t q = mq_open(arg, O_RDONLY);
		if (q == (mqd_t)-1)
			die("mq_open");
		struct sigevent ev = { .sigev_notify = SIGEV_NONE };
		if (strcmp(mode, "mq-notify") == 0 && mq_notify(q, &ev) < 0)
			die("mq_notify");
	} else if (strcmp(mode, "sem-op") == 0) {
		struct sembuf op = { 0, 1, 0 };
		if (semop(atoi(arg), &op, 1) < 0)
			die("semop");
		return 0;
	} else if (strcmp(mode, "sem-wait") == 0) {
		printf("ready %d\n", (int)getpid());
		fflush(stdout);
		struct sembuf op = { 0, 0, 0 };
		if (semop(atoi(arg), &op, 1) < 0)
			die("semop");
		for (;;)
			pause();
	} else if (strcmp(mode, "msg-send") == 0) {
		struct { long type; char text[4]; } m = { 1, "hi" };
		if (msgsnd(atoi(arg), &m, sizeof(m.text), 0) < 0)
			die("msgsnd");
	} else if (strcmp(mode, "family") == 0) {
		family(arg);
	} else {
		fprintf(stderr, "holder: unknown mode %s\n", mode);
		return 2;
	}
	ready_and_wait();
}

/*
 * Test fixture builder: creates System V IPC objects for the differential
 * ipcs tests.  Run it ONLY inside tests/ns-run (a private IPC namespace); it
 * refuses to run otherwise.
 *
 *   fixture standard PIDFILE   the full fixture (see build_standard); live
 *                              helper processes are written to PIDFILE, one
 *                              pid a line; the caller kills them when done
 *   fixture lsipc PIDFILE      objects of every kind for the lsipc
 *                              differential test: as varied, but with each
 *                              creator's gid equal to its uid, segment sizes
 *                              in whole pages and the first semaphore set
 *                              as large as the average (see build_lsipc)
 *   fixture many N             N objects of each kind with varied keys, modes
 *                              and owners, some removed again (sparse ids)
 *   fixture owners UID:GID:CUID:CGID...
 *                              one object of each kind per owner spec
 *   fixture shm KEY SIZE MODE  one segment; prints its id
 *   fixture msg KEY MODE NMSG  one queue holding NMSG messages; prints its id
 *   fixture sem KEY NSEMS MODE one set, semaphore i set to i; prints its id
 *
 * Ownership changes use IPC_SET and creator ids use seteuid/setegid, so the
 * standard fixture needs root (in the initial user namespace, for uids such
 * as 12345 to be mapped); it exits 77 when that is not possible.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXIT_SKIP 77

/* Owners used by the fixture. */
#define NOPASSWD_UID 12345	/* no passwd entry */
#define NOGROUP_GID 54321	/* no group entry */
/* A user whose name is longer than 10 characters: systemd-network (998) on
 * Debian, or $IPCBOX_FIXTURE_LONG_UID (the helpers pick one from passwd). */
static uid_t LONGNAME_UID = 998;
#define USERS_GID 100
#define NOBODY 65534

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

__attribute__((format(printf, 1, 2)))
static void die(const char *fmt, ...)
{
	va_list ap;
	int e = errno;
	fputs("fixture: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
	exit(1);
}

/* Create as creator euid/egid (cuid/cgid), then restore root. */
static void become(uid_t uid, gid_t gid)
{
	if (setegid(gid) < 0)
		die("setegid %u", (unsigned)gid);
	if (seteuid(uid) < 0)
		die("seteuid %u", (unsigned)uid);
}

static void unbecome(void)
{
	if (seteuid(0) < 0 || setegid(0) < 0)
		die("restore root");
}

static int mkshm(key_t key, size_t size, int mode)
{
	/* No memory accounting: huge segments work on small machines. */
	int id = shmget(key, size, IPC_CREAT | IPC_EXCL | SHM_NORESERVE | mode);
	if (id < 0)
		die("shmget key %#x size %zu", (unsigned)key, size);
	return id;
}

static int mkmsg(key_t key, int mode)
{
	int id = msgget(key, IPC_CREAT | IPC_EXCL | mode);
	if (id < 0)
		die("msgget key %#x", (unsigned)key);
	return id;
}

static int mksem(key_t key, int nsems, int mode)
{
	int id = semget(key, nsems, IPC_CREAT | IPC_EXCL | mode);
	if (id < 0)
		die("semget key %#x nsems %d", (unsigned)key, nsems);
	return id;
}

static void shm_owner(int id, uid_t uid, gid_t gid)
{
	struct shmid_ds ds;
	if (shmctl(id, IPC_STAT, &ds) < 0)
		die("shmctl IPC_STAT %d", id);
	ds.shm_perm.uid = uid;
	ds.shm_perm.gid = gid;
	if (shmctl(id, IPC_SET, &ds) < 0)
		die("shmctl IPC_SET %d", id);
}

static void msg_owner(int id, uid_t uid, gid_t gid, unsigned long qbytes)
{
	struct msqid_ds ds;
	if (msgctl(id, IPC_STAT, &ds) < 0)
		die("msgctl IPC_STAT %d", id);
	ds.msg_perm.uid = uid;
	ds.msg_perm.gid = gid;
	if (qbytes)
		ds.msg_qbytes = qbytes;
	if (msgctl(id, IPC_SET, &ds) < 0)
		die("msgctl IPC_SET %d", id);
}

static void sem_owner(int id, uid_t uid, gid_t gid)
{
	struct semid_ds ds;
	union semun arg = { .buf = &ds };
	if (semctl(id, 0, IPC_STAT, arg) < 0)
		die("semctl IPC_STAT %d", id);
	ds.sem_perm.uid = uid;
	ds.sem_perm.gid = gid;
	if (semctl(id, 0, IPC_SET, arg) < 0)
		die("semctl IPC_SET %d", id);
}

static void send(int id, long type, size_t len)
{
	struct { long mtype; char mtext[8192]; } m;
	m.mtype = type;
	memset(m.mtext, 'x', sizeof(m.mtext));
	if (len > sizeof(m.mtext))
		len = sizeof(m.mtext);
	if (msgsnd(id, &m, len, IPC_NOWAIT) < 0)
		die("msgsnd %d", id);
}

static void receive(int id)
{
	struct { long mtype; char mtext[8192]; } m;
	if (msgrcv(id, &m, sizeof(m.mtext), 0, IPC_NOWAIT) < 0)
		die("msgrcv %d", id);
}

static void semop1(int id, unsigned short num, short op, short flg)
{
	struct sembuf sb = { .sem_num = num, .sem_op = op, .sem_flg = flg };
	if (semop(id, &sb, 1) < 0)
		die("semop %d", id);
}

static void *attach(int id)
{
	void *p = shmat(id, NULL, SHM_RDONLY);
	if (p == (void *)-1)
		die("shmat %d", id);
	return p;
}

/* Detach from the caller's stdio so bats never waits on a helper. */
static void daemonize_io(void)
{
	int fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		die("open /dev/null");
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	for (int i = 3; i < 1024; i++)
		close(i);
}

/*
 * A helper process: signals readiness through the pipe, then sleeps until
 * killed (or after a safety timeout, so nothing outlives a broken run).
 */
static void hold_forever(void)
{
	alarm(1800);
	for (;;)
		pause();
}

static pid_t spawn_holder(int *shm_ids, int nshm, int ready_fd)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid > 0)
		return pid;
	for (int i = 0; i < nshm; i++)
		attach(shm_ids[i]);
	if (write(ready_fd, "r", 1) != 1)
		_exit(1);
	daemonize_io();
	hold_forever();
	_exit(0);
}

/* A process blocked in semop until killed: ncount (op < 0) or zcount (op 0). */
static pid_t spawn_sem_waiter(int semid, unsigned short num, short op, int ready_fd)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid > 0)
		return pid;
	if (write(ready_fd, "r", 1) != 1)
		_exit(1);
	daemonize_io();
	alarm(1800);
	struct sembuf sb = { .sem_num = num, .sem_op = op, .sem_flg = 0 };
	semop(semid, &sb, 1);
	hold_forever();
	_exit(0);
}

static int wait_count(int id, int num, int cmd)
{
	for (int tries = 0; tries < 5000; tries++) {
		int n = semctl(id, num, cmd);
		if (n < 0)
			die("semctl %d", id);
		if (n > 0)
			return n;
		usleep(1000);
	}
	errno = ETIMEDOUT;
	die("waiting for a blocked semop on %d", id);
	return 0;
}

static void wait_ready(int fd, int n)
{
	char c;
	while (n-- > 0)
		if (read(fd, &c, 1) != 1)
			die("helper did not start");
}

/*
 * Blocked semops on S1: ncount on s1[1] (value 1, wants 2), zcount on
 * s1[2]; their pids into PF (closed here, named PIDFILE), once both wait.
 */
static void spawn_waiters(int s1, const int pfd[2], FILE *pf, const char *pidfile)
{
	pid_t w1 = spawn_sem_waiter(s1, 1, -2, pfd[1]);
	fprintf(pf, "%d\n", (int)w1);
	pid_t w2 = spawn_sem_waiter(s1, 2, 0, pfd[1]);
	fprintf(pf, "%d\n", (int)w2);
	wait_ready(pfd[0], 2);
	if (fclose(pf) != 0)
		die("%s", pidfile);
	wait_count(s1, 1, GETNCNT);
	wait_count(s1, 2, GETZCNT);
}

static int build_standard(const char *pidfile)
{
	if (geteuid() != 0)
		return EXIT_SKIP;
	/* Unmapped uids (unprivileged user namespace) make IPC_SET fail. */
	if (seteuid(NOPASSWD_UID) < 0)
		return EXIT_SKIP;
	unbecome();

	FILE *pf = fopen(pidfile, "w");
	if (!pf)
		die("%s", pidfile);
	int pfd[2];
	if (pipe(pfd) < 0)
		die("pipe");

	/* --- shared memory --- */
	int shm_dest = mkshm(0x1000, 4096, 0600);
	/* > 4 GiB, never touched; no memory accounting, so small machines work. */
	int shm_huge = shmget(0x2000, (size_t)5 << 30, IPC_CREAT | IPC_EXCL | SHM_NORESERVE | 0644);
	if (shm_huge < 0)
		die("shmget 5 GiB");
	/* Wider than the bytes column. */
	if (shmget(0x2001, (size_t)1 << 40, IPC_CREAT | IPC_EXCL | SHM_NORESERVE | 0600) < 0)
		die("shmget 1 TiB");
	int shm_lock = mkshm(0x3000, 65536, 0640);
	if (shmctl(shm_lock, SHM_LOCK, NULL) < 0)
		die("SHM_LOCK");
	shmdt(attach(shm_lock));		/* atime and dtime set */
	int shm_dlock = mkshm(0x3001, 8192, 0660);
	if (shmctl(shm_dlock, SHM_LOCK, NULL) < 0)
		die("SHM_LOCK");

	become(NOPASSWD_UID, NOGROUP_GID);
	int shm_nopw = mkshm(IPC_PRIVATE, 1, 0);
	unbecome();
	shm_owner(shm_nopw, NOPASSWD_UID, NOPASSWD_UID);

	become(LONGNAME_UID, USERS_GID);
	int shm_long = mkshm((key_t)0xdeadbeef, 123456, 0666);
	unbecome();

	int shm_nobody = mkshm(0x7fffffff, 1 << 20, 0777);
	shm_owner(shm_nobody, NOBODY, NOBODY);
	int shm_priv = mkshm(0x3003, 100000, 0600);
	shm_owner(shm_priv, NOBODY, USERS_GID);
	int shm_root_private = mkshm(0x3004, 4095, 0400);

	/* --- message queues --- */
	int q1 = mkmsg(0x4000, 0666);
	send(q1, 1, 10);
	send(q1, 2, 20);
	send(q1, 3, 30);
	receive(q1);				/* 2 messages, 50 bytes, lrpid set */

	become(LONGNAME_UID, USERS_GID);
	int q2 = mkmsg(IPC_PRIVATE, 0600);
	unbecome();
	msg_owner(q2, NOPASSWD_UID, NOPASSWD_UID, 0);

	int q3 = mkmsg(0x4002, 0620);
	msg_owner(q3, LONGNAME_UID, LONGNAME_UID, 1000);
	send(q3, 7, 1000);			/* full */

	int q4 = mkmsg((key_t)0xfffffffe, 0400);
	send(q4, 1, 1);
	msg_owner(q4, NOBODY, NOBODY, 0);

	become(NOPASSWD_UID, NOGROUP_GID);
	int q5 = mkmsg(0x4004, 0644);
	unbecome();
	(void)q5;

	/* --- semaphores --- */
	int s1 = mksem(0x5000, 5, 0666);
	unsigned short vals[5] = { 0, 1, 2, 3, 32767 };
	union semun arg = { .array = vals };
	if (semctl(s1, 0, SETALL, arg) < 0)
		die("SETALL");
	semop1(s1, 0, 5, 0);			/* a completed semop: otime, sempid */

	become(NOPASSWD_UID, NOGROUP_GID);
	int s2 = mksem(0x5001, 1, 0600);	/* never operated: otime Not set */
	unbecome();

	become(LONGNAME_UID, USERS_GID);
	int s3 = mksem(IPC_PRIVATE, 3, 0640);
	unbecome();
	union semun one = { .val = 42 };
	if (semctl(s3, 2, SETVAL, one) < 0)
		die("SETVAL");

	int s4 = mksem(0x5003, 40, 0444);
	for (int i = 0; i < 40; i++) {
		union semun v = { .val = i * 7 };
		if (semctl(s4, i, SETVAL, v) < 0)
			die("SETVAL");
	}
	sem_owner(s4, NOBODY, NOBODY);
	(void)s2;

	/* --- live processes --- */
	int held[] = { shm_dest, shm_lock, shm_dlock, shm_nobody, shm_nobody, shm_long };
	pid_t holder = spawn_holder(held, 6, pfd[1]);
	wait_ready(pfd[0], 1);
	fprintf(pf, "%d\n", (int)holder);

	spawn_waiters(s1, pfd, pf, pidfile);

	/* Marked for removal while attached: dest (and key 0). */
	if (shmctl(shm_dest, IPC_RMID, NULL) < 0)
		die("IPC_RMID");
	if (shmctl(shm_dlock, IPC_RMID, NULL) < 0)
		die("IPC_RMID");

	(void)shm_huge; (void)shm_root_private;
	return 0;
}

/*
 * For tests/lsipc.bats: what the standard fixture has, minus the data on
 * which util-linux 2.38's lsipc is wrong (its CGID shows the creator's uid,
 * its SHMALL use rounds the total of bytes down, its SEMMNS use is the
 * first set's size times the number of sets): those differences are
 * tested one by one.  A child process creates one segment, so that the
 * COMMAND column has a live creator.
 */
static int build_lsipc(const char *pidfile)
{
	if (geteuid() != 0 || seteuid(NOPASSWD_UID) < 0)
		return EXIT_SKIP;
	unbecome();
	FILE *pf = fopen(pidfile, "w");
	if (!pf)
		die("%s", pidfile);
	int pfd[2];
	if (pipe(pfd) < 0)
		die("pipe");

	int shm_dest = mkshm(0x1000, 4096, 0600);
	if (shmget(0x2000, (size_t)5 << 30, IPC_CREAT | IPC_EXCL | SHM_NORESERVE | 0644) < 0)
		die("shmget 5 GiB");
	int shm_lock = mkshm(0x3000, 65536, 0640);
	if (shmctl(shm_lock, SHM_LOCK, NULL) < 0)
		die("SHM_LOCK");
	shmdt(attach(shm_lock));
	int shm_dlock = mkshm(0x3001, 8192, 0660);
	if (shmctl(shm_dlock, SHM_LOCK, NULL) < 0)
		die("SHM_LOCK");
	become(NOPASSWD_UID, NOPASSWD_UID);
	int shm_nopw = mkshm(IPC_PRIVATE, 4096, 0);
	unbecome();
	shm_owner(shm_nopw, NOPASSWD_UID, NOGROUP_GID);
	become(LONGNAME_UID, LONGNAME_UID);
	int shm_long = mkshm((key_t)0xdeadbeef, 1228800, 0666);	/* 1.2M */
	unbecome();
	int shm_nobody = mkshm(0x7fffffff, 1 << 20, 0777);
	shm_owner(shm_nobody, NOBODY, NOBODY);
	int shm_priv = mkshm(0x3003, 126976, 0600);		/* 124K */
	shm_owner(shm_priv, NOBODY, USERS_GID);

	int q1 = mkmsg(0x4000, 0666);
	send(q1, 1, 10);
	send(q1, 2, 20);
	send(q1, 3, 30);
	receive(q1);
	become(LONGNAME_UID, LONGNAME_UID);
	int q2 = mkmsg(IPC_PRIVATE, 0600);
	unbecome();
	msg_owner(q2, NOPASSWD_UID, NOGROUP_GID, 0);
	int q3 = mkmsg(0x4002, 0620);
	msg_owner(q3, LONGNAME_UID, USERS_GID, 1000);
	send(q3, 7, 1000);
	int q4 = mkmsg((key_t)0xfffffffe, 0400);
	send(q4, 1, 1);
	msg_owner(q4, NOBODY, NOBODY, 0);

	/* 5, 1, 9, 5: the first set's size times four is the total. */
	int s1 = mksem(0x5000, 5, 0666);
	unsigned short vals[5] = { 0, 1, 2, 3, 32767 };
	union semun arg = { .array = vals };
	if (semctl(s1, 0, SETALL, arg) < 0)
		die("SETALL");
	semop1(s1, 0, 5, 0);
	become(NOPASSWD_UID, NOPASSWD_UID);
	mksem(0x5001, 1, 0600);
	unbecome();
	become(LONGNAME_UID, LONGNAME_UID);
	int s3 = mksem(IPC_PRIVATE, 9, 0640);
	unbecome();
	union semun one = { .val = 42 };
	if (semctl(s3, 2, SETVAL, one) < 0)
		die("SETVAL");
	int s4 = mksem(0x5003, 5, 0444);
	sem_owner(s4, NOBODY, NOBODY);

	int held[] = { shm_dest, shm_lock, shm_dlock, shm_nobody, shm_long };
	pid_t holder = fork();
	if (holder < 0)
		die("fork");
	if (holder == 0) {
		for (size_t i = 0; i < sizeof(held) / sizeof(held[0]); i++)
			attach(held[i]);
		mkshm(0x6000, 8192, 0640);	/* created by a live process */
		semop1(s3, 2, -1, 0);		/* a live sempid */
		if (write(pfd[1], "r", 1) != 1)
			_exit(1);
		daemonize_io();
		hold_forever();
	}
	wait_ready(pfd[0], 1);
	fprintf(pf, "%d\n", (int)holder);
	spawn_waiters(s1, pfd, pf, pidfile);
	if (shmctl(shm_dest, IPC_RMID, NULL) < 0 || shmctl(shm_dlock, IPC_RMID, NULL) < 0)
		die("IPC_RMID");
	return 0;
}

static int build_many(long n)
{
	static const int modes[] = { 0600, 0644, 0666, 0640, 0400, 0777, 0000, 0620 };
	const unsigned owners[] = { 0, NOBODY, NOPASSWD_UID, LONGNAME_UID };
	int can_chown = geteuid() == 0 && seteuid(NOPASSWD_UID) == 0;
	if (can_chown)
		unbecome();

	for (long i = 0; i < n; i++) {
		int mode = modes[i % 8];
		key_t key = (i % 5 == 0) ? IPC_PRIVATE : (key_t)(0x10000 + i * 3);
		unsigned owner = owners[i % 4];
		int s = mkshm(key, (size_t)(i + 1) * 1000, mode);
		int q = mkmsg(key, mode);
		int m = mksem(key, (int)(i % 7) + 1, mode);
		if (i % 3 == 0)
			send(q, 1, (size_t)i + 1);
		if (can_chown && owner != 0) {
			shm_owner(s, owner, owner);
			msg_owner(q, owner, owner, 0);
			sem_owner(m, owner, owner);
		}
	}
	/* Holes in the id space: remove every 7th object of each kind. */
	struct shmid_ds sds;
	struct msqid_ds mds;
	for (long i = 0; i < n; i += 7) {
		int id = shmctl((int)i, SHM_STAT_ANY, &sds);
		if (id >= 0)
			shmctl(id, IPC_RMID, NULL);
		id = msgctl((int)i, MSG_STAT_ANY, &mds);
		if (id >= 0)
			msgctl(id, IPC_RMID, NULL);
		struct semid_ds ds;
		union semun arg = { .buf = &ds };
		id = semctl((int)i, 0, SEM_STAT_ANY, arg);
		if (id >= 0)
			semctl(id, 0, IPC_RMID);
	}
	/* Refill a few holes: low indexes with high sequence numbers. */
	for (long i = 0; i < 5 && i < n; i++) {
		key_t key = (key_t)(0x20000 + i);
		mkshm(key, 4096, 0644);
		send(mkmsg(key, 0644), 1, 5);
		mksem(key, 2, 0644);
	}
	return 0;
}

static long num(const char *s);

/*
 * One object of each kind per "UID:GID:CUID:CGID" argument: created with
 * that creator euid/egid, then given that owner.  Root only.
 */
static int build_owners(int argc, char **argv)
{
	if (geteuid() != 0)
		return EXIT_SKIP;
	for (int i = 0; i < argc; i++) {
		unsigned long v[4];
		if (sscanf(argv[i], "%lu:%lu:%lu:%lu", &v[0], &v[1], &v[2], &v[3]) != 4) {
			fprintf(stderr, "fixture: bad owner spec '%s'\n", argv[i]);
			return 2;
		}
		become((uid_t)v[2], (gid_t)v[3]);
		int s = mkshm(IPC_PRIVATE, (size_t)1000 + i, 0644);
		int q = mkmsg(IPC_PRIVATE, 0640);
		int m = mksem(IPC_PRIVATE, 2, 0604);
		unbecome();
		send(q, 1, (size_t)i + 1);
		shm_owner(s, (uid_t)v[0], (gid_t)v[1]);
		msg_owner(q, (uid_t)v[0], (gid_t)v[1], 0);
		sem_owner(m, (uid_t)v[0], (gid_t)v[1]);
	}
	return 0;
}

static long num(const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 0);
	if (errno || *end || end == s) {
		fprintf(stderr, "fixture: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	if (!getenv("IPCBOX_IN_NS") || strcmp(getenv("IPCBOX_IN_NS"), "1") != 0) {
		fputs("fixture: not inside tests/ns-run: refusing to touch host IPC\n", stderr);
		return 2;
	}
	signal(SIGCHLD, SIG_DFL);
	if (getenv("IPCBOX_FIXTURE_LONG_UID") && *getenv("IPCBOX_FIXTURE_LONG_UID"))
		LONGNAME_UID = (uid_t)num(getenv("IPCBOX_FIXTURE_LONG_UID"));
	if (argc == 3 && strcmp(argv[1], "standard") == 0)
		return build_standard(argv[2]);
	if (argc == 3 && strcmp(argv[1], "lsipc") == 0)
		return build_lsipc(argv[2]);
	if (argc >= 2 && strcmp(argv[1], "owners") == 0)
		return build_owners(argc - 2, argv + 2);
	if (argc == 3 && strcmp(argv[1], "many") == 0)
		return build_many(num(argv[2]));
	if (argc == 5 && strcmp(argv[1], "shm") == 0) {
		printf("%d\n", mkshm((key_t)num(argv[2]), (size_t)num(argv[3]), (int)num(argv[4])));
		return 0;
	}
	if (argc == 5 && strcmp(argv[1], "msg") == 0) {
		int id = mkmsg((key_t)num(argv[2]), (int)num(argv[3]));
		for (long i = 0; i < num(argv[4]); i++)
			send(id, 1, (size_t)(i % 100) + 1);
		printf("%d\n", id);
		return 0;
	}
	if (argc == 5 && strcmp(argv[1], "sem") == 0) {
		int nsems = (int)num(argv[3]);
		int id = mksem((key_t)num(argv[2]), nsems, (int)num(argv[4]));
		for (int i = 0; i < nsems; i++) {
			union semun v = { .val = i };
			if (semctl(id, i, SETVAL, v) < 0)
				die("SETVAL");
		}
		printf("%d\n", id);
		return 0;
	}
	fputs("usage: fixture standard PIDFILE | lsipc PIDFILE | many N | owners UID:GID:CUID:CGID..."
	      " | shm KEY SIZE MODE"
	      " | msg KEY MODE NMSG | sem KEY NSEMS MODE\n", stderr);
	return 2;
}

/*
 * floor: the kernel's share of listing System V IPC objects.
 *
 *   floor proc   read /proc/sysvipc/{msg,shm,sem} to the end, once
 *   floor stat   *_INFO for the highest index, then one *_STAT_ANY call per
 *                index, for message queues, shared memory and semaphores
 *   floor stat-shm  the same for shared memory only (lsipc -m)
 *   floor posix  read /dev/shm and /dev/mqueue once each (readdir) and
 *                fstatat every entry: the floor of listing POSIX objects
 *   floor maps   read /proc once (readdir) and every /proc/PID/maps to the
 *                end (open, read until 0, close): what reading the maps
 *                costs the kernel, without cat's own per-file work
 *   floor posix-values
 *                as floor posix, and also read what a listing shows beyond
 *                the attributes, with the fewest system calls: a semaphore's
 *                value (open, fstat, pread, close of /dev/shm/sem.*; fstatat
 *                for the other entries), a queue's QSIZE line and counts
 *                (open, fstat, read, mq_getattr, close)
 *
 * Nothing is parsed or printed per object: this is the cost any ipcs must
 * pay to see every object once, timed as a process like the tools it bounds.
 * It prints the number of objects seen (one total line) so a run can be
 * checked.  Build: cc -O2 -o floor floor.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <mqueue.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

static long read_proc(const char *path)
{
	static char buf[1 << 16];
	long lines = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0)
		for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + n - p))); p++)
			lines++;
	close(fd);
	return n < 0 ? -1 : lines - 1;	/* minus the header line */
}

static long stat_any(bool shm_only)
{
	long seen = 0;
	int max;

	struct shm_info shminfo;
	struct shmid_ds shm;
	max = shmctl(0, SHM_INFO, (struct shmid_ds *)&shminfo);
	for (int i = 0; i <= max; i++)
		if (shmctl(i, SHM_STAT_ANY, &shm) >= 0)
			seen++;
	if (shm_only)
		return seen;

	struct msginfo msginfo;
	struct msqid_ds msg;
	max = msgctl(0, MSG_INFO, (struct msqid_ds *)&msginfo);
	for (int i = 0; i <= max; i++)
		if (msgctl(i, MSG_STAT_ANY, &msg) >= 0)
			seen++;

	struct seminfo seminfo;
	struct semid_ds sem;
	max = semctl(0, 0, SEM_INFO, (union semun){ .__buf = &seminfo });
	for (int i = 0; i <= max; i++)
		if (semctl(i, 0, SEM_STAT_ANY, (union semun){ .buf = &sem }) >= 0)
			seen++;
	return seen;
}

static long read_dir(const char *path)
{
	long seen = 0;
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(path);

	if (!d) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0 &&
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			seen++;
	closedir(d);
	return seen;
}

/* An entry read through a descriptor: its attributes, then the queue's text and counts or the semaphore. */
static int read_entry(int dfd, const char *name, bool queue)
{
	char buf[256];
	struct stat st;
	struct mq_attr attr;
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	int ok;

	if (fd < 0)
		return 0;
	ok = fstat(fd, &st) == 0 &&
	     (queue ? read(fd, buf, sizeof buf) > 0 && mq_getattr(fd, &attr) == 0
		    : pread(fd, buf, 32, 0) == 32);	/* sizeof(sem_t) */
	close(fd);
	return ok;
}

static long read_dir_values(const char *path, bool queues)
{
	long seen = 0;
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(path);

	if (!d) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (queues || strncmp(de->d_name, "sem.", 4) == 0)
			seen += read_entry(dirfd(d), de->d_name, queues);
		else
			seen += fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0;
	}
	closedir(d);
	return seen;
}

static long read_maps(void)
{
	static char buf[1 << 16];
	long seen = 0;
	struct dirent *de;
	char path[300];
	DIR *d = opendir("/proc");

	if (!d) {
		fprintf(stderr, "floor: /proc: %s\n", strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "%s/maps", de->d_name);
		int fd = openat(dirfd(d), path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;	/* gone, or not ours to read: as cat 2>/dev/null */
		while (read(fd, buf, sizeof buf) > 0)
			;
		close(fd);
		seen++;
	}
	closedir(d);
	return seen;
}

int main(int argc, char **argv)
{
	long seen = 0;

	if (argc == 2 && strcmp(argv[1], "proc") == 0) {
		static const char *const files[] = {
			"/proc/sysvipc/msg", "/proc/sysvipc/shm", "/proc/sysvipc/sem",
		};
		for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
			long n = read_proc(files[i]);
			if (n < 0)
				return 1;
			seen += n;
		}
	} else if (argc == 2 && strcmp(argv[1], "stat") == 0) {
		seen = stat_any(false);
	} else if (argc == 2 && strcmp(argv[1], "stat-shm") == 0) {
		seen = stat_any(true);
	} else if (argc == 2 && strcmp(argv[1], "posix") == 0) {
		static const char *const dirs[] = { "/dev/shm", "/dev/mqueue" };
		for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
			long n = read_dir(dirs[i]);
			if (n < 0)
				return 1;
			seen += n;
		}
	} else if (argc == 2 && strcmp(argv[1], "maps") == 0) {
		seen = read_maps();
		if (seen < 0)
			return 1;
	} else if (argc == 2 && strcmp(argv[1], "posix-values") == 0) {
		long shm = read_dir_values("/dev/shm", false), mq = read_dir_values("/dev/mqueue", true);
		if (shm < 0 || mq < 0)
			return 1;
		seen = shm + mq;
	} else {
		fputs("usage: floor proc|stat|stat-shm|posix|maps|posix-values\n", stderr);
		return 2;
	}
	printf("%ld\n", seen);
	return 0;
}

/*
 * What /proc says about processes: thread-group liveness, tasks, and the
 * users live processes run as (see procs.h).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/procs.h"
#include "src/xalloc.h"

/* The state letter of a task's stat file at PATH (under DIRFD), 0 if it cannot be read. */
static char stat_state(int dirfd, const char *path)
{
	char buf[512];
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	/* The command name may hold anything, ")" too: the last one ends it. */
	const char *paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' ? paren[2] : 0;
}

int64_t proc_next_pid(DIR *proc)
{
	int64_t self = getpid();	/* not cached: --all-namespaces scans from forked children */
	struct dirent *de;
	while ((de = readdir(proc)) != NULL) {
		char *end;
		long long pid = strtoll(de->d_name, &end, 10);
		if (!*end && pid > 0 && pid != self)
			return pid;
	}
	return 0;
}

/* Exited: a zombie, or dead and being reaped. */
static bool exited_state(char state)
{
	return state == 'Z' || state == 'X' || state == 'x';
}

bool proc_each_task(int proc_fd, int64_t pid, bool (*fn)(int64_t tid, void *ctx), void *ctx)
{
	char path[40];
	snprintf(path, sizeof(path), "%lld/task", (long long)pid);
	int dfd = openat(proc_fd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return false;
	char buf[4096];
	ssize_t n;
	bool stop = false;
	while (!stop && (n = getdents64(dfd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n && !stop;) {
			const struct dirent64 *de = (const struct dirent64 *)(buf + off);
			off += de->d_reclen;
			char *end;
			long long tid = strtoll(de->d_name, &end, 10);
			if (*end || tid <= 0 || tid == pid)
				continue;
			stop = fn(tid, ctx);
		}
	}
	int saved = errno;
	close(dfd);
	errno = saved;
	return true;
}

struct live_task {
	int proc_fd;
	int64_t pid;
	bool found;
};

static bool task_alive(int64_t tid, void *ctx)
{
	struct live_task *t = ctx;
	char path[64];
	snprintf(path, sizeof(path), "%lld/task/%lld/stat", (long long)t->pid, (long long)tid);
	char state = stat_state(t->proc_fd, path);
	/* A task we cannot read is one that may still run. */
	t->found = !exited_state(state) || (state == 0 && errno != ENOENT && errno != ESRCH);
	return t->found;
}

bool proc_group_alive(int64_t pid)
{
	if (pid <= 0 || pid > INT32_MAX || (kill((pid_t)pid, 0) < 0 && errno != EPERM))
		return false;
	char path[48];
	snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
	char state = stat_state(AT_FDCWD, path);
	if (!exited_state(state))
		return true;
	/* The leader exited: the group lives while another thread does. */
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (proc_fd < 0)
		return true;
	struct live_task t = { proc_fd, pid, false };
	proc_each_task(proc_fd, pid, task_alive, &t);
	close(proc_fd);
	return t.found;
}

/* A live process and the uids it runs as, for proc_uid_runs. */
struct proc_ids {
	int64_t pid;
	uint32_t uid[4];	/* real, effective, saved, file system */
	signed char same_ns;	/* -1: not asked yet */
};

static struct proc_ids *procs;
static size_t nprocs, capprocs;
/* Processes whose identity could not be read (hidepid, a race we lost). */
static size_t unknown;
static bool procs_read;
static int uid_proc_fd = -1;
static uint64_t our_ns;

/* "Uid:\tR\tE\tS\tF" of a status file: false if absent. */
static bool parse_uids(const char *status, uint32_t uid[4])
{
	const char *s = strstr(status, "\nUid:");
	if (!s)
		return false;
	s += 5;
	for (int i = 0; i < 4; i++) {
		char *end;
		errno = 0;
		unsigned long v = strtoul(s, &end, 10);
		if (end == s || errno || v > UINT32_MAX)
			return false;
		uid[i] = (uint32_t)v;
		s = end;
	}
	return true;
}

/* One process's uids into procs[], unless it exited. */
static void read_ids(int64_t pid)
{
	char path[40], buf[1024];
	snprintf(path, sizeof(path), "%lld/status", (long long)pid);
	int fd = openat(uid_proc_fd, path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	int saved = errno;
	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		if (saved != ENOENT && saved != ESRCH)
			unknown++;
		return;
	}
	buf[n] = '\0';
	struct proc_ids p = { pid, { 0 }, -1 };
	if (!parse_uids(buf, p.uid)) {
		unknown++;
		return;
	}
	/* A zombie leader whose threads all exited uses nothing any more. */
	const char *state = strstr(buf, "\nState:\t");
	if (state && exited_state(state[8]) && !proc_group_alive(pid))
		return;
	if (nprocs == capprocs) {
		capprocs = capprocs ? 2 * capprocs : 256;
		procs = xreallocarray(procs, capprocs, sizeof(*procs));
	}
	procs[nprocs++] = p;
}

static void read_all_ids(void)
{
	procs_read = true;
	struct stat st;
	if (stat("/proc/self/ns/ipc", &st) == 0)
		our_ns = st.st_ino;
	DIR *dir = opendir("/proc");
	if (!dir) {
		unknown++;
		return;
	}
	uid_proc_fd = dirfd(dir);
	for (int64_t pid; (pid = proc_next_pid(dir)) != 0;)
		read_ids(pid);
	/* Kept open: namespaces are asked later, only of processes that match. */
	uid_proc_fd = dup(uid_proc_fd);
	closedir(dir);
}

/* Whether P can reach our objects: its IPC namespace is ours, or cannot be told. */
static bool in_our_ns(struct proc_ids *p)
{
	if (p->same_ns < 0) {
		char path[40];
		struct stat ns;
		snprintf(path, sizeof(path), "%lld/ns/ipc", (long long)p->pid);
		/* Our own namespace unknown (/proc of another pid namespace): everyone counts. */
		if (uid_proc_fd < 0 || our_ns == 0 || fstatat(uid_proc_fd, path, &ns, 0) == 0)
			p->same_ns = uid_proc_fd < 0 || our_ns == 0 || ns.st_ino == our_ns;
		else	/* exited since: holds nothing; unreadable: might */
			p->same_ns = errno != ENOENT && errno != ESRCH;
	}
	return p->same_ns;
}

static bool uid_runs_now(uint32_t uid)
{
	for (size_t i = 0; i < nprocs; i++) {
		struct proc_ids *p = &procs[i];
		if ((p->uid[0] == uid || p->uid[1] == uid || p->uid[2] == uid || p->uid[3] == uid) && in_our_ns(p))
			return true;
	}
	return false;
}

/* Objects share owners: the last answers are kept (a miss only costs a loop). */
static struct { uint32_t uid; bool runs, set; } seen[16];

void proc_uid_prefetch(void)
{
	if (!procs_read)
		read_all_ids();
}

void proc_uid_rebase(void)
{
	struct stat st;
	if (!procs_read)
		return;
	our_ns = stat("/proc/self/ns/ipc", &st) == 0 ? st.st_ino : 0;
	for (size_t i = 0; i < nprocs; i++)
		procs[i].same_ns = -1;
	memset(seen, 0, sizeof(seen));
}

bool proc_uid_runs(uint32_t uid)
{
	if (!procs_read)
		read_all_ids();
	if (unknown)
		return true;
	size_t slot = uid % (sizeof(seen) / sizeof(seen[0]));
	if (!seen[slot].set || seen[slot].uid != uid) {
		seen[slot].uid = uid;
		seen[slot].runs = uid_runs_now(uid);
		seen[slot].set = true;
	}
	return seen[slot].runs;
}

char *proc_command_args(int64_t pid, size_t *length)
{
	char path[64];
	if (pid <= 0)
		return NULL;
	snprintf(path, sizeof(path), "/proc/%lld/cmdline", (long long)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	size_t len = 0, cap = 4096;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		ssize_t n = read(fd, buf + len, cap - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len == cap)
			buf = xreallocarray(buf, (cap *= 2) + 1, 1);
	}
	close(fd);
	/* The last argument's NUL goes: the others separate the arguments. */
	while (len > 0 && buf[len - 1] == '\0')
		len--;
	if (len == 0) {
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	*length = len;
	return buf;
}

char *proc_command_line(int64_t pid)
{
	size_t len;
	char *buf = proc_command_args(pid, &len);
	for (size_t i = 0; buf && i < len; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	return buf;
}

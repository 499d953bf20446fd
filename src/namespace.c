/*
 * Entering another IPC namespace.  setns(CLONE_NEWIPC) moves System V
 * objects and the mq_* calls; POSIX files are reached through a private
 * mount namespace of our own, so that our root, working directory and
 * configuration files stay the host's.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/cgroup-label.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/kinds.h"
#include "src/namespace.h"
#include "src/posix.h"
#include "src/util.h"

#ifndef NS_GET_USERNS
#define NS_GET_USERNS 0xb701	/* _IO(0xb7, 0x1), Linux 4.9 */
#endif
#ifndef NS_GET_NSTYPE
#define NS_GET_NSTYPE 0xb703	/* _IO(0xb7, 0x3), Linux 4.11 */
#endif

static bool entered, reach_mqueue, reach_shm;

int ns_parse(const char *arg, struct ns_target *t)
{
	long long pid;
	t->arg = arg;
	t->pid = 0;
	if (parse_llong(arg, 10, 1, INT_MAX, &pid)) {
		t->pid = (pid_t)pid;
		return 0;
	}
	if (strchr(arg, '/'))
		return 0;
	return parse_error(false, _("--namespace: expected a process id or a namespace file such as /proc/PID/ns/ipc: '%s'"), escape_arg(arg));
}

/* The target's name in messages: "process 1234" or the file's path. */
static const char *what(const struct ns_target *t, char *buf, size_t len)
{
	if (t->pid)
		snprintf(buf, len, _("process %d"), (int)t->pid);
	else
		snprintf(buf, len, "%s", escape_arg(t->arg));
	return buf;
}

/* DIR below the process's root, refusing symlinks (the container owns them). */
static int open_in_root(int rootfd, const char *dir1, const char *dir2)
{
	int a = openat(rootfd, dir1, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (a < 0)
		return -1;
	int b = openat(a, dir2, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	close(a);
	return b;
}

/*
 * The target's POSIX objects, as directory descriptors for the POSIX
 * module: its /dev/shm through /proc/PID/root, and a new mount of the
 * mqueue file system, which shows the IPC namespace we are now in.  No
 * mount namespace is entered: our root and our files stay the host's.
 */
static void reach_posix(int rootfd)
{
	if (rootfd >= 0) {
		int shm = open_in_root(rootfd, "dev", "shm");
		if (shm >= 0) {
			posix_use_dir(KIND_PSHM, shm);
			posix_use_dir(KIND_PSEM, shm);
			reach_shm = true;
		}
	}
	int fs = fsopen("mqueue", FSOPEN_CLOEXEC);
	if (fs < 0)
		return;
	if (fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) == 0) {
		int mnt = fsmount(fs, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
		if (mnt >= 0) {
			posix_use_dir(KIND_PMSG, mnt);
			reach_mqueue = true;
		}
	}
	close(fs);
}

/* Join the user namespace that owns the IPC namespace IPCFD; 0 or -1. */
static int join_owner(int ipcfd)
{
	int userfd = ioctl(ipcfd, NS_GET_USERNS);
	if (userfd < 0)
		return -1;
	int rc = setns(userfd, CLONE_NEWUSER);
	int e = errno;
	close(userfd);
	errno = rc < 0 ? EPERM : e;
	return rc;
}

int ns_enter(const struct ns_target *t)
{
	char name[PATH_MAX + 32], path[64];
	int rootfd = -1, fd;
	what(t, name, sizeof(name));
	if (t->pid) {
		snprintf(path, sizeof(path), "/proc/%d/ns/ipc", (int)t->pid);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 && errno == ENOENT) {
			warnx(_("--namespace: no such process: %d"), (int)t->pid);
			return -1;
		}
		snprintf(path, sizeof(path), "/proc/%d/root", (int)t->pid);
		rootfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	} else {
		fd = open(t->arg, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		if (errno == EACCES || errno == EPERM)
			warnx(_("--namespace: not permitted to open the IPC namespace of %s: "
			      "entering another IPC namespace needs CAP_SYS_ADMIN over it"), name);
		else
			warn(_("--namespace: cannot open %s"), name);
		goto fail;
	}
	int type = ioctl(fd, NS_GET_NSTYPE);
	if (type != CLONE_NEWIPC) {
		warnx(_("--namespace: %s is not an IPC namespace (give a process id, or /proc/PID/ns/ipc)"), name);
		goto fail;
	}
	int rc = setns(fd, CLONE_NEWIPC);
	/*
	 * Without CAP_SYS_ADMIN here, the owner of a user namespace may still
	 * join it and enter its IPC namespace from there (ids are then shown
	 * as that namespace sees them).
	 */
	if (rc < 0 && errno == EPERM && join_owner(fd) == 0)
		rc = setns(fd, CLONE_NEWIPC);
	if (rc < 0) {
		if (errno == EPERM)
			warnx(_("--namespace: not permitted to enter the IPC namespace of %s: "
			      "entering another IPC namespace needs CAP_SYS_ADMIN over it"), name);
		else
			warn(_("--namespace: cannot enter the IPC namespace of %s"), name);
		goto fail;
	}
	close(fd);
	entered = true;
	if (t->posix)
		reach_posix(t->pid ? rootfd : -1);
	if (rootfd >= 0)
		close(rootfd);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	if (rootfd >= 0)
		close(rootfd);
	return -1;
}

bool ns_reaches(enum ipc_kind kind)
{
	if (!entered || !kind_is_posix(kind))
		return true;
	return kind == KIND_PMSG ? reach_mqueue : reach_shm;
}

/* Our own IPC namespace, kept open to come back to after ns_visit(). */
static int home_fd = -1;

int ns_visit(pid_t pid)
{
	char path[64];
	if (home_fd < 0)
		home_fd = open("/proc/self/ns/ipc", O_RDONLY | O_CLOEXEC);
	snprintf(path, sizeof(path), "/proc/%d/ns/ipc", (int)pid);
	int fd = home_fd < 0 ? -1 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = setns(fd, CLONE_NEWIPC);
	close(fd);
	return rc;
}

int ns_visit_end(void)
{
	return setns(home_fd, CLONE_NEWIPC);
}

int ns_check_alive(const struct ns_target *t)
{
	if (!entered || !t->pid || kill(t->pid, 0) == 0 || errno != ESRCH)
		return 0;
	warnx(_("--namespace: process %d exited while its namespace was read: the output may be incomplete"), (int)t->pid);
	return 1;
}

/* The container manager's name for the process's cgroup, where it is plain to see (src/cgroup-label.h). */
static void container_of(pid_t pid, char *buf, size_t len)
{
	char path[48];
	buf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return;
	/* Whole lines: a long path cut by a fixed buffer would read as a line of its own. */
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0 && !cgroup_label(line, (size_t)n, buf, len))
		;
	free(line);
	fclose(f);
}

static void describe(struct ns_info *info)
{
	char path[48];
	snprintf(info->pid_text, sizeof(info->pid_text), "%d", (int)info->pid);
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)info->pid);
	FILE *f = fopen(path, "re");
	if (f) {
		if (fgets(info->command, sizeof(info->command), f))
			info->command[strcspn(info->command, "\n")] = '\0';
		fclose(f);
	}
	container_of(info->pid, info->container, sizeof(info->container));
}

static int by_pid(const void *a, const void *b)
{
	const struct ns_info *x = a, *y = b;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

int ns_list_all(struct ns_list *list)
{
	struct stat st;
	size_t cap = 16;
	list->n = 0;
	list->items = xcalloc(cap, sizeof(*list->items));
	if (stat("/proc/self/ns/ipc", &st) < 0)
		return -1;
	list->items[list->n++] = (struct ns_info){ .inode = st.st_ino, .pid = getpid() };
	DIR *proc = opendir("/proc");
	if (!proc)
		return -1;
	/* The lowest pid of each namespace: sort what readdir gives. */
	struct dirent *de;
	while ((de = readdir(proc)) != NULL) {
		long long pid;
		char path[300];
		if (!parse_llong(de->d_name, 10, 1, INT_MAX, &pid))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/ns/ipc", de->d_name);
		if (stat(path, &st) < 0)
			continue;	/* gone, or not ours to see */
		size_t i = 0;
		while (i < list->n && list->items[i].inode != st.st_ino)
			i++;
		if (i < list->n) {
			/* Our own namespace keeps its lowest pid as representative too. */
			if (pid < list->items[i].pid)
				list->items[i].pid = (pid_t)pid;
			continue;
		}
		if (list->n == cap) {
			cap *= 2;
			list->items = xreallocarray(list->items, cap, sizeof(*list->items));
		}
		list->items[list->n++] = (struct ns_info){ .inode = st.st_ino, .pid = (pid_t)pid };
	}
	closedir(proc);
	for (size_t i = 0; i < list->n; i++)
		describe(&list->items[i]);
	if (list->n > 2)
		qsort(list->items + 1, list->n - 1, sizeof(*list->items), by_pid);
	return 0;
}

void ns_list_free(struct ns_list *list)
{
	free(list->items);
	list->items = NULL;
	list->n = 0;
}

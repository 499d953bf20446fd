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
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "src/cgroup-label.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/kinds.h"
#include "src/messages.h"
#include "src/mounts.h"
#include "src/namespace.h"
#include "src/numbers.h"
#include "src/posix.h"
#include "src/util.h"
#include "src/xalloc.h"

#ifndef NS_GET_USERNS
#define NS_GET_USERNS 0xb701	/* _IO(0xb7, 0x1), Linux 4.9 */
#endif
#ifndef NS_GET_NSTYPE
#define NS_GET_NSTYPE 0xb703	/* _IO(0xb7, 0x3), Linux 4.11 */
#endif

#ifndef NSFS_MAGIC
#define NSFS_MAGIC 0x6e736673
#endif
#ifndef TMPFS_MAGIC
#define TMPFS_MAGIC 0x01021994
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

/* Our user namespace, taken before entering (joining a user namespace would change it). */
static struct stat home_user;

/* Whether namespace file NS (of the target) belongs to our user namespace. */
static bool owned_by_our_userns(int procfd, const char *ns)
{
	struct stat theirs;
	int fd = openat(procfd, ns, O_RDONLY | O_CLOEXEC);
	int user = fd < 0 ? -1 : ioctl(fd, NS_GET_USERNS);
	bool same = user >= 0 && fstat(user, &theirs) == 0 && home_user.st_ino != 0 &&
		    home_user.st_dev == theirs.st_dev && home_user.st_ino == theirs.st_ino;
	if (user >= 0)
		close(user);
	if (fd >= 0)
		close(fd);
	return same;
}

/*
 * Why the target's /dev/shm (directory SHM, reached through its root) is
 * not trusted with our privileges, or NULL.  The target owns its mount
 * namespace: an unprivileged user can bind-mount there any directory it
 * can traverse, e.g. /run, /tmp or our own /dev/shm.  Trusted is a tmpfs
 * mounted at its root (not a directory from inside one), that is not our
 * own /dev/shm, and, if we see the same file system mounted here, whose
 * mounts were made in our user namespace (by a container runtime as
 * privileged as we are), not in a user namespace of someone else.
 */
static const char *shm_distrust(int procfd, int shm)
{
	struct statfs sfs;
	struct stat st, ours;
	uint64_t id;
	if (fstatfs(shm, &sfs) < 0 || fstat(shm, &st) < 0)
		return _("its /dev/shm cannot be examined");
	if (sfs.f_type != TMPFS_MAGIC)
		return _("its /dev/shm is not a tmpfs file system");
	if (stat("/dev/shm", &ours) == 0 && ours.st_dev == st.st_dev)
		return _("its /dev/shm is our own (the same file system): its objects are ours, "
			 "listed and removed without --namespace");
	int info = openat(procfd, "mountinfo", O_RDONLY | O_CLOEXEC);
	int root = info < 0 || mount_id_of(shm, &id) < 0 ? -1 : mount_is_fs_root(info, id);
	if (info >= 0)
		close(info);
	if (root < 0)
		return _("its /dev/shm cannot be found in its mount table");
	if (root == 0)
		return _("its /dev/shm is a directory bind-mounted from inside another file system, not a tmpfs of its own");
	info = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	int here = info < 0 ? -1 : mount_has_dev(info, st.st_dev);
	if (info >= 0)
		close(info);
	if (here != 0 && !owned_by_our_userns(procfd, "ns/mnt"))
		return _("its /dev/shm is a file system mounted in our namespace too, "
			 "put there from a user namespace that is not ours (it may be /run or /tmp)");
	return NULL;
}

/* Why each POSIX kind is not reached (NULL: reached, or not through a directory). */
static const char *distrust[KINDS];

/*
 * The target's POSIX objects, as directory descriptors for the POSIX
 * module: its /dev/shm through /proc/PID/root once it is trusted, and a
 * new mount of the mqueue file system, which shows the IPC namespace we
 * are now in (no one else's mounts are in it).  No mount namespace is
 * entered: our root and our files stay the host's.
 */
static void reach_posix(int procfd)
{
	int rootfd = procfd < 0 ? -1 : openat(procfd, "root", O_PATH | O_DIRECTORY | O_CLOEXEC);
	int shm = rootfd < 0 ? -1 : open_in_root(rootfd, "dev", "shm");
	const char *why = shm >= 0 ? shm_distrust(procfd, shm)
		: procfd >= 0 ? _("it has no /dev/shm directory (a symbolic link is not followed)") : NULL;
	if (why) {
		distrust[KIND_PSHM] = distrust[KIND_PSEM] = why;
		if (shm >= 0)
			close(shm);
	} else if (shm >= 0) {
		posix_use_dir(KIND_PSHM, shm);
		posix_use_dir(KIND_PSEM, shm);
		reach_shm = true;
	}
	if (rootfd >= 0)
		close(rootfd);
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

/* The target process, held by a pidfd where the kernel has them (Linux 5.3), so its pid cannot be reused under us. */
static int target_pidfd = -1;

static bool pidfd_alive(int pidfd)
{
	return syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) == 0 || errno == EPERM;
}

/*
 * /proc/PID of the process T names, as a directory descriptor: what is
 * read through it is that process's, or fails once it exits.  With a
 * pidfd taken first and still alive after the open, the directory is the
 * pidfd's process, not a later one with the same pid.  -1 with errno.
 */
static int open_process(pid_t pid)
{
	char path[32];
	target_pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (target_pidfd < 0 && errno == ESRCH)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	int procfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (procfd >= 0 && target_pidfd >= 0 && !pidfd_alive(target_pidfd)) {
		close(procfd);
		errno = ESRCH;
		return -1;
	}
	return procfd;
}

/*
 * A namespace FILE, opened without opening what is not one: O_PATH opens
 * neither a FIFO (which would block) nor a device; only an nsfs file is
 * then opened for real, through the descriptor itself (no second lookup
 * by name).  -1 with errno (EINVAL: not a namespace file).
 */
static int open_ns_file(const char *file)
{
	int p = open(file, O_PATH | O_CLOEXEC);
	if (p < 0)
		return -1;
	struct statfs sfs;
	char path[32];
	int fd = -1;
	if (fstatfs(p, &sfs) < 0)
		goto out;
	if (sfs.f_type != NSFS_MAGIC) {
		errno = EINVAL;
		goto out;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p);
	fd = open(path, O_RDONLY | O_CLOEXEC);
out:;
	int e = errno;
	close(p);
	errno = e;
	return fd;
}

/* Enter the IPC namespace of FD (a namespace file), by the pidfd when there is one. */
static int enter_ipc(int fd)
{
	int rc = target_pidfd >= 0 ? setns(target_pidfd, CLONE_NEWIPC) : -1;
	if (target_pidfd < 0 || (rc < 0 && errno == EINVAL))	/* pidfds for setns: Linux 5.8 */
		rc = setns(fd, CLONE_NEWIPC);
	/*
	 * Without CAP_SYS_ADMIN here, the owner of a user namespace may still
	 * join it and enter its IPC namespace from there (ids are then shown
	 * as that namespace sees them).
	 */
	if (rc < 0 && errno == EPERM && join_owner(fd) == 0)
		rc = setns(fd, CLONE_NEWIPC);
	return rc;
}

int ns_enter(const struct ns_target *t)
{
	char name[PATH_MAX + 32];
	int procfd = -1, fd;
	what(t, name, sizeof(name));
	if (stat("/proc/self/ns/user", &home_user) < 0)
		home_user.st_ino = 0;
	if (t->pid) {
		procfd = open_process(t->pid);
		fd = procfd < 0 ? -1 : openat(procfd, "ns/ipc", O_RDONLY | O_CLOEXEC);
		if (fd < 0 && (errno == ENOENT || errno == ESRCH)) {
			warnx(_("--namespace: no such process: %d"), (int)t->pid);
			goto fail;
		}
	} else {
		fd = open_ns_file(t->arg);
	}
	if (fd < 0 && errno != EINVAL) {
		if (errno == EACCES || errno == EPERM)
			warnx(_("--namespace: not permitted to open the IPC namespace of %s: "
			      "entering another IPC namespace needs CAP_SYS_ADMIN over it"), name);
		else
			warn(_("--namespace: cannot open %s"), name);
		goto fail;
	}
	if (fd < 0 || ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWIPC) {
		warnx(_("--namespace: %s is not an IPC namespace (give a process id, or /proc/PID/ns/ipc)"), name);
		goto fail;
	}
	if (enter_ipc(fd) < 0) {
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
		reach_posix(procfd);
	if (procfd >= 0)
		close(procfd);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	if (procfd >= 0)
		close(procfd);
	return -1;
}

bool ns_reaches(enum ipc_kind kind)
{
	if (!entered || !kind_is_posix(kind))
		return true;
	return kind == KIND_PMSG ? reach_mqueue : reach_shm;
}

void ns_warn_unreached(const struct ns_target *t, enum ipc_kind kind, enum ns_action action)
{
	const char *plural = _(kinds[kind].plural);
	if (distrust[kind]) {
		/* TRANSLATORS: "--namespace 1234: refusing POSIX shared memory: its /dev/shm is ..." */
		warnx(_("--namespace %s: refusing %s: %s"), escape_arg(t->arg), plural, distrust[kind]);
		return;
	}
	switch (action) {
	case NS_SHOW:
		warnx(_("--namespace %s: cannot show %s through a namespace file: give a process id"), escape_arg(t->arg), plural);
		break;
	case NS_CREATE:
		warnx(_("--namespace %s: cannot create %s through a namespace file: give a process id"), escape_arg(t->arg), plural);
		break;
	case NS_REMOVE:
		warnx(_("--namespace %s: cannot remove %s through a namespace file: give a process id"), escape_arg(t->arg), plural);
		break;
	}
}

bool ns_check_kinds(const struct ns_target *t, const bool want[KINDS], enum ns_action action,
		    bool first_only, bool reached[KINDS])
{
	bool all = true;
	for (int k = 0; k < KINDS; k++) {
		bool ok = !want[k] || ns_reaches(k);
		if (reached)
			reached[k] = want[k] && ok;
		if (ok || (first_only && !all))
			continue;
		ns_warn_unreached(t, k, action);
		all = false;
	}
	return all;
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
	if (!entered || !t->pid)
		return 0;
	if (target_pidfd >= 0 ? pidfd_alive(target_pidfd) : kill(t->pid, 0) == 0 || errno != ESRCH)
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

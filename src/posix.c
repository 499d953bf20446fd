/*
 * POSIX IPC data module.  Linux keeps POSIX IPC objects as files: shared
 * memory in /dev/shm, named semaphores as /dev/shm/sem.NAME, message queues
 * in the mqueue filesystem.  Listing and removal work relative to a
 * directory descriptor and never follow symlinks, because /dev/shm is
 * world-writable and anyone may plant entries there.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/openat2.h>

#include "src/i18n.h"
#include "src/mqueue-text.h"
#include "src/posix.h"

#ifndef MQUEUE_MAGIC
#define MQUEUE_MAGIC 0x19800202
#endif

/* Kernel hard ceilings for privileged callers (ipc/mqueue.c, Linux >= 3.5). */
#define HARD_MSGMAX 65536L
#define HARD_MSGSIZEMAX (16L * 1024 * 1024)

static const struct posix_kind_desc {
	const char *dir;
	const char *prefix;	/* file name = prefix + name without '/' */
	size_t prefix_len;
	const char *exclude;	/* entries with this prefix belong to another kind */
} backends[KINDS] = {
	[KIND_PSHM] = { "/dev/shm",    "",     0, "sem." },
	[KIND_PMSG] = { "/dev/mqueue", "",     0, NULL },
	[KIND_PSEM] = { "/dev/shm",    "sem.", 4, NULL },
};

const char *posix_dir(enum ipc_kind kind)
{
	return backends[kind].dir;
}

static int open_kind_dir(enum ipc_kind kind);

/* --namespace: the directories of another namespace's objects, as descriptors. */
static int dir_fd[KINDS];
static bool dir_given[KINDS];

void posix_use_dir(enum ipc_kind kind, int dirfd)
{
	dir_fd[kind] = dirfd;
	dir_given[kind] = true;
}

int posix_dir_statfs(enum ipc_kind kind, struct statfs *sfs)
{
	int dfd = open_kind_dir(kind);
	if (dfd < 0)
		return -1;
	int rc = fstatfs(dfd, sfs);
	int e = errno;
	close(dfd);
	errno = e;
	return rc;
}

int posix_dir_stat(enum ipc_kind kind, struct stat *st)
{
	return dir_given[kind] ? fstat(dir_fd[kind], st) : stat(backends[kind].dir, st);
}

/* The kind's directory, refusing a symlink and a non-mqueue /dev/mqueue. */
static int open_kind_dir(enum ipc_kind kind)
{
	int dfd = dir_given[kind] ? openat(dir_fd[kind], ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
				  : open(backends[kind].dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0)
		return -1;
	if (kind == KIND_PMSG) {
		struct statfs sfs;
		if (fstatfs(dfd, &sfs) < 0 || sfs.f_type != MQUEUE_MAGIC) {
			close(dfd);
			errno = EMEDIUMTYPE;
			return -1;
		}
	}
	return dfd;
}

/*
 * Descriptors of entries already read, closed a batch at a time: one
 * close_range() per run of consecutive numbers instead of a close() each
 * (they are handed out lowest first, so a batch is mostly one run).  A
 * system call's entry and exit alone cost about a microsecond on virtual
 * machines, a sixth of reading a queue.
 */
struct fd_batch {
	size_t n;
	int fds[64];
};

static void batch_close(struct fd_batch *b)
{
	/* Ascending (insertion sort: they nearly are already). */
	for (size_t i = 1; i < b->n; i++) {
		int fd = b->fds[i];
		size_t j = i;
		for (; j > 0 && b->fds[j - 1] > fd; j--)
			b->fds[j] = b->fds[j - 1];
		b->fds[j] = fd;
	}
	/* Each run lo..hi holds only ours: they are distinct and consecutive. */
	for (size_t i = 0, end; i < b->n; i = end) {
		for (end = i + 1; end < b->n && b->fds[end] == b->fds[end - 1] + 1; end++)
			;
		if (end - i == 1 || close_range((unsigned)b->fds[i], (unsigned)b->fds[end - 1], 0) != 0)
			for (size_t k = i; k < end; k++)
				close(b->fds[k]);
	}
	b->n = 0;
}

static void batch_add(struct fd_batch *b, int fd)
{
	if (b->n == sizeof(b->fds) / sizeof(b->fds[0]))
		batch_close(b);
	b->fds[b->n++] = fd;
}

/*
 * An open queue: its file's text ("QSIZE:5  NOTIFY:0 ... NOTIFY_PID:0")
 * gives the bytes queued and the notified process, mq_getattr() on the
 * same descriptor the message counts (an mqueue file opened with open()
 * is a queue descriptor: no second open by name).
 */
static void read_mqueue(int fd, struct posix_object *o)
{
	char buf[256];
	ssize_t n = read(fd, buf, sizeof(buf));
	if (n > 0)
		mqueue_parse_text(buf, (size_t)n, &o->size, &o->notify_pid);
	struct mq_attr a;
	if (mq_getattr(fd, &a) == 0) {
		o->has_attr = true;
		o->maxmsg = a.mq_maxmsg;
		o->msgsize = a.mq_msgsize;
		o->curmsgs = a.mq_curmsgs;
	}
}

/*
 * The value from a copy of the file's bytes.  Never a mapping: the owner
 * may truncate the file under it (or it may be a hole on a full tmpfs),
 * and touching such a page kills the reader with SIGBUS.  A short read is
 * just "value unknown".
 */
static void read_sem_value(int fd, struct posix_object *o)
{
	sem_t copy;
	if (pread(fd, &copy, sizeof(copy), 0) == (ssize_t)sizeof(copy))
		o->has_value = sem_getvalue(&copy, &o->value) == 0;
}

static void fill_stat(struct posix_object *o, const struct stat *st)
{
	o->uid = st->st_uid;
	o->gid = st->st_gid;
	o->mode = st->st_mode;
	/* A queue's size is its QSIZE, known only when it can be read. */
	o->size = o->kind == KIND_PMSG ? 0 : (uint64_t)st->st_size;
	o->allocated = (uint64_t)st->st_blocks * 512;
	o->mtime = st->st_mtime;
	o->ctime = st->st_ctime;
	o->dev = st->st_dev;
	o->ino = st->st_ino;
}

/* The directory being scanned, its device, and /proc/self/fd for the fallback below. */
struct scan_dirs {
	int dfd, fd_dir;
	dev_t dev;
};

/*
 * FILE in the directory, for reading, only if it lies on the directory's
 * own mount: openat2 refuses to cross into a file or directory mounted
 * over the name (RESOLVE_NO_XDEV) and to follow a symlink.  Before Linux
 * 5.6, the entry is opened with O_PATH (which opens nothing: no FIFO
 * waits, no device is opened), and only a regular file on the directory's
 * device is opened again, through that descriptor's link in /proc/self/fd.
 */
static int open_entry(struct scan_dirs *d, const char *file)
{
	static bool no_openat2;
	if (!no_openat2) {
		struct open_how how = { .flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC,
					.resolve = RESOLVE_NO_XDEV | RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH };
		int fd = (int)syscall(SYS_openat2, d->dfd, file, &how, sizeof(how));
		if (fd >= 0 || errno != ENOSYS)
			return fd;
		no_openat2 = true;
	}
	if (d->fd_dir < 0)
		d->fd_dir = open("/proc/self/fd", O_PATH | O_DIRECTORY | O_CLOEXEC);
	int p = openat(d->dfd, file, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	int fd = -1;
	if (p >= 0 && d->fd_dir >= 0 && fstat(p, &st) == 0 && S_ISREG(st.st_mode) && st.st_dev == d->dev) {
		char num[16];
		snprintf(num, sizeof(num), "%d", p);
		fd = openat(d->fd_dir, num, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	}
	if (p >= 0)
		close(p);
	return fd;
}

/*
 * Queues and semaphores are read through a descriptor of the entry, which
 * also gives its attributes (fstat: no second lookup by name).  Only what
 * readdir showed as a regular file is opened, never following a symlink,
 * never past a mount (see open_entry), never waiting on a FIFO put in its
 * place since; the descriptor's own fstat decides whether it is read.
 * True if O was filled.
 */
static bool gather_open(struct scan_dirs *d, const char *file, struct posix_object *o, struct fd_batch *fds)
{
	int fd = open_entry(d, file);
	if (fd < 0)
		return false;
	struct stat st;
	bool ok = fstat(fd, &st) == 0;
	if (ok) {
		fill_stat(o, &st);
		if (S_ISREG(st.st_mode) && st.st_dev == d->dev) {
			if (o->kind == KIND_PMSG)
				read_mqueue(fd, o);
			else
				read_sem_value(fd, o);
		}
	}
	batch_add(fds, fd);
	return ok;
}

/*
 * Fill O from directory entry DE of the directory D; false if it vanished,
 * does not belong to KIND, or lies on another device than D (a file or
 * directory mounted over the name is no IPC object of that directory).
 */
static bool gather(enum ipc_kind kind, struct scan_dirs *d, const struct dirent *de,
		   struct posix_object *o, struct fd_batch *fds)
{
	const struct posix_kind_desc *k = &backends[kind];
	const char *file = de->d_name;
	size_t plen = k->prefix_len, len = strlen(file);
	if (file[0] == '.' && (len == 1 || (len == 2 && file[1] == '.')))
		return false;
	if (len <= plen || memcmp(file, k->prefix, plen) != 0)
		return false;
	if (k->exclude && strncmp(file, k->exclude, strlen(k->exclude)) == 0)
		return false;
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->name[0] = '/';
	memcpy(o->name + 1, file + plen, len - plen + 1);
	struct stat st;
	bool filled = false;
	if (de->d_type == DT_UNKNOWN) {	/* a file system without d_type: look before opening */
		if (fstatat(d->dfd, file, &st, AT_SYMLINK_NOFOLLOW) < 0)
			return false;
		fill_stat(o, &st);
		filled = true;
	}
	bool regular = filled ? S_ISREG(o->mode) : de->d_type == DT_REG;
	/* Shared memory needs no more than the entry's attributes. */
	if (kind != KIND_PSHM && regular && gather_open(d, file, o, fds))
		return o->dev == d->dev;
	/* Not readable by us, not a regular file, or mounted over: the entry's own attributes. */
	if (!filled) {
		if (fstatat(d->dfd, file, &st, AT_SYMLINK_NOFOLLOW) < 0)
			return false;
		fill_stat(o, &st);
	}
	return o->dev == d->dev;
}

int posix_scan(enum ipc_kind kind, posix_visit_fn visit, void *ctx)
{
	int dfd = open_kind_dir(kind);
	if (dfd < 0)
		return -1;
	DIR *dir = fdopendir(dfd);
	if (!dir) {
		int e = errno;
		close(dfd);
		errno = e;
		return -1;
	}
	/*
	 * tmpfs and mqueue give new entries ever higher directory offsets, so
	 * a reader racing with a creator could read forever.  Stop after as
	 * many entries as the directory could hold when we started: its size
	 * grows by at least one byte per entry on every filesystem.
	 */
	struct stat st;
	if (fstat(dfd, &st) < 0) {
		int e = errno;
		closedir(dir);
		errno = e;
		return -1;
	}
	uint64_t budget = (st.st_size > 0 ? (uint64_t)st.st_size : 0) + 1024;
	struct scan_dirs d = { dirfd(dir), -1, st.st_dev };
	int rc = 0;
	struct dirent *de;
	struct posix_object obj;
	struct fd_batch fds = { 0 };
	errno = 0;
	while (rc == 0 && budget-- > 0 && (de = readdir(dir)) != NULL) {
		if (gather(kind, &d, de, &obj, &fds))
			rc = visit(&obj, ctx);
		errno = 0;
	}
	int e = errno;
	batch_close(&fds);
	if (d.fd_dir >= 0)
		close(d.fd_dir);
	closedir(dir);
	if (rc == 0 && e) {
		errno = e;
		return -1;
	}
	return rc;
}

void posix_entry_path(const struct posix_object *obj, char *buf, size_t len)
{
	const struct posix_kind_desc *k = &backends[obj->kind];
	snprintf(buf, len, "%s/%s%s", k->dir, k->prefix, obj->name + 1);
}

/*
 * unlinkat(FILE) in directory DFD, only if the entry is still on the
 * directory's own device and, when INO is not 0, still the file seen on
 * DEV: checked just before acting, so that a file bind-mounted over the
 * name, or put in its place since the listing, is left alone.
 */
static int unlink_checked(int dfd, const char *file, uint64_t dev, uint64_t ino)
{
	struct stat dir, st;
	if (fstat(dfd, &dir) < 0 || fstatat(dfd, file, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	if (st.st_dev != dir.st_dev) {
		errno = EXDEV;
		return -1;
	}
	if (ino && (st.st_dev != dev || st.st_ino != ino)) {
		errno = ENOENT;	/* what was listed is gone */
		return -1;
	}
	/* unlinkat removes a symlink itself, never its target. */
	return unlinkat(dfd, file, 0);
}

int posix_remove_entry(const struct posix_object *obj)
{
	char file[sizeof(obj->name) + 8];
	snprintf(file, sizeof(file), "%s%s", backends[obj->kind].prefix, obj->name + 1);
	int dfd = open_kind_dir(obj->kind);
	if (dfd < 0)
		return -1;
	int rc = unlink_checked(dfd, file, obj->dev, obj->ino);
	int e = errno;
	close(dfd);
	errno = e;
	return rc;
}

/* The problems are msgids (N_): callers compare them, then translate them. */
const char *posix_name_problem(enum ipc_kind kind, const char *name)
{
	if (name[0] != '/')
		return N_("must start with '/'");
	if (name[1] == '\0')
		return N_("is empty after the '/'");
	if (strchr(name + 1, '/'))
		return N_("must not contain a '/' after the first character");
	if (strcmp(name, "/.") == 0 || strcmp(name, "/..") == 0)
		return N_("is not a valid name");
	/* /dev/shm/sem.X is semaphore X: shm_unlink("/sem.X") would remove it. */
	if (backends[kind].exclude && strncmp(name + 1, backends[kind].exclude, strlen(backends[kind].exclude)) == 0)
		return N_("is reserved for POSIX semaphores (sem.*)");
	if (strlen(backends[kind].prefix) + strlen(name + 1) > NAME_MAX)
		return N_("is too long");
	return NULL;
}

static long read_long_file(const char *path, long fallback)
{
	FILE *f = fopen(path, "re");
	long v;
	if (!f)
		return fallback;
	if (fscanf(f, "%ld", &v) != 1)
		v = fallback;
	fclose(f);
	return v;
}

/* The entry's file name in its directory: "NAME" or "sem.NAME". */
static void file_name(enum ipc_kind kind, const char *name, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s", backends[kind].prefix, name + 1);
}

/* shm_open(O_CREAT | O_EXCL), or the same in a directory given by --namespace. */
static int open_new_shm(const char *name, unsigned mode)
{
	if (!dir_given[KIND_PSHM])
		return shm_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	char file[NAME_MAX + 8];
	file_name(KIND_PSHM, name, file, sizeof(file));
	return openat(dir_fd[KIND_PSHM], file, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
}

static int create_shm(const char *name, unsigned mode, uint64_t size)
{
	if (size > INT64_MAX) {
		errno = EFBIG;
		return -1;
	}
	int fd = open_new_shm(name, mode);
	if (fd < 0)
		return -1;
	if (ftruncate(fd, (off_t)size) < 0) {
		int e = errno;
		posix_unlink(KIND_PSHM, name);
		close(fd);
		errno = e;
		return -1;
	}
	return close(fd);
}

static int create_mqueue(const char *name, unsigned mode, const struct posix_attr *attr)
{
	struct mq_attr a = { 0 };
	struct mq_attr *ap = NULL;
	if (attr->maxmsg || attr->msgsize) {
		a.mq_maxmsg = attr->maxmsg ? attr->maxmsg
			: read_long_file("/proc/sys/fs/mqueue/msg_default", 10);
		a.mq_msgsize = attr->msgsize ? attr->msgsize
			: read_long_file("/proc/sys/fs/mqueue/msgsize_default", 8192);
		ap = &a;
	}
	mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)mode, ap);
	if (q == (mqd_t)-1)
		return -1;
	return mq_close(q);
}

/*
 * sem_open(O_CREAT | O_EXCL) in a directory given by --namespace: an
 * unnamed file holding the initialised semaphore, linked in place at once
 * (EEXIST if the name is taken), as glibc does it.
 */
static int create_sem_in(int dirfd, const char *name, unsigned mode, unsigned value)
{
	char file[NAME_MAX + 8], path[64];
	file_name(KIND_PSEM, name, file, sizeof(file));
	int fd = openat(dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
	if (fd < 0)
		return -1;
	sem_t sem;
	int rc = sem_init(&sem, 1, value);
	if (rc == 0 && write(fd, &sem, sizeof(sem)) != (ssize_t)sizeof(sem)) {
		errno = errno ? errno : ENOSPC;
		rc = -1;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (rc == 0)
		rc = linkat(AT_FDCWD, path, dirfd, file, AT_SYMLINK_FOLLOW);
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

static int create_sem(const char *name, unsigned mode, unsigned value)
{
	if (dir_given[KIND_PSEM])
		return create_sem_in(dir_fd[KIND_PSEM], name, mode, value);
	sem_t *s = sem_open(name, O_CREAT | O_EXCL, (mode_t)mode, value);
	if (s == SEM_FAILED)
		return -1;
	return sem_close(s);
}

int posix_create(enum ipc_kind kind, const char *name, unsigned mode, const struct posix_attr *attr)
{
	/* -p MODE means exactly MODE, as for System V objects. */
	mode_t old = umask(0);
	int rc;
	switch (kind) {
	case KIND_PSHM:
		rc = create_shm(name, mode, attr->size);
		break;
	case KIND_PMSG:
		rc = create_mqueue(name, mode, attr);
		break;
	case KIND_PSEM:
		rc = create_sem(name, mode, attr->value);
		break;
	default:
		errno = EINVAL;
		rc = -1;
	}
	int e = errno;
	umask(old);
	errno = e;
	return rc;
}

int posix_unlink(enum ipc_kind kind, const char *name)
{
	if (dir_given[kind] && kind != KIND_PMSG) {
		char file[NAME_MAX + 8];
		file_name(kind, name, file, sizeof(file));
		return unlink_checked(dir_fd[kind], file, 0, 0);
	}
	switch (kind) {
	case KIND_PSHM:
		return shm_unlink(name);
	case KIND_PMSG:
		return mq_unlink(name);
	case KIND_PSEM:
		return sem_unlink(name);
	default:
		errno = EINVAL;
		return -1;
	}
}

const char *posix_mqueue_limit_problem(const struct posix_attr *attr, int errnum)
{
	static char buf[160];
	if (errnum == EINVAL) {
		static const struct {
			const char *what, *sysctl;
			long hard;
		} limits[] = {
			{ "maxmsg", "/proc/sys/fs/mqueue/msg_max", HARD_MSGMAX },
			{ "msgsize", "/proc/sys/fs/mqueue/msgsize_max", HARD_MSGSIZEMAX },
		};
		for (size_t i = 0; i < 2; i++) {
			long v = i == 0 ? attr->maxmsg : attr->msgsize;
			long soft = read_long_file(limits[i].sysctl, -1);
			if (v > limits[i].hard)
				/* TRANSLATORS: the first %s is an option name: maxmsg or msgsize */
				snprintf(buf, sizeof(buf), _("%s %ld exceeds the kernel's hard limit (%ld)"),
					 limits[i].what, v, limits[i].hard);
			else if (soft >= 0 && v > soft)
				/* TRANSLATORS: maxmsg or msgsize, its value, a /proc file, the file's value */
				snprintf(buf, sizeof(buf), _("%s %ld exceeds %s (%ld)"),
					 limits[i].what, v, limits[i].sysctl, soft);
			else
				continue;
			return buf;
		}
	}
	/* The per-user queue memory limit shows up as EMFILE too. */
	if (errnum == EMFILE)
		return _("RLIMIT_MSGQUEUE (ulimit -q) used up, or too many open files");
	if (errnum == ENOSPC)
		return _("the number of queues reached /proc/sys/fs/mqueue/queues_max");
	return NULL;
}

/* --- listing for ipcs --- */

#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX INT_MAX
#endif

int posix_limits(enum ipc_kind kind, struct posix_limits *l)
{
	memset(l, 0, sizeof(*l));
	if (kind == KIND_PMSG) {
		/* The sysctls exist whether or not /dev/mqueue is mounted. */
		long queues = read_long_file("/proc/sys/fs/mqueue/queues_max", -1);
		if (queues < 0) {
			errno = ENOENT;
			return -1;
		}
		l->queues_max = (uint64_t)queues;
		l->msg_max = (uint64_t)read_long_file("/proc/sys/fs/mqueue/msg_max", 0);
		l->msgsize_max = (uint64_t)read_long_file("/proc/sys/fs/mqueue/msgsize_max", 0);
		l->msg_default = (uint64_t)read_long_file("/proc/sys/fs/mqueue/msg_default", 0);
		l->msgsize_default = (uint64_t)read_long_file("/proc/sys/fs/mqueue/msgsize_default", 0);
		return 0;
	}
	struct statfs sfs;
	if (posix_dir_statfs(kind, &sfs) < 0)
		return -1;
	l->fs_size = (uint64_t)sfs.f_blocks * (uint64_t)sfs.f_bsize;
	l->fs_available = (uint64_t)sfs.f_bavail * (uint64_t)sfs.f_bsize;
	l->sem_value_max = SEM_VALUE_MAX;
	return 0;
}

struct find_ctx {
	const char *name;
	struct posix_object *out;
};

static int match_name(const struct posix_object *obj, void *ctx)
{
	struct find_ctx *f = ctx;
	if (!S_ISREG(obj->mode) || strcmp(obj->name, f->name) != 0)
		return 0;
	*f->out = *obj;
	return 1;
}

int posix_find(enum ipc_kind kind, const char *name, struct posix_object *out)
{
	struct find_ctx f = { name, out };
	int rc = posix_scan(kind, match_name, &f);
	return rc == 1 ? 0 : rc == 0 ? 1 : -1;
}

void posix_summary_add(struct posix_summary *s, const struct posix_object *obj)
{
	/* Directories, symlinks and the like are no IPC objects. */
	if (!S_ISREG(obj->mode))
		return;
	s->objects++;
	/*
	 * Queues count only when readable: their sizes are unknown otherwise.
	 * Sparse files make any size: saturate, and say so, rather than wrap.
	 */
	if ((obj->kind == KIND_PSHM || obj->has_attr) && __builtin_add_overflow(s->bytes, obj->size, &s->bytes)) {
		s->bytes = UINT64_MAX;
		s->capped = true;
	}
	if (obj->has_attr && obj->curmsgs > 0)
		s->messages += (uint64_t)obj->curmsgs;
	if (__builtin_add_overflow(s->allocated, obj->allocated, &s->allocated))
		s->allocated = UINT64_MAX;
	/* Not counted above rather than counted as empty: the caller says how many. */
	if ((obj->kind == KIND_PMSG && !obj->has_attr) || (obj->kind == KIND_PSEM && !obj->has_value))
		s->unreadable++;
}

static int sum_visit(const struct posix_object *obj, void *ctx)
{
	posix_summary_add(ctx, obj);
	return 0;
}

int posix_summary(enum ipc_kind kind, struct posix_summary *s)
{
	memset(s, 0, sizeof(*s));
	return posix_scan(kind, sum_visit, s);
}

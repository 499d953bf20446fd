/*
 * Who uses IPC objects, from one pass over /proc.  Each mapping or
 * descriptor on an IPC file system becomes a reference (device, inode,
 * pid); the references are sorted once and looked up per object.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kcmp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "src/format.h"
#include "src/holders.h"
#include "src/lines.h"
#include "src/maps.h"
#include "src/messages.h"
#include "src/procs.h"
#include "src/xalloc.h"

/* System V segments have no file: their references carry this device. */
#define SYSV_SHM_DEV UINT64_MAX

struct ref {
	uint64_t dev, ino;
	int64_t pid;
	unsigned how;
	uint32_t key;	/* System V: the key the mapping is named by */
	uint64_t ns;	/* System V: the process's IPC namespace (ids are per namespace) */
};

static struct ref *refs;
static size_t nrefs, caprefs;
/* Processes we could not read, and those that exited while we looked. */
static size_t unreadable, vanished;

/* The first processes that could not be read: named in the message, so the admin can judge. */
static int64_t blockers[HOLDERS_BLOCKERS_SHOWN];
static uint64_t shm_dev, mq_dev;
static bool have_shm_dev, have_mq_dev;

static void add_ref(uint64_t dev, uint64_t ino, int64_t pid, unsigned how, uint32_t key, uint64_t ns)
{
	if (nrefs == caprefs) {
		caprefs = caprefs ? 2 * caprefs : 256;
		refs = xreallocarray(refs, caprefs, sizeof(*refs));
	}
	refs[nrefs++] = (struct ref){ dev, ino, pid, how, key, ns };
}

/*
 * The devices System V segments live on: the kernel's internal shm mount
 * (memfd files are made there too) and its hugetlbfs mounts (SHM_HUGETLB).
 * A /SYSV<key> line counts only on one of these: anyone can name a file
 * of their own /SYSV0000dead, but no one can choose a name on these (memfd
 * names begin "memfd:").  Learnt from memfd_create, which leaves nothing
 * behind and needs no privilege.
 */
static uint64_t sysv_devs[8];
static size_t nsysv_devs;

static void learn_sysv_devs(void)
{
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif
	/* Page sizes as log2 << MFD_HUGE_SHIFT (26): default, 64K, 2M, 32M, 512M, 1G, 16G. */
	static const unsigned huge[] = {
		0, MFD_HUGETLB, MFD_HUGETLB | 16u << 26, MFD_HUGETLB | 21u << 26, MFD_HUGETLB | 25u << 26,
		MFD_HUGETLB | 29u << 26, MFD_HUGETLB | 30u << 26, MFD_HUGETLB | 34u << 26,
	};
	nsysv_devs = 0;
	for (size_t i = 0; i < ARRAY_SIZE(huge); i++) {
		/* vm.memfd_noexec=2 wants the seal; kernels before 6.3 refuse the flag. */
		int fd = memfd_create("ipcbox-probe", MFD_CLOEXEC | MFD_NOEXEC_SEAL | huge[i]);
		if (fd < 0 && errno == EINVAL)
			fd = memfd_create("ipcbox-probe", MFD_CLOEXEC | huge[i]);
		struct stat st;
		if (fd < 0)
			continue;
		bool ok = fstat(fd, &st) == 0;
		close(fd);
		bool seen = false;
		for (size_t d = 0; ok && d < nsysv_devs; d++)
			seen |= sysv_devs[d] == st.st_dev;
		if (ok && !seen && nsysv_devs < ARRAY_SIZE(sysv_devs))
			sysv_devs[nsysv_devs++] = st.st_dev;
	}
}

static bool sysv_dev(uint64_t dev)
{
	for (size_t i = 0; i < nsysv_devs; i++)
		if (sysv_devs[i] == dev)
			return true;
	return false;
}

/* What the requested kinds need from each process (see holders_scan). */
static bool want_sysv_maps, want_file_maps, want_fds;
static int proc_fd = -1;
static uint64_t our_ipc_ns_ino;

/*
 * --all-namespaces scans /proc once, in the parent, for every namespace:
 * System V references of every IPC namespace, and descriptors and
 * mappings on any namespace's /dev/shm or /dev/mqueue (sorted devices).
 * Each namespace's child then only looks up its own.
 */
static bool all_namespaces, prepared;
static uint64_t *scan_devs;
static size_t nscan_devs;

static int dev_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static bool scanned_dev(uint64_t dev)
{
	return bsearch(&dev, scan_devs, nscan_devs, sizeof(*scan_devs), dev_cmp) != NULL;
}

static bool ipc_dev(uint64_t dev)
{
	if (all_namespaces)
		return scanned_dev(dev);
	return (have_shm_dev && dev == shm_dev) || (have_mq_dev && dev == mq_dev);
}

/* The process being read, and its IPC namespace (asked lazily). */
struct proc_ctx {
	int64_t pid;
	int64_t ns;		/* -1: not asked yet; 0: cannot be read */
	long threads;		/* -1: not asked yet */
};

/* The namespace a /SYSV mapping's id belongs to, if it is one we look at; 0 if not. */
static uint64_t sysv_ns(struct proc_ctx *p)
{
	/* Only a /SYSV mapping asks: most processes have none, and pay nothing. */
	if (p->ns < 0) {
		char path[32];
		struct stat ns;
		snprintf(path, sizeof(path), "%lld/ns/ipc", (long long)p->pid);
		p->ns = fstatat(proc_fd, path, &ns, 0) == 0 ? (int64_t)ns.st_ino : 0;
	}
	return p->ns > 0 && (all_namespaces || (uint64_t)p->ns == our_ipc_ns_ino) ? (uint64_t)p->ns : 0;
}

/* The reference of one maps line, if any (most lines have none). */
static inline void maps_line(const char *s, const char *end, struct proc_ctx *p)
{
	struct maps_ref r;
	if (!maps_parse_line(s, end, &r))
		return;
	if (r.is_sysv) {
		/* Ids are per IPC namespace: another namespace's 3 is not our 3. */
		uint64_t ns;
		if (want_sysv_maps && r.has_key && sysv_dev(maps_dev(&r)) && (ns = sysv_ns(p)) != 0)
			add_ref(SYSV_SHM_DEV, r.ino, p->pid, HOLD_MAP, r.key, ns);
	} else if (want_file_maps && r.ino != 0 && ipc_dev(maps_dev(&r))) {
		add_ref(maps_dev(&r), r.ino, p->pid, HOLD_MAP, 0, 0);
	}
}

/* Big enough for any line (a path is at most PATH_MAX); maps comes a page per read. */
static char maps_buf[65536];

/*
 * One read loop, no stdio: the kernel's work is the floor, ours should add
 * nothing.  WHAT: "maps" or "task/TID/maps".  The bytes read, -1 on error.
 */
static long long scan_maps(struct proc_ctx *p, const char *what)
{
	char path[64];
	snprintf(path, sizeof(path), "%lld/%s", (long long)p->pid, what);
	int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct lines lb = LINES_INIT(maps_buf, sizeof(maps_buf));
	const char *s, *e;
	long long total = 0;
	for (;;) {
		ssize_t n = read(fd, lines_room(&lb), lines_space(&lb));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		total += n;
		lines_fed(&lb, (size_t)n);
		while (lines_next(&lb, &s, &e))
			maps_line(s, e, p);
	}
	if (lines_last(&lb, &s, &e))
		maps_line(s, e, p);
	close(fd);
	return total;
}

/* The threads of P's group, from its task directory's link count (2 + threads); 0 if unknown. */
static long thread_count(struct proc_ctx *p)
{
	if (p->threads < 0) {
		char path[40];
		struct statx stx;
		snprintf(path, sizeof(path), "%lld/task", (long long)p->pid);
		p->threads = statx(proc_fd, path, AT_STATX_DONT_SYNC, STATX_NLINK, &stx) == 0 && stx.stx_nlink > 2
			     ? (long)stx.stx_nlink - 2 : 0;
	}
	return p->threads;
}

struct task_scan {
	struct proc_ctx *p;
	int64_t last;		/* the task whose table was read last (the leader first) */
	int err;		/* a table that could not be read, other than gone */
	bool done;
};

/* The maps of the first live thread: all threads of a group share one. */
static bool task_maps(int64_t tid, void *ctx)
{
	struct task_scan *t = ctx;
	char what[40];
	snprintf(what, sizeof(what), "task/%lld/maps", (long long)tid);
	long long n = scan_maps(t->p, what);
	if (n < 0 && errno != ENOENT && errno != ESRCH) {
		t->err = errno;
		return true;	/* the group cannot be read: no need to try the rest */
	}
	t->done = n > 0;
	return t->done;
}

/*
 * A leader that called pthread_exit() has no maps any more (nor does a
 * kernel thread, which has no other task), and in a user namespace its
 * maps may not even be readable: read a live thread's then.
 */
static bool scan_group_maps(struct proc_ctx *p)
{
	long long n = scan_maps(p, "maps");
	int err = errno;
	if (n > 0 || (n < 0 && (err == ENOENT || err == ESRCH)) || thread_count(p) < 2) {
		errno = err;
		return n >= 0;
	}
	struct task_scan t = { p, p->pid, 0, false };
	if (!proc_each_task(proc_fd, p->pid, task_maps, &t) && errno != ENOENT && errno != ESRCH)
		return false;
	if (t.done || (n == 0 && !t.err))
		return true;
	errno = t.err ? t.err : err;
	return false;
}

/*
 * Open descriptors on /dev/shm or /dev/mqueue: one statx per descriptor
 * (cheaper than readlink then stat; the link text cannot decide, since
 * another mount namespace names the same file differently).  Cached
 * attributes only: a file on a dead network mount must not hang us.
 */
static bool scan_fds(struct proc_ctx *p, const char *what)
{
	char path[64];
	snprintf(path, sizeof(path), "%lld/%s", (long long)p->pid, what);
	int dfd = openat(proc_fd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return false;
	static char buf[32768];
	ssize_t n;
	while ((n = getdents64(dfd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n;) {
			const struct dirent64 *de = (const struct dirent64 *)(buf + off);
			off += de->d_reclen;
			if (de->d_name[0] == '.')
				continue;
			struct statx stx;
			if (statx(dfd, de->d_name, AT_STATX_DONT_SYNC | AT_NO_AUTOMOUNT, STATX_INO, &stx) < 0)
				continue;
			uint64_t dev = makedev(stx.stx_dev_major, stx.stx_dev_minor);
			if (ipc_dev(dev))
				add_ref(dev, stx.stx_ino, p->pid, HOLD_FD, 0, 0);
		}
	}
	int saved = errno;
	close(dfd);
	errno = saved;
	return n == 0;
}

/*
 * Whether /proc's pids are ours, so that kcmp() compares the tasks /proc
 * names (after --namespace, /proc may be another pid namespace's).
 */
static bool kcmp_usable;

/* Whether tasks A and B share one descriptor table (unknown: no). */
static bool same_fd_table(int64_t a, int64_t b)
{
	return kcmp_usable && syscall(SYS_kcmp, (pid_t)a, (pid_t)b, KCMP_FILES, 0, 0) == 0;
}

/* A thread's own table (unshare(CLONE_FILES), or a leader that exited): read it too. */
static bool task_fds(int64_t tid, void *ctx)
{
	struct task_scan *t = ctx;
	if (t->last && same_fd_table(tid, t->last))
		return false;
	char what[40];
	snprintf(what, sizeof(what), "task/%lld/fd", (long long)tid);
	if (scan_fds(t->p, what)) {
		t->last = tid;
		t->done = true;
	} else if (errno != ENOENT && errno != ESRCH) {
		t->err = errno;
		return true;	/* the group cannot be read: no need to try the rest */
	}
	return false;
}

/* The leader's descriptors, then those of each thread whose table differs. */
static bool scan_group_fds(struct proc_ctx *p)
{
	bool leader = scan_fds(p, "fd");
	int leader_err = errno;
	/*
	 * A leader that exited has no table, and in a user namespace not even
	 * a readable fd directory: its threads' tables decide then.
	 */
	if ((!leader && (leader_err == ENOENT || leader_err == ESRCH)) || thread_count(p) < 2) {
		errno = leader_err;
		return leader;
	}
	struct task_scan t = { p, leader ? p->pid : 0, 0, false };
	if (!proc_each_task(proc_fd, p->pid, task_fds, &t) && errno != ENOENT && errno != ESRCH)
		return false;
	if (t.err || (!leader && !t.done)) {
		errno = t.err ? t.err : leader_err;
		return false;
	}
	return true;
}

static int ref_cmp(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return x->pid < y->pid ? -1 : x->pid > y->pid;
}

/* Whether /proc shows our pid namespace: /proc/self is our pid there. */
static bool proc_is_ours(void)
{
	char link[32], self[32];
	ssize_t n = readlink("/proc/self", link, sizeof(link) - 1);
	if (n <= 0)
		return false;
	link[n] = '\0';
	snprintf(self, sizeof(self), "%lld", (long long)getpid());
	return strcmp(link, self) == 0;
}

/* Whether POSIX shared memory or semaphores are wanted: files of /dev/shm. */
static bool want_shm_files;

/* What WANT needs from each process; false if nothing (System V queues and sets only). */
static bool set_wants(const bool want[KINDS])
{
	want_shm_files = want[KIND_PSHM] || want[KIND_PSEM];
	/* System V queues and sets have no attach: only their recorded pids matter. */
	want_sysv_maps = want[KIND_SHM];
	want_file_maps = want[KIND_PSHM] || want[KIND_PSEM];	/* mqueues cannot be mapped */
	want_fds = want[KIND_PSHM] || want[KIND_PSEM] || want[KIND_PMSG];
	return want_sysv_maps || want_file_maps || want_fds;
}

/* Our namespace and /dev/shm and /dev/mqueue devices, where we are now. */
static void learn_where(void)
{
	struct stat st;
	have_shm_dev = posix_dir_stat(KIND_PSHM, &st) == 0;
	shm_dev = have_shm_dev ? st.st_dev : 0;
	have_mq_dev = posix_dir_stat(KIND_PMSG, &st) == 0;
	mq_dev = have_mq_dev ? st.st_dev : 0;
	our_ipc_ns_ino = stat("/proc/self/ns/ipc", &st) == 0 ? st.st_ino : 0;
}

/* The one pass over /proc (again, in a namespace the parent's did not cover). */
static bool scan_proc(void)
{
	nrefs = unreadable = vanished = 0;
	if (want_sysv_maps)
		learn_sysv_devs();
	kcmp_usable = want_fds && proc_is_ours();
	DIR *proc = opendir("/proc");
	if (!proc)
		return false;
	proc_fd = dirfd(proc);
	for (int64_t pid; (pid = proc_next_pid(proc)) != 0;) {
		struct proc_ctx p = { pid, -1, -1 };
		/* maps before fds: a process gone or hidden counts once. */
		bool ok = (!want_sysv_maps && !want_file_maps) || scan_group_maps(&p);
		if (ok && want_fds)
			ok = scan_group_fds(&p);
		/*
		 * One that exited holds nothing now (a zombie too, whose fd
		 * directory a user namespace is refused); one we cannot read might.
		 */
		if (!ok && (errno == ENOENT || errno == ESRCH || !proc_group_alive(pid)))
			vanished++;
		else if (!ok && unreadable < HOLDERS_BLOCKERS_SHOWN)
			blockers[unreadable++] = pid;
		else if (!ok)
			unreadable++;
	}
	closedir(proc);
	proc_fd = -1;
	if (nrefs > 1)
		qsort(refs, nrefs, sizeof(*refs), ref_cmp);
	return true;
}

bool holders_scan(const bool want[KINDS])
{
	proc_uid_rebase();
	if (!set_wants(want))
		return true;
	learn_where();
	if (prepared) {
		/*
		 * The parent's scan holds our files, unless ours are on a device
		 * it did not know (an mqueue reached without a /dev/mqueue mount).
		 */
		if ((!want_shm_files || !have_shm_dev || scanned_dev(shm_dev)) &&
		    (!want[KIND_PMSG] || !have_mq_dev || scanned_dev(mq_dev)))
			return true;
		prepared = all_namespaces = false;
	}
	return scan_proc();
}

bool holders_scan_namespaces(const bool want[KINDS], const pid_t *pids, size_t n)
{
	if (want[KIND_SEM] || want[KIND_MSG])
		proc_uid_prefetch();
	if (!set_wants(want))
		return true;
	learn_where();
	/* Each namespace's /dev/shm and /dev/mqueue device, as its processes see them. */
	scan_devs = xreallocarray(NULL, 2 * n + 2, sizeof(*scan_devs));
	nscan_devs = 0;
	if (have_shm_dev)
		scan_devs[nscan_devs++] = shm_dev;
	if (have_mq_dev)
		scan_devs[nscan_devs++] = mq_dev;
	for (size_t i = 0; i < n; i++) {
		static const char *const dirs[] = { "dev/shm", "dev/mqueue" };
		for (size_t d = 0; d < ARRAY_SIZE(dirs); d++) {
			char path[64];
			struct stat st;
			snprintf(path, sizeof(path), "/proc/%d/root/%s", (int)pids[i], dirs[d]);
			if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
				scan_devs[nscan_devs++] = st.st_dev;
		}
	}
	qsort(scan_devs, nscan_devs, sizeof(*scan_devs), dev_cmp);
	all_namespaces = true;
	if (!scan_proc())
		return false;
	prepared = true;
	return true;
}

size_t holders_unreadable(void)
{
	return unreadable;
}

/*
 * Objects share their processes (one server, thousands of sets): what we
 * learn about a pid is kept for the run, so each costs its syscalls once.
 */
struct pid_info {
	int64_t pid;		/* 0: free slot */
	bool alive, described, cmdline_read;
	uint32_t uid;
	char command[64];
	char *command_args;	/* kept for the run: holders point at it */
	size_t command_len;
};

static struct pid_info *pid_tab;
static size_t pid_cap, pid_used;

static struct pid_info *pid_slot(struct pid_info *tab, size_t cap, int64_t pid)
{
	size_t i = (size_t)((uint64_t)pid * 0x9e3779b97f4a7c15u >> 20) & (cap - 1);
	while (tab[i].pid != 0 && tab[i].pid != pid)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

/* PID's entry (PID > 0), its liveness looked up on first sight. */
static struct pid_info *pid_info(int64_t pid)
{
	if (2 * (pid_used + 1) > pid_cap) {
		size_t cap = pid_cap ? 2 * pid_cap : 256;
		struct pid_info *tab = xcalloc(cap, sizeof(*tab));
		for (size_t i = 0; i < pid_cap; i++)
			if (pid_tab[i].pid)
				*pid_slot(tab, cap, pid_tab[i].pid) = pid_tab[i];
		free(pid_tab);
		pid_tab = tab;
		pid_cap = cap;
	}
	struct pid_info *e = pid_slot(pid_tab, pid_cap, pid);
	if (e->pid == 0) {
		e->pid = pid;
		e->alive = proc_group_alive(pid);
		pid_used++;
	}
	return e;
}

/* Owner and command name of a live process, read once. */
static void pid_describe(struct pid_info *e)
{
	if (e->described)
		return;
	e->described = true;
	char path[48];
	struct stat st;
	snprintf(path, sizeof(path), "/proc/%lld", (long long)e->pid);
	if (stat(path, &st) == 0)
		e->uid = st.st_uid;
	snprintf(path, sizeof(path), "/proc/%lld/comm", (long long)e->pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	ssize_t n = read(fd, e->command, sizeof(e->command) - 1);
	close(fd);
	e->command[n > 0 ? n : 0] = '\0';
	e->command[strcspn(e->command, "\n")] = '\0';
}

size_t holders_blockers(struct holder *out)
{
	size_t n = unreadable < HOLDERS_BLOCKERS_SHOWN ? unreadable : HOLDERS_BLOCKERS_SHOWN;
	for (size_t i = 0; i < n; i++) {
		struct pid_info e = { .pid = blockers[i] };
		pid_describe(&e);
		out[i] = (struct holder){ .pid = e.pid, .uid = e.uid };
		memcpy(out[i].command, e.command, sizeof(out[i].command));
	}
	return n;
}

static struct holder *holder_for(struct holder_list *l, int64_t pid)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].pid == pid)
			return &l->items[i];
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->items = xreallocarray(l->items, l->cap, sizeof(*l->items));
	}
	struct holder *h = &l->items[l->n++];
	memset(h, 0, sizeof(*h));
	h->pid = pid;
	return h;
}

static void add_recorded(struct holder_list *l, int64_t pid, enum hold_role role)
{
	if (pid <= 0)	/* 0: never used, or not visible from here */
		return;
	struct holder *h = holder_for(l, pid);
	h->how |= HOLD_RECORDED;
	h->roles |= role;
}

/*
 * Every reference to (DEV, INO), binary search into the sorted list; System
 * V's (KEY not NULL, or DEV SYSV_SHM_DEV) must be of our namespace and key.
 */
static void add_refs(struct holder_list *l, uint64_t dev, uint64_t ino, const int32_t *key)
{
	size_t lo = 0, hi = nrefs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (refs[mid].dev < dev || (refs[mid].dev == dev && refs[mid].ino < ino))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < nrefs && refs[i].dev == dev && refs[i].ino == ino; i++)
		if ((dev != SYSV_SHM_DEV || refs[i].ns == our_ipc_ns_ino) && (!key || refs[i].key == (uint32_t)*key))
			holder_for(l, refs[i].pid)->how |= refs[i].how;
}

/* Liveness, owner and command name of each process. */
static void describe(struct holder_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct holder *h = &l->items[i];
		struct pid_info *e = h->pid > 0 ? pid_info(h->pid) : NULL;
		h->alive = e && e->alive;
		if (!h->alive)
			continue;
		pid_describe(e);
		h->uid = e->uid;
		memcpy(h->command, e->command, sizeof(h->command));
	}
}

void holders_command_lines(struct holder_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct holder *h = &l->items[i];
		if (!h->alive)
			continue;
		struct pid_info *e = pid_info(h->pid);
		if (!e->cmdline_read) {
			e->command_args = proc_command_args(h->pid, &e->command_len);
			e->cmdline_read = true;
		}
		h->command_args = e->command_args;
		h->command_len = e->command_len;
	}
}

void holders_of_sysv(const struct sysv_object *obj, const struct sysv_semval *semvals,
		     struct holder_list *l)
{
	memset(l, 0, sizeof(*l));
	switch (obj->kind) {
	case KIND_SHM:
		/* A removed segment's key reads 0, its mappings keep the name they had. */
		add_refs(l, SYSV_SHM_DEV, (uint64_t)obj->id, obj->key ? &obj->key : NULL);
		add_recorded(l, obj->pids[SHM_CPID], ROLE_CPID);
		add_recorded(l, obj->pids[SHM_LPID], ROLE_LPID);
		break;
	case KIND_MSG:
		add_recorded(l, obj->pids[MSG_LSPID], ROLE_LSPID);
		add_recorded(l, obj->pids[MSG_LRPID], ROLE_LRPID);
		break;
	case KIND_SEM:
		for (uint64_t i = 0; semvals && i < obj->size; i++) {
			add_recorded(l, semvals[i].pid, ROLE_SEMPID);
			l->waiting += (uint64_t)semvals[i].ncount + (uint64_t)semvals[i].zcount;
		}
		break;
	default:
		break;
	}
	describe(l);
}

void holders_of_posix(const struct posix_object *obj, struct holder_list *l)
{
	memset(l, 0, sizeof(*l));
	add_refs(l, obj->dev, obj->ino, NULL);
	if (obj->notify_pid > 0)
		holder_for(l, obj->notify_pid)->how |= HOLD_NOTIFY;
	describe(l);
}

void holder_list_free(struct holder_list *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}

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
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "src/holders.h"
#include "src/util.h"

/* System V segments have no file: their references carry this device. */
#define SYSV_SHM_DEV UINT64_MAX

struct ref {
	uint64_t dev, ino;
	int64_t pid;
	unsigned how;
};

static struct ref *refs;
static size_t nrefs, caprefs;
/* Processes we could not read, and those that exited while we looked. */
static size_t unreadable, vanished;
static uint64_t shm_dev, mq_dev;
static bool have_shm_dev, have_mq_dev;

static void add_ref(uint64_t dev, uint64_t ino, int64_t pid, unsigned how)
{
	if (nrefs == caprefs) {
		caprefs = caprefs ? 2 * caprefs : 256;
		refs = xreallocarray(refs, caprefs, sizeof(*refs));
	}
	refs[nrefs++] = (struct ref){ dev, ino, pid, how };
}

static bool ipc_dev(uint64_t dev)
{
	return (have_shm_dev && dev == shm_dev) || (have_mq_dev && dev == mq_dev);
}

/* "start-end perms offset MAJ:MIN inode   path": the references of one line. */
static void parse_maps_line(const char *line, int64_t pid, bool our_ipc_ns)
{
	unsigned maj, min;
	unsigned long long ino;
	int path_at = 0;
	if (sscanf(line, "%*x-%*x %*s %*x %x:%x %llu %n", &maj, &min, &ino, &path_at) != 3)
		return;
	const char *path = path_at ? line + path_at : "";
	/* The kernel names segments "/SYSV<key>"; the inode is the shmid. */
	if (strncmp(path, "/SYSV", 5) == 0) {
		/* Ids are per IPC namespace: another namespace's 3 is not our 3. */
		if (our_ipc_ns)
			add_ref(SYSV_SHM_DEV, ino, pid, HOLD_MAP);
	} else if (ino != 0 && ipc_dev(makedev(maj, min))) {
		add_ref(makedev(maj, min), ino, pid, HOLD_MAP);
	}
}

static uint64_t our_ipc_ns_ino;

static bool scan_maps(int piddir, int64_t pid)
{
	struct stat ns;
	bool same_ns = fstatat(piddir, "ns/ipc", &ns, 0) == 0 && ns.st_ino == our_ipc_ns_ino;
	int fd = openat(piddir, "maps", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	FILE *f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return false;
	}
	char *line = NULL;
	size_t cap = 0;
	bool ok = true;
	errno = 0;
	while (getline(&line, &cap, f) > 0) {
		/* Only lines with a path or a device can matter; anonymous ones are most. */
		if (strstr(line, " /"))
			parse_maps_line(line, pid, same_ns);
	}
	if (ferror(f))
		ok = false;
	free(line);
	fclose(f);
	return ok;
}

static bool scan_fds(int piddir, int64_t pid)
{
	int dfd = openat(piddir, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return false;
	DIR *dir = fdopendir(dfd);
	if (!dir) {
		close(dfd);
		return false;
	}
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char link[16];
		/* Sockets, pipes and anon inodes read "socket:[...]" and so on. */
		ssize_t n = readlinkat(dirfd(dir), de->d_name, link, sizeof(link));
		if (n <= 0 || link[0] != '/')
			continue;
		struct stat st;
		if (fstatat(dirfd(dir), de->d_name, &st, 0) == 0 && ipc_dev(st.st_dev))
			add_ref(st.st_dev, st.st_ino, pid, HOLD_FD);
	}
	closedir(dir);
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

bool holders_scan(void)
{
	struct stat st;
	if (posix_dir_stat(KIND_PSHM, &st) == 0) {
		shm_dev = st.st_dev;
		have_shm_dev = true;
	}
	if (posix_dir_stat(KIND_PMSG, &st) == 0) {
		mq_dev = st.st_dev;
		have_mq_dev = true;
	}
	if (stat("/proc/self/ns/ipc", &st) == 0)
		our_ipc_ns_ino = st.st_ino;
	DIR *proc = opendir("/proc");
	if (!proc)
		return false;
	int64_t self = getpid();
	struct dirent *de;
	while ((de = readdir(proc)) != NULL) {
		char *end;
		long long pid = strtoll(de->d_name, &end, 10);
		if (*end || pid <= 0 || pid == self)
			continue;
		int piddir = openat(dirfd(proc), de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		/* maps before fds: a process gone or hidden counts once. */
		if (piddir < 0 || !scan_maps(piddir, pid) || !scan_fds(piddir, pid)) {
			/* One that exited holds nothing now; one we cannot read might. */
			if (errno == ENOENT || errno == ESRCH)
				vanished++;
			else
				unreadable++;
		}
		if (piddir >= 0)
			close(piddir);
	}
	closedir(proc);
	if (nrefs > 1)
		qsort(refs, nrefs, sizeof(*refs), ref_cmp);
	return true;
}

size_t holders_uninspected(void)
{
	return unreadable + vanished;
}

static bool pid_alive_now(int64_t pid);

/*
 * Objects share their processes (one server, thousands of sets): remember
 * the answers of this run.  A collision only costs a second look.
 */
bool pid_alive(int64_t pid)
{
	static struct { int64_t pid; bool alive; } memo[512];
	unsigned slot = (unsigned)((uint64_t)pid % 512);
	if (pid > 0 && memo[slot].pid == pid)
		return memo[slot].alive;
	bool alive = pid_alive_now(pid);
	if (pid > 0) {
		memo[slot].pid = pid;
		memo[slot].alive = alive;
	}
	return alive;
}

static bool pid_alive_now(int64_t pid)
{
	if (pid <= 0 || pid > INT32_MAX || (kill((pid_t)pid, 0) < 0 && errno != EPERM))
		return false;
	/* A zombie has exited: it holds nothing and will use nothing again. */
	char path[48], stat[512];
	snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return true;
	ssize_t n = read(fd, stat, sizeof(stat) - 1);
	close(fd);
	if (n <= 0)
		return true;
	stat[n] = '\0';
	const char *paren = strrchr(stat, ')');
	return !(paren && paren[1] == ' ' && paren[2] == 'Z');
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

static void add_recorded(struct holder_list *l, int64_t pid, const char *role)
{
	if (pid <= 0)	/* 0: never used, or not visible from here */
		return;
	struct holder *h = holder_for(l, pid);
	h->how |= HOLD_RECORDED;
	if (!h->role)
		h->role = role;
}

/* Every reference to (DEV, INO), binary search into the sorted list. */
static void add_refs(struct holder_list *l, uint64_t dev, uint64_t ino)
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
		holder_for(l, refs[i].pid)->how |= refs[i].how;
}

/* Liveness, owner and command name of each process, once per list. */
static void describe(struct holder_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct holder *h = &l->items[i];
		h->alive = pid_alive(h->pid);
		if (!h->alive)
			continue;
		char path[48];
		struct stat st;
		snprintf(path, sizeof(path), "/proc/%lld", (long long)h->pid);
		if (stat(path, &st) == 0)
			h->uid = st.st_uid;
		snprintf(path, sizeof(path), "/proc/%lld/comm", (long long)h->pid);
		FILE *f = fopen(path, "re");
		if (f) {
			if (fgets(h->command, sizeof(h->command), f))
				h->command[strcspn(h->command, "\n")] = '\0';
			fclose(f);
		}
	}
}

void holders_of_sysv(const struct sysv_object *obj, const struct sysv_semval *semvals,
		     struct holder_list *l)
{
	memset(l, 0, sizeof(*l));
	switch (obj->kind) {
	case KIND_SHM:
		add_refs(l, SYSV_SHM_DEV, (uint64_t)obj->id);
		add_recorded(l, obj->pids[SHM_CPID], "cpid");
		add_recorded(l, obj->pids[SHM_LPID], "lpid");
		break;
	case KIND_MSG:
		add_recorded(l, obj->pids[MSG_LSPID], "lspid");
		add_recorded(l, obj->pids[MSG_LRPID], "lrpid");
		break;
	case KIND_SEM:
		for (uint64_t i = 0; semvals && i < obj->size; i++) {
			add_recorded(l, semvals[i].pid, "sempid");
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
	add_refs(l, obj->dev, obj->ino);
	if (obj->notify_pid > 0)
		holder_for(l, obj->notify_pid)->how |= HOLD_NOTIFY;
	describe(l);
}

void holder_list_free(struct holder_list *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* Every recorded pid dead, and at least one recorded; users (maps, fds) none. */
static bool recorded_all_dead(const struct holder_list *l)
{
	size_t recorded = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct holder *h = &l->items[i];
		if (h->how & ~HOLD_RECORDED)
			return false;
		if (h->alive)
			return false;
		recorded++;
	}
	return recorded > 0;
}

bool holders_orphaned(enum ipc_kind kind, const struct sysv_object *sysv,
		      const struct holder_list *l)
{
	switch (kind) {
	case KIND_SHM:
		/* Creator and last attacher both known and gone, nobody attached. */
		return sysv->count == 0 && sysv->pids[SHM_CPID] > 0 && sysv->pids[SHM_LPID] > 0 &&
		       recorded_all_dead(l);
	case KIND_MSG:
		return recorded_all_dead(l);
	case KIND_SEM:
		return l->waiting == 0 && recorded_all_dead(l);
	default:
		/* POSIX objects record no pid: only a complete scan can tell. */
		return unreadable == 0 && l->n == 0;
	}
}

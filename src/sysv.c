/*
 * System V IPC data module.  Objects come from one of three kernel sources,
 * tried fastest first: /proc/sysvipc/{msg,shm,sem} (a few large reads of
 * text the kernel formats: about 1.8x faster than the next at 10,000
 * objects of each kind), *_STAT_ANY over the index range that *_INFO
 * reports (Linux >= 4.17; one system call per index), then *_STAT (hides
 * unreadable objects).  /proc is used only when its header names exactly
 * the columns parsed here.  Every field a listing shows is in both of the
 * first two (a queue's capacity, qbytes, is in neither /proc nor a listing:
 * sysv_find asks IPC_STAT for it), and both see every object without read
 * permission, in the caller's IPC, pid and user namespaces: output does not
 * depend on the source.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/random.h>
#include <sys/shm.h>
#include <unistd.h>

#include "src/sysv.h"
#include "src/xalloc.h"

/* Older headers lack the _ANY commands; the numbers are kernel ABI. */
#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif
#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY 20
#endif
#ifndef MSG_COPY
#define MSG_COPY 040000
#endif
#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY 13
#endif

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

/*
 * Per-kind syscall glue.  stat() runs one *_STAT-style command on an index
 * and returns the object's id; info() returns the highest used index and the
 * number of objects in use.
 */
static int shm_stat(int index, int cmd, struct sysv_object *o)
{
	struct shmid_ds ds = { 0 };	/* valgrind does not know *_STAT_ANY fills it */
	int id = shmctl(index, cmd, &ds);
	if (id < 0)
		return -1;
	*o = (struct sysv_object){
		.kind = KIND_SHM, .key = ds.shm_perm.__key, .id = id,
		.mode = ds.shm_perm.mode,
		.uid = ds.shm_perm.uid, .gid = ds.shm_perm.gid,
		.cuid = ds.shm_perm.cuid, .cgid = ds.shm_perm.cgid,
		.times = { [SHM_ATIME] = ds.shm_atime, [SHM_DTIME] = ds.shm_dtime, [SHM_CTIME] = ds.shm_ctime },
		.pids = { [SHM_CPID] = ds.shm_cpid, [SHM_LPID] = ds.shm_lpid },
		.size = ds.shm_segsz, .count = ds.shm_nattch,
	};
	return id;
}

static int msg_stat(int index, int cmd, struct sysv_object *o)
{
	struct msqid_ds ds = { 0 };
	int id = msgctl(index, cmd, &ds);
	if (id < 0)
		return -1;
	*o = (struct sysv_object){
		.kind = KIND_MSG, .key = ds.msg_perm.__key, .id = id,
		.mode = ds.msg_perm.mode,
		.uid = ds.msg_perm.uid, .gid = ds.msg_perm.gid,
		.cuid = ds.msg_perm.cuid, .cgid = ds.msg_perm.cgid,
		.times = { [MSG_STIME] = ds.msg_stime, [MSG_RTIME] = ds.msg_rtime, [MSG_CTIME] = ds.msg_ctime },
		.pids = { [MSG_LSPID] = ds.msg_lspid, [MSG_LRPID] = ds.msg_lrpid },
		.size = ds.__msg_cbytes, .count = ds.msg_qnum,
		.qbytes = ds.msg_qbytes, .has_qbytes = true,
	};
	return id;
}

static int sem_stat(int index, int cmd, struct sysv_object *o)
{
	struct semid_ds ds = { 0 };
	int id = semctl(index, 0, cmd, (union semun){ .buf = &ds });
	if (id < 0)
		return -1;
	*o = (struct sysv_object){
		.kind = KIND_SEM, .key = ds.sem_perm.__key, .id = id,
		.mode = ds.sem_perm.mode,
		.uid = ds.sem_perm.uid, .gid = ds.sem_perm.gid,
		.cuid = ds.sem_perm.cuid, .cgid = ds.sem_perm.cgid,
		.times = { [SEM_OTIME] = ds.sem_otime, [SEM_CTIME] = ds.sem_ctime },
		.size = ds.sem_nsems,
	};
	return id;
}

static int shm_info(int *used)
{
	struct shm_info info = { 0 };
	int max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
	*used = info.used_ids;
	return max;
}

static int msg_info(int *used)
{
	struct msginfo info = { 0 };
	int max = msgctl(0, MSG_INFO, (struct msqid_ds *)&info);
	*used = info.msgpool;
	return max;
}

static int sem_info(int *used)
{
	struct seminfo info = { 0 };
	int max = semctl(0, 0, SEM_INFO, (union semun){ .__buf = &info });
	*used = info.semusz;
	return max;
}

/* How a /proc/sysvipc column lands in the struct. */
struct proc_column {
	size_t offset;
	enum { F_I32, F_U32, F_I64, F_U64, F_SKIP } type;
	int base;
};

#define COL(field, type, base) { offsetof(struct sysv_object, field), type, base }
#define SKIP { 0, F_SKIP, 10 }

static const struct kind_desc {
	const char *proc_path;
	const char *proc_header;	/* the column names, in order */
	int stat_any_cmd, stat_cmd;
	int (*stat)(int index, int cmd, struct sysv_object *o);
	int (*info)(int *used);
	struct proc_column columns[16];
	int ncolumns;
} backends[KIND_SEM + 1] = {
	[KIND_MSG] = {
		"/proc/sysvipc/msg",
		"key msqid perms cbytes qnum lspid lrpid uid gid cuid cgid stime rtime ctime",
		MSG_STAT_ANY, MSG_STAT, msg_stat, msg_info,
		{ COL(key, F_I32, 10), COL(id, F_I32, 10), COL(mode, F_U32, 8),
		  COL(size, F_U64, 10), COL(count, F_U64, 10),
		  COL(pids[MSG_LSPID], F_I64, 10), COL(pids[MSG_LRPID], F_I64, 10),
		  COL(uid, F_U32, 10), COL(gid, F_U32, 10), COL(cuid, F_U32, 10), COL(cgid, F_U32, 10),
		  COL(times[MSG_STIME], F_I64, 10), COL(times[MSG_RTIME], F_I64, 10), COL(times[MSG_CTIME], F_I64, 10) },
		14,
	},
	[KIND_SHM] = {
		"/proc/sysvipc/shm",
		"key shmid perms size cpid lpid nattch uid gid cuid cgid atime dtime ctime rss swap",
		SHM_STAT_ANY, SHM_STAT, shm_stat, shm_info,
		{ COL(key, F_I32, 10), COL(id, F_I32, 10), COL(mode, F_U32, 8),
		  COL(size, F_U64, 10), COL(pids[SHM_CPID], F_I64, 10), COL(pids[SHM_LPID], F_I64, 10),
		  COL(count, F_U64, 10),
		  COL(uid, F_U32, 10), COL(gid, F_U32, 10), COL(cuid, F_U32, 10), COL(cgid, F_U32, 10),
		  COL(times[SHM_ATIME], F_I64, 10), COL(times[SHM_DTIME], F_I64, 10), COL(times[SHM_CTIME], F_I64, 10),
		  COL(rss, F_U64, 10), COL(swap, F_U64, 10) },
		16,
	},
	[KIND_SEM] = {
		"/proc/sysvipc/sem",
		"key semid perms nsems uid gid cuid cgid otime ctime",
		SEM_STAT_ANY, SEM_STAT, sem_stat, sem_info,
		{ COL(key, F_I32, 10), COL(id, F_I32, 10), COL(mode, F_U32, 8),
		  COL(size, F_U64, 10),
		  COL(uid, F_U32, 10), COL(gid, F_U32, 10), COL(cuid, F_U32, 10), COL(cgid, F_U32, 10),
		  COL(times[SEM_OTIME], F_I64, 10), COL(times[SEM_CTIME], F_I64, 10) },
		10,
	},
};

static enum sysv_source forced_source = SOURCE_AUTO;
static bool source_from_env_checked;

static enum sysv_source wanted_source(void)
{
	if (!source_from_env_checked) {
		const char *env = getenv("IPCBOX_SYSV_SOURCE");
		source_from_env_checked = true;
		if (env && strcmp(env, "stat_any") == 0)
			forced_source = SOURCE_STAT_ANY;
		else if (env && strcmp(env, "proc") == 0)
			forced_source = SOURCE_PROC;
		else if (env && strcmp(env, "stat") == 0)
			forced_source = SOURCE_STAT;
	}
	return forced_source;
}

static inline const char *skip_blanks(const char *p)
{
	/* The kernel pads its columns with runs of spaces: eight at a time. */
	static const char eight[8] = "        ";
	while (memcmp(p, eight, 8) == 0)
		p += 8;
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The digits at P in BASE into *V (*OVERFLOW if they do not fit); past them. */
static inline const char *parse_digits(const char *p, unsigned base, uint64_t *v, bool *overflow)
{
	const char *digits = p;
	uint64_t n = 0;
	unsigned d;
	/* 18 digits never overflow (in base 8 or 10): no check per digit before. */
	while ((d = (unsigned)(unsigned char)*p - '0') < base && p - digits < 18) {
		n = n * base + d;
		p++;
	}
	for (; (d = (unsigned)(unsigned char)*p - '0') < base; p++) {
		*overflow |= __builtin_mul_overflow(n, base, &n);
		*overflow |= __builtin_add_overflow(n, d, &n);
	}
	*v = n;
	return p;
}

/*
 * One number of a /proc line at *P (after blanks), into the struct; false if
 * it is not a number of column C's type and range or is not followed by a
 * blank or the line's end.  By hand rather than strtoll: this runs once per
 * column of every object (30,000 lines at 10,000 of each kind).
 */
static bool parse_proc_number(const struct proc_column *c, const char **pp, struct sysv_object *o)
{
	const char *p = skip_blanks(*pp);
	bool neg = false;
	if (*p == '-') {
		if (c->type != F_I32 && c->type != F_I64)
			return false;
		neg = true;
		p++;
	}
	const uint64_t limit = c->type == F_I32 ? (neg ? (uint64_t)INT32_MAX + 1 : INT32_MAX)
			     : c->type == F_I64 ? (neg ? (uint64_t)INT64_MAX + 1 : INT64_MAX)
			     : c->type == F_U32 ? UINT32_MAX : UINT64_MAX;
	uint64_t v = 0;
	bool overflow = false;
	const char *digits = p;
	/* A constant base: multiplications the compiler makes shifts and adds. */
	p = c->base == 8 ? parse_digits(p, 8, &v, &overflow) : parse_digits(p, 10, &v, &overflow);
	if (p == digits || overflow || v > limit || (*p != ' ' && *p != '\n' && *p != '\0'))
		return false;
	void *field = (char *)o + c->offset;
	switch (c->type) {
	case F_I32:
		*(int32_t *)field = neg ? (int32_t)(0 - v) : (int32_t)v;
		break;
	case F_I64:
		*(int64_t *)field = neg ? (int64_t)(0 - v) : (int64_t)v;
		break;
	case F_U32:
		*(uint32_t *)field = (uint32_t)v;
		break;
	case F_U64:
		*(uint64_t *)field = v;
		break;
	case F_SKIP:
		break;
	}
	*pp = p;
	return true;
}

/* One /proc line (NUL-terminated); false if it does not have the expected columns. */
static bool parse_proc_line(const struct kind_desc *k, const char *line, struct sysv_object *o)
{
	const char *p = line;
	for (int i = 0; i < k->ncolumns; i++)
		if (!parse_proc_number(&k->columns[i], &p, o))
			return false;
	while (*p == ' ')
		p++;
	return *p == '\n' || *p == '\0';
}

/* Does the header line name exactly the columns parsed (words, any spacing)? */
static bool proc_header_matches(const struct kind_desc *k, const char *line)
{
	const char *want = k->proc_header;
	for (;;) {
		while (*line == ' ' || *line == '\t')
			line++;
		size_t n = strcspn(line, " \t"), m = strcspn(want, " ");
		if (n != m || memcmp(line, want, n) != 0)
			return false;
		if (n == 0)
			return true;
		line += n;
		want += m;
		while (*want == ' ')
			want++;
	}
}

/*
 * Big reads: the kernel's seq_file fills the whole buffer on each read, so
 * 30,000 lines take a few dozen system calls.
 */
#define PROC_READ_SIZE (64 * 1024)

/*
 * Set by a scan that returns -1 because its source does not work here, before
 * any object was visited: only then may sysv_scan try the next source (a
 * visitor's own -1, or a failure halfway, must not repeat objects).
 */
static bool source_unusable;

static int scan_proc(enum ipc_kind kind, sysv_visit_fn visit, void *ctx)
{
	const struct kind_desc *k = &backends[kind];
	int fd = open(k->proc_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		source_unusable = true;
		return -1;
	}
	/* Room after the data's NUL for skip_blanks's 8-byte reads (zeroed: defined). */
	char *buf = xcalloc(PROC_READ_SIZE + 8, 1);
	size_t have = 0;
	bool header = true, eof = false;
	int rc = 0;
	while (rc == 0 && !eof) {
		ssize_t got = read(fd, buf + have, PROC_READ_SIZE - have);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			source_unusable = header;
			rc = -1;
			break;
		}
		eof = got == 0;
		have += (size_t)got;
		buf[have] = '\0';
		char *line = buf, *end = buf + have;
		while (rc == 0 && line < end) {
			char *nl = memchr(line, '\n', (size_t)(end - line));
			if (!nl && !eof)
				break;	/* the rest comes with the next read */
			if (nl)
				*nl = '\0';
			if (header) {
				/* Not the columns we know (another kernel's layout): let the caller fall back. */
				if (!proc_header_matches(k, line)) {
					errno = EPROTO;
					source_unusable = true;
					rc = -1;
				}
				header = false;
			} else {
				struct sysv_object o = { .kind = kind, .has_memory = kind == KIND_SHM };
				if (parse_proc_line(k, line, &o))
					rc = visit(&o, ctx);
			}
			line = nl ? nl + 1 : end;
		}
		have = (size_t)(end - line);
		if (rc == 0 && have == PROC_READ_SIZE) {
			errno = EIO;	/* a line longer than any the kernel writes */
			rc = -1;
		}
		memmove(buf, line, have);
	}
	if (rc == 0 && header) {
		errno = EIO;	/* not even a header */
		source_unusable = true;
		rc = -1;
	}
	int e = errno;
	free(buf);
	close(fd);
	errno = e;
	return rc;
}

/*
 * Walk the index range with a *_STAT command.  Unused indices fail with
 * EINVAL; a kernel without the command fails on every index, which we can
 * only tell from the in-use count that *_INFO reports.
 */
static int scan_stat(enum ipc_kind kind, int cmd, sysv_visit_fn visit, void *ctx)
{
	const struct kind_desc *k = &backends[kind];
	int used = 0;
	int max = k->info(&used);
	if (max < 0) {
		source_unusable = true;
		return -1;
	}
	int seen = 0;
	for (int index = 0; index <= max; index++) {
		struct sysv_object o;
		if (k->stat(index, cmd, &o) < 0)
			continue;
		seen++;
		int rc = visit(&o, ctx);
		if (rc)
			return rc;
	}
	if (seen == 0 && used > 0 && cmd == k->stat_any_cmd) {
		errno = EINVAL;
		source_unusable = true;
		return -1;
	}
	return 0;
}

int sysv_scan(enum ipc_kind kind, sysv_visit_fn visit, void *ctx)
{
	const struct kind_desc *k = &backends[kind];
	switch (wanted_source()) {
	case SOURCE_STAT_ANY:
		return scan_stat(kind, k->stat_any_cmd, visit, ctx);
	case SOURCE_PROC:
		return scan_proc(kind, visit, ctx);
	case SOURCE_STAT:
		return scan_stat(kind, k->stat_cmd, visit, ctx);
	case SOURCE_AUTO:
		break;
	}
	source_unusable = false;
	int rc = scan_proc(kind, visit, ctx);
	if (rc != -1 || !source_unusable)
		return rc;
	source_unusable = false;
	rc = scan_stat(kind, k->stat_any_cmd, visit, ctx);
	if (rc != -1 || !source_unusable)
		return rc;
	return scan_stat(kind, k->stat_cmd, visit, ctx);
}

/* sysv_gather's growing array. */
struct gather_ctx {
	struct sysv_object *objs;
	size_t n, cap;
};

static int gather_visit(const struct sysv_object *obj, void *ctx)
{
	struct gather_ctx *g = ctx;
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 64;
		g->objs = xreallocarray(g->objs, g->cap, sizeof(*g->objs));
	}
	g->objs[g->n++] = *obj;
	return 0;
}

int sysv_gather(enum ipc_kind kind, struct sysv_object **objs, size_t *n)
{
	struct gather_ctx g = { 0 };
	int rc = sysv_scan(kind, gather_visit, &g);
	if (rc < 0) {
		int e = errno;
		free(g.objs);
		errno = e;
		*objs = NULL;
		*n = 0;
		return -1;
	}
	*objs = g.objs;
	*n = g.n;
	return 0;
}

struct find_ctx {
	int id;
	struct sysv_object *out;
};

static int match_id(const struct sysv_object *o, void *ctx)
{
	struct find_ctx *f = ctx;
	if (o->id != f->id)
		return 0;
	*f->out = *o;
	return 1;
}

/*
 * An id is its slot's index plus a sequence number above bit 15 (bit 24
 * with the ipcmni_extend boot option): *_STAT_ANY on that index finds the
 * object with one system call instead of a scan of every object.  Only when
 * the slot holds exactly this id; anything else (no *_STAT_ANY, a reused
 * slot) is left to the scan.
 */
static bool find_by_index(enum ipc_kind kind, int id, struct sysv_object *out)
{
	const struct kind_desc *k = &backends[kind];
	static const int masks[] = { 0x7fff, 0xffffff };
	if (id < 0)
		return false;
	for (size_t i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		struct sysv_object o;
		if (k->stat(id & masks[i], k->stat_any_cmd, &o) == id) {
			*out = o;
			return true;
		}
	}
	return false;
}

/* A queue's capacity (msg_qbytes) by IPC_STAT: whether it could be read. */
static bool msg_qbytes(int id, uint64_t *qbytes)
{
	struct msqid_ds ds;
	bool ok = msgctl(id, IPC_STAT, &ds) == 0;
	*qbytes = ok ? ds.msg_qbytes : 0;
	return ok;
}

uint64_t sysv_msg_qbytes(int id)
{
	uint64_t q;
	msg_qbytes(id, &q);
	return q;
}

int sysv_find(enum ipc_kind kind, int id, struct sysv_object *out)
{
	struct find_ctx f = { id, out };
	int rc = wanted_source() == SOURCE_AUTO && find_by_index(kind, id, out) ? 1
		 : sysv_scan(kind, match_id, &f);
	if (rc == 0)
		errno = ENOENT;
	if (rc != 1)
		return -1;
	/*
	 * The capacity is shown only to those who may read the queue (as
	 * util-linux, which asks IPC_STAT): the same from every source.
	 */
	if (kind == KIND_MSG)
		out->has_qbytes = msg_qbytes(id, &out->qbytes);
	return 0;
}

/* /proc/sysvipc/shm's rss and swap by id, for segments another source read. */
struct shm_memory {
	int32_t id;
	uint64_t rss, swap;
};
static struct {
	bool loaded;
	struct shm_memory *items;
	size_t n, cap;
} shm_memory;

static int memory_visit(const struct sysv_object *o, void *ctx)
{
	(void)ctx;
	if (shm_memory.n == shm_memory.cap) {
		shm_memory.cap = shm_memory.cap ? 2 * shm_memory.cap : 64;
		shm_memory.items = xreallocarray(shm_memory.items, shm_memory.cap, sizeof(*shm_memory.items));
	}
	shm_memory.items[shm_memory.n++] = (struct shm_memory){ o->id, o->rss, o->swap };
	return 0;
}

static int by_id(const void *a, const void *b)
{
	int32_t x = ((const struct shm_memory *)a)->id, y = ((const struct shm_memory *)b)->id;
	return (x > y) - (x < y);
}

void sysv_memory_forget(void)
{
	free(shm_memory.items);
	shm_memory.items = NULL;
	shm_memory.n = shm_memory.cap = 0;
	shm_memory.loaded = false;
}

void sysv_complete(struct sysv_object *o)
{
	if (o->kind == KIND_MSG && !o->has_qbytes) {
		/* MSG_STAT_ANY takes an index, which an id's low bits are: the same queue if it returns the id. */
		struct msqid_ds ds = { 0 };
		o->has_qbytes = msgctl(o->id, MSG_STAT_ANY, &ds) == o->id || msgctl(o->id, IPC_STAT, &ds) == 0;
		o->qbytes = o->has_qbytes ? ds.msg_qbytes : 0;
	}
	if (o->kind != KIND_SHM || o->has_memory)
		return;
	if (!shm_memory.loaded) {
		/* Unreadable (no /proc): the values stay unknown, shown as such. */
		shm_memory.loaded = true;
		if (scan_proc(KIND_SHM, memory_visit, NULL) == 0)
			qsort(shm_memory.items, shm_memory.n, sizeof(*shm_memory.items), by_id);
		else
			shm_memory.n = 0;
	}
	struct shm_memory key = { .id = o->id }, *m;
	m = shm_memory.n ? bsearch(&key, shm_memory.items, shm_memory.n, sizeof(key), by_id) : NULL;
	if (m) {
		o->rss = m->rss;
		o->swap = m->swap;
		o->has_memory = true;
	}
}

/* The largest message the kernel takes now (msgmax), or 0 if unknown. */
static size_t msg_max(void)
{
	struct msginfo info;
	if (msgctl(0, IPC_INFO, (struct msqid_ds *)(void *)&info) < 0 || info.msgmax <= 0)
		return 0;
	return (size_t)info.msgmax;
}

int sysv_msg_peek(int id, size_t keep, struct sysv_message_list *l)
{
	struct msqid_ds ds;
	l->msgs = NULL;
	l->n = 0;
	l->more = false;
	if (msgctl(id, IPC_STAT, &ds) < 0)
		return -1;
	/*
	 * Every message queued now fits in min(cbytes, msgmax) (+1 tells a
	 * message of exactly the buffer's size from a cut one); one sent since
	 * may be larger: MSG_NOERROR cuts it to the buffer, and a full buffer
	 * is read again with twice the room.  The kernel copies the whole
	 * buffer on each call: no more room than a message can need.
	 */
	size_t room = (size_t)ds.msg_cbytes, max = msg_max();
	if (max && room > max)
		room = max;
	if (room > (size_t)1 << 20)
		room = (size_t)1 << 20;
	room++;
	uint64_t want = ds.msg_qnum;
	if (want > SYSV_PEEK_MAX) {
		want = SYSV_PEEK_MAX;
		l->more = true;
	}
	struct sysv_message *msgs = xcalloc(want ? want : 1, sizeof(*msgs));
	struct { long type; unsigned char text[]; } *buf = xmalloc(sizeof(*buf) + room);
	size_t count = 0;
	int rc = 0;
	for (uint64_t pos = 0; pos < want;) {
		ssize_t got = msgrcv(id, buf, room, (long)pos, MSG_COPY | IPC_NOWAIT | MSG_NOERROR);
		if (got < 0) {
			if (errno != ENOMSG)	/* ENOMSG: a receiver took messages meanwhile */
				rc = -1;
			l->more = false;
			break;
		}
		if ((size_t)got == room && room < (size_t)SSIZE_MAX / 2) {
			room *= 2;
			free(buf);
			buf = xmalloc(sizeof(*buf) + room);
			continue;
		}
		struct sysv_message *m = &msgs[count++];
		m->position = pos++;
		m->type = buf->type;
		m->size = (size_t)got;
		/* Only what will be shown is kept. */
		size_t kept = m->size < keep ? m->size : keep;
		m->data = xmalloc(kept ? kept : 1);
		memcpy(m->data, buf->text, kept);
	}
	free(buf);
	if (rc < 0) {
		int e = errno;
		sysv_messages_free(msgs, count);
		errno = e;
		return -1;
	}
	l->msgs = msgs;
	l->n = count;
	return 0;
}

void sysv_messages_free(struct sysv_message *msgs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(msgs[i].data);
	free(msgs);
}

/* One semctl per semaphore and field: ask only for the fields wanted. */
struct sysv_semval *sysv_sem_values(int semid, unsigned nsems, unsigned what)
{
	struct sysv_semval *v = xcalloc(nsems, sizeof(*v));
	for (unsigned i = 0; i < nsems; i++) {
		int val = what & SEMV_VALUE ? semctl(semid, (int)i, GETVAL) : 0;
		int ncount = what & SEMV_WAITING ? semctl(semid, (int)i, GETNCNT) : 0;
		int zcount = what & SEMV_WAITING ? semctl(semid, (int)i, GETZCNT) : 0;
		int pid = what & SEMV_PID ? semctl(semid, (int)i, GETPID) : 0;
		if (val < 0 || ncount < 0 || zcount < 0 || pid < 0) {
			int saved = errno;
			free(v);
			errno = saved;
			return NULL;
		}
		v[i] = (struct sysv_semval){ val, ncount, zcount, pid };
	}
	return v;
}

/* Read up to n unsigned numbers from a /proc/sys file; the count read. */
static int read_proc_numbers(const char *path, uint64_t *values, int n)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	int got = 0;
	while (got < n && fscanf(f, "%" SCNu64, &values[got]) == 1)
		got++;
	fclose(f);
	return got;
}

int sysv_limits(enum ipc_kind kind, struct sysv_limits *l)
{
	memset(l, 0, sizeof(*l));
	switch (kind) {
	case KIND_MSG: {
		struct msginfo info;
		if (msgctl(0, IPC_INFO, (struct msqid_ds *)&info) < 0)
			return -1;
		l->msgmni = info.msgmni;
		l->msgmax = info.msgmax;
		l->msgmnb = info.msgmnb;
		read_proc_numbers("/proc/sys/kernel/msgmni", &l->msgmni, 1);
		read_proc_numbers("/proc/sys/kernel/msgmax", &l->msgmax, 1);
		read_proc_numbers("/proc/sys/kernel/msgmnb", &l->msgmnb, 1);
		return 0;
	}
	case KIND_SHM: {
		struct shminfo info;
		if (shmctl(0, IPC_INFO, (struct shmid_ds *)&info) < 0)
			return -1;
		l->shmmni = info.shmmni;
		l->shmmax = info.shmmax;
		l->shmall = info.shmall;
		l->shmmin = info.shmmin;
		read_proc_numbers("/proc/sys/kernel/shmmni", &l->shmmni, 1);
		read_proc_numbers("/proc/sys/kernel/shmmax", &l->shmmax, 1);
		read_proc_numbers("/proc/sys/kernel/shmall", &l->shmall, 1);
		return 0;
	}
	case KIND_SEM: {
		struct seminfo info;
		if (semctl(0, 0, IPC_INFO, (union semun){ .__buf = &info }) < 0)
			return -1;
		l->semmsl = info.semmsl;
		l->semmns = info.semmns;
		l->semopm = info.semopm;
		l->semmni = info.semmni;
		l->semvmx = info.semvmx;
		uint64_t sem[4];
		if (read_proc_numbers("/proc/sys/kernel/sem", sem, 4) == 4) {
			l->semmsl = sem[0];
			l->semmns = sem[1];
			l->semopm = sem[2];
			l->semmni = sem[3];
		}
		return 0;
	}
	default:
		errno = EINVAL;
		return -1;
	}
}

int sysv_summary(enum ipc_kind kind, struct sysv_summary *s)
{
	memset(s, 0, sizeof(*s));
	switch (kind) {
	case KIND_MSG: {
		struct msginfo info;
		if (msgctl(0, MSG_INFO, (struct msqid_ds *)&info) < 0)
			return -1;
		s->msg_queues = info.msgpool;
		s->msg_headers = info.msgmap;
		s->msg_bytes = info.msgtql;
		return 0;
	}
	case KIND_SHM: {
		struct shm_info info;
		if (shmctl(0, SHM_INFO, (struct shmid_ds *)&info) < 0)
			return -1;
		s->shm_segments = info.used_ids;
		s->shm_pages = info.shm_tot;
		s->shm_resident = info.shm_rss;
		s->shm_swapped = info.shm_swp;
		s->swap_attempts = info.swap_attempts;
		s->swap_successes = info.swap_successes;
		return 0;
	}
	case KIND_SEM: {
		struct seminfo info;
		if (semctl(0, 0, SEM_INFO, (union semun){ .__buf = &info }) < 0)
			return -1;
		s->sem_arrays = info.semusz;
		s->sem_total = info.semaem;
		return 0;
	}
	default:
		errno = EINVAL;
		return -1;
	}
}

int sysv_remove(enum ipc_kind kind, int id)
{
	switch (kind) {
	case KIND_MSG:
		return msgctl(id, IPC_RMID, NULL);
	case KIND_SHM:
		return shmctl(id, IPC_RMID, NULL);
	case KIND_SEM:
		return semctl(id, 0, IPC_RMID);
	default:
		errno = EINVAL;
		return -1;
	}
}

int sysv_id_of_key(enum ipc_kind kind, int32_t key)
{
	/* Size/nsems 0 and no flags: look up only, never create. */
	switch (kind) {
	case KIND_MSG:
		return msgget(key, 0);
	case KIND_SHM:
		return shmget(key, 0, 0);
	case KIND_SEM:
		return semget(key, 0, 0);
	default:
		errno = EINVAL;
		return -1;
	}
}

static int sysv_get(enum ipc_kind kind, int32_t key, int flags, uint64_t size)
{
	switch (kind) {
	case KIND_SHM:
		if (size > SIZE_MAX) {
			errno = EINVAL;
			return -1;
		}
		return shmget(key, (size_t)size, flags);
	case KIND_MSG:
		return msgget(key, flags);
	case KIND_SEM:
		if (size > INT_MAX) {
			errno = EINVAL;
			return -1;
		}
		return semget(key, (int)size, flags);
	default:
		errno = EINVAL;
		return -1;
	}
}

int sysv_create(enum ipc_kind kind, int32_t key, unsigned mode, uint64_t size)
{
	/* Only permission bits: the higher ones are IPC_* / SHM_* flags. */
	int flags = IPC_CREAT | IPC_EXCL | (int)(mode & 0777);
	if (key != IPC_PRIVATE)
		return sysv_get(kind, key, flags, size);
	/* Never key 0: IPC_PRIVATE objects cannot be found again by key. */
	for (int tries = 0; tries < 128; tries++) {
		uint32_t random_key = 0;
		if (getrandom(&random_key, sizeof(random_key), 0) != sizeof(random_key))
			return -1;
		if (random_key == IPC_PRIVATE)
			continue;
		int id = sysv_get(kind, (int32_t)random_key, flags, size);
		if (id >= 0 || errno != EEXIST)
			return id;
	}
	errno = EEXIST;
	return -1;
}

/*
 * Limits headroom (ipcs --global, ipcs --metrics): each limit with its use.
 * A data module: it gathers through sysv.c and posix.c (plus statfs of
 * /dev/shm and getrlimit) and never prints.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "src/i18n.h"
#include "src/limits.h"
#include "src/owners.h"
#include "src/posix.h"
#include "src/queue-full.h"
#include "src/sysv.h"

#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX INT_MAX
#endif

static struct usage_row *add_row(struct usage_report *r, enum ipc_kind kind, const char *resource,
				 const char *label, enum usage_unit unit, const char *description,
				 uint64_t limit)
{
	struct usage_row *row = &r->rows[r->nrows++];
	*row = (struct usage_row){ .kind = kind, .resource = resource, .label = label,
				   .unit = unit, .description = description, .limit = limit };
	return row;
}

/* A limit on each object, not on their sum: the metrics keep these apart. */
static struct usage_row *add_object_row(struct usage_report *r, enum ipc_kind kind, const char *resource,
					const char *label, enum usage_unit unit, const char *description,
					uint64_t limit)
{
	struct usage_row *row = add_row(r, kind, resource, label, unit, description, limit);
	row->per_object = true;
	return row;
}

static void set_used(struct usage_row *row, uint64_t used)
{
	row->has_used = true;
	row->used = used;
}

/* A per-object limit's use: the largest current object, when there is one. */
static void set_largest(struct usage_row *row, bool have, uint64_t largest)
{
	if (!have)
		return;
	set_used(row, largest);
	row->largest = true;
}

static void failed(struct usage_report *r, enum ipc_kind kind, enum usage_failure what)
{
	if (!r->error[kind]) {
		r->error[kind] = errno ? errno : EIO;
		r->error_what[kind] = what;
	}
}

static struct owner_table *owners_of(const struct usage_report *r, enum ipc_kind kind)
{
	return r->owners ? r->owners[kind] : NULL;
}

/* One pass over a System V kind: the largest object, the totals per owner, the full queues. */
struct sysv_pass {
	uint64_t largest;	/* segment bytes, queued bytes, nsems */
	struct owner_table *owners;
	uint64_t full;
};

static int sysv_visit(const struct sysv_object *obj, void *ctx)
{
	struct sysv_pass *p = ctx;
	if (obj->size > p->largest)
		p->largest = obj->size;
	if (p->owners)
		owners_add(p->owners, &(struct ipc_item){ .kind = obj->kind, .sysv = obj });
	/* An empty queue is never full; /proc/sysvipc/msg leaves out the capacity. */
	if (obj->kind == KIND_MSG && (obj->size || obj->count)) {
		uint64_t qbytes = obj->qbytes ? obj->qbytes : sysv_msg_qbytes(obj->id);
		p->full += sysv_queue_state(obj->size, obj->count, qbytes) == QUEUE_FULL;
	}
	return 0;
}

static void gather_sysv(enum ipc_kind kind, bool scan, struct usage_report *r)
{
	struct sysv_limits l;
	struct sysv_summary s;
	if (sysv_limits(kind, &l) < 0) {
		failed(r, kind, USAGE_FAILED_LIMITS);
		return;
	}
	if (sysv_summary(kind, &s) < 0) {
		failed(r, kind, USAGE_FAILED_STATUS);
		return;
	}
	struct sysv_pass p = { .owners = owners_of(r, kind) };
	bool have_largest = false;
	if (scan || p.owners) {
		if (sysv_scan(kind, sysv_visit, &p) < 0)
			failed(r, kind, USAGE_FAILED_OBJECTS);
		else
			have_largest = true;
	}
	uint64_t largest = p.largest;
	struct usage_totals *t = &r->totals[kind];
	t->have = true;
	switch (kind) {
	case KIND_MSG:
		t->objects = s.msg_queues;
		t->has_bytes = t->has_messages = true;
		t->bytes = s.msg_bytes;
		t->messages = s.msg_headers;
		t->has_full = have_largest;
		t->full = p.full;
		set_used(add_row(r, kind, "MSGMNI", "msgmni", USAGE_COUNT, N_("Number of message queues"), l.msgmni),
			 s.msg_queues);
		add_object_row(r, kind, "MSGMAX", "msgmax", USAGE_BYTES, N_("Max size of message (bytes)"), l.msgmax);
		set_largest(add_object_row(r, kind, "MSGMNB", "msgmnb", USAGE_BYTES,
				    N_("Default max size of queue (bytes); used: fullest queue"), l.msgmnb),
			    have_largest, largest);
		break;
	case KIND_SHM:
		t->objects = s.shm_segments;
		t->has_bytes = true;
		t->bytes = __builtin_mul_overflow(s.shm_pages, r->page_size, &t->bytes) ? UINT64_MAX : t->bytes;
		set_used(add_row(r, kind, "SHMMNI", "shmmni", USAGE_COUNT, N_("Shared memory segments"), l.shmmni),
			 s.shm_segments);
		set_used(add_row(r, kind, "SHMALL", "shmall", USAGE_PAGES, N_("Shared memory pages"), l.shmall),
			 s.shm_pages);
		set_largest(add_object_row(r, kind, "SHMMAX", "shmmax", USAGE_BYTES,
				    N_("Max size of shared memory segment (bytes); used: largest"), l.shmmax),
			    have_largest, largest);
		add_object_row(r, kind, "SHMMIN", "shmmin", USAGE_BYTES, N_("Min size of shared memory segment (bytes)"), l.shmmin);
		break;
	case KIND_SEM:
		t->objects = s.sem_arrays;
		t->has_semaphores = true;
		t->semaphores = s.sem_total;
		set_used(add_row(r, kind, "SEMMNI", "semmni", USAGE_COUNT, N_("Number of semaphore identifiers"), l.semmni),
			 s.sem_arrays);
		set_used(add_row(r, kind, "SEMMNS", "semmns", USAGE_COUNT, N_("Total number of semaphores"), l.semmns),
			 s.sem_total);
		set_largest(add_object_row(r, kind, "SEMMSL", "semmsl", USAGE_COUNT,
				    N_("Max semaphores per semaphore set; used: largest set"), l.semmsl),
			    have_largest, largest);
		add_object_row(r, kind, "SEMOPM", "semopm", USAGE_COUNT, N_("Max number of operations per semop(2)"), l.semopm);
		add_object_row(r, kind, "SEMVMX", "semvmx", USAGE_COUNT, N_("Semaphore max value"), l.semvmx);
		break;
	default:
		break;
	}
}

/* One pass over the POSIX queues: the -u totals, the largest queue, the caller's share. */
struct mqueue_pass {
	struct usage_totals *t;
	struct owner_table *owners;
	uint64_t max_maxmsg, max_msgsize, mine;
	uid_t uid;
};

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	uint64_t sum;
	return __builtin_add_overflow(a, b, &sum) ? UINT64_MAX : sum;
}

static int mqueue_visit(const struct posix_object *obj, void *ctx)
{
	struct mqueue_pass *p = ctx;
	if (!S_ISREG(obj->mode))
		return 0;
	p->t->objects++;
	if (p->owners)
		owners_add(p->owners, &(struct ipc_item){ .kind = KIND_PMSG, .posix = obj });
	if (!obj->has_attr)
		return 0;
	p->t->full += posix_queue_state(obj->has_attr, obj->curmsgs, obj->maxmsg) == QUEUE_FULL;
	/* As ipcs -u -Q: bytes and messages of the queues that could be opened. */
	p->t->bytes = add_sat(p->t->bytes, obj->size);
	if (obj->curmsgs > 0)
		p->t->messages += (uint64_t)obj->curmsgs;
	uint64_t maxmsg = obj->maxmsg > 0 ? (uint64_t)obj->maxmsg : 0;
	uint64_t msgsize = obj->msgsize > 0 ? (uint64_t)obj->msgsize : 0;
	if (maxmsg > p->max_maxmsg)
		p->max_maxmsg = maxmsg;
	if (msgsize > p->max_msgsize)
		p->max_msgsize = msgsize;
	/* RLIMIT_MSGQUEUE charges the creating user for maxmsg x msgsize (plus overhead). */
	if (obj->uid == p->uid) {
		uint64_t payload;
		p->mine = add_sat(p->mine, __builtin_mul_overflow(maxmsg, msgsize, &payload) ? UINT64_MAX : payload);
	}
	return 0;
}

static void gather_pmsg(struct usage_report *r)
{
	struct posix_limits l;
	if (posix_limits(KIND_PMSG, &l) < 0) {
		failed(r, KIND_PMSG, USAGE_FAILED_LIMITS);
		return;
	}
	struct usage_totals *t = &r->totals[KIND_PMSG];
	struct mqueue_pass p = { .t = t, .owners = owners_of(r, KIND_PMSG), .uid = getuid() };
	*t = (struct usage_totals){ .has_bytes = true, .has_messages = true, .has_full = true };
	bool scanned = posix_scan(KIND_PMSG, mqueue_visit, &p) == 0;
	if (!scanned)
		failed(r, KIND_PMSG, USAGE_FAILED_OBJECTS);
	t->have = t->has_full = scanned;
	struct usage_row *rows[3] = {
		add_row(r, KIND_PMSG, "QUEUES_MAX", "queues_max", USAGE_COUNT, N_("Number of POSIX message queues"), l.queues_max),
		add_object_row(r, KIND_PMSG, "MSG_MAX", "msg_max", USAGE_COUNT, N_("Max messages per POSIX queue; used: largest"), l.msg_max),
		add_object_row(r, KIND_PMSG, "MSGSIZE_MAX", "msgsize_max", USAGE_BYTES,
			N_("Max size of POSIX message (bytes); used: largest"), l.msgsize_max),
	};
	struct rlimit rl;
	struct usage_row *mine = NULL;
	if (getrlimit(RLIMIT_MSGQUEUE, &rl) == 0) {
		mine = add_row(r, KIND_PMSG, "RLIMIT_MSGQUEUE", "rlimit_msgqueue", USAGE_BYTES,
			       N_("POSIX queue bytes of this user (ulimit -q); used: payload"), (uint64_t)rl.rlim_cur);
		mine->unlimited = rl.rlim_cur == RLIM_INFINITY;
	}
	if (!scanned)
		return;
	set_used(rows[0], t->objects);
	set_used(rows[1], p.max_maxmsg);
	set_used(rows[2], p.max_msgsize);
	rows[1]->largest = rows[2]->largest = true;
	if (mine)
		set_used(mine, p.mine);
}

/* The file system of /dev/shm: POSIX shared memory and semaphores share it. */
static void gather_dev_shm(struct usage_report *r)
{
	/* The directory the POSIX module lists: with --namespace PID, the target's. */
	struct statfs sfs;
	if (posix_dir_statfs(KIND_PSHM, &sfs) < 0) {
		failed(r, KIND_PSHM, USAGE_FAILED_FILE_SYSTEM);
		return;
	}
	uint64_t bsize = (uint64_t)sfs.f_bsize;
	set_used(add_row(r, KIND_PSHM, "SHM_FS_SIZE", "dev_shm", USAGE_BYTES, N_("Size of /dev/shm (bytes)"),
			 (uint64_t)sfs.f_blocks * bsize),
		 ((uint64_t)sfs.f_blocks - (uint64_t)sfs.f_bfree) * bsize);
	/* tmpfs mounted with nr_inodes=0 has no file limit: f_files is 0. */
	if (sfs.f_files > 0)
		set_used(add_row(r, KIND_PSHM, "SHM_FS_FILES", "dev_shm_files", USAGE_COUNT, N_("Files in /dev/shm"),
				 (uint64_t)sfs.f_files),
			 (uint64_t)sfs.f_files - (uint64_t)sfs.f_ffree);
}

/* posix_summary, and each object into its owner's totals. */
struct posix_pass {
	struct posix_summary s;
	struct owner_table *owners;
};

static int posix_visit(const struct posix_object *obj, void *ctx)
{
	struct posix_pass *p = ctx;
	posix_summary_add(&p->s, obj);
	if (S_ISREG(obj->mode))
		owners_add(p->owners, &(struct ipc_item){ .kind = obj->kind, .posix = obj });
	return 0;
}

static void gather_posix_totals(enum ipc_kind kind, struct usage_report *r)
{
	struct posix_pass p = { .owners = owners_of(r, kind) };
	int rc = p.owners ? posix_scan(kind, posix_visit, &p) : posix_summary(kind, &p.s);
	const struct posix_summary *s = &p.s;
	if (rc < 0) {
		failed(r, kind, USAGE_FAILED_OBJECTS);
		return;
	}
	struct usage_totals *t = &r->totals[kind];
	*t = (struct usage_totals){ .have = true, .objects = s->objects };
	if (kind == KIND_PSHM) {
		t->has_bytes = true;
		t->bytes = s->bytes;
	}
}

int usage_gather(const bool want[KINDS], bool scan_sysv, struct owner_table *const owners[KINDS],
		 struct usage_report *r)
{
	memset(r, 0, sizeof(*r));
	r->owners = owners;
	memcpy(r->wanted, want, sizeof(r->wanted));
	long page = sysconf(_SC_PAGESIZE);
	r->page_size = page > 0 ? (uint64_t)page : 4096;
	for (int k = KIND_MSG; k <= KIND_SEM; k++)
		if (want[k])
			gather_sysv(k, scan_sysv, r);
	if (want[KIND_PMSG])
		gather_pmsg(r);
	if (want[KIND_PSHM])
		gather_posix_totals(KIND_PSHM, r);
	/* Named semaphores are files in /dev/shm too: its space is their limit as well. */
	if (want[KIND_PSHM] || want[KIND_PSEM])
		gather_dev_shm(r);
	if (want[KIND_PSEM]) {
		gather_posix_totals(KIND_PSEM, r);
		add_object_row(r, KIND_PSEM, "SEM_VALUE_MAX", "sem_value_max", USAGE_COUNT,
			N_("POSIX semaphore max value"), SEM_VALUE_MAX);
	}
	/* Each kind's owners sorted by the use of its fullest limit, now that the rows are known. */
	for (int k = 0; k < KINDS; k++)
		if (want[k] && owners_of(r, k))
			owners_finish(owners[k], r);
	for (int i = 0; owners && i < r->nrows; i++) {
		struct usage_row *row = &r->rows[i];
		row->has_top = owners_top(row->resource, owners, &row->top_uid, &row->top_used);
	}
	for (int k = 0; k < KINDS; k++)
		if (r->error[k])
			return -1;
	return 0;
}

/* ipcs --by-owner: totals per owner of gathered objects, and their share of a limit. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src/format.h"
#include "src/owners.h"
#include "src/xalloc.h"

#define K(kind) (1u << (kind))

/* The kinds each measure exists for. */
static const unsigned measure_kinds[MEASURES] = {
	[MEASURE_OBJECTS] = K(KIND_MSG) | K(KIND_SHM) | K(KIND_SEM) | K(KIND_PMSG) | K(KIND_PSHM) | K(KIND_PSEM),
	[MEASURE_BYTES] = K(KIND_MSG) | K(KIND_SHM) | K(KIND_PMSG) | K(KIND_PSHM) | K(KIND_PSEM),
	[MEASURE_MESSAGES] = K(KIND_MSG) | K(KIND_PMSG),
	[MEASURE_SEMAPHORES] = K(KIND_SEM),
	[MEASURE_PAGES] = K(KIND_SHM),
};

/*
 * The system-wide limits an owner's objects count against (rows of
 * usage_gather, by resource name), and what counts.  Per-object limits
 * (SHMMAX, MSGMNB) are no one owner's share.
 */
static const struct share_limit {
	enum ipc_kind kind;
	const char *resource;
	enum owner_measure measure;
} share_limits[] = {
	{ KIND_MSG, "MSGMNI", MEASURE_OBJECTS },
	{ KIND_SHM, "SHMMNI", MEASURE_OBJECTS },
	{ KIND_SHM, "SHMALL", MEASURE_PAGES },
	{ KIND_SEM, "SEMMNI", MEASURE_OBJECTS },
	{ KIND_SEM, "SEMMNS", MEASURE_SEMAPHORES },
	{ KIND_PMSG, "QUEUES_MAX", MEASURE_OBJECTS },
	/* POSIX shared memory and semaphores are files of /dev/shm: its size and its inodes. */
	{ KIND_PSHM, "SHM_FS_SIZE", MEASURE_BYTES },
	{ KIND_PSHM, "SHM_FS_FILES", MEASURE_OBJECTS },
	{ KIND_PSEM, "SHM_FS_SIZE", MEASURE_BYTES },
	{ KIND_PSEM, "SHM_FS_FILES", MEASURE_OBJECTS },
};

bool owners_kind_has(enum ipc_kind kind, enum owner_measure m)
{
	return measure_kinds[m] & K(kind);
}

void owners_limit_kinds(enum ipc_kind kind, bool want[KINDS])
{
	memset(want, 0, KINDS * sizeof(*want));
	want[kind] = true;
	/* The /dev/shm rows are gathered with POSIX shared memory. */
	if (kind == KIND_PSEM)
		want[KIND_PSHM] = true;
}

void owners_init(struct owner_table *t, enum ipc_kind kind, enum owners_by by)
{
	long page = sysconf(_SC_PAGESIZE);
	*t = (struct owner_table){ .kind = kind, .by = by, .page_size = page > 0 ? (uint64_t)page : 4096 };
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a + b < a ? UINT64_MAX : a + b;
}

/* The index of uid -> row: open addressing, slots hold row + 1 (0: empty), at most half full. */
static size_t slot_of(const struct owner_table *t, uint32_t uid)
{
	size_t mask = t->slots - 1;
	size_t i = (size_t)(uid * UINT32_C(2654435761)) & mask;
	while (t->index[i] && t->rows[t->index[i] - 1].uid != uid)
		i = (i + 1) & mask;
	return i;
}

static void grow_index(struct owner_table *t)
{
	free(t->index);
	t->slots = t->slots ? 2 * t->slots : 64;
	t->index = xreallocarray(NULL, t->slots, sizeof(*t->index));
	memset(t->index, 0, t->slots * sizeof(*t->index));
	for (size_t r = 0; r < t->n; r++)
		t->index[slot_of(t, t->rows[r].uid)] = r + 1;
}

static struct owner_row *row_of(struct owner_table *t, uint32_t uid)
{
	if (2 * (t->n + 1) > t->slots)
		grow_index(t);
	size_t i = slot_of(t, uid);
	if (t->index[i])
		return &t->rows[t->index[i] - 1];
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->rows = xreallocarray(t->rows, t->cap, sizeof(*t->rows));
	}
	t->rows[t->n] = (struct owner_row){ .uid = uid };
	t->index[i] = ++t->n;
	return &t->rows[t->n - 1];
}

void owners_add(struct owner_table *t, const struct ipc_item *it)
{
	const struct sysv_object *o = it->sysv;
	const struct posix_object *p = it->posix;
	uint32_t uid = o ? (t->by == BY_CREATOR ? o->cuid : o->uid) : p->uid;
	uint64_t add[MEASURES] = { [MEASURE_OBJECTS] = 1 };
	switch (it->kind) {
	case KIND_MSG:
		add[MEASURE_BYTES] = o->size;
		add[MEASURE_MESSAGES] = o->count;
		break;
	case KIND_SHM:
		add[MEASURE_BYTES] = o->size;
		/* As the kernel counts SHMALL: each segment in whole pages. */
		add[MEASURE_PAGES] = o->size / t->page_size + (o->size % t->page_size != 0);
		break;
	case KIND_SEM:
		add[MEASURE_SEMAPHORES] = o->size;
		break;
	case KIND_PMSG:
		/* A queue this user cannot open: its bytes and messages are unknown, counted as none. */
		if (p->has_attr) {
			add[MEASURE_BYTES] = p->size;
			add[MEASURE_MESSAGES] = (uint64_t)p->curmsgs;
		}
		break;
	case KIND_PSHM:
	case KIND_PSEM:
		/* The memory the file takes (as ipcs -u totals it), not its apparent size. */
		add[MEASURE_BYTES] = p->allocated;
		break;
	default:
		break;
	}
	struct owner_row *row = row_of(t, uid);
	for (int m = 0; m < MEASURES; m++)
		row->total[m] = add_sat(row->total[m], add[m]);
}

static int compare_rows(const void *pa, const void *pb, void *ctx)
{
	const struct owner_table *t = ctx;
	const struct owner_row *a = pa, *b = pb;
	enum owner_measure m = t->resource ? t->measure : MEASURE_OBJECTS;
	if (a->total[m] != b->total[m])
		return a->total[m] < b->total[m] ? 1 : -1;
	if (a->total[MEASURE_OBJECTS] != b->total[MEASURE_OBJECTS])
		return a->total[MEASURE_OBJECTS] < b->total[MEASURE_OBJECTS] ? 1 : -1;
	return (a->uid > b->uid) - (a->uid < b->uid);
}

void owners_finish(struct owner_table *t, const struct usage_report *r)
{
	/* The fullest limit: used/limit largest, compared without division (the first of equals). */
	const struct usage_row *best = NULL;
	enum owner_measure measure = MEASURE_OBJECTS;
	for (size_t s = 0; s < ARRAY_SIZE(share_limits); s++) {
		if (share_limits[s].kind != t->kind)
			continue;
		for (int i = 0; i < r->nrows; i++) {
			const struct usage_row *row = &r->rows[i];
			if (strcmp(row->resource, share_limits[s].resource) != 0 || !row->has_used || row->largest ||
			    row->unlimited || row->limit == 0)
				continue;
			if (!best || (unsigned __int128)row->used * best->limit >
				     (unsigned __int128)best->used * row->limit) {
				best = row;
				measure = share_limits[s].measure;
			}
		}
	}
	if (best) {
		t->resource = best->resource;
		t->limit = best->limit;
		t->measure = measure;
	}
	if (t->n > 1)
		qsort_r(t->rows, t->n, sizeof(*t->rows), compare_rows, t);
	/* The rows moved: the index is no more (owners_add is over). */
	free(t->index);
	t->index = NULL;
	t->slots = 0;
}

bool owners_share(const struct owner_table *t, const struct owner_row *row, uint64_t *basis_points)
{
	if (!t->resource)
		return false;
	/* 10000 x used / limit, rounded half up. */
	unsigned __int128 bp = ((unsigned __int128)row->total[t->measure] * 20000 + t->limit) / (2 * (unsigned __int128)t->limit);
	*basis_points = bp > UINT64_MAX ? UINT64_MAX : (uint64_t)bp;
	return true;
}

/* owners_top: one owner's total of a measure, over one or more kinds. */
struct holding {
	uint32_t uid;
	uint64_t total;
};

static int compare_uid(const void *pa, const void *pb)
{
	const struct holding *a = pa, *b = pb;
	return (a->uid > b->uid) - (a->uid < b->uid);
}

bool owners_top(const char *resource, struct owner_table *const tables[KINDS], uint32_t *uid, uint64_t *used)
{
	/* Every kind whose objects count against RESOURCE (two for the /dev/shm rows). */
	size_t n = 0;
	for (size_t s = 0; s < ARRAY_SIZE(share_limits); s++)
		if (strcmp(share_limits[s].resource, resource) == 0 && tables[share_limits[s].kind])
			n += tables[share_limits[s].kind]->n;
	if (n == 0)
		return false;
	struct holding *h = xreallocarray(NULL, n, sizeof(*h));
	size_t i = 0;
	for (size_t s = 0; s < ARRAY_SIZE(share_limits); s++) {
		const struct owner_table *t = tables[share_limits[s].kind];
		if (strcmp(share_limits[s].resource, resource) != 0 || !t)
			continue;
		for (size_t r = 0; r < t->n; r++)
			h[i++] = (struct holding){ t->rows[r].uid, t->rows[r].total[share_limits[s].measure] };
	}
	qsort(h, n, sizeof(*h), compare_uid);
	/* Each uid's run summed; the largest sum wins, the lower uid of equals. */
	bool found = false;
	for (i = 0; i < n;) {
		struct holding sum = h[i];
		while (++i < n && h[i].uid == sum.uid)
			sum.total = add_sat(sum.total, h[i].total);
		if (sum.total > 0 && (!found || sum.total > *used)) {
			*uid = sum.uid;
			*used = sum.total;
			found = true;
		}
	}
	free(h);
	return found;
}

void owners_free(struct owner_table *t)
{
	free(t->index);
	free(t->rows);
	*t = (struct owner_table){ 0 };
}

#ifndef IPCBOX_OWNERS_H
#define IPCBOX_OWNERS_H

/*
 * ipcs --by-owner and --by-creator: one kind's objects totalled per owner
 * (or creator uid), and each owner's share of the kind's scarcest
 * system-wide limit.  Gathered objects in, a sorted table out; never prints.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src/fields.h"
#include "src/limits.h"

enum owners_by { BY_NONE, BY_OWNER, BY_CREATOR };

/* What is totalled per owner: the columns of the table, and what a limit counts. */
enum owner_measure { MEASURE_OBJECTS, MEASURE_BYTES, MEASURE_MESSAGES, MEASURE_SEMAPHORES, MEASURE_PAGES,
		     MEASURES };

struct owner_row {
	uint32_t uid;
	uint64_t total[MEASURES];
};

struct owner_table {
	enum ipc_kind kind;
	enum owners_by by;
	uint64_t page_size;
	struct owner_row *rows;
	size_t n, cap;
	size_t *index, slots;	/* uid -> row while objects are added */
	/* After owners_finish(): the limit shares are of, or resource NULL when none is known. */
	const char *resource;	/* "SEMMNI" */
	enum owner_measure measure;	/* what of an owner's counts against it */
	uint64_t limit;
};

/* Whether KIND has MEASURE (shm has bytes, no messages...). */
bool owners_kind_has(enum ipc_kind kind, enum owner_measure m);

void owners_init(struct owner_table *t, enum ipc_kind kind, enum owners_by by);
/* One selected object into its owner's row. */
void owners_add(struct owner_table *t, const struct ipc_item *it);
/*
 * Choose the limit (the one of the kind closest to being reached, from R,
 * which usage_gather filled) and sort: the largest users of it first, then
 * more objects, then lower uid.
 */
void owners_finish(struct owner_table *t, const struct usage_report *r);
/* Which kinds usage_gather must read for KIND's limits. */
void owners_limit_kinds(enum ipc_kind kind, bool want[KINDS]);
/* ROW's share of the limit in hundredths of a percent, rounded; false when no limit is known. */
bool owners_share(const struct owner_table *t, const struct owner_row *row, uint64_t *basis_points);
/*
 * The owner holding most of the system-wide limit RESOURCE ("SEMMNI"),
 * summed over the kinds of TABLES (NULL: not gathered) that count against
 * it: true with *UID and *USED (in the limit's unit), false when no owner
 * holds any of it or RESOURCE is no such limit.
 */
bool owners_top(const char *resource, struct owner_table *const tables[KINDS], uint32_t *uid, uint64_t *used);
void owners_free(struct owner_table *t);

#endif

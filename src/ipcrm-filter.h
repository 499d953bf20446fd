#ifndef IPCBOX_IPCRM_FILTER_H
#define IPCBOX_IPCRM_FILTER_H

/*
 * ipcrm's filtered --all: which objects go, and saying why the others
 * stay.  The objects the filters other than --orphaned select are
 * "considered"; each one is removed or kept for one reason, in this order:
 * in use, not an orphan (with --orphaned), owned by root (without
 * --owner root).  See ipcrm(1), "Selecting what --all removes".
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src/ipcrm-args.h"
#include "src/posix.h"
#include "src/sysv.h"

enum keep_reason {
	KEEP_NEVER_USED,	/* --orphaned: a System V object whose users the kernel never recorded */
	KEEP_USERS_UNKNOWN,	/* --orphaned: a POSIX object while some process could not be read */
	KEEP_IN_USE,		/* attached, mapped, open, waited on, ... (holders.h) */
	KEEP_ROOT,		/* root's, without --owner root */
	KEEP_REASONS
};

struct filter_tally {
	const struct rm_request *req;
	enum ipc_kind type;
	int64_t now;
	size_t considered, removed;
	size_t kept[KEEP_REASONS];
	size_t guarded;		/* kept although every filter matched: a guard's doing */
};

/*
 * Whether the object (SYSV or POSIX, the other NULL) goes.  Counts it, and
 * with -v or --dry-run prints a line for one that is considered but kept.
 */
bool filter_take(struct filter_tally *t, const struct sysv_object *sysv, const struct posix_object *posix);

/*
 * After a kind: with -v or --dry-run the summary line on stdout, always;
 * else one stderr line when a guard kept something.
 */
void filter_report(const struct filter_tally *t);

#endif

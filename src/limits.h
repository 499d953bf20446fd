#ifndef IPCBOX_LIMITS_H
#define IPCBOX_LIMITS_H

/*
 * Limits headroom: every limit of the kinds asked for, with its current use,
 * for "ipcs --global" and "ipcs --metrics".  Gathered here from sysv.c,
 * posix.c, statfs and getrlimit; the writers (render-global.c) only format.
 */
#include <stdbool.h>
#include <stdint.h>

#include "src/kinds.h"

struct owner_table;

enum usage_unit { USAGE_COUNT, USAGE_BYTES, USAGE_PAGES };

/* One limit and its use: a row of --global, a pair of gauges of --metrics. */
struct usage_row {
	enum ipc_kind kind;	/* the kind whose resource option selects the row */
	const char *resource;	/* "MSGMNI": the --global row, the JSON "resource" */
	const char *label;	/* "msgmni": the metrics label resource="..." */
	const char *description;
	enum usage_unit unit;
	bool unlimited;		/* no limit (RLIMIT_INFINITY): limit is meaningless */
	uint64_t limit;
	bool has_used;		/* the use is known */
	bool largest;		/* used is the largest single object's, not a total */
	/* A limit on each object (MSGMNB, SHMMAX, SEMMSL, MSG_MAX...), not on their sum. */
	bool per_object;
	uint64_t used;
	/* With owners gathered: who holds most of a system-wide limit, and how much. */
	bool has_top;
	uint32_t top_uid;
	uint64_t top_used;
};

/* Totals of one kind: objects, and what they hold where the kind has it. */
struct usage_totals {
	bool have;		/* the kind was read */
	uint64_t objects;
	bool has_bytes, has_messages, has_semaphores;
	uint64_t bytes;		/* shm: memory (System V: pages x page size); msg: bytes queued */
	uint64_t messages;	/* msg: messages queued */
	uint64_t semaphores;	/* System V sem: semaphores in all sets */
	bool has_full;		/* message queues: full is known (queue_full()) */
	uint64_t full;		/* queues a send would block on */
};

/* The part of a kind ipcs -g could not read: one message each (ipcs-global.c). */
enum usage_failure {
	USAGE_FAILED_LIMITS,
	USAGE_FAILED_STATUS,
	USAGE_FAILED_OBJECTS,
	USAGE_FAILED_FILE_SYSTEM,
};

#define USAGE_MAX_ROWS 32

struct usage_report {
	struct usage_row rows[USAGE_MAX_ROWS];
	int nrows;
	struct usage_totals totals[KINDS];
	uint64_t page_size;
	bool wanted[KINDS];	/* the kinds usage_gather was asked for */
	/* Per kind: 0, or the errno of the part that could not be read. */
	int error[KINDS];
	enum usage_failure error_what[KINDS];	/* what could not be read */
	/* The caller's OWNERS of usage_gather (NULL: none). */
	struct owner_table *const *owners;
};

/*
 * Gather the limits and use of the kinds in WANT.  SCAN_SYSV also visits
 * every System V object for the largest-object figures (MSGMNB, SHMMAX,
 * SEMMSL); without it the cost does not grow with the number of objects.
 * OWNERS, when not NULL, holds per kind a table (owners.c) the objects are
 * totalled into per owner, or NULL; a kind with one is read object by object
 * (also with SCAN_SYSV false) and its table is sorted by owners_finish.
 * Returns 0, or -1 if some kind could not be read (see error[]); what could
 * be read is filled in either way.
 */
int usage_gather(const bool want[KINDS], bool scan_sysv, struct owner_table *const owners[KINDS],
		 struct usage_report *r);

#endif

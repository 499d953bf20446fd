#ifndef IPCBOX_HOLDERS_H
#define IPCBOX_HOLDERS_H

/*
 * Who uses IPC objects: one pass over /proc/PID/maps and /proc/PID/fd for
 * all objects at once (and the tasks' own, where they differ from the
 * leader's).  System V segments are found as their /SYSV<key> mappings on
 * the kernel's System V shm device (the inode is the shmid); POSIX shared memory, semaphores and
 * message queues as mappings or open descriptors of their file, matched
 * by device and inode, never by path text.  Processes that exit during the
 * scan or cannot be read are counted, never an error.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "src/posix.h"
#include "src/sysv.h"

/* How a process uses an object. */
enum hold_how {
	HOLD_MAP = 1,		/* mapped (shmat, mmap) */
	HOLD_FD = 2,		/* an open descriptor (shm_open, sem_open, mq_open) */
	HOLD_NOTIFY = 4,	/* registered with mq_notify */
	HOLD_RECORDED = 8,	/* a pid the kernel recorded: see roles */
};

/* Which pids the kernel recorded a process as; one process may be several. */
enum hold_role {
	ROLE_CPID = 1,		/* creator of a segment */
	ROLE_LPID = 2,		/* last to attach or detach a segment */
	ROLE_LSPID = 4,		/* last sender to a queue */
	ROLE_LRPID = 8,		/* last receiver from a queue */
	ROLE_SEMPID = 16,	/* last to operate on a semaphore of the set */
};

/* The roles in the order they are shown, with their field names. */
struct hold_role_name {
	unsigned bit;
	const char *name;
};
/* Here, not in holders.c: the row writer (and its fuzz target) reads it alone. */
static const struct hold_role_name hold_roles[] = {
	{ ROLE_CPID, "cpid" }, { ROLE_LPID, "lpid" }, { ROLE_LSPID, "lspid" },
	{ ROLE_LRPID, "lrpid" }, { ROLE_SEMPID, "sempid" },
};

struct holder {
	int64_t pid;
	unsigned how;		/* enum hold_how bits */
	unsigned roles;		/* HOLD_RECORDED: enum hold_role bits */
	bool alive;
	uint32_t uid;		/* alive processes only */
	char command[64];	/* alive processes only, escaped on output */
	/*
	 * Alive processes, after holders_command_lines(): the arguments of
	 * /proc/PID/cmdline (each ended by a NUL, the last at command_len), or NULL.
	 */
	const char *command_args;
	size_t command_len;
};

struct holder_list {
	struct holder *items;
	size_t n, cap;
	/* Semaphores with waiters: ncount + zcount over the set (System V sem). */
	uint64_t waiting;
};

/*
 * Scan /proc once, reading only what the kinds in WANT need (System V
 * shm: maps; POSIX shm and semaphores: maps and descriptors; POSIX
 * queues: descriptors; System V queues and sets: nothing).  False with
 * errno if /proc itself cannot be read.
 */
bool holders_scan(const bool want[KINDS]);

/*
 * --all-namespaces: the same scan once, before the namespaces' children
 * fork, for the IPC namespaces of PIDS (one process of each); each child's
 * holders_scan() then uses it (and scans by itself only if its /dev/shm or
 * /dev/mqueue is not one the parent found).
 */
bool holders_scan_namespaces(const bool want[KINDS], const pid_t *pids, size_t n);


/*
 * Everything known about who uses OBJ: mappings and descriptors from the
 * scan, plus the pids the kernel recorded (alive or not).  Fills LIST
 * (free with holder_list_free).  semvals: the set's values, or NULL.
 */
void holders_of_sysv(const struct sysv_object *obj, const struct sysv_semval *semvals,
		     struct holder_list *list);
void holders_of_posix(const struct posix_object *obj, struct holder_list *list);
void holder_list_free(struct holder_list *list);

/*
 * The command lines of LIST's live processes, for --processes: read once
 * per process for the run (they stay valid until it ends).
 */
void holders_command_lines(struct holder_list *list);

/* Processes that could not be read (not those that exited): the orphan rule of POSIX objects. */
size_t holders_unreadable(void);

/* How many of them holders_blockers() names. */
#define HOLDERS_BLOCKERS_SHOWN 3

/* The first of them (at most HOLDERS_BLOCKERS_SHOWN) into OUT: pid and command; their number. */
size_t holders_blockers(struct holder *out);

/*
 * Who holds one object, whether it is in use, whether it is an orphan: the
 * one decision of ipcs (--processes, --orphaned) and ipcrm (--orphaned, the
 * guard of filtered removal); see ipcs(1), PROCESSES AND ORPHANS.
 *
 * In use: attached, mapped, open, registered for notification, waited on,
 * last used by a live process; for System V queues and semaphore sets also
 * any live process in this IPC namespace running as the object's owner
 * (they keep no attach count, and the recorded pids name only the last
 * users).
 *
 * Orphaned: not in use, and the evidence of disuse is complete: the
 * processes the kernel recorded are known (a segment's creator and last
 * attacher, at least one pid of a queue or set) and all gone; POSIX
 * objects (which record no pid) only when every process could be read (one
 * that exited during the scan holds nothing).  Always errs on the side of
 * keeping.
 */
struct holders_state {
	struct holder_list list;	/* who holds it */
	bool in_use, orphaned;
};

/*
 * The state of SYSV or POSIX (the other NULL).  SEMVALS: a set's values
 * when the caller has them (ipcs -s -i), else they are asked here: GETPID
 * always (SETVAL and SETALL record a pid and leave sem_otime at 0), the
 * waiters (two more semctl calls per semaphore) when WAITERS (the list is
 * shown) or when nothing else shows the set in use.  Free with
 * holders_state_free.
 */
void holders_state_of(const struct sysv_object *sysv, const struct posix_object *posix,
		      const struct sysv_semval *semvals, bool waiters, struct holders_state *st);
void holders_state_free(struct holders_state *st);

#endif

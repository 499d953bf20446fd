#ifndef IPCBOX_HOLDERS_H
#define IPCBOX_HOLDERS_H

/*
 * Who uses IPC objects: one pass over /proc/PID/maps and /proc/PID/fd for
 * all objects at once.  System V segments are found as their /SYSV<key>
 * mappings (the inode is the shmid); POSIX shared memory, semaphores and
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
	HOLD_RECORDED = 8,	/* a pid the kernel recorded (cpid, lspid, sempid...) */
};

struct holder {
	int64_t pid;
	unsigned how;		/* enum hold_how bits */
	const char *role;	/* HOLD_RECORDED: "cpid", "lpid", "lspid", "lrpid", "sempid" */
	bool alive;
	uint32_t uid;		/* alive processes only */
	char command[64];	/* alive processes only, escaped on output */
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

/* Processes that exited during the scan or could not be read (hidepid, other users). */
size_t holders_uninspected(void);

/*
 * Everything known about who uses OBJ: mappings and descriptors from the
 * scan, plus the pids the kernel recorded (alive or not).  Fills LIST
 * (free with holder_list_free).  semvals: the set's values, or NULL.
 */
void holders_of_sysv(const struct sysv_object *obj, const struct sysv_semval *semvals,
		     struct holder_list *list);
void holders_of_posix(const struct posix_object *obj, struct holder_list *list);
void holder_list_free(struct holder_list *list);

/* Whether PID names a live process (pid reuse counts as alive; 0 is unknown, not dead). */
bool pid_alive(int64_t pid);

/*
 * The orphan rule (see ipcs(1)): nobody maps or opens it, and the
 * processes the kernel recorded are known and all gone.  POSIX objects
 * (which record no pid) are orphaned only when every process could be
 * read (one that exited during the scan holds nothing).  Always errs on the side of keeping.
 */
bool holders_orphaned(enum ipc_kind kind, const struct sysv_object *sysv,
		      const struct holder_list *list);

#endif

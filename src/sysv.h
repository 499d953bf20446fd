#ifndef IPCBOX_SYSV_H
#define IPCBOX_SYSV_H

/*
 * System V IPC objects as neutral structs.  Backends fill them and never
 * print; the renderer never calls the kernel.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src/kinds.h"

/* Status bits the kernel reports in a segment's mode (SHM_DEST, SHM_LOCKED). */
#define SYSV_MODE_DEST 01000
#define SYSV_MODE_LOCKED 02000

/* The kernel sources an object list can come from, fastest first. */
enum sysv_source { SOURCE_AUTO, SOURCE_STAT_ANY, SOURCE_PROC, SOURCE_STAT };

struct sysv_object {
	enum ipc_kind kind;
	int32_t key;
	int32_t id;
	uint32_t mode;		/* permission bits plus SHM_DEST/SHM_LOCKED */
	uint32_t uid, gid, cuid, cgid;
	int64_t times[3];	/* indexed by the *_TIME slots below */
	int64_t pids[2];	/* indexed by the *_PID slots below */
	uint64_t size;		/* shm: segment bytes; msg: bytes queued; sem: nsems */
	uint64_t count;		/* shm: nattch; msg: messages */
	uint64_t rss, swap;	/* shm: resident and swapped bytes, /proc only (has_memory) */
	uint64_t qbytes;	/* msg: queue capacity, from msgctl (has_qbytes) */
	bool has_memory, has_qbytes;
};

/* Named slots of times[] and pids[], per kind. */
enum { SHM_ATIME, SHM_DTIME, SHM_CTIME };
enum { MSG_STIME, MSG_RTIME, MSG_CTIME };
enum { SEM_OTIME, SEM_CTIME };
enum { SHM_CPID, SHM_LPID };
enum { MSG_LSPID, MSG_LRPID };

/* One semaphore of a set, for "ipcs -s -i". */
struct sysv_semval {
	int value, ncount, zcount, pid;
};

/* Called for each object; a non-zero return stops the scan and is returned. */
typedef int (*sysv_visit_fn)(const struct sysv_object *obj, void *ctx);

/*
 * Visit every object of one kind, streaming (no list is built).  Returns 0,
 * the visitor's non-zero value, or -1 with errno set when no source works.
 */
int sysv_scan(enum ipc_kind kind, sysv_visit_fn visit, void *ctx);

/*
 * Every object of one kind, in the kernel's order, gathered before anything
 * is done with them (--sort, --top, --by-owner).  0 with *OBJS (free() it)
 * and *N, or -1 with errno.
 */
int sysv_gather(enum ipc_kind kind, struct sysv_object **objs, size_t *n);

/*
 * Listings that show memory (ipcs JSON, --memory, lsipc's RSS, SWAP, FILL):
 * segments are read from /proc/sysvipc/shm first anyway (sysv_scan), the one
 * source with rss and swap; sysv_complete() fills in what another source left out:
 * a segment's rss and swap from /proc/sysvipc/shm (read once, until
 * sysv_memory_forget(): another namespace), a queue's capacity
 * (MSG_STAT_ANY, else IPC_STAT).  Still unknown: has_memory/has_qbytes false.
 */
void sysv_complete(struct sysv_object *o);
void sysv_memory_forget(void);

/* Find one object by id; returns 0, or -1 with errno (ENOENT if absent). */
int sysv_find(enum ipc_kind kind, int id, struct sysv_object *out);

/* A queue's msg_qbytes (IPC_STAT: only for those who may read it), or 0 when it cannot be read. */
uint64_t sysv_msg_qbytes(int id);

/* Fields of sysv_semval for sysv_sem_values; the others are left 0. */
enum { SEMV_VALUE = 1, SEMV_WAITING = 2, SEMV_PID = 4, SEMV_ALL = 7 };

/* A semaphore set's WHAT fields; returns a malloc'ed array or NULL with errno. */
struct sysv_semval *sysv_sem_values(int semid, unsigned nsems, unsigned what);

/* One message of a queue, copied (not received) by sysv_msg_peek(). */
struct sysv_message {
	uint64_t position;	/* 0: the first message, the next to be received */
	long type;
	size_t size;
	unsigned char *data;	/* SIZE bytes */
};

/* The copies, and how many bytes of each the text output shows. */
struct sysv_message_list {
	struct sysv_message *msgs;
	size_t n;
	size_t show;
	bool more;		/* the queue held more than SYSV_PEEK_MAX messages */
};

/*
 * At most this many messages are copied.  MSG_COPY finds a message by its
 * position, walking the queue from its head each time: copying n messages
 * costs n*n/2 steps in the kernel (16,384 empty messages: 1.4 s).
 */
#define SYSV_PEEK_MAX 1000

/*
 * Copies of the first messages of queue ID in queue order (msgrcv MSG_COPY:
 * the queue, its times and pids stay as they were): positions 0.. as
 * IPC_STAT reports qnum, at most SYSV_PEEK_MAX (then L->more); a concurrent
 * receiver may end the list early.  Each message's first KEEP bytes are
 * kept (SIZE_MAX: all), its size is the whole message's.  Returns 0 with
 * L->msgs (sysv_messages_free() it) and L->n, or -1 with errno: ENOSYS
 * (kernel without CONFIG_CHECKPOINT_RESTORE), EACCES (no read permission),
 * EIDRM/EINVAL (no such queue).
 */
int sysv_msg_peek(int id, size_t keep, struct sysv_message_list *l);

void sysv_messages_free(struct sysv_message *msgs, size_t n);

struct sysv_limits {
	/* msg */
	uint64_t msgmni, msgmax, msgmnb;
	/* shm */
	uint64_t shmmni, shmmax, shmall, shmmin;
	/* sem */
	uint64_t semmni, semmsl, semmns, semopm, semvmx;
};
int sysv_limits(enum ipc_kind kind, struct sysv_limits *out);

struct sysv_summary {
	/* msg: MSG_INFO */
	uint64_t msg_queues, msg_headers, msg_bytes;
	/* shm: SHM_INFO */
	uint64_t shm_segments, shm_pages, shm_resident, shm_swapped, swap_attempts, swap_successes;
	/* sem: SEM_INFO */
	uint64_t sem_arrays, sem_total;
};
int sysv_summary(enum ipc_kind kind, struct sysv_summary *out);

/* Remove one object by id (IPC_RMID); 0 or -1 with errno. */
int sysv_remove(enum ipc_kind kind, int id);

/*
 * Create a new object (IPC_EXCL: never an existing one) with permission
 * bits MODE; SIZE is the segment's bytes or the set's semaphores.  KEY 0
 * (IPC_PRIVATE) means a fresh random non-zero key, retried on collisions.
 * Returns the id, or -1 with errno.
 */
int sysv_create(enum ipc_kind kind, int32_t key, unsigned mode, uint64_t size);

/* Find the id of the object with a key; -1 with errno ENOENT if none. */
int sysv_id_of_key(enum ipc_kind kind, int32_t key);

#endif

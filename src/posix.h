#ifndef IPCBOX_POSIX_H
#define IPCBOX_POSIX_H

/*
 * POSIX IPC objects (shared memory, message queues, named semaphores) as
 * neutral structs, like sysv.h: the backend gathers and never prints.
 * Linux keeps them as files: /dev/shm/NAME, /dev/shm/sem.NAME and the
 * mqueue filesystem, normally mounted on /dev/mqueue.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "src/kinds.h"

struct posix_object {
	enum ipc_kind kind;
	uint32_t uid, gid;
	uint32_t mode;		/* full st_mode: S_ISREG() tells odd entries apart */
	uint64_t size;		/* shm: bytes; mqueue: bytes queued (QSIZE); sem: file size */
	uint64_t allocated;	/* the file's memory: st_blocks * 512 (a sparse segment uses less than its size) */
	int64_t mtime, ctime;
	uint64_t dev, ino;	/* the file: processes are matched by these, not by path */
	int64_t notify_pid;	/* mqueue: the process registered with mq_notify, or 0 */
	/* mqueue, when the queue could be opened for reading */
	bool has_attr;
	int64_t maxmsg, msgsize, curmsgs;
	/* sem, when the semaphore could be opened */
	bool has_value;
	int value;
	/* Last: a posix_list keeps each object only up to its name's end. */
	char name[NAME_MAX + 2];	/* with the leading '/' */
};

/* Called for each object; a non-zero return stops the scan and is returned. */
typedef int (*posix_visit_fn)(const struct posix_object *obj, void *ctx);

/*
 * Visit every entry of one kind (also entries that are not regular files, so
 * callers can report them) that lies on the directory's own device: a file
 * or directory mounted over a name is no object.  Never follows symlinks.  Returns 0, the
 * visitor's value, or -1 with errno (ENOENT: no directory; EMEDIUMTYPE:
 * the mqueue directory is not a mounted mqueue filesystem).
 */
int posix_scan(enum ipc_kind kind, posix_visit_fn visit, void *ctx);

/*
 * Every object of one kind, gathered before anything is done with them (a
 * directory stream must not change under its reader), kept compactly: an
 * object is kept up to its name's end, about 130 bytes where a struct
 * posix_object takes over 360 to leave room for any name.  Touching
 * megabytes costs a page fault per 4 KiB, microseconds each on virtual
 * machines.  Reuse one list for several kinds: its memory is kept.
 */
struct posix_list {
	size_t n;		/* objects */
	const char **names;	/* their names, in the list's order */
	/* private */
	char *buf;
	size_t len, cap, names_cap;
};

enum {
	POSIX_LIST_SORTED = 1,	/* by name (strcmp, as ls in the C locale); else directory order */
	POSIX_LIST_ODD = 2,	/* also entries that are not regular files, for their callers to report */
};

/*
 * Fill L (emptied first) with KIND's entries, as posix_scan visits them.
 * 0, or -1 with errno, L then holding the entries read before the error.
 */
int posix_list_gather(enum ipc_kind kind, unsigned flags, struct posix_list *l);

/* The object I of L (I < L->n), whole. */
void posix_list_get(const struct posix_list *l, size_t i, struct posix_object *obj);

void posix_list_free(struct posix_list *l);

/* The file behind an entry, e.g. "/dev/shm/sem.NAME". */
void posix_entry_path(const struct posix_object *obj, char *buf, size_t len);

/*
 * Remove one entry seen by posix_scan, without following symlinks, and only
 * if the name is still that entry (device and inode, checked just before).
 */
int posix_remove_entry(const struct posix_object *obj);

/* Attributes for posix_create; 0 means the kernel's default. */
struct posix_attr {
	uint64_t size;		/* shm */
	long maxmsg, msgsize;	/* mqueue */
	unsigned value;		/* sem */
};

/*
 * Create a new object with exactly MODE (the umask does not apply); fails
 * with EEXIST if the name exists.  Returns 0 or -1 with errno; on failure
 * nothing is left behind.
 */
int posix_create(enum ipc_kind kind, const char *name, unsigned mode, const struct posix_attr *attr);

/* shm_unlink/mq_unlink/sem_unlink; 0 or -1 with errno. */
int posix_unlink(enum ipc_kind kind, const char *name);

/*
 * NULL if NAME is a valid name for KIND ("/x", one slash, fits NAME_MAX
 * with the kind's file prefix), else a reason for an error message.
 */
const char *posix_name_problem(enum ipc_kind kind, const char *name);

/*
 * --namespace: from now on, KIND's entries are those of directory DIRFD
 * (another namespace's /dev/shm, or a detached mqueue mount of its IPC
 * namespace), for listing, creation and removal alike.
 */
void posix_use_dir(enum ipc_kind kind, int dirfd);

/* Fill ST for the directory of KIND's entries; 0 or -1 with errno. */
int posix_dir_stat(enum ipc_kind kind, struct stat *st);

/* statfs(2) of that directory (--namespace: the target's); 0 or -1 with errno. */
struct statfs;
int posix_dir_statfs(enum ipc_kind kind, struct statfs *sfs);

/* "/dev/shm" or "/dev/mqueue": where the kind's entries live. */
const char *posix_dir(enum ipc_kind kind);

/* After mq_open failed with ERRNUM: the limit ATTR exceeds, or NULL. */
const char *posix_mqueue_limit_problem(const struct posix_attr *attr, int errnum);

/* --- listing for ipcs --- */

/* What "ipcs -l" reports for POSIX objects; see posix_limits(). */
struct posix_limits {
	/* mqueue: /proc/sys/fs/mqueue */
	uint64_t queues_max, msg_max, msgsize_max, msg_default, msgsize_default;
	/* shm and sem: the file system their files live on */
	uint64_t fs_size, fs_available;
	/* sem */
	uint64_t sem_value_max;
};

/* Fill L for KIND; 0, or -1 with errno when nothing could be read. */
int posix_limits(enum ipc_kind kind, struct posix_limits *l);

/* "ipcs -u" for POSIX objects: totals over one kind's objects. */
struct posix_summary {
	uint64_t objects;
	uint64_t bytes;		/* shm: sizes (apparent); mqueue: bytes queued */
	uint64_t allocated;	/* shm: memory the files use (st_blocks) */
	uint64_t messages;	/* mqueue: messages in the queues we could open */
	/* Objects this user cannot read: mqueue: not in bytes and messages; sem: value unknown. */
	uint64_t unreadable;
	bool capped;		/* bytes saturated at UINT64_MAX */
};
int posix_summary(enum ipc_kind kind, struct posix_summary *s);
/* One scanned object into S (zeroed first), as posix_summary counts it. */
void posix_summary_add(struct posix_summary *s, const struct posix_object *obj);

/* The object NAME of KIND (a regular file): 0, 1 if there is none, -1 with errno. */
int posix_find(enum ipc_kind kind, const char *name, struct posix_object *out);

/* The POSIX kind other than KIND that has an object named NAME, or -1. */
int posix_other_kind(enum ipc_kind kind, const char *name);

#endif

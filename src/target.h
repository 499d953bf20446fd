#ifndef IPCBOX_TARGET_H
#define IPCBOX_TARGET_H

/*
 * Finding the object a command acts on (named by src/target-args.h), and
 * the errors that say what it is, who owns it and what to do: one place
 * for send, receive, sem, read, write and set.
 */
#include "src/target-args.h"

/* The System V id T names (a key looked up): 0, or -1 after the message (none has that key). */
int target_sysv_id(const struct ipc_target *t, int *id);

/* The message for a System V call on ID that failed with EINVAL or EIDRM: it does not exist. */
void target_report_gone(const struct ipc_target *t, int id);

/* The message for a POSIX object T that could not be opened (errno ERRNUM not EACCES/EPERM). */
void target_report_open(const struct ipc_target *t, int errnum);

/* "message queue id 5", "semaphore set with key 0x2a (id 5)", "POSIX shared memory /x": free() it. */
char *target_describe(const struct ipc_target *t, int id);

/*
 * "permission denied for WHAT (owned by alice (uid 1000), mode 0600):
 * NEED; its owner or root can change the mode (...)".
 */
void target_report_permission(const struct ipc_target *t, int id, const char *need);

/*
 * The file of POSIX object T (a shared memory segment, a semaphore, a
 * queue), opened with FLAGS, never following a symlink, never waiting (a
 * FIFO put in its place); only a regular file: its fstat in ST.  The
 * descriptor, or -1 with errno (EINVAL: not a regular file).
 */
struct stat;
int target_posix_open(const struct ipc_target *t, int flags, struct stat *st);

/*
 * The message for a POSIX object T that could not be opened: ERRNUM
 * EACCES or EPERM, the permission message (NEED); else what it is.
 */
void target_report_posix_open(const struct ipc_target *t, int errnum, const char *need);

#endif

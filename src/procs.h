#ifndef IPCBOX_PROCS_H
#define IPCBOX_PROCS_H

/*
 * What /proc says about processes, for the "who uses it" decisions of
 * holders.c: whether a thread group still lives, its other tasks, and
 * whether any live process runs as a user.  Never prints; a process that
 * cannot be read is taken as one that might matter.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The next process of an opendir("/proc") other than this one; 0 at the end. */
int64_t proc_next_pid(DIR *proc);

/*
 * Whether PID's thread group is alive: some thread has not exited.  A
 * leader that called pthread_exit() is a zombie while its other threads
 * run, and the group is alive.  Pid reuse counts as alive.
 */
bool proc_group_alive(int64_t pid);

/*
 * Call FN for each task of PID other than the leader, through PROC_FD (an
 * open /proc), until FN returns true.  False with errno when the task
 * directory cannot be read.
 */
bool proc_each_task(int proc_fd, int64_t pid, bool (*fn)(int64_t tid, void *ctx), void *ctx);

/*
 * Whether some live process other than this one, in this IPC namespace,
 * runs as UID (its real, effective, saved or file-system uid); a process
 * whose identity or namespace cannot be read counts.  /proc is read once
 * per run, on the first call.
 */
bool proc_uid_runs(uint32_t uid);

/*
 * PID's arguments (/proc/PID/cmdline): malloc'd, each ended by a NUL, the
 * last one's NUL at *LEN; or NULL when they cannot be read or there are
 * none (a kernel thread, a zombie).
 */
char *proc_command_args(int64_t pid, size_t *len);

/* The same arguments joined by spaces (lsipc's COMMAND), not escaped. */
char *proc_command_line(int64_t pid);

/* Read /proc for proc_uid_runs now (before forking children that enter other namespaces). */
void proc_uid_prefetch(void);

/* After entering another IPC namespace: judge namespaces anew (the /proc reading is kept). */
void proc_uid_rebase(void);

#endif

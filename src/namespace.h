#ifndef IPCBOX_NAMESPACE_H
#define IPCBOX_NAMESPACE_H

/*
 * --namespace PID|FILE: act in another IPC namespace.  The command enters
 * it once, after parsing and before any data module runs; everything
 * downstream is unchanged.
 *
 * With a PID, POSIX objects are that process's too: its /dev/shm is
 * reached through /proc/PID/root (never following the container's
 * symlinks) if it is a tmpfs of its own (see shm_distrust()), its message
 * queues through a new mount of the mqueue file system of its IPC
 * namespace.  The process is held by a pidfd, so a reused pid cannot
 * swap the target.  No mount namespace is entered: our root,
 * working directory and the files we read for ourselves (/etc/passwd,
 * nsswitch.conf) stay the host's, so owners are shown with the host's
 * names, as ps and ls show them.  With an nsfs FILE (/proc/PID/ns/ipc, a
 * bind mount), only the IPC namespace is known: System V objects and
 * message queues; its /dev/shm lives in some mount namespace we cannot name.
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "src/kinds.h"

struct ns_target {
	const char *arg;	/* as typed */
	pid_t pid;		/* 0 for a FILE */
	bool posix;		/* POSIX objects wanted: reach them too (costs a mount) */
};

/* ARG into T (syntax only: no file is opened); 0, or -1 after printing the error. */
int ns_parse(const char *arg, struct ns_target *t);

/*
 * Enter T's IPC namespace (and, for a PID, reach its POSIX objects).
 * Returns 0, or -1 after printing the error (not permitted: names
 * CAP_SYS_ADMIN; no such process; not an IPC namespace file).
 */
int ns_enter(const struct ns_target *t);

/* Whether KIND's objects are those of the namespace entered (always without --namespace). */
bool ns_reaches(enum ipc_kind kind);

/* After ns_reaches(KIND) said no: the error for T, saying why (a namespace file, or an untrusted /dev/shm). */
enum ns_action { NS_SHOW, NS_CREATE, NS_REMOVE };
void ns_warn_unreached(const struct ns_target *t, enum ipc_kind kind, enum ns_action action);

/*
 * The check each command makes once it is in the namespace: is every kind
 * of WANT reached there?  Each that is not gets ns_warn_unreached (every
 * one, or with FIRST_ONLY the first); REACHED, if not NULL, is WANT without
 * them.  True when all are reached.
 */
bool ns_check_kinds(const struct ns_target *t, const bool want[KINDS], enum ns_action action,
		    bool first_only, bool reached[KINDS]);

/*
 * --all-namespaces without POSIX objects or processes: visit PID's IPC
 * namespace in this process (0, or -1: fork and ns_enter instead), then
 * come back to ours with ns_visit_end (0 or -1 with errno).
 */
int ns_visit(pid_t pid);
int ns_visit_end(void);

/* After output: if the target process exited meanwhile, say so (exit 1). */
int ns_check_alive(const struct ns_target *t);

/* One IPC namespace of the host, with the process that represents it. */
struct ns_info {
	uint64_t inode;		/* the namespace's id, as in ipc:[INODE] */
	pid_t pid;		/* its lowest visible pid (ours for our own namespace) */
	char pid_text[16];
	char command[64];	/* raw: writers escape it */
	char container[96];	/* "docker 0123456789ab", "podman ...", "kubernetes pod ..." or "" */
};

struct ns_list {
	struct ns_info *items;
	size_t n;
};

/* Every IPC namespace from /proc/PID/ns/ipc, ours first, then by pid; -1 with errno. */
int ns_list_all(struct ns_list *list);
void ns_list_free(struct ns_list *list);

#endif

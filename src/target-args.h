#ifndef IPCBOX_TARGET_ARGS_H
#define IPCBOX_TARGET_ARGS_H

/*
 * The object a command acts on (ipcbox send, receive, sem), named as ipcrm
 * names it: -q ID / -Q KEY, -s ID / -S KEY (keys also PATH:PROJ), or a
 * POSIX name; and the --timeout these commands take.  Parsing only: no
 * kernel calls (src/target.c finds the object).
 */
#include <stdbool.h>
#include <time.h>

#include "src/args.h"
#include "src/kinds.h"
#include "src/wait.h"

enum target_by { TARGET_NONE, TARGET_ID, TARGET_KEY, TARGET_NAME };

struct ipc_target {
	enum ipc_kind kind;
	enum target_by by;
	int id;
	struct key_arg key;	/* a number, or PATH:PROJ resolved by target_find() */
	const char *arg;	/* as typed, for messages */
	const char *option;	/* the option that named it, for messages */
};

/*
 * OPTION (its long name, for messages) names the object ARG of KIND by BY
 * into T: 0, or -1 after the message (a second object, a bad id, key or
 * name).
 */
int target_take(struct ipc_target *t, enum ipc_kind kind, enum target_by by, const char *option,
		const char *arg);

/* After the parse: an object was named (else the message, naming the options USAGE lists); 0 or -1. */
int target_check(const struct ipc_target *t, const char *usage);

/* A kind's bit in a mask of kinds. */
#define KIND_BIT(kind) (1u << (kind))

/*
 * An option naming an object (-q -Q -m -M -s -S, --posix-mqueue,
 * --posix-shmem, --posix-semaphore: ipcrm's) of a kind in KINDS_MASK into
 * T: 0, -1 after the message, or 1 when C is none of them.
 */
int take_target_option(int c, const char *arg, struct ipc_target *t, unsigned kinds_mask);

/* --nowait and --timeout into W: 0, -1 after the message, or 1 when C is neither. */
int take_wait_option(int c, const char *arg, struct wait_opts *w);

/*
 * The options of a command on a message queue (send, receive): -q, -Q,
 * --posix-mqueue (OPT_POSIX_MQ), --nowait and --timeout into T and W: 0, -1
 * after the message, or 1 when C is none of them.
 */
int take_queue_option(int c, const char *arg, struct ipc_target *t, struct wait_opts *w);

/* After the parse: a queue was named, and --nowait and --timeout are not both given; 0 or -1. */
int check_queue_options(const struct ipc_target *t, const struct wait_opts *w);

/*
 * A --timeout: seconds with an optional fraction ("1.5") and unit: ms, s,
 * m or h ("250ms", "2m").  false with errno EINVAL or ERANGE.
 */
bool parse_timeout(const char *s, struct timespec *out);

/* --timeout ARG into OUT: 0, or -1 after the message. */
int take_timeout(const char *arg, struct timespec *out);

#endif

#ifndef IPCBOX_SEM_ARGS_H
#define IPCBOX_SEM_ARGS_H

/* ipcbox sem's command line: its options (src/sem-args.c) and the request they make. */
#include <stdbool.h>
#include <stddef.h>

#include "src/cmdline.h"
#include "src/target-args.h"
#include "src/wait.h"

/* The largest value a System V semaphore holds (the kernel's SEMVMX). */
#define SEM_VALUE_MAX_SYSV 32767

enum sem_action { SEM_SHOW, SEM_SET, SEM_SET_ALL, SEM_OP, SEM_POST, SEM_WAIT, SEM_TRYWAIT };

/* One element of a list: --set N=V, --set-all V, --op N+V / N-V / N=0 (OP: +V, -V or 0). */
struct sem_item {
	unsigned num;
	int value;
};

struct sem_request {
	enum cmdline_action action;
	struct ipc_target target;
	enum sem_action what;
	int what_id;			/* the option that asked for it, for messages */
	struct sem_item *items;		/* --set, --set-all, --op */
	size_t n_items;
	bool undo;
	bool json;
	struct wait_opts wait;
};

extern const struct cmdline sem_cmdline;

/* Fill REQ from the command line; no kernel calls.  0, or -1 after the message; sem_request_free() it either way. */
int sem_parse_args(int argc, char **argv, struct sem_request *req);

void sem_request_free(struct sem_request *req);

#endif

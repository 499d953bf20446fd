#ifndef IPCBOX_SET_ARGS_H
#define IPCBOX_SET_ARGS_H

/* ipcbox set's command line: its options (src/set-args.c) and the request they make. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src/cmdline.h"
#include "src/target-args.h"

struct set_request {
	enum cmdline_action action;
	struct ipc_target target;
	bool has_mode;
	unsigned mode;
	/* --owner USER[:GROUP] or :GROUP, as typed (names are looked up when run) */
	const char *user;	/* NULL: unchanged */
	size_t user_len;
	const char *group;	/* NULL: unchanged */
	bool has_max_bytes;
	uint64_t max_bytes;	/* System V queues: msg_qbytes */
	bool has_size;
	uint64_t size;		/* POSIX shared memory */
};

extern const struct cmdline set_cmdline;

/* Fill REQ from the command line; no kernel calls.  0, or -1 after the message. */
int set_parse_args(int argc, char **argv, struct set_request *req);

#endif

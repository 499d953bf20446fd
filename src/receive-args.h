#ifndef IPCBOX_RECEIVE_ARGS_H
#define IPCBOX_RECEIVE_ARGS_H

/* ipcbox receive's command line: its options (src/receive-args.c) and the request they make. */
#include <stdbool.h>

#include "src/cmdline.h"
#include "src/queue.h"
#include "src/target-args.h"
#include "src/wait.h"

enum receive_format { RECEIVE_TEXT, RECEIVE_RAW, RECEIVE_JSON };

struct receive_request {
	enum cmdline_action action;
	struct ipc_target target;
	unsigned long long count;	/* messages to receive */
	bool all;			/* until the queue is empty, never waiting */
	struct queue_select select;	/* System V: --type, --except */
	bool has_select;
	struct wait_opts wait;
	enum receive_format format;
};

extern const struct cmdline receive_cmdline;

/* Fill REQ from the command line; no kernel calls.  0, or -1 after the message. */
int receive_parse_args(int argc, char **argv, struct receive_request *req);

#endif

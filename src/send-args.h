#ifndef IPCBOX_SEND_ARGS_H
#define IPCBOX_SEND_ARGS_H

/* ipcbox send's command line: its options (src/send-args.c) and the request they make. */
#include <stdbool.h>

#include "src/cmdline.h"
#include "src/target-args.h"
#include "src/wait.h"

struct send_request {
	enum cmdline_action action;
	struct ipc_target target;
	long type;		/* System V, >= 1 */
	bool has_type;
	unsigned priority;	/* POSIX */
	bool has_priority;
	const char *file;	/* --file: one message of its bytes ("-": standard input) */
	bool lines;		/* --lines: one message per line of standard input */
	struct wait_opts wait;
	char **words;		/* the message from the arguments, words joined by spaces */
	int nwords;
};

extern const struct cmdline send_cmdline;

/* Fill REQ from the command line; no kernel calls.  0, or -1 after the message. */
int send_parse_args(int argc, char **argv, struct send_request *req);

#endif

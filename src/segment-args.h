#ifndef IPCBOX_SEGMENT_ARGS_H
#define IPCBOX_SEGMENT_ARGS_H

/* ipcbox read's and write's command lines (src/segment-args.c) and the request they make. */
#include <stdbool.h>
#include <stdint.h>

#include "src/cmdline.h"
#include "src/target-args.h"

struct segment_request {
	enum cmdline_action action;
	struct ipc_target target;
	uint64_t offset;
	uint64_t length;
	bool has_length;	/* read: else up to the end */
	bool hex;		/* read: xxd's layout */
	const char *file;	/* write: the bytes to write (else standard input; "-" too) */
};

extern const struct cmdline read_cmdline, write_cmdline;

/* Fill REQ from the command line by CMD (read_cmdline or write_cmdline); no kernel calls.  0, or -1 after the message. */
int segment_parse_args(const struct cmdline *cmd, int argc, char **argv, struct segment_request *req);

#endif

#ifndef IPCBOX_IPCMK_ARGS_H
#define IPCBOX_IPCMK_ARGS_H

/* ipcmk's command line: its options (src/ipcmk-args.c) and the request they make. */
#include <stdbool.h>
#include <stdint.h>

#include "src/cmdline.h"
#include "src/kinds.h"
#include "src/namespace.h"
#include "src/posix.h"
#include "src/args.h"

struct mk_request {
	enum cmdline_action action;
	bool want[KINDS];
	uint64_t shm_size;
	const char *shm_size_arg;	/* error messages name the value */
	int nsems;
	const char *nsems_arg;
	const char *name;
	unsigned mode;
	bool has_key;
	struct key_arg key;	/* a number, or PATH:PROJ resolved by main */
	struct posix_attr attr;	/* size, maxmsg, msgsize, value */
	bool has_namespace;
	struct ns_target ns;
	bool has_mq_attr, has_value;
	bool json;		/* -J: the objects made, as ipcs -J shows them */
	/* A value refused (-M, -m, -S, --maxmsg, --msgsize, --value): main says its form or range. */
	int bad_option;
	const char *bad_arg;
};

extern const struct cmdline ipcmk_cmdline;

/*
 * Fill REQ from the command line; no kernel calls.  Returns 0, or -1 after
 * printing the error.  Values are parsed in command-line order, as the
 * reference does, so the first bad one is reported (REQ->bad_option and
 * bad_arg name it: main says what is expected, with the kernel's limits).  -S takes
 * any int: main checks its 1..SEMMSL with the kernel's SEMMSL.
 */
int ipcmk_parse_args(int argc, char **argv, struct mk_request *req);

#endif

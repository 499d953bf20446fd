#ifndef IPCBOX_IPCRM_ARGS_H
#define IPCBOX_IPCRM_ARGS_H

/* ipcrm's command line: its options (src/ipcrm-args.c) and the request they make. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src/cmdline.h"
#include "src/kinds.h"
#include "src/namespace.h"
#include "src/select.h"
#include "src/args.h"

enum rm_by { BY_ID, BY_KEY, BY_NAME };

struct rm_target {
	enum ipc_kind type;
	enum rm_by by;
	int id;
	struct key_arg key;	/* a number, or PATH:PROJ resolved before removing */
	const char *arg;	/* as typed: keys and names are reported so */
};

struct rm_request {
	enum cmdline_action action;
	bool legacy;		/* "ipcrm shm|msg|sem ID...": prints "resource(s) deleted" */
	bool verbose;
	bool dry_run;		/* print the -v lines, remove nothing */
	struct selection select;	/* filters of --all */
	bool has_namespace;
	struct ns_target ns;
	bool all[KINDS];
	bool bare_all;		/* -a or --all without a type: "-a shm" is a detached type */
	const char *first_select;	/* the first selection option, as its long name */
	struct rm_target *targets;
	size_t ntargets;
	/* An id refused because it looks like a key: main looks it up for a hint. */
	bool key_hint;
	enum ipc_kind hint_type;
	int32_t hint_key;
	const char *hint_arg;
};

extern const struct cmdline ipcrm_cmdline;

/*
 * Fill REQ from the command line without kernel calls.  Returns 0, or -1
 * after printing the error; REQ->targets must be freed either way.
 */
int ipcrm_parse_args(int argc, char **argv, struct rm_request *req);

#endif

#ifndef IPCBOX_IPCS_ARGS_H
#define IPCBOX_IPCS_ARGS_H

/* ipcs's command line: its options (src/ipcs-args.c) and the request they make. */
#include <stdbool.h>
#include <stddef.h>

#include "src/cmdline.h"
#include "src/kinds.h"
#include "src/namespace.h"
#include "src/order.h"
#include "src/owners.h"
#include "src/render.h"
#include "src/select.h"

struct sysv_message_list;

struct ipcs_request {
	enum cmdline_action action;
	bool want[KINDS];
	bool have_id;
	int id;
	/* An -i refused because it looks like a key: main says whose key it is. */
	bool key_hint;
	int32_t hint_key;
	const char *hint_arg;
	const char *name;	/* --name */
	bool processes;		/* --processes */
	bool has_namespace, all_namespaces;
	struct ns_target ns;
	bool messages;		/* --messages: with -q -i (with -Q --name: a note) */
	size_t message_bytes;	/* --messages=N: bytes shown of each */
	struct sysv_message_list *peek;	/* filled by show_details; not the parser's */
	/* --removeipc: the objects selected, and of those a live process uses (--processes). */
	struct removeipc_tally {
		size_t objects, in_use;
	} *tally;			/* not the parser's */
	struct selection select;
	const char *output;	/* --metrics --output FILE */
	enum owners_by by;	/* --by-owner, --by-creator */
	const char *sort_arg;	/* --sort, checked once the kinds are known */
	struct order_spec sort;
	size_t top;		/* --top N; 0: every row */
	struct render_opts render;
};

extern const struct cmdline ipcs_cmdline;

/*
 * Fill REQ from the command line; no kernel calls.  Returns 0, or -1 after
 * printing the error.
 */
int ipcs_parse_args(int argc, char **argv, struct ipcs_request *req);

/* The one kind chosen, or -1; counts only System V or only POSIX kinds. */
static inline int single_kind(const struct ipcs_request *req, bool posix)
{
	int found = -1, n = 0;
	for (int k = 0; k < KINDS; k++)
		if (req->want[k] && kind_is_posix(k) == posix) {
			found = k;
			n++;
		}
	return n == 1 ? found : -1;
}

static inline bool any_kind(const struct ipcs_request *req, bool posix)
{
	for (int k = 0; k < KINDS; k++)
		if (req->want[k] && kind_is_posix(k) == posix)
			return true;
	return false;
}

#endif

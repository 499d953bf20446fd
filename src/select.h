#ifndef IPCBOX_SELECT_H
#define IPCBOX_SELECT_H

/*
 * Selection of objects, shared by ipcs listings and ipcrm's bulk removal:
 * --owner, --created-by, --orphaned, --older-than, --key.  Several filters
 * combine with AND.  Parsing never touches the kernel.
 */
#include <stdbool.h>
#include <stdint.h>

#include "src/args.h"
#include "src/cmdline.h"
#include "src/holders.h"
#include "src/logind.h"
#include "src/i18n.h"

struct selection {
	bool any;			/* at least one filter */
	bool has_owner, has_creator, has_older, has_key;
	bool orphaned;
	uint32_t owner, creator;
	int64_t older_than;		/* seconds */
	int32_t key;			/* key_spec.value once resolved */
	struct key_arg key_spec;	/* a number, or PATH:PROJ (ftok) resolved by main */
	const char *owner_arg, *creator_arg, *older_arg, *key_arg;	/* as typed */
	/* ipcs --removeipc: owners systemd-logind counts as regular users (read by select_resolve). */
	bool removeipc;
	struct logind_policy logind;
};

/* The entries of the selection options in a command's option table (ipcs, lsipc): one help text each. */
#define SELECT_CMDLINE_OPTIONS \
	{ "owner", OPT_SELECT_OWNER, required_argument, \
	  N_("     --owner <user>      objects owned by <user> (a name or a uid)\n") }, \
	{ "created-by", OPT_SELECT_CREATOR, required_argument, \
	  N_("     --created-by <user> objects created by <user>\n") }, \
	{ "orphaned", OPT_SELECT_ORPHANED, no_argument, \
	  N_("     --orphaned          objects no process uses any more (see ipcs(1))\n") }, \
	{ "older-than", OPT_SELECT_OLDER, required_argument, \
	  N_("     --older-than <age>  objects last changed longer ago (s, m, h or d)\n") }, \
	{ "key", OPT_SELECT_KEY, required_argument, \
	  N_("     --key <key>         System V objects with this key\n") }

/*
 * OPT (one of OPT_SELECT_*) with ARG into SEL: 0, or -1 after printing the
 * error.  USER is a name or a number; DURATION a number with s, m, h or d.
 */
int select_option(int opt, const char *arg, struct selection *sel);

/* Whether matching needs the holders of each object (--orphaned). */
static inline bool select_needs_holders(const struct selection *sel) { return sel->orphaned; }

/*
 * Whether the object matches every filter; STATE (holders_state_of) is
 * required when select_needs_holders(), else may be NULL.  NOW is the time
 * of the run.
 */
bool select_sysv(const struct selection *sel, const struct sysv_object *obj,
		 const struct holders_state *state, int64_t now);
bool select_posix(const struct selection *sel, const struct posix_object *obj,
		  const struct holders_state *state, int64_t now);

/* "owned by www-data, orphaned": the filters in words, for summaries. */
void select_describe(const struct selection *sel, char *buf, size_t len);

/*
 * --key PATH:PROJ: look at the file; --removeipc: read logind's policy
 * (after parsing, before acting).  0, or -1 after the message.
 */
int select_resolve(struct selection *sel);

#endif

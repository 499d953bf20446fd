#ifndef IPCBOX_SELECT_H
#define IPCBOX_SELECT_H

/*
 * Selection of objects, shared by ipcs listings and ipcrm's bulk removal:
 * --owner, --created-by, --orphaned, --older-than, --key.  Several filters
 * combine with AND.  Parsing never touches the kernel.
 */
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "src/args.h"
#include "src/holders.h"

enum {
	OPT_SELECT_OWNER = CHAR_MAX + 64, OPT_SELECT_CREATOR, OPT_SELECT_ORPHANED,
	OPT_SELECT_OLDER, OPT_SELECT_KEY,
};

/* The long options, for each command's table. */
#define SELECT_LONG_OPTIONS \
	{ "owner",      required_argument, NULL, OPT_SELECT_OWNER }, \
	{ "created-by", required_argument, NULL, OPT_SELECT_CREATOR }, \
	{ "orphaned",   no_argument,       NULL, OPT_SELECT_ORPHANED }, \
	{ "older-than", required_argument, NULL, OPT_SELECT_OLDER }, \
	{ "key",        required_argument, NULL, OPT_SELECT_KEY }

struct selection {
	bool any;			/* at least one filter */
	bool has_owner, has_creator, has_older, has_key;
	bool orphaned;
	uint32_t owner, creator;
	int64_t older_than;		/* seconds */
	int32_t key;			/* key_spec.value once resolved */
	struct key_arg key_spec;	/* a number, or PATH:PROJ (ftok) resolved by main */
	const char *owner_arg, *creator_arg, *older_arg, *key_arg;	/* as typed */
};

/*
 * OPT (one of OPT_SELECT_*) with ARG into SEL: 0, or -1 after printing the
 * error.  USER is a name or a number; DURATION a number with s, m, h or d.
 */
int select_option(int opt, const char *arg, struct selection *sel);

/* Whether matching needs the holders of each object (--orphaned). */
static inline bool select_needs_holders(const struct selection *sel) { return sel->orphaned; }

/*
 * Whether the object matches every filter; HOLDERS is required when
 * select_needs_holders(), else may be NULL.  NOW is the time of the run.
 */
bool select_sysv(const struct selection *sel, const struct sysv_object *obj,
		 const struct holder_list *holders, int64_t now);
bool select_posix(const struct selection *sel, const struct posix_object *obj,
		  const struct holder_list *holders, int64_t now);

/* "owned by www-data, orphaned": the filters in words, for summaries. */
void select_describe(const struct selection *sel, char *buf, size_t len);

/* --key PATH:PROJ: look at the file (after parsing, before acting); 0, or -1 after the message. */
int select_resolve(struct selection *sel);

#endif

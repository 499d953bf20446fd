/* The one selection predicate of ipcs listings and ipcrm's bulk removal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/args.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/names.h"
#include "src/numbers.h"
#include "src/select.h"
#include "src/util.h"

/* A user name, or a uid as digits (a name made of digits is a uid, as in chown). */
static int parse_user(const char *option, const char *arg, uint32_t *out)
{
	unsigned long long v;
	if (parse_ullong(arg, 10, UINT32_MAX, &v)) {
		*out = (uint32_t)v;
		return 0;
	}
	uid_t uid;
	if (!*arg || !user_id(arg, &uid))
		return parse_error(false, _("%s: no such user: '%s'"), option, escape_arg(arg));
	*out = uid;
	return 0;
}

/* "90", "90s", "15m", "12h", "7d": seconds. */
static int parse_duration(const char *arg, int64_t *out)
{
	static const struct { char unit; int64_t seconds; } units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 },
	};
	size_t len = strlen(arg);
	int64_t mult = 1;
	char digits[32];
	if (len == 0 || len >= sizeof(digits))
		goto bad;
	memcpy(digits, arg, len + 1);
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (digits[len - 1] == units[i].unit) {
			mult = units[i].seconds;
			digits[--len] = '\0';
			break;
		}
	unsigned long long v;
	if (!parse_ullong(digits, 10, (unsigned long long)INT64_MAX / (unsigned long long)mult, &v))
		goto bad;
	*out = (int64_t)v * mult;
	return 0;
bad:
	return parse_error(false, _("--older-than: invalid duration '%s' (a number with s, m, h or d, e.g. 7d)"), escape_arg(arg));
}

int select_option(int opt, const char *arg, struct selection *sel)
{
	sel->any = true;
	switch (opt) {
	case OPT_SELECT_OWNER:
		sel->has_owner = true;
		sel->owner_arg = arg;
		return parse_user("--owner", arg, &sel->owner);
	case OPT_SELECT_CREATOR:
		sel->has_creator = true;
		sel->creator_arg = arg;
		return parse_user("--created-by", arg, &sel->creator);
	case OPT_SELECT_ORPHANED:
		sel->orphaned = true;
		return 0;
	case OPT_SELECT_REMOVEIPC:
		sel->removeipc = true;
		return 0;
	case OPT_SELECT_OLDER:
		sel->has_older = true;
		sel->older_arg = arg;
		return parse_duration(arg, &sel->older_than);
	case OPT_SELECT_KEY:
		sel->has_key = true;
		sel->key_arg = arg;
		const char *why;
		if (!parse_key_arg(arg, &sel->key_spec, &why)) {
			char *shown = escape_alloc(arg);
			parse_error(false, _("--key: failed to parse key: '%s'%s%s"), shown, why ? ": " : "", why ? _(why) : "");
			free(shown);
			return -1;
		}
		sel->key = sel->key_spec.value;
		return 0;
	default:
		return parse_error(true, _("bad usage"));
	}
}

/* The filters every kind has: owner, creator, age, orphan state. */
static bool common(const struct selection *sel, uint32_t uid, uint32_t cuid, int64_t ctime,
		   bool orphaned, int64_t now)
{
	if (sel->has_owner && uid != sel->owner)
		return false;
	if (sel->has_creator && cuid != sel->creator)
		return false;
	if (sel->removeipc && !logind_regular_user(&sel->logind, uid))
		return false;
	if (sel->has_older && (ctime <= 0 || now - ctime < sel->older_than))
		return false;
	return !sel->orphaned || orphaned;
}

bool select_sysv(const struct selection *sel, const struct sysv_object *obj,
		 const struct holders_state *state, int64_t now)
{
	if (!sel->any)
		return true;
	if (sel->has_key && obj->key != sel->key)
		return false;
	/* The change time: creation, or the last IPC_SET. */
	int64_t ctime = obj->times[obj->kind == KIND_SEM ? SEM_CTIME : obj->kind == KIND_SHM ? SHM_CTIME : MSG_CTIME];
	bool orphaned = sel->orphaned && state->orphaned;
	return common(sel, obj->uid, obj->cuid, ctime, orphaned, now);
}

bool select_posix(const struct selection *sel, const struct posix_object *obj,
		  const struct holders_state *state, int64_t now)
{
	if (!sel->any)
		return true;
	/* POSIX objects have names, not keys; their file's owner is the creator. */
	if (sel->has_key)
		return false;
	bool orphaned = sel->orphaned && state->orphaned;
	/*
	 * A queue's file gets a new ctime whenever it is read (as every
	 * listing does for its byte count): its age is its mtime, set at
	 * creation and by each send and receive, never by reading.
	 */
	int64_t changed = obj->kind == KIND_PMSG ? obj->mtime : obj->ctime;
	return common(sel, obj->uid, obj->uid, changed, orphaned, now);
}

/* TRANSLATORS: the parts of a list in parentheses, after "removed 3 of 5
 * semaphore arrays": "(owned by www-data, older than 2d)". */
void select_describe(const struct selection *sel, char *buf, size_t len)
{
	size_t n = 0;
	char owner[64], creator[64];
	buf[0] = '\0';
	escape_name(sel->owner_arg ? sel->owner_arg : "", owner, sizeof(owner));
	escape_name(sel->creator_arg ? sel->creator_arg : "", creator, sizeof(creator));
#define PART(...) do { \
		int w = snprintf(buf + n, len - n, "%s", n ? ", " : ""); \
		if (w > 0 && (size_t)w < len - n) n += (size_t)w; \
		w = snprintf(buf + n, len - n, __VA_ARGS__); \
		if (w > 0 && (size_t)w < len - n) n += (size_t)w; \
	} while (0)
	if (sel->has_owner)
		PART(_("owned by %s"), owner);
	if (sel->has_creator)
		PART(_("created by %s"), creator);
	if (sel->has_key)
		PART(_("with key %s"), escape_arg(sel->key_arg));
	if (sel->has_older)
		PART(_("older than %s"), escape_arg(sel->older_arg));
	if (sel->orphaned)
		PART("%s", _("orphaned"));
	if (sel->removeipc)
		PART("%s", _("removed by systemd-logind at logout"));
#undef PART
}

int select_resolve(struct selection *sel)
{
	if (sel->removeipc && logind_read(&sel->logind) < 0)
		return -1;
	if (!sel->has_key)
		return 0;
	if (resolve_key_arg(&sel->key_spec) < 0)
		return -1;
	sel->key = sel->key_spec.value;
	return 0;
}

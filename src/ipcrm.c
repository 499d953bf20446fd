/*
 * ipcrm: remove System V and POSIX IPC objects.
 *
 * The command line becomes a validated request list before anything is
 * removed: an invalid line removes nothing, and ids and keys out of range
 * are refused rather than truncated.  Then each removal is tried in order;
 * a failure is reported and the others still run.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "src/args.h"
#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcrm-args.h"
#include "src/ipcrm-filter.h"
#include "src/key-hint.h"
#include "src/messages.h"
#include "src/name-hint.h"
#include "src/namespace.h"
#include "src/out.h"
#include "src/posix.h"
#include "src/select.h"
#include "src/sysv.h"
#include "src/xalloc.h"

/*
 * The -v line, or --dry-run's (printed only once the object is found: a
 * dry run never announces what it could not remove); a name is escaped as
 * everywhere.  NOTE: words to add in parentheses, or NULL.
 */
static void print_removing(const struct rm_request *req, enum ipc_kind type, int id, const char *name,
			   const char *note)
{
	char num[16];
	char *shown = name ? escape_alloc(name) : NULL;
	const char *what = shown ? shown : format_i64(id, num);
	if (note)
		/* TRANSLATORS: "would remove shared memory segment id `5' (attached by 1 process: ...)" */
		out_printf(_("would remove %s `%s' (%s)\n"), _(kinds[type].removing), what, note);
	else
		/* TRANSLATORS: "removing shared memory segment id `5'"; %s is a kind's word
		 * ("message queue id", "POSIX semaphore", ...) */
		out_printf(req->dry_run ? _("would remove %s `%s'\n") : _("removing %s `%s'\n"),
			   _(kinds[type].removing), what);
	free(shown);
}

/*
 * A segment still attached is only marked for removal (status "dest"): the
 * kernel removes it when the last process detaches.  "" when not attached.
 */
static const char *attached_note(const struct sysv_object *o, char *buf, size_t len)
{
	buf[0] = '\0';
	if (o->kind == KIND_SHM && o->count > 0)
		snprintf(buf, len, P_("attached by %llu process: removed when it detaches",
				      "attached by %llu processes: removed when it detaches", o->count),
			 (unsigned long long)o->count);
	return buf;
}

/* -a goes through the kinds in the reference's order: shm, sem, msg. */
static const enum ipc_kind all_order[KINDS] = {
	KIND_SHM, KIND_PSHM, KIND_SEM, KIND_PSEM, KIND_MSG, KIND_PMSG
};

/* util-linux 2.41's messages for a POSIX name: "name `/x' not found" etc. */
static void report_name(int errnum, const char *raw)
{
	char *what = escape_alloc(raw);
	switch (errnum) {
	case EACCES:
	case EPERM:
		warnx(_("permission denied for name `%s'"), what);
		break;
	case ENOENT:
	case EINVAL:
		warnx(_("name `%s' not found"), what);
		break;
	case ENAMETOOLONG:
		warnx(_("name `%s' too long"), what);
		break;
	case EIDRM:
		warnx(_("name `%s' already removed"), what);
		break;
	default:
		errno = errnum;
		warn(_("cannot remove name `%s'"), what);
		break;
	}
	free(what);
}

/* The reference's messages, by errno: "invalid id (N)" etc.; [by id, by key]. */
static void report(int errnum, const char *by, const char *raw)
{
	if (strcmp(by, "name") == 0) {
		report_name(errnum, raw);
		return;
	}
	bool key = strcmp(by, "key") == 0;
	char *what = escape_alloc(raw);
	switch (errnum) {
	case EACCES:
	case EPERM:
		warnx(key ? _("permission denied for key (%s)") : _("permission denied for id (%s)"), what);
		break;
	case EINVAL:
	case ENOENT:
		warnx(key ? _("invalid key (%s)") : _("invalid id (%s)"), what);
		break;
	case EIDRM:
		warnx(key ? _("already removed key (%s)") : _("already removed id (%s)"), what);
		break;
	default:
		errno = errnum;
		warn(key ? _("cannot remove key (%s)") : _("cannot remove id (%s)"), what);
		break;
	}
	free(what);
}

static int remove_sysv_id(const struct rm_request *req, enum ipc_kind type, int id,
			  const char *by, const char *what, bool by_scan)
{
	struct sysv_object found;
	char note[128];
	if (req->dry_run) {
		if (sysv_find(type, id, &found) == 0) {
			attached_note(&found, note, sizeof(note));
			print_removing(req, type, id, NULL, *note ? note : NULL);
			return 0;
		}
	} else {
		/* -v on a segment: is it attached?  Asked first, as the removal hides it. */
		bool attached = req->verbose && type == KIND_SHM && sysv_find(type, id, &found) == 0 &&
				*attached_note(&found, note, sizeof(note));
		/* util-linux's order: the line, then the attempt. */
		if (req->verbose)
			print_removing(req, type, id, NULL, NULL);
		if (sysv_remove(type, id) == 0) {
			/* On stderr: the -v lines on stdout stay util-linux's. */
			if (attached)
				/* TRANSLATORS: "shared memory segment id `5' (attached by 1 process: ...)" */
				warnx(_("%s `%d' (%s)"), _(kinds[type].removing), id, note);
			return 0;
		}
	}
	int e = errno;
	char num[16];
	if (!what) {
		snprintf(num, sizeof(num), "%d", id);
		what = num;
	}
	/* -a saw the object a moment ago: if it is gone now, someone removed it. */
	report(by_scan && e == EINVAL ? EIDRM : e, by, what);
	return -1;
}

/* The option that removes a POSIX kind by name. */
static const char *const posix_option[KINDS] = {
	[KIND_PSHM] = "--posix-shmem", [KIND_PMSG] = "--posix-mqueue", [KIND_PSEM] = "--posix-semaphore",
};

/*
 * After "name `/lock' not found": if the name is another POSIX kind's, say
 * so on a line of its own (the first line stays util-linux's).
 */
static void other_kind_hint(enum ipc_kind type, const char *name)
{
	int k = posix_other_kind(type, name);
	if (k < 0)
		return;
	char *shown = escape_alloc(name);
	/* TRANSLATORS: the first %s is a POSIX name (/lock), the second an ipcrm option */
	warnx(k == KIND_PSHM ? _("%s is POSIX shared memory: use %s")
	      : k == KIND_PMSG ? _("%s is a POSIX message queue: use %s")
	      : _("%s is a POSIX semaphore: use %s"), shown, posix_option[k]);
	free(shown);
}

/*
 * After "invalid key (0x5)": a key that is also a plausible id (a plain
 * number from 1 to INT_MAX, not PATH:PROJ) and is the id of an object of
 * the kind was most likely meant as one (-M for -m).
 */
static void id_hint(enum ipc_kind type, const struct key_arg *key)
{
	struct sysv_object found;
	if (key->is_ftok || key->value <= 0 || sysv_find(type, key->value, &found) < 0)
		return;
	/* TRANSLATORS: "use -m 5 to remove shared memory id 5"; %s is "message queue",
	 * "shared memory" or "semaphore array" */
	warnx(_("use -%c %d to remove %s id %d"), kinds[type].key_option - 'A' + 'a', (int)key->value,
	      _(kinds[type].object), (int)key->value);
}

static int remove_target(const struct rm_request *req, const struct rm_target *t)
{
	switch (t->by) {
	case BY_ID:
		return remove_sysv_id(req, t->type, t->id, "id", NULL, false);
	case BY_KEY: {
		int id = sysv_id_of_key(t->type, t->key.value);
		if (id < 0) {
			int e = errno;
			report(e, "key", t->arg);
			if (e == ENOENT || e == EINVAL) {
				id_hint(t->type, &t->key);
				/* "-M 0x5eed" for a queue's key: say whose it is, as for POSIX names. */
				key_hint(t->type, t->key.value, t->arg, KEY_HINT_REMOVE, false);
			}
			return -1;
		}
		return remove_sysv_id(req, t->type, id, "key", t->arg, false);
	}
	case BY_NAME: {
		struct posix_object found;
		if (req->dry_run) {
			int rc = posix_find(t->type, t->arg, &found);
			if (rc == 0) {
				print_removing(req, t->type, 0, t->arg, NULL);
				return 0;
			}
			if (rc > 0)
				errno = ENOENT;
		} else {
			if (req->verbose)
				print_removing(req, t->type, 0, t->arg, NULL);
			if (posix_unlink(t->type, t->arg) == 0)
				return 0;
		}
		int e = errno;
		report(e, "name", t->arg);
		if (e == ENOENT) {
			other_kind_hint(t->type, t->arg);
			escaped_name_hint(t->type, t->arg);
		}
		return -1;
	}
	}
	return -1;
}

/*
 * System V objects are removed as the scan meets them: both kernel sources
 * walk the index space, so a removal never hides or repeats another object,
 * and the kernel finds each object while it is still cache-hot.
 */
struct remove_ctx {
	struct filter_tally tally;	/* with filters: what was considered, removed, kept and why */
	int rc;
};

static int remove_visited(const struct sysv_object *obj, void *ctx)
{
	struct remove_ctx *r = ctx;
	const struct rm_request *req = r->tally.req;
	if (req->select.any && !filter_take(&r->tally, obj, NULL))
		return 0;
	if (remove_sysv_id(req, r->tally.type, obj->id, "id", NULL, true) < 0)
		r->rc = -1;
	else
		r->tally.removed++;
	return 0;
}

static int remove_all_sysv(const struct rm_request *req, enum ipc_kind type)
{
	struct remove_ctx r = { .tally = { .req = req, .type = type, .now = time(NULL) } };
	if (sysv_scan(type, remove_visited, &r) < 0) {
		warn(_("cannot list %s objects"), kinds[type].keyword);
		r.rc = -1;
	}
	if (req->select.any)
		filter_report(&r.tally);
	return r.rc;
}

static int remove_all_posix(const struct rm_request *req, enum ipc_kind type)
{
	struct posix_list l = { 0 };
	struct filter_tally tally = { .req = req, .type = type, .now = time(NULL) };
	int rc = 0;
	/* Gathered first: a directory stream must not change under us.  Odd entries are reported. */
	if (posix_list_gather(type, POSIX_LIST_ODD, &l) < 0) {
		if (type == KIND_PMSG && (errno == EMEDIUMTYPE || errno == ENOENT)) {
			warnx(_("%s is not a mounted mqueue filesystem"), posix_dir(type));
			rc = -1;
		} else if (errno != ENOENT) {	/* no /dev/shm: no objects */
			warn(_("cannot read %s"), posix_dir(type));
			rc = -1;
		}
	}
	for (size_t i = 0; i < l.n; i++) {
		struct posix_object o;
		posix_list_get(&l, i, &o);
		char path[PATH_MAX];
		posix_entry_path(&o, path, sizeof(path));
		/* Not an IPC object (a directory, a planted symlink): leave it. */
		if (!S_ISREG(o.mode)) {
			if (req->verbose || req->dry_run) {
				char *shown = escape_alloc(path);
				warnx(_("skipping %s: not a regular file"), shown);
				free(shown);
			}
			continue;
		}
		if (req->select.any && !filter_take(&tally, NULL, &o))
			continue;
		if (req->verbose || req->dry_run)
			print_removing(req, type, 0, o.name, NULL);
		if (!req->dry_run && posix_remove_entry(&o) < 0) {
			report(errno == ENOENT ? EIDRM : errno, "name", o.name);
			rc = -1;
		} else {
			tally.removed++;
		}
	}
	posix_list_free(&l);
	if (req->select.any)
		filter_report(&tally);
	return rc;
}

static int execute(const struct rm_request *req)
{
	int rc = 0;
	bool named[KINDS];
	struct ns_target ns = req->ns;
	for (int k = 0; k < KINDS; k++) {
		named[k] = req->all[k];
		for (size_t i = 0; i < req->ntargets; i++)
			named[k] |= req->targets[i].type == (enum ipc_kind)k;
		ns.posix |= named[k] && kind_is_posix(k);
	}
	if (req->has_namespace && ns_enter(&ns) < 0)
		return 1;
	/* Every kind the line names must be the target's: check before removing anything. */
	if (!ns_check_kinds(&req->ns, named, NS_REMOVE, true, NULL))
		return 1;
	/* Filters and guards need to know who uses what: one /proc scan. */
	if (req->select.any && !holders_scan(req->all)) {
		warn(_("cannot read /proc: refusing filtered removal"));
		return 1;
	}
	for (size_t i = 0; i < req->ntargets; i++)
		if (remove_target(req, &req->targets[i]) < 0)
			rc = 1;
	for (int i = 0; i < KINDS; i++) {
		enum ipc_kind t = all_order[i];
		if (!req->all[t])
			continue;
		if ((kind_is_posix(t) ? remove_all_posix(req, t) : remove_all_sysv(req, t)) < 0)
			rc = 1;
	}
	if (req->legacy && rc == 0)
		out_str(_("resource(s) deleted\n"));
	return rc;
}

int ipcrm_main(int argc, char **argv)
{
	struct rm_request req;
	int rc = ipcrm_parse_args(argc, argv, &req);
	/* After "failed to parse argument: '0x5eed'" for an id: whose key is it? */
	if (rc < 0 && req.key_hint && key_hint_here(argc, argv))
		key_hint(req.hint_type, req.hint_key, req.hint_arg, KEY_HINT_REMOVE, true);
	if (rc == 0 && req.action != CMDLINE_RUN) {
		free(req.targets);
		return cmdline_act(&ipcrm_cmdline, req.action);
	}
	if (rc == 0) {
		/* PATH:PROJ keys: every file is looked at before anything is removed. */
		for (size_t i = 0; i < req.ntargets && rc == 0; i++)
			if (req.targets[i].by == BY_KEY && resolve_key_arg(&req.targets[i].key) < 0)
				rc = -1;
		if (rc == 0 && select_resolve(&req.select) < 0)
			rc = -1;
		if (rc == 0)
			rc = execute(&req);
	}
	free(req.targets);
	if (rc < 0)
		return 1;
	return close_stdout() ? 1 : rc;
}

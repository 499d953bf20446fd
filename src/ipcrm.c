/*
 * ipcrm: remove System V and POSIX IPC objects.
 *
 * The command line becomes a validated request list before anything is
 * removed: an invalid line removes nothing, and ids and keys out of range
 * are refused rather than truncated.  Then each removal is tried in order;
 * a failure is reported and the others still run.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/namespace.h"
#include "src/out.h"
#include "src/posix.h"
#include "src/select.h"
#include "src/sysv.h"
#include "src/util.h"

/* One msgid per line or option: translators handle small units. */
static const char *const usage_text[] = {
	"\n",
	N_("Usage:\n"),
	N_(" ipcrm [options]\n"),
	N_(" ipcrm shm|msg|sem <id>...\n"),
	"\n",
	N_("Remove certain IPC resources.\n"),
	"\n",
	N_("Options:\n"),
	N_(" -m, --shmem-id <id>        remove shared memory segment by id\n"),
	N_(" -M, --shmem-key <key>      remove shared memory segment by key\n"),
	N_("     --posix-shmem <name>   remove POSIX shared memory segment by name\n"),
	N_(" -q, --queue-id <id>        remove message queue by id\n"),
	N_(" -Q, --queue-key <key>      remove message queue by key\n"),
	N_("     --posix-mqueue <name>  remove POSIX message queue by name\n"),
	N_(" -s, --semaphore-id <id>    remove semaphore by id\n"),
	N_(" -S, --semaphore-key <key>  remove semaphore by key\n"),
	N_("     --posix-semaphore <name> remove POSIX semaphore by name\n"),
	N_(" -a, --all[=shm|pshm|msg|pmsg|sem|psem]\n"
	   "                            remove all (in the specified category)\n"),
	N_(" -v, --verbose              explain what is being done\n"),
	N_("     --dry-run              print what would be removed, remove nothing\n"),
	N_("     --namespace <pid|file> remove in another IPC namespace\n"),
	"\n",
	N_("Selection options (with --all only):\n"),
	N_("     --owner <user>         objects owned by <user> (a name or a uid)\n"),
	N_("     --created-by <user>    objects created by <user>\n"),
	N_("     --orphaned             objects no process uses any more (see ipcrm(1))\n"),
	N_("     --older-than <age>     objects last changed longer ago (s, m, h or d)\n"),
	N_("     --key <key>            System V objects with this key\n"),
	"\n",
	N_(" -h, --help                 display this help\n"),
	N_(" -V, --version              display version\n"),
	"\n",
	N_("Arguments:\n"),
	N_(" <key> is a number, or <path>:<proj> as ftok(3) makes it (<proj>: 1-255 or one character)\n"),
	"\n",
	N_("For more details see ipcrm(1).\n"),
	NULL
};

enum { OPT_POSIX_SHM = CHAR_MAX + 1, OPT_POSIX_MQ, OPT_POSIX_SEM, OPT_DRY_RUN, OPT_ALL_NAMESPACES };

static const char short_opts[] = "a::hM:m:Q:q:S:s:vV";
static const struct option long_opts[] = {
	{ "shmem-id",        required_argument, NULL, 'm' },
	{ "shmem-key",       required_argument, NULL, 'M' },
	{ "posix-shmem",     required_argument, NULL, OPT_POSIX_SHM },
	{ "queue-id",        required_argument, NULL, 'q' },
	{ "queue-key",       required_argument, NULL, 'Q' },
	{ "posix-mqueue",    required_argument, NULL, OPT_POSIX_MQ },
	{ "semaphore-id",    required_argument, NULL, 's' },
	{ "semaphore-key",   required_argument, NULL, 'S' },
	{ "posix-semaphore", required_argument, NULL, OPT_POSIX_SEM },
	{ "all",             optional_argument, NULL, 'a' },
	{ "verbose",         no_argument,       NULL, 'v' },
	{ "dry-run",         no_argument,       NULL, OPT_DRY_RUN },
	NAMESPACE_LONG_OPTION,
	{ "all-namespaces",  no_argument,       NULL, OPT_ALL_NAMESPACES },
	SELECT_LONG_OPTIONS,
	{ "help",            no_argument,       NULL, 'h' },
	{ "version",         no_argument,       NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* The -v line; a name is escaped as everywhere. */
static void print_removing(enum ipc_kind type, int id, const char *name)
{
	char num[16];
	char *shown = name ? escape_alloc(name) : NULL;
	/* TRANSLATORS: "removing shared memory segment id `5'"; %s is a kind's word
	 * ("message queue id", "POSIX semaphore", ...) */
	out_printf(_("removing %s `%s'\n"), _(kinds[type].removing), shown ? shown : format_i64(id, num));
	free(shown);
}

/* -a goes through the kinds in the reference's order: shm, sem, msg. */
static const enum ipc_kind all_order[KINDS] = {
	KIND_SHM, KIND_PSHM, KIND_SEM, KIND_PSEM, KIND_MSG, KIND_PMSG
};

enum rm_by { BY_ID, BY_KEY, BY_NAME };

struct rm_target {
	enum ipc_kind type;
	enum rm_by by;
	int id;
	struct key_arg key;	/* a number, or PATH:PROJ resolved before removing */
	const char *arg;	/* as typed: keys and names are reported so */
};

enum rm_action { RM_REMOVE, RM_HELP, RM_VERSION };

struct rm_request {
	enum rm_action action;
	bool legacy;		/* "ipcrm shm|msg|sem ID...": prints "resource(s) deleted" */
	bool verbose;
	bool dry_run;		/* print the -v lines, remove nothing */
	struct selection select;	/* filters of --all */
	bool has_namespace;
	struct ns_target ns;
	bool all[KINDS];
	struct rm_target *targets;
	size_t ntargets;
	/* An id refused because it looks like a key: main looks it up for a hint. */
	bool key_hint;
	enum ipc_kind hint_type;
	int32_t hint_key;
	const char *hint_arg;
};

static void add_target(struct rm_request *req, const struct rm_target *t)
{
	req->targets = xreallocarray(req->targets, req->ntargets + 1, sizeof(*t));
	req->targets[req->ntargets++] = *t;
}

/* "ipcrm shm|msg|sem ID...": every id is checked, all bad ones reported. */
static int parse_legacy(int argc, char **argv, struct rm_request *req)
{
	req->legacy = true;
	if (argc < 3)
		return parse_error(true, _("not enough arguments"));
	enum ipc_kind type = (enum ipc_kind)kind_of_keyword(argv[1], KIND_SEM + 1);
	int rc = 0;
	for (int i = 2; i < argc; i++) {
		struct rm_target t = { .type = type, .by = BY_ID, .arg = argv[i] };
		if (!parse_ipc_id(argv[i], &t.id))
			rc = parse_error(false, _("invalid id: %s"), escape_arg(argv[i]));
		else
			add_target(req, &t);
	}
	return rc;
}

static int parse_failure(const char *arg)
{
	if (errno == ERANGE)
		return parse_error(false, _("failed to parse argument: '%s': %s"), escape_arg(arg), strerror(errno));
	return parse_error(false, _("failed to parse argument: '%s'"), escape_arg(arg));
}

/* One -m/-M/-q/-Q/-s/-S/--posix-* option into a target. */
static int parse_target(int opt, const char *arg, struct rm_request *req)
{
	static const struct { int opt; enum ipc_kind type; enum rm_by by; } map[] = {
		{ 'm', KIND_SHM, BY_ID }, { 'M', KIND_SHM, BY_KEY }, { OPT_POSIX_SHM, KIND_PSHM, BY_NAME },
		{ 'q', KIND_MSG, BY_ID }, { 'Q', KIND_MSG, BY_KEY }, { OPT_POSIX_MQ, KIND_PMSG, BY_NAME },
		{ 's', KIND_SEM, BY_ID }, { 'S', KIND_SEM, BY_KEY }, { OPT_POSIX_SEM, KIND_PSEM, BY_NAME },
	};
	struct rm_target t = { .arg = arg };
	size_t i = 0;
	while (i < ARRAY_SIZE(map) && map[i].opt != opt)
		i++;
	if (i == ARRAY_SIZE(map))
		return parse_error(true, _("bad usage"));
	t.type = map[i].type;
	t.by = map[i].by;
	switch (t.by) {
	case BY_ID:
		if (!parse_ipc_id(arg, &t.id)) {
			int e = errno;
			/* Hex is a key's spelling: say which object has it, if any. */
			req->key_hint = strncasecmp(arg, "0x", 2) == 0 && parse_ipc_key(arg, &req->hint_key);
			req->hint_type = t.type;
			req->hint_arg = arg;
			errno = e;
			return parse_failure(arg);
		}
		break;
	case BY_KEY: {
		const char *why;
		if (!parse_key_arg(arg, &t.key, &why)) {
			if (!why)
				return parse_failure(arg);
			char *shown = escape_alloc(arg);
			parse_error(false, _("failed to parse argument: '%s': %s"), shown, _(why));
			free(shown);
			return -1;
		}
		if (!t.key.is_ftok && t.key.value == 0)	/* IPC_PRIVATE never names one object */
			return parse_error(false, _("illegal key (%s)"), escape_arg(arg));
		break;
	}
	case BY_NAME: {
		const char *why = posix_name_problem(t.type, arg);
		if (why) {
			char *shown = escape_alloc(arg);
			/* util-linux 2.41's words for ENAMETOOLONG; still refused before removing anything. */
			if (strcmp(why, "is too long") == 0)
				parse_error(false, _("name `%s' too long"), shown);
			else
				parse_error(false, _("invalid name '%s': %s"), shown, _(why));
			free(shown);
			return -1;
		}
		break;
	}
	}
	add_target(req, &t);
	return 0;
}

/*
 * Fill REQ from the command line without kernel calls.  Returns 0, or -1
 * after printing the error; REQ->targets must be freed either way.
 */
static int parse_argv(int argc, char **argv, struct rm_request *req)
{
	int c;

	memset(req, 0, sizeof(*req));
	if (argc >= 2 && kind_of_keyword(argv[1], KIND_SEM + 1) >= 0)
		return parse_legacy(argc, argv, req);

	optind = 0;	/* reinitialise getopt: the parser may be called again */
	while ((c = getopt_escaped(argc, argv, short_opts, long_opts)) != -1) {
		switch (c) {
		case 'a':
			if (!optarg) {
				/*
				 * System V only, as util-linux 2.38 and "ipcs -a": POSIX
				 * objects are files of running programs (PostgreSQL's
				 * segments, pulse-shm-*), removed only when named by type.
				 */
				for (int t = 0; t < KINDS; t++)
					req->all[t] |= !kind_is_posix(t);
			} else {
				int t = kind_of_keyword(optarg, KINDS);
				/* The reference's text; quotes only to make '' visible. */
				if (t < 0)
					return parse_error(false, *optarg ? _("unknown argument: %s") : _("unknown argument: '%s'"), escape_arg(optarg));
				req->all[t] = true;
			}
			break;
		case 'v':
			req->verbose = true;
			break;
		case OPT_DRY_RUN:
			req->dry_run = true;
			break;
		case OPT_NAMESPACE:
			req->has_namespace = true;
			if (ns_parse(optarg, &req->ns) < 0)
				return -1;
			break;
		case OPT_ALL_NAMESPACES:
			return parse_error(false, _("--all-namespaces is refused: removing in every namespace at once "
					   "is too dangerous; use --namespace PID for each"));
		case OPT_SELECT_OWNER:
		case OPT_SELECT_CREATOR:
		case OPT_SELECT_ORPHANED:
		case OPT_SELECT_OLDER:
		case OPT_SELECT_KEY:
			if (select_option(c, optarg, &req->select) < 0)
				return -1;
			break;
		case 'h':
			req->action = RM_HELP;
			return 0;
		case 'V':
			req->action = RM_VERSION;
			return 0;
		case '?':
			/* getopt printed the message */
			print_usage_hint();
			return -1;
		default:
			if (parse_target(c, optarg, req) < 0)
				return -1;
			break;
		}
	}
	if (optind < argc)
		return parse_error(true, _("unknown argument: %s"), escape_arg(argv[optind]));
	bool any_all = false;
	for (int t = 0; t < KINDS; t++)
		any_all |= req->all[t];
	if (req->ntargets == 0 && !any_all)
		return parse_error(true, _("bad usage"));
	if (req->select.any && !any_all)
		return parse_error(true, _("--owner, --created-by, --orphaned, --older-than and --key select objects for --all only"));
	return 0;
}

/* util-linux's long options: their abbreviations keep util-linux's meaning. */
static const char *const legacy_options[] = {
	"--shmem-id", "--shmem-key", "--queue-id", "--queue-key", "--semaphore-id",
	"--semaphore-key", "--all", "--verbose", "--help", "--version", NULL
};

/* The parser proper, on argv as util-linux would read its abbreviations. */
static int parse_args(int argc, char **argv, struct rm_request *req)
{
	char **av = keep_legacy_abbreviations(argc, argv, short_opts, long_opts, legacy_options);
	int rc = parse_argv(argc, av, req);
	free(av);
	return rc;
}

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
	if (req->verbose || req->dry_run)
		print_removing(type, id, NULL);
	if (req->dry_run ? sysv_find(type, id, &found) == 0 : sysv_remove(type, id) == 0)
		return 0;
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
	for (int k = 0; k < KINDS; k++) {
		struct posix_object found;
		if (k == (int)type || !kind_is_posix(k) || posix_name_problem(k, name))
			continue;
		if (posix_find(k, name, &found) == 0) {
			char *shown = escape_alloc(name);
			/* TRANSLATORS: the first %s is a POSIX name (/lock), the second an ipcrm option */
			warnx(k == KIND_PSHM ? _("%s is POSIX shared memory: use %s")
			      : k == KIND_PMSG ? _("%s is a POSIX message queue: use %s")
			      : _("%s is a POSIX semaphore: use %s"), shown, posix_option[k]);
			free(shown);
			return;
		}
	}
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
			if (e == ENOENT || e == EINVAL)
				id_hint(t->type, &t->key);
			return -1;
		}
		return remove_sysv_id(req, t->type, id, "key", t->arg, false);
	}
	case BY_NAME: {
		struct posix_object found;
		if (req->verbose || req->dry_run)
			print_removing(t->type, 0, t->arg);
		if (req->dry_run) {
			int rc = posix_find(t->type, t->arg, &found);
			if (rc == 0)
				return 0;
			if (rc > 0)
				errno = ENOENT;
		} else if (posix_unlink(t->type, t->arg) == 0) {
			return 0;
		}
		int e = errno;
		report(e, "name", t->arg);
		if (e == ENOENT)
			other_kind_hint(t->type, t->arg);
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
	const struct rm_request *req;
	enum ipc_kind type;
	int rc;
	/* With filters: how many matched, were removed, were kept by a guard. */
	size_t matched, removed, kept_root, kept_in_use;
	int64_t now;
};

/*
 * Filtered bulk removal: does the object match, and may it go?  Never
 * root's objects unless --owner root was asked for, never one in use
 * (attached, mapped or open).  Counts what it decides.
 */
static bool filtered_take(struct remove_ctx *r, const struct sysv_object *sysv,
			  const struct posix_object *posix)
{
	const struct selection *sel = &r->req->select;
	struct holder_list holders;
	struct sysv_semval *values = NULL;
	if (sysv && sysv->kind == KIND_SEM && sysv->size > 0)
		values = sysv_sem_values(sysv->id, sysv->size, SEMV_PID | SEMV_WAITING);
	if (sysv)
		holders_of_sysv(sysv, values, &holders);
	else
		holders_of_posix(posix, &holders);
	bool take = sysv ? select_sysv(sel, sysv, &holders, r->now) : select_posix(sel, posix, &holders, r->now);
	if (take) {
		r->matched++;
		/* The rule of ipcs(1), PROCESSES AND ORPHANS. */
		bool in_use = holders_in_use(sysv ? sysv->kind : posix->kind, sysv, &holders);
		uint32_t uid = sysv ? sysv->uid : posix->uid;
		if (uid == 0 && !(sel->has_owner && sel->owner == 0)) {
			r->kept_root++;
			take = false;
		} else if (in_use) {
			r->kept_in_use++;
			take = false;
		}
	}
	holder_list_free(&holders);
	free(values);
	return take;
}

static int remove_visited(const struct sysv_object *obj, void *ctx)
{
	struct remove_ctx *r = ctx;
	if (r->req->select.any && !filtered_take(r, obj, NULL))
		return 0;
	if (remove_sysv_id(r->req, r->type, obj->id, "id", NULL, true) < 0)
		r->rc = -1;
	else
		r->removed++;
	return 0;
}

/* "removed 6 of 9 semaphore arrays owned by www-data; kept 3 in use" */
static void summarize(const struct remove_ctx *r)
{
	const struct rm_request *req = r->req;
	if (!req->select.any || !(req->verbose || req->dry_run) || r->matched == 0)
		return;
	char filters[256];
	select_describe(&req->select, filters, sizeof(filters));
	/*
	 * TRANSLATORS: "removed 6 of 9 semaphore arrays (owned by www-data)"; the
	 * count is of the second number, the third %s a kind's plural, the last
	 * the filters.  English keeps the plural word for every count.
	 */
	out_printf(req->dry_run ? P_("would remove %zu of %zu %s (%s)", "would remove %zu of %zu %s (%s)", r->matched)
				: P_("removed %zu of %zu %s (%s)", "removed %zu of %zu %s (%s)", r->matched),
		   r->removed, r->matched, _(kinds[r->type].plural), filters);
	if (r->kept_root || r->kept_in_use) {
		/* TRANSLATORS: then "3 in use" and/or "1 owned by root (...)" */
		out_str(_("; kept "));
		if (r->kept_root) {
			out_printf(P_("%zu owned by root (use --owner root)", "%zu owned by root (use --owner root)",
				      r->kept_root), r->kept_root);
			out_str(r->kept_in_use ? ", " : "");
		}
		if (r->kept_in_use)
			out_printf(P_("%zu in use", "%zu in use", r->kept_in_use), r->kept_in_use);
	}
	out_char('\n');
}

/* POSIX entries are gathered first: a directory stream must not change under us. */
struct entry_list {
	struct posix_object *objs;
	size_t n, cap;
};

static int collect_entry(const struct posix_object *obj, void *ctx)
{
	struct entry_list *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->objs = xreallocarray(l->objs, l->cap, sizeof(*l->objs));
	}
	l->objs[l->n++] = *obj;
	return 0;
}

static int remove_all_sysv(const struct rm_request *req, enum ipc_kind type)
{
	struct remove_ctx r = { .req = req, .type = type, .now = time(NULL) };
	if (sysv_scan(type, remove_visited, &r) < 0) {
		warn(_("cannot list %s objects"), kinds[type].keyword);
		r.rc = -1;
	}
	summarize(&r);
	return r.rc;
}

static int remove_all_posix(const struct rm_request *req, enum ipc_kind type)
{
	enum ipc_kind kind = type;
	struct entry_list l = { NULL, 0, 0 };
	struct remove_ctx r = { .req = req, .type = type, .now = time(NULL) };
	int rc = 0;
	if (posix_scan(kind, collect_entry, &l) < 0) {
		if (kind == KIND_PMSG && (errno == EMEDIUMTYPE || errno == ENOENT)) {
			warnx(_("%s is not a mounted mqueue filesystem"), posix_dir(kind));
			rc = -1;
		} else if (errno != ENOENT) {	/* no /dev/shm: no objects */
			warn(_("cannot read %s"), posix_dir(kind));
			rc = -1;
		}
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct posix_object *o = &l.objs[i];
		char path[PATH_MAX];
		posix_entry_path(o, path, sizeof(path));
		/* Not an IPC object (a directory, a planted symlink): leave it. */
		if (!S_ISREG(o->mode)) {
			if (req->verbose || req->dry_run) {
				char *shown = escape_alloc(path);
				warnx(_("skipping %s: not a regular file"), shown);
				free(shown);
			}
			continue;
		}
		if (req->select.any && !filtered_take(&r, NULL, o))
			continue;
		if (req->verbose || req->dry_run)
			print_removing(type, 0, o->name);
		if (!req->dry_run && posix_remove_entry(o) < 0) {
			report(errno == ENOENT ? EIDRM : errno, "name", o->name);
			rc = -1;
		} else {
			r.removed++;
		}
	}
	free(l.objs);
	summarize(&r);
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
	for (int k = 0; k < KINDS; k++) {
		if (named[k] && !ns_reaches(k)) {
			ns_warn_unreached(&req->ns, k, NS_REMOVE);
			return 1;
		}
	}
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

/* After "failed to parse argument: '0x5eed'" for an id: whose key is it? */
static void key_hint(const struct rm_request *req)
{
	int id = sysv_id_of_key(req->hint_type, req->hint_key);
	if (id >= 0)
		/* TRANSLATORS: "0x5eed is the key of shared memory id 3: use -M 0x5eed ..." */
		warnx(_("%s is the key of %s id %d: use -%c %s to remove it by key"), escape_arg(req->hint_arg),
		      _(kinds[req->hint_type].object), id, kinds[req->hint_type].key_option, escape_arg(req->hint_arg));
}

int ipcrm_main(int argc, char **argv)
{
	struct rm_request req;
	int rc = parse_args(argc, argv, &req);
	if (rc < 0 && req.key_hint)
		key_hint(&req);
	if (rc == 0) {
		switch (req.action) {
		case RM_HELP:
			print_help(usage_text, stdout);
			break;
		case RM_VERSION:
			print_version();
			break;
		case RM_REMOVE:
			/* PATH:PROJ keys: every file is looked at before anything is removed. */
			for (size_t i = 0; i < req.ntargets && rc == 0; i++)
				if (req.targets[i].by == BY_KEY && resolve_key_arg(&req.targets[i].key) < 0)
					rc = -1;
			if (rc == 0 && select_resolve(&req.select) < 0)
				rc = -1;
			if (rc == 0)
				rc = execute(&req);
			break;
		}
	}
	free(req.targets);
	if (rc < 0)
		return 1;
	return close_stdout() ? 1 : rc;
}

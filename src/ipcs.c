/* ipcs: show information on IPC facilities.  Options -> query -> render. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcs-global.h"
#include "src/messages.h"
#include "src/namespace.h"
#include "src/numbers.h"
#include "src/posix.h"
#include "src/render.h"
#include "src/select.h"
#include "src/sysv.h"
#include "src/util.h"
#include "src/xalloc.h"

/* One msgid per line or option: translators handle small units. */
static const char *const usage_text[] = {
	"\n",
	N_("Usage:\n"),
	N_(" ipcs [resource-option...] [output-option]\n"),
	N_(" ipcs -m|-q|-s -i <id>\n"),
	N_(" ipcs -M|-Q|-S --name <name>\n"),
	N_(" ipcs -q -i <id> --messages[=<n>]\n"),
	N_(" ipcs [resource-option...] --metrics [--output <file>]\n"),
	"\n",
	N_("Show information on IPC facilities.\n"),
	"\n",
	N_("Options:\n"),
	N_(" -i, --id <id>      print details on resource identified by <id>\n"),
	N_("     --name <name>  print details on the POSIX resource named <name>\n"),
	N_("     --messages[=<n>]  with -q -i: also list the messages, without receiving\n"
	   "                    them, and their first <n> bytes (default 64)\n"),
	N_(" -h, --help         display this help\n"),
	N_(" -V, --version      display version\n"),
	"\n",
	N_("Resource options:\n"),
	N_(" -m, --shmems            shared memory segments\n"),
	N_(" -q, --queues            message queues\n"),
	N_(" -s, --semaphores        semaphores\n"),
	N_(" -a, --all               all System V resources (default)\n"),
	N_(" -M, --posix-shmems      POSIX shared memory\n"),
	N_(" -Q, --posix-mqueues     POSIX message queues\n"),
	N_(" -S, --posix-semaphores  POSIX named semaphores\n"),
	N_("     --posix             all POSIX resources\n"),
	"\n",
	N_("Which letter (the case means different things in each command):\n"
	   " ipcs   -m System V shared memory   -M POSIX shared memory\n"
	   " ipcmk  -M System V shared memory   -m POSIX shared memory\n"
	   " ipcrm  -m System V id              -M System V key\n"
	   " and the same for q/Q (message queues) and s/S (semaphores)\n"),
	"\n",
	N_("Output options:\n"),
	N_(" -t, --time        show attach, detach and change times\n"),
	N_(" -p, --pid         show PIDs of creator and last operator\n"),
	N_(" -c, --creator     show creator and owner\n"),
	N_(" -l, --limits      show resource limits\n"),
	N_(" -u, --summary     show status summary\n"),
	N_(" -g, --global      show each limit with its current use\n"),
	N_("     --metrics     print limits and use in Prometheus text format\n"),
	N_("     --output <file>  write the metrics to <file> atomically\n"),
	N_("     --human       show sizes in human-readable format\n"),
	N_(" -b, --bytes       show sizes in bytes\n"),
	N_("     --numeric     show user and group ids as numbers\n"),
	N_(" -J, --json        print one JSON document\n"),
	N_("     --processes   show the processes using each object\n"),
	N_("     --namespace <pid|file>  show the objects of another IPC namespace\n"),
	N_("     --all-namespaces        show every IPC namespace, one block each\n"),
	"\n",
	N_("Selection options (listings):\n"),
	N_("     --owner <user>      objects owned by <user> (a name or a uid)\n"),
	N_("     --created-by <user> objects created by <user>\n"),
	N_("     --orphaned          objects no process uses any more (see ipcs(1))\n"),
	N_("     --older-than <age>  objects last changed longer ago (s, m, h or d)\n"),
	N_("     --key <key>         System V objects with this key\n"),
	"\n",
	N_("For more details see ipcs(1).\n"),
	NULL
};

enum { OPT_HUMAN = CHAR_MAX + 1, OPT_NUMERIC, OPT_POSIX, OPT_NAME, OPT_PROCESSES, OPT_ALL_NAMESPACES,
       OPT_MESSAGES, OPT_METRICS, OPT_OUTPUT };

static const char short_options[] = "i:mqsaMQSJtpclugbVh";

static const struct option long_options[] = {
	{ "id",               required_argument, NULL, 'i' },
	{ "name",             required_argument, NULL, OPT_NAME },
	{ "messages",         optional_argument, NULL, OPT_MESSAGES },
	{ "shmems",           no_argument,       NULL, 'm' },
	{ "queues",           no_argument,       NULL, 'q' },
	{ "semaphores",       no_argument,       NULL, 's' },
	{ "all",              no_argument,       NULL, 'a' },
	{ "posix-shmems",     no_argument,       NULL, 'M' },
	{ "posix-mqueues",    no_argument,       NULL, 'Q' },
	{ "posix-semaphores", no_argument,       NULL, 'S' },
	{ "posix",            no_argument,       NULL, OPT_POSIX },
	{ "time",             no_argument,       NULL, 't' },
	{ "pid",              no_argument,       NULL, 'p' },
	{ "creator",          no_argument,       NULL, 'c' },
	{ "limits",           no_argument,       NULL, 'l' },
	{ "summary",          no_argument,       NULL, 'u' },
	{ "global",           no_argument,       NULL, 'g' },
	{ "metrics",          no_argument,       NULL, OPT_METRICS },
	{ "output",           required_argument, NULL, OPT_OUTPUT },
	{ "human",            no_argument,       NULL, OPT_HUMAN },
	{ "bytes",            no_argument,       NULL, 'b' },
	{ "numeric",          no_argument,       NULL, OPT_NUMERIC },
	{ "json",             no_argument,       NULL, 'J' },
	{ "processes",        no_argument,       NULL, OPT_PROCESSES },
	NAMESPACE_LONG_OPTION,
	{ "all-namespaces",   no_argument,       NULL, OPT_ALL_NAMESPACES },
	SELECT_LONG_OPTIONS,
	{ "help",             no_argument,       NULL, 'h' },
	{ "version",          no_argument,       NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

enum ipcs_action { IPCS_SHOW, IPCS_HELP, IPCS_VERSION };

struct ipcs_request {
	enum ipcs_action action;
	bool want[KINDS];
	bool have_id;
	int id;
	const char *name;	/* --name */
	bool processes;		/* --processes */
	bool has_namespace, all_namespaces;
	struct ns_target ns;
	bool messages;		/* --messages: with -q -i (with -Q --name: a note) */
	size_t message_bytes;	/* --messages=N: bytes shown of each */
	struct sysv_message_list *peek;	/* filled by show_details; not the parser's */
	struct selection select;
	const char *output;	/* --metrics --output FILE */
	struct render_opts render;
};

static int parse_id(const char *arg, int *id)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (end != arg && *end == '\0' && (errno == ERANGE || v > INT_MAX || v < INT_MIN))
		return parse_error(false, _("failed to parse id argument: '%s': %s"), escape_arg(arg), strerror(ERANGE));
	/* Deliberate difference: util-linux looks a negative id up and finds nothing. */
	if (end == arg || *end || v < 0)
		return parse_error(false, _("failed to parse id argument: '%s'"), escape_arg(arg));
	*id = (int)v;
	return 0;
}

static void want_range(struct ipcs_request *req, enum ipc_kind from, enum ipc_kind to)
{
	for (int k = from; k <= (int)to; k++)
		req->want[k] = true;
}

/* The one kind chosen, or -1; counts only System V or only POSIX kinds. */
static int single_kind(const struct ipcs_request *req, bool posix)
{
	int found = -1, n = 0;
	for (int k = 0; k < KINDS; k++)
		if (req->want[k] && kind_is_posix(k) == posix) {
			found = k;
			n++;
		}
	return n == 1 ? found : -1;
}

static bool any_kind(const struct ipcs_request *req, bool posix)
{
	for (int k = 0; k < KINDS; k++)
		if (req->want[k] && kind_is_posix(k) == posix)
			return true;
	return false;
}

/*
 * Fill REQ from the command line; no kernel calls.  Returns 0, or -1 after
 * printing the error.
 */
static int parse_argv(int argc, char **argv, struct ipcs_request *req)
{
	int opt;
	*req = (struct ipcs_request){ .render = { .mode = MODE_LIST } };
	optind = 0;	/* reinitialise getopt: the parser may be called again */
	while ((opt = getopt_escaped(argc, argv, short_options, long_options)) != -1) {
		switch (opt) {
		case 'i':
			req->have_id = true;
			if (parse_id(optarg, &req->id) < 0)
				return -1;
			break;
		case OPT_NAME: req->name = optarg; break;
		case OPT_MESSAGES: {
			long long n = 64;
			if (optarg && !parse_llong(optarg, 10, 0, INT_MAX, &n))
				return parse_error(true, _("failed to parse --messages argument: '%s'%s%s"), escape_arg(optarg),
						   errno == ERANGE ? ": " : "", errno == ERANGE ? strerror(ERANGE) : "");
			req->messages = true;
			req->message_bytes = (size_t)n;
			break;
		}
		case 'm': req->want[KIND_SHM] = true; break;
		case 'q': req->want[KIND_MSG] = true; break;
		case 's': req->want[KIND_SEM] = true; break;
		case 'a': want_range(req, KIND_MSG, KIND_SEM); break;
		case 'M': req->want[KIND_PSHM] = true; break;
		case 'Q': req->want[KIND_PMSG] = true; break;
		case 'S': req->want[KIND_PSEM] = true; break;
		case OPT_POSIX: want_range(req, KIND_PMSG, KIND_PSEM); break;
		/* As in util-linux, the last output option wins. */
		case 't': req->render.mode = MODE_TIME; break;
		case 'p': req->render.mode = MODE_PID; break;
		case 'c': req->render.mode = MODE_CREATOR; break;
		case 'l': req->render.mode = MODE_LIMITS; break;
		case 'u': req->render.mode = MODE_SUMMARY; break;
		case 'g': req->render.mode = MODE_GLOBAL; break;
		case OPT_METRICS: req->render.mode = MODE_METRICS; break;
		case OPT_OUTPUT: req->output = optarg; break;
		case 'b': req->render.unit = UNIT_BYTES; break;
		case OPT_HUMAN: req->render.unit = UNIT_HUMAN; break;
		case OPT_NUMERIC: req->render.numeric = true; break;
		case 'J': req->render.json = true; break;
		case OPT_PROCESSES: req->processes = true; break;
		case OPT_ALL_NAMESPACES: req->all_namespaces = true; break;
		case OPT_NAMESPACE:
			req->has_namespace = true;
			if (ns_parse(optarg, &req->ns) < 0)
				return -1;
			break;
		case OPT_SELECT_OWNER:
		case OPT_SELECT_CREATOR:
		case OPT_SELECT_ORPHANED:
		case OPT_SELECT_OLDER:
		case OPT_SELECT_KEY:
			if (select_option(opt, optarg, &req->select) < 0)
				return -1;
			break;
		case 'h':
			req->action = IPCS_HELP;
			return 0;
		case 'V':
			req->action = IPCS_VERSION;
			return 0;
		default:
			/* getopt printed the message */
			print_usage_hint();
			return -1;
		}
	}
	if (optind < argc)
		return parse_error(true, _("unexpected argument '%s'"), escape_arg(argv[optind]));

	bool sysv = any_kind(req, false), posix = any_kind(req, true);
	if (req->have_id && req->name)
		return parse_error(false, _("--id and --name cannot be used together"));
	if (req->have_id && posix)
		return parse_error(false, _("an ID selects a System V resource: use --name with -M, -Q or -S"));
	if (req->have_id && single_kind(req, false) < 0)
		return parse_error(false, _("when using an ID, a single resource must be specified"));
	if (req->name && (sysv || single_kind(req, true) < 0))
		return parse_error(false, _("when using a name, a single POSIX resource (-M, -Q or -S) must be specified"));
	if (req->name) {
		const char *problem = posix_name_problem(single_kind(req, true), req->name);
		if (problem) {
			char *shown = escape_alloc(req->name);
			parse_error(false, _("invalid name '%s': %s"), shown, _(problem));
			free(shown);
			return -1;
		}
	}
	bool report = req->render.mode == MODE_GLOBAL || req->render.mode == MODE_METRICS;
	if (req->select.any && (req->have_id || req->name))
		return parse_error(true, _("--owner, --created-by, --orphaned, --older-than and --key select objects of a listing, not with --id or --name"));
	if (req->select.any && (req->render.mode == MODE_LIMITS || req->render.mode == MODE_SUMMARY || report))
		return parse_error(true, _("--owner, --created-by, --orphaned, --older-than and --key select objects of a listing, not with -l, -u, -g or --metrics"));
	if (req->processes && (req->render.mode == MODE_LIMITS || req->render.mode == MODE_SUMMARY || report))
		return parse_error(true, _("--processes lists objects: not with -l, -u, -g or --metrics"));
	if (req->has_namespace && req->all_namespaces)
		return parse_error(true, _("--namespace and --all-namespaces cannot be used together"));
	if (req->messages && !(req->have_id && req->want[KIND_MSG]) && !(req->name && req->want[KIND_PMSG]))
		return parse_error(true, _("--messages needs -q -i <id> (or -Q --name <name>)"));
	if (req->output && req->render.mode != MODE_METRICS)
		return parse_error(true, _("--output can only be used with --metrics"));
	if (req->render.mode == MODE_METRICS && req->render.json)
		return parse_error(true, _("--metrics and --json cannot be used together"));
	if (report && (req->have_id || req->name))
		return parse_error(true, _("--global and --metrics cannot be used with --id or --name"));
	if (report && req->all_namespaces)
		return parse_error(true, _("--global and --metrics cannot be used with --all-namespaces"));
	/* Metrics are for machines: every kind unless resource options narrow it. */
	if (!sysv && !posix)
		want_range(req, KIND_MSG, req->render.mode == MODE_METRICS ? KIND_PSEM : KIND_SEM);
	req->render.details = req->have_id || req->name;
	return 0;
}

/* util-linux's long options: their abbreviations keep util-linux's meaning. */
static const char *const legacy_options[] = {
	"--id", "--shmems", "--queues", "--semaphores", "--all", "--time", "--pid", "--creator",
	"--limits", "--summary", "--human", "--bytes", "--version", "--help", NULL
};

/* The parser proper, on argv as util-linux would read its abbreviations. */
static int parse_args(int argc, char **argv, struct ipcs_request *req)
{
	char **av = keep_legacy_abbreviations(argc, argv, short_options, long_options, legacy_options);
	int rc = parse_argv(argc, av, req);
	free(av);
	return rc;
}

/* Why a POSIX kind could not be listed; the mqueue case says how to fix it. */
static void posix_scan_failed(enum ipc_kind kind)
{
	const char *dir = posix_dir(kind);
	if (kind == KIND_PMSG && (errno == EMEDIUMTYPE || errno == ENOENT))
		warnx(_("cannot list POSIX message queues: %s is not a mounted mqueue file system "
		      "(mount it with: mount -t mqueue none %s)"), dir, dir);
	else
		warn(_("cannot read %s"), dir);
}

/*
 * One object, if the selection takes it: its holders are gathered first
 * when --processes or --orphaned needs them.  VALUES: a set's semaphores
 * when the caller has them (ipcs -s -i).
 */
static void show_object(const struct ipcs_request *req, const struct sysv_object *sysv,
			const struct posix_object *posix, const struct sysv_semval *values)
{
	static int64_t now;
	struct ipc_item it = { sysv ? sysv->kind : posix->kind, sysv, posix, NULL, false, NULL };
	struct holder_list holders;
	struct sysv_semval *own_values = NULL;
	bool need = req->processes || select_needs_holders(&req->select);
	if (!now)
		now = time(NULL);
	if (need) {
		/*
		 * Waiters are shown with --processes; for --orphaned alone they
		 * matter only when every recorded pid is dead: two semctl calls
		 * per semaphore saved on the others.  GETPID is always asked:
		 * SETVAL and SETALL record a pid and leave sem_otime at 0.
		 */
		bool sem = sysv && sysv->kind == KIND_SEM && !values && sysv->size > 0;
		unsigned what = SEMV_PID | (req->processes ? SEMV_WAITING : 0);
		if (sem)
			values = own_values = sysv_sem_values(sysv->id, sysv->size, what);
		if (sysv)
			holders_of_sysv(sysv, values, &holders);
		else
			holders_of_posix(posix, &holders);
		it.orphaned = holders_orphaned(it.kind, sysv, &holders);
		if (sem && !(what & SEMV_WAITING) && it.orphaned) {
			holder_list_free(&holders);
			free(own_values);
			values = own_values = sysv_sem_values(sysv->id, sysv->size, SEMV_PID | SEMV_WAITING);
			holders_of_sysv(sysv, values, &holders);
			it.orphaned = holders_orphaned(it.kind, sysv, &holders);
		}
		if (req->processes)
			it.holders = &holders;
	}
	bool selected = sysv ? select_sysv(&req->select, sysv, need ? &holders : NULL, now)
			     : select_posix(&req->select, posix, need ? &holders : NULL, now);
	if (req->render.details && req->messages && sysv)
		it.messages = req->peek;
	if (req->render.details)
		render_details(&it, values, &req->render);
	else if (selected)
		render_item(&it, &req->render);
	if (need)
		holder_list_free(&holders);
	free(own_values);
}

/*
 * -q -i ID --messages: copies of the messages into req->peek, the queue
 * left as it was.  On failure the details are shown without them, then why.
 */
static int peek_messages(const struct ipcs_request *req, const struct sysv_object *obj)
{
	req->peek->show = req->message_bytes;
	/* Text shows the first bytes of each, JSON all of them. */
	size_t keep = req->render.json ? SIZE_MAX : req->message_bytes;
	if (sysv_msg_peek(obj->id, keep, req->peek) == 0)
		return 0;
	int e = errno;
	bool gone = e == EIDRM || e == EINVAL;
	render_details(&(struct ipc_item){ .kind = KIND_MSG, .sysv = gone ? NULL : obj }, NULL, &req->render);
	if (e == ENOSYS)
		warnx(_("cannot read the messages of queue %d: this kernel cannot copy messages "
		      "(msgrcv MSG_COPY needs CONFIG_CHECKPOINT_RESTORE)"), obj->id);
	else if (e == EACCES || e == EPERM)
		warnx(_("cannot read the messages of queue %d: permission denied (it takes read permission)"), obj->id);
	else if (gone)
		warnx(_("id %d not found"), obj->id);
	else
		warn(_("cannot read the messages of queue %d"), obj->id);
	return -1;
}

static int show_details(const struct ipcs_request *req)
{
	enum ipc_kind kind = single_kind(req, false);
	struct sysv_object obj;
	if (sysv_find(kind, req->id, &obj) < 0) {
		if (errno == ENOENT)
			warnx(_("id %d not found"), req->id);
		else
			warn(_("cannot read %s"), _(kinds[kind].plural));
		render_details(&(struct ipc_item){ .kind = kind }, NULL, &req->render);
		return 1;
	}
	if (req->messages && peek_messages(req, &obj) < 0)
		return 1;
	struct sysv_semval *values = NULL;
	if (kind == KIND_SEM && obj.size > 0) {
		values = sysv_sem_values(obj.id, obj.size, SEMV_ALL);
		if (!values) {
			/* Removed since sysv_find saw it: as if it had never been there. */
			if (errno == EIDRM || errno == EINVAL)
				warnx(_("id %d not found"), req->id);
			else
				warn(_("semctl(GETVAL) failed"));
			render_details(&(struct ipc_item){ .kind = kind }, NULL, &req->render);
			return 1;
		}
	}
	show_object(req, &obj, NULL, values);
	free(values);
	if (req->messages && req->peek->more)
		warnx(_("queue %d holds %ju messages: only the first %d are listed (each copy walks the queue "
		      "from its head)"), obj.id, (uintmax_t)obj.count, SYSV_PEEK_MAX);
	return 0;
}

static int show_posix_details(const struct ipcs_request *req)
{
	enum ipc_kind kind = single_kind(req, true);
	if (req->messages)
		warnx(_("POSIX message queues cannot be read without receiving their messages (Linux has no "
		      "peek for them): showing the queue's attributes only"));
	struct posix_object obj;
	int rc = posix_find(kind, req->name, &obj);
	if (rc == 0) {
		show_object(req, NULL, &obj, NULL);
		return 0;
	}
	if (rc < 0) {
		posix_scan_failed(kind);
	} else {
		char *shown = escape_alloc(req->name);
		warnx(_("name %s not found"), shown);
		free(shown);
	}
	render_details(&(struct ipc_item){ .kind = kind }, NULL, &req->render);
	return 1;
}

/* A list section. */
struct list_ctx {
	const struct ipcs_request *req;
	struct posix_list *posix;	/* POSIX: gathered, then sorted by name */
};

static int render_visit(const struct sysv_object *obj, void *ctx)
{
	show_object(((struct list_ctx *)ctx)->req, obj, NULL, NULL);
	return 0;
}

/*
 * The POSIX objects of a section, gathered to be sorted by name, kept
 * compactly: each record is the object's members after its name, copied as
 * they are, then the name itself (about 100 bytes an object, where struct
 * posix_object takes over 300 to leave room for any name).  Touching
 * megabytes costs a page fault per 4 KiB, microseconds each on virtual
 * machines; the buffer is kept for the next section.
 */
#define TAIL_OFFSET offsetof(struct posix_object, uid)
#define TAIL_SIZE (sizeof(struct posix_object) - TAIL_OFFSET)
#define RECORD_ALIGN 8
#define ROUND_UP(n) (((n) + RECORD_ALIGN - 1) & ~(size_t)(RECORD_ALIGN - 1))
_Static_assert(offsetof(struct posix_object, kind) == 0 &&
	       TAIL_OFFSET - offsetof(struct posix_object, name) - sizeof(((struct posix_object *)0)->name)
	       < _Alignof(uint32_t), "a posix_object is its kind, its name, then the members a record keeps");

struct posix_list {
	char *buf;		/* records */
	size_t len, cap, n;
	const char **names;	/* the records' names, sorted */
};

static int gather_posix_visit(const struct posix_object *obj, void *ctx)
{
	struct posix_list *l = ((struct list_ctx *)ctx)->posix;
	/* Directories, symlinks and the like are no IPC objects. */
	if (!S_ISREG(obj->mode))
		return 0;
	size_t name_len = strlen(obj->name) + 1;
	size_t size = ROUND_UP(ROUND_UP(TAIL_SIZE) + name_len);
	if (l->cap - l->len < size) {
		l->cap = l->cap ? 2 * l->cap : 16384;
		l->buf = xreallocarray(l->buf, l->cap, 1);
	}
	memcpy(l->buf + l->len, (const char *)obj + TAIL_OFFSET, TAIL_SIZE);
	memcpy(l->buf + l->len + ROUND_UP(TAIL_SIZE), obj->name, name_len);
	l->len += size;
	l->n++;
	return 0;
}

/* The object of KIND whose record's name is NAME, whole again. */
static void posix_record(enum ipc_kind kind, const char *name, struct posix_object *obj)
{
	obj->kind = kind;
	memcpy((char *)obj + TAIL_OFFSET, name - ROUND_UP(TAIL_SIZE), TAIL_SIZE);
	strcpy(obj->name, name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int show_posix_kind(enum ipc_kind kind, const struct ipcs_request *req)
{
	const struct render_opts *opts = &req->render;
	static struct posix_list list;
	struct list_ctx l = { .req = req, .posix = &list };
	if (opts->mode == MODE_LIMITS) {
		struct posix_limits limits;
		if (posix_limits(kind, &limits) < 0) {
			warn(_("cannot read the limits of %s"), _(kinds[kind].plural));
			return 1;
		}
		render_posix_limits(kind, &limits, opts);
		return 0;
	}
	if (opts->mode == MODE_SUMMARY) {
		struct posix_summary summary;
		if (posix_summary(kind, &summary) < 0) {
			posix_scan_failed(kind);
			return 1;
		}
		render_posix_summary(kind, &summary, opts);
		return 0;
	}
	/*
	 * Directory order is arbitrary: sort by name, as ls does.  A kind that
	 * cannot be read gets no section at all, only the message.
	 */
	list.len = list.n = 0;
	int rc = posix_scan(kind, gather_posix_visit, &l);
	if (rc < 0) {
		posix_scan_failed(kind);
		return 1;
	}
	list.names = xreallocarray(list.names, list.n, sizeof(*list.names));
	for (size_t i = 0, at = 0; i < list.n; i++) {
		list.names[i] = list.buf + at + ROUND_UP(TAIL_SIZE);
		at += ROUND_UP(ROUND_UP(TAIL_SIZE) + strlen(list.names[i]) + 1);
	}
	if (list.n > 1)	/* qsort(NULL, 0, ...) is undefined */
		qsort(list.names, list.n, sizeof(*list.names), by_name);
	render_fit_names(list.names, list.n);
	render_section_begin(kind, opts);
	for (size_t i = 0; i < list.n; i++) {
		struct posix_object obj;
		posix_record(kind, list.names[i], &obj);
		show_object(req, NULL, &obj, NULL);
	}
	render_section_end(kind, opts);
	return 0;
}

static int show_sysv_kind(enum ipc_kind kind, const struct ipcs_request *req)
{
	const struct render_opts *opts = &req->render;
		switch (opts->mode) {
	case MODE_LIMITS: {
		struct sysv_limits limits;
		if (sysv_limits(kind, &limits) < 0) {
			warn(_("cannot read the limits of %s"), _(kinds[kind].plural));
			return 1;
		}
		render_limits(kind, &limits, opts);
		return 0;
	}
	case MODE_SUMMARY: {
		struct sysv_summary summary;
		if (sysv_summary(kind, &summary) < 0) {
			warn(_("cannot read the status of %s"), _(kinds[kind].plural));
			return 1;
		}
		render_summary(kind, &summary, opts);
		return 0;
	}
	default:
		break;
	}
	struct list_ctx l = { .req = req };
	render_section_begin(kind, opts);
	int rc = sysv_scan(kind, render_visit, &l);
	render_section_end(kind, opts);
	if (rc < 0) {
		warn(_("cannot read %s"), _(kinds[kind].plural));
		return 1;
	}
	return 0;
}

/* Everything the request asks for, in the namespace we are in. */
static int show(const struct ipcs_request *req)
{
	int status = 0;
	if ((req->processes || select_needs_holders(&req->select)) && !holders_scan(req->want))
		warn(_("cannot read /proc: processes are unknown"));
	render_begin(&req->render);
	for (int k = 0; k < KINDS; k++) {
		/* Never another namespace's files in place of the target's. */
		if (req->want[k] && !ns_reaches(k) && render_shows(k, &req->render)) {
			ns_warn_unreached(&req->ns, k, NS_SHOW);
			status = 1;
		}
	}
	if (req->have_id) {
		status |= show_details(req);
	} else if (req->name) {
		if (ns_reaches(single_kind(req, true)))
			status |= show_posix_details(req);
	} else {
		for (int k = 0; k < KINDS; k++) {
			if (!req->want[k] || !render_shows(k, &req->render) || !ns_reaches(k))
				continue;
			status |= kind_is_posix(k) ? show_posix_kind(k, req) : show_sysv_kind(k, req);
		}
	}
	if (req->processes)
		render_uninspected(holders_uninspected(), &req->render);
	render_end(&req->render);
	return status;
}

/* One block per IPC namespace on the host, ours first; each in a child that enters it. */
static int show_all_namespaces(const struct ipcs_request *req)
{
	struct ns_list list;
	int status = 0;
	if (ns_list_all(&list) < 0) {
		warn(_("cannot read /proc"));
		return 1;
	}
	bool holders = req->processes || select_needs_holders(&req->select);
	/*
	 * System V objects only: visiting in this process saves a fork per
	 * namespace.  Who uses what: /proc once here, not once per namespace.
	 */
	bool in_process = !any_kind(req, true);
	if (holders) {
		pid_t *pids = xreallocarray(NULL, list.n ? list.n : 1, sizeof(*pids));
		for (size_t i = 0; i < list.n; i++)
			pids[i] = list.items[i].pid;
		/* On failure each child scans by itself, and says why it cannot. */
		(void)holders_scan_namespaces(req->want, pids, list.n);
		free(pids);
	}
	render_namespaces_begin(&req->render);
	for (size_t i = 0; i < list.n; i++) {
		const struct ns_info *info = &list.items[i];
		if (in_process && (i == 0 || ns_visit(info->pid) == 0)) {
			struct ipcs_request sub = *req;
			sub.render.embedded = true;
			render_namespace_begin(info, i == 0, &sub.render);
			status |= show(&sub);
			render_namespace_end(&sub.render);
			if (i > 0 && ns_visit_end() < 0) {
				warn(_("cannot come back to our own IPC namespace"));
				status = 1;
				break;
			}
			continue;
		}
		if (flush_stdout() < 0)
			break;
		pid_t child = fork();
		if (child < 0) {
			warn("fork");
			status = 1;
			break;
		}
		if (child == 0) {
			struct ipcs_request sub = *req;
			sub.render.embedded = true;
			sub.ns = (struct ns_target){ info->pid_text, info->pid, any_kind(req, true) };
			int rc = i == 0 ? 0 : ns_enter(&sub.ns);
			if (rc == 0) {
				render_namespace_begin(info, i == 0, &sub.render);
				rc = show(&sub);
				render_namespace_end(&sub.render);
			}
			_exit(close_stdout() ? 1 : rc);
		}
		int ws;
		while (waitpid(child, &ws, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0)
			status = 1;
	}
	render_namespaces_end(&req->render);
	ns_list_free(&list);
	return status;
}

int ipcs_main(int argc, char **argv)
{
	struct ipcs_request req;
	if (parse_args(argc, argv, &req) < 0)
		return 1;
	switch (req.action) {
	case IPCS_HELP:
		print_help(usage_text, stdout);
		return close_stdout();
	case IPCS_VERSION:
		print_version();
		return close_stdout();
	case IPCS_SHOW:
		break;
	}
	/* --key PATH:PROJ: the file is looked at once the whole line has parsed. */
	if (select_resolve(&req.select) < 0)
		return 1;
	struct sysv_message_list peek = { 0 };
	req.peek = &peek;
	int status;
	if (req.all_namespaces) {
		status = show_all_namespaces(&req);
	} else {
		req.ns.posix = any_kind(&req, true);
		if (req.has_namespace && ns_enter(&req.ns) < 0)
			return 1;
		if (req.render.mode == MODE_GLOBAL || req.render.mode == MODE_METRICS) {
			/* Never this host's POSIX files in place of the target's. */
			bool want[KINDS];
			status = 0;
			for (int k = 0; k < KINDS; k++) {
				want[k] = req.want[k] && ns_reaches(k);
				if (req.want[k] && !want[k]) {
					ns_warn_unreached(&req.ns, k, NS_SHOW);
					status = 1;
				}
			}
			status |= ipcs_global(want, &req.render, req.output);
		} else {
			status = show(&req);
		}
		if (req.has_namespace)
			status |= ns_check_alive(&req.ns);
	}
	sysv_messages_free(peek.msgs, peek.n);
	return close_stdout() ? 1 : status;
}

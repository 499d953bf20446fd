/*
 * ipcmk: create System V and POSIX IPC objects.
 *
 * Unlike util-linux, nothing existing is ever handed back or changed: System
 * V objects are created with IPC_EXCL under a fresh random key (never 0),
 * POSIX ones with O_EXCL.  The whole command line is checked before the first
 * object is made, and if one object of a call fails, those the call already
 * made are removed again.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <unistd.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/namespace.h"
#include "src/out.h"
#include "src/posix.h"
#include "src/sysv.h"
#include "src/util.h"

#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX INT_MAX
#endif

/* One msgid per line or option: translators handle small units. */
static const char *const usage_text[] = {
	"\n",
	N_("Usage:\n"),
	N_(" ipcmk [options]\n"),
	"\n",
	N_("Create various IPC resources.\n"),
	"\n",
	N_("Options:\n"),
	N_(" -M, --shmem <size>       create shared memory segment of size <size>\n"),
	N_(" -S, --semaphore <number> create semaphore array with <number> elements\n"),
	N_(" -Q, --queue              create message queue\n"),
	N_(" -m, --posix-shmem <size> create POSIX shared memory segment of size <size>\n"),
	N_(" -s, --posix-semaphore    create POSIX named semaphore\n"),
	N_(" -q, --posix-mqueue       create POSIX message queue\n"),
	N_(" -n, --name <name>        name of the POSIX resource (/name)\n"),
	N_(" -p, --mode <mode>        permission for the resource (default is 0644)\n"),
	N_("     --key <key>          create the System V resources with this key\n"
	   "                            (a number, or <path>:<proj> as ftok(3) makes it)\n"),
	N_("     --maxmsg <number>    capacity of the POSIX message queue in messages\n"),
	N_("     --msgsize <number>   maximum message size of the POSIX message queue\n"),
	N_("     --value <number>     initial value of the POSIX semaphore (default 0)\n"),
	N_("     --namespace <pid|file>  create in another IPC namespace\n"),
	"\n",
	N_(" -h, --help               display this help\n"),
	N_(" -V, --version            display version\n"),
	"\n",
	N_("Arguments:\n"),
	N_(" <size> arguments may be followed by the suffixes for\n"
	   "   KiB, MiB, GiB, TiB, PiB and EiB (the \"iB\" is optional),\n"
	   "   or KB, MB, GB, TB, PB and EB for powers of 1000\n"),
	"\n",
	N_("For more details see ipcmk(1).\n"),
	NULL
};

enum { OPT_KEY = CHAR_MAX + 1, OPT_MAXMSG, OPT_MSGSIZE, OPT_VALUE };

static const char short_opts[] = "M:m:QqS:sn:p:hV";
static const struct option long_opts[] = {
	{ "shmem",           required_argument, NULL, 'M' },
	{ "posix-shmem",     required_argument, NULL, 'm' },
	{ "queue",           no_argument,       NULL, 'Q' },
	{ "posix-mqueue",    no_argument,       NULL, 'q' },
	{ "semaphore",       required_argument, NULL, 'S' },
	{ "posix-semaphore", no_argument,       NULL, 's' },
	{ "name",            required_argument, NULL, 'n' },
	{ "mode",            required_argument, NULL, 'p' },
	{ "key",             required_argument, NULL, OPT_KEY },
	{ "maxmsg",          required_argument, NULL, OPT_MAXMSG },
	{ "msgsize",         required_argument, NULL, OPT_MSGSIZE },
	{ "value",           required_argument, NULL, OPT_VALUE },
	NAMESPACE_LONG_OPTION,
	{ "help",            no_argument,       NULL, 'h' },
	{ "version",         no_argument,       NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* The objects, in the order they are created and printed. */
static const enum ipc_kind order[] = { KIND_SHM, KIND_PSHM, KIND_MSG, KIND_PMSG, KIND_SEM, KIND_PSEM };

enum mk_action { MK_CREATE, MK_HELP, MK_VERSION };

struct mk_request {
	enum mk_action action;
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
};

/* "failed to parse WHAT: 'ARG'" plus the reason when it is a range error. */
static int parse_failure(const char *what, const char *arg, bool errno_always)
{
	/* TRANSLATORS: the first %s is an "ipcmk argument" word (size, elements,
	 * mode, key, value) or an option name (maxmsg, msgsize) */
	if (errno == ERANGE || errno_always)
		return parse_error(false, _("failed to parse %s: '%s': %s"), what, escape_arg(arg), strerror(errno));
	/* TRANSLATORS: as above, without the reason */
	return parse_error(false, _("failed to parse %s: '%s'"), what, escape_arg(arg));
}

/* A decimal number in [MIN, MAX]; outside it is a range error. */
static int parse_positive(const char *what, const char *arg, long long min, long long max, long long *out)
{
	if (!parse_llong_lenient(arg, 10, LLONG_MIN, LLONG_MAX, out))
		return parse_failure(what, arg, false);
	if (*out < min || *out > max) {
		errno = ERANGE;
		return parse_failure(what, arg, false);
	}
	return 0;
}

/*
 * Fill REQ from the command line; no kernel calls.  Returns 0, or -1 after
 * printing the error.  Values are parsed in command-line order, as the
 * reference does, so the first bad one is reported.
 */
static int parse_args(int argc, char **argv, struct mk_request *req)
{
	long long v;
	int c;

	memset(req, 0, sizeof(*req));
	req->mode = 0644;
	optind = 0;	/* reinitialise getopt: the parser may be called again */
	while ((c = getopt_escaped(argc, argv, short_opts, long_opts)) != -1) {
		switch (c) {
		case 'M':
		case 'm':
			if (!parse_size(optarg, c == 'M' ? &req->shm_size : &req->attr.size))
				return parse_failure(C_("ipcmk argument", "size"), optarg, true);
			if (c == 'M')
				req->shm_size_arg = optarg;
			req->want[c == 'M' ? KIND_SHM : KIND_PSHM] = true;
			break;
		case 'Q':
			req->want[KIND_MSG] = true;
			break;
		case 'q':
			req->want[KIND_PMSG] = true;
			break;
		case 'S':
			/* At least one element; SEMMSL is checked by check_limits. */
			if (parse_positive(C_("ipcmk argument", "elements"), optarg, 1, INT_MAX, &v) < 0)
				return -1;
			req->nsems = (int)v;
			req->nsems_arg = optarg;
			req->want[KIND_SEM] = true;
			break;
		case 's':
			req->want[KIND_PSEM] = true;
			break;
		case 'n':
			req->name = optarg;
			break;
		case 'p':
			if (!parse_ipc_mode(optarg, &req->mode))
				return parse_failure(C_("ipcmk argument", "mode"), optarg, false);
			break;
		case OPT_KEY: {
			const char *why;
			if (!parse_key_arg(optarg, &req->key, &why)) {
				if (!why)
					return parse_failure(C_("ipcmk argument", "key"), optarg, false);
				char *shown = escape_alloc(optarg);
				parse_error(false, _("failed to parse key: '%s': %s"), shown, _(why));
				free(shown);
				return -1;
			}
			if (!req->key.is_ftok && req->key.value == IPC_PRIVATE)
				return parse_error(false, _("failed to parse key: '%s': key 0 (IPC_PRIVATE) cannot be requested"), escape_arg(optarg));
			req->has_key = true;
			break;
		}
		case OPT_MAXMSG:
		case OPT_MSGSIZE:
			if (parse_positive(c == OPT_MAXMSG ? "maxmsg" : "msgsize", optarg, 1, LONG_MAX, &v) < 0)
				return -1;
			*(c == OPT_MAXMSG ? &req->attr.maxmsg : &req->attr.msgsize) = (long)v;
			req->has_mq_attr = true;
			break;
		case OPT_VALUE:
			if (parse_positive(C_("ipcmk argument", "value"), optarg, 0, SEM_VALUE_MAX, &v) < 0)
				return -1;
			req->attr.value = (unsigned)v;
			req->has_value = true;
			break;
		case OPT_NAMESPACE:
			req->has_namespace = true;
			if (ns_parse(optarg, &req->ns) < 0)
				return -1;
			break;
		case 'h':
			req->action = MK_HELP;
			return 0;
		case 'V':
			req->action = MK_VERSION;
			return 0;
		default:
			/* getopt printed the message */
			print_usage_hint();
			return -1;
		}
	}
	if (optind < argc)
		return parse_error(true, _("unexpected argument '%s'"), escape_arg(argv[optind]));

	bool sysv = req->want[KIND_SHM] || req->want[KIND_MSG] || req->want[KIND_SEM];
	bool posix = req->want[KIND_PSHM] || req->want[KIND_PMSG] || req->want[KIND_PSEM];
	/*
	 * Nothing to create: util-linux 2.38's "bad usage" stays the first line
	 * (scripts may look for it), the next one says what is missing.
	 */
	if (!sysv && !posix && !req->name && !req->has_key && !req->has_mq_attr && !req->has_value) {
		warnx("bad usage");
		return parse_error(true, _("nothing to create: give -M <size>, -Q or -S <number> (System V), "
				   "or -m <size>, -q or -s with -n <name> (POSIX)"));
	}
	if (req->name && !posix)
		return parse_error(true, _("--name needs a POSIX resource to create: -m <size>, -q or -s"));
	if (req->has_key && !sysv)
		return parse_error(true, _("--key needs a System V resource (-M, -Q or -S)"));
	if (req->has_mq_attr && !req->want[KIND_PMSG])
		return parse_error(true, _("--maxmsg and --msgsize need --posix-mqueue"));
	if (req->has_value && !req->want[KIND_PSEM])
		return parse_error(true, _("--value needs --posix-semaphore"));
	if (posix && !req->name)
		return parse_error(true, _("name is required for POSIX IPC resources (--name)"));
	/* A setuid/setgid file in a world-writable /dev/shm is a root shell. */
	if (posix && req->mode > 0777)
		return parse_error(false, _("mode %04o: POSIX objects take permission bits only (at most 0777), "
				   "not setuid, setgid or sticky"), req->mode);
	for (int k = 0; k < KINDS; k++) {
		if (!req->want[k] || !kind_is_posix(k))
			continue;
		const char *why = posix_name_problem(k, req->name);
		if (why) {
			char *shown = escape_alloc(req->name);
			parse_error(false, _("invalid name '%s': %s"), shown, _(why));
			free(shown);
			return -1;
		}
	}
	return 0;
}

/* Checks against the running kernel's limits, still before any creation. */
static int check_limits(const struct mk_request *req)
{
	struct sysv_limits lim;
	if (req->want[KIND_SEM] && sysv_limits(KIND_SEM, &lim) == 0 &&
	    lim.semmsl > 0 && (uint64_t)req->nsems > lim.semmsl)
		return parse_error(false, _("failed to parse elements: '%s': more than SEMMSL (%llu)"),
			    escape_arg(req->nsems_arg), (unsigned long long)lim.semmsl);
	return 0;
}

/* Remove the objects of order[0..upto-1] that were wanted. */
static void undo(const struct mk_request *req, const int *ids, size_t upto)
{
	while (upto-- > 0) {
		enum ipc_kind k = order[upto];
		if (!req->want[k])
			continue;
		if (kind_is_posix(k))
			posix_unlink(k, req->name);
		else
			sysv_remove(k, ids[k]);
	}
}

/*
 * Which kernel limit a failed creation ran into, with its value and where
 * to look: "all 32000 queues allowed by kernel.msgmni are in use; see
 * ipcs -q -l".  Empty when the error is no limit we know.
 */
static void limit_reached(const struct mk_request *req, enum ipc_kind t, int errnum, char *buf, size_t len)
{
	struct sysv_limits l;
	struct sysv_summary s;
	unsigned long long page = (unsigned long long)sysconf(_SC_PAGESIZE);
	buf[0] = '\0';
	if (kind_is_posix(t)) {
		struct posix_limits pl;
		char size[32], avail[32];
		/* A full tmpfs shows when the file is made or written (ftruncate allocates nothing). */
		if (t == KIND_PMSG || (errnum != ENOSPC && errnum != EDQUOT) || posix_limits(t, &pl) < 0)
			return;
		format_human_size(pl.fs_size, size, sizeof(size));
		format_human_size(pl.fs_available, avail, sizeof(avail));
		snprintf(buf, len, _("%s is full: %s of its %s are free, or no inodes are left; see df %s and ipcs %s -l"),
			 posix_dir(t), avail, size, posix_dir(t), t == KIND_PSHM ? "-M" : "-S");
		return;
	}
	if (sysv_limits(t, &l) < 0 || sysv_summary(t, &s) < 0)
		return;
	switch (t) {
	case KIND_MSG:
		if (errnum == ENOSPC)
			snprintf(buf, len, _("all %llu queues allowed by kernel.msgmni are in use; see ipcs -q -l"),
				 (unsigned long long)l.msgmni);
		break;
	case KIND_SHM:
		if (errnum == ENOSPC && s.shm_segments >= l.shmmni)
			snprintf(buf, len, _("all %llu segments allowed by kernel.shmmni are in use; see ipcs -m -l"),
				 (unsigned long long)l.shmmni);
		else if (errnum == ENOSPC)
			snprintf(buf, len, _("%llu of the %llu pages allowed by kernel.shmall are in use, "
				 "%llu more do not fit; see ipcs -m -u and ipcs -m -l"),
				 (unsigned long long)s.shm_pages, (unsigned long long)l.shmall,
				 (unsigned long long)((req->shm_size + page - 1) / page));
		else if (errnum == EINVAL && req->shm_size > l.shmmax)
			snprintf(buf, len, _("size %llu exceeds kernel.shmmax (%llu); see ipcs -m -l"),
				 (unsigned long long)req->shm_size, (unsigned long long)l.shmmax);
		else if (errnum == EINVAL && req->shm_size < l.shmmin)
			snprintf(buf, len, _("size %llu is below SHMMIN (%llu); see ipcs -m -l"),
				 (unsigned long long)req->shm_size, (unsigned long long)l.shmmin);
		break;
	case KIND_SEM:
		if (errnum == ENOSPC && s.sem_arrays >= l.semmni)
			snprintf(buf, len, _("all %llu arrays allowed by SEMMNI (kernel.sem, 4th value) are in use; "
				 "see ipcs -s -l"), (unsigned long long)l.semmni);
		else if (errnum == ENOSPC)
			snprintf(buf, len, _("%llu of the %llu semaphores allowed by SEMMNS (kernel.sem, 2nd value) "
				 "are in use, %d more do not fit; see ipcs -s -u and ipcs -s -l"),
				 (unsigned long long)s.sem_total, (unsigned long long)l.semmns, req->nsems);
		break;
	default:
		break;
	}
}

/* Bytes snprintf() wrote of its result N into ROOM (>= 1) bytes, the NUL not counted. */
static size_t fitted(int n, size_t room)
{
	return n < 0 ? 0 : (size_t)n < room ? (size_t)n : room - 1;
}

/* The reference's "create X failed: ERROR", naming the key, name or limit. */
static void report_failure(const struct mk_request *req, enum ipc_kind t, int errnum)
{
	char detail[ESCAPED_SIZE(NAME_MAX + 1) + 200] = "";
	if (kind_is_posix(t)) {
		const char *limit = t == KIND_PMSG ? posix_mqueue_limit_problem(&req->attr, errnum) : NULL;
		char name[ESCAPED_SIZE(NAME_MAX + 1)];
		snprintf(detail, sizeof(detail), "%s%s%s: ", escape_name(req->name, name, sizeof(name)),
			 limit ? ": " : "", limit ? limit : "");
	} else {
		/* The reference names neither the value nor the key: we do. */
		const char *arg = t == KIND_SHM ? req->shm_size_arg : t == KIND_SEM ? req->nsems_arg : NULL;
		/* Written in place: a translation of "key 0x%08x" may be of any length. */
		char *p = detail, *end = detail + sizeof(detail);
		if (arg)
			p += fitted(snprintf(p, (size_t)(end - p), "'%s'%s", escape_arg(arg), req->has_key ? ", " : ""),
				    (size_t)(end - p));
		if (req->has_key)
			p += fitted(snprintf(p, (size_t)(end - p), _("key 0x%08x"), (unsigned)req->key.value),
				    (size_t)(end - p));
		if (arg || req->has_key)
			snprintf(p, (size_t)(end - p), ": ");
	}
	char limit[400];
	limit_reached(req, t, errnum, limit, sizeof(limit));
	/* TRANSLATORS: "create share memory failed: '1G': Invalid argument (size
	 * ... exceeds kernel.shmmax ...)": what, the value or name, strerror(), the limit */
	warnx(_("create %s failed: %s%s%s%s%s"), _(kinds[t].create_what), detail, strerror(errnum),
	      *limit ? " (" : "", limit, *limit ? ")" : "");
}

static int execute(const struct mk_request *req)
{
	int ids[KINDS] = { 0 };
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		enum ipc_kind k = order[i];
		if (!req->want[k])
			continue;
		int rc = kind_is_posix(k)
			? posix_create(k, req->name, req->mode, &req->attr)
			: (ids[k] = sysv_create(k, req->has_key ? req->key.value : IPC_PRIVATE, req->mode,
						  k == KIND_SHM ? req->shm_size : (uint64_t)req->nsems));
		if (rc < 0) {
			int e = errno;
			undo(req, ids, i);
			report_failure(req, k, e);
			return 1;
		}
	}
	char *name = req->name ? escape_alloc(req->name) : NULL;
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		enum ipc_kind k = order[i];
		char num[16];
		if (req->want[k])
			/* TRANSLATORS: "Shared memory id: 5", "POSIX semaphore name: /x" */
			out_printf(_("%s: %s\n"), _(kinds[k].reported), kind_is_posix(k) ? name : format_i64(ids[k], num));
	}
	free(name);
	/* Nobody learns the ids of objects we could not report: remove them. */
	if (flush_stdout() < 0) {
		undo(req, ids, ARRAY_SIZE(order));
		return 1;
	}
	return 0;
}

int ipcmk_main(int argc, char **argv)
{
	struct mk_request req;
	if (parse_args(argc, argv, &req) < 0)
		return 1;
	switch (req.action) {
	case MK_HELP:
		print_help(usage_text, stdout);
		return close_stdout();
	case MK_VERSION:
		print_version();
		return close_stdout();
	case MK_CREATE:
		break;
	}
	/* PATH:PROJ keys: the file is looked at once the whole line has parsed, before entering. */
	if (req.has_key && resolve_key_arg(&req.key) < 0)
		return 1;
	req.ns.posix = req.want[KIND_PSHM] || req.want[KIND_PMSG] || req.want[KIND_PSEM];
	if (req.has_namespace && ns_enter(&req.ns) < 0)
		return 1;
	for (int k = 0; k < KINDS; k++)
		if (req.want[k] && !ns_reaches(k)) {
			ns_warn_unreached(&req.ns, k, NS_CREATE);
			return 1;
		}
	if (check_limits(&req) < 0)
		return 1;
	/* A reader gone is a write error, and the objects are removed again. */
	signal(SIGPIPE, SIG_IGN);
	int rc = execute(&req);
	return close_stdout() ? 1 : rc;
}

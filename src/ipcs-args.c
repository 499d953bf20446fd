/* ipcs's command line: its help page, its options, and the request they make. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcs-args.h"
#include "src/messages.h"
#include "src/name-hint.h"
#include "src/numbers.h"
#include "src/posix.h"
#include "src/util.h"

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "id", 'i', required_argument,
	  N_(" -i, --id <id>      print details on resource identified by <id>\n") },
	{ "name", OPT_NAME, required_argument,
	  N_("     --name <name>  print details on the POSIX resource named <name>\n") },
	{ "messages", OPT_MESSAGES, optional_argument,
	  N_("     --messages[=<n>]  with -q -i: also list the messages, without receiving\n"
	     "                    them, and their first <n> bytes (default 64)\n") },
	{ "shmems", 'm', no_argument, N_(" -m, --shmems            shared memory segments\n") },
	{ "queues", 'q', no_argument, N_(" -q, --queues            message queues\n") },
	{ "semaphores", 's', no_argument, N_(" -s, --semaphores        semaphores\n") },
	{ "all", 'a', no_argument, N_(" -a, --all               all System V resources (default)\n") },
	{ "posix-shmems", 'M', no_argument, N_(" -M, --posix-shmems      POSIX shared memory\n") },
	{ "posix-mqueues", 'Q', no_argument, N_(" -Q, --posix-mqueues     POSIX message queues\n") },
	{ "posix-semaphores", 'S', no_argument, N_(" -S, --posix-semaphores  POSIX named semaphores\n") },
	{ "posix", OPT_POSIX, no_argument, N_("     --posix             all POSIX resources\n") },
	{ "time", 't', no_argument, N_(" -t, --time        show attach, detach and change times\n") },
	{ "pid", 'p', no_argument, N_(" -p, --pid         show PIDs of creator and last operator\n") },
	{ "creator", 'c', no_argument, N_(" -c, --creator     show creator and owner\n") },
	{ "limits", 'l', no_argument, N_(" -l, --limits      show resource limits\n") },
	{ "summary", 'u', no_argument, N_(" -u, --summary     show status summary\n") },
	{ "global", 'g', no_argument, N_(" -g, --global      show each limit with its current use\n") },
	{ "metrics", OPT_METRICS, no_argument,
	  N_("     --metrics     print limits and use in Prometheus text format\n") },
	{ "output", OPT_OUTPUT, required_argument,
	  N_("     --output <file>  write the metrics to <file> atomically\n") },
	{ "human", OPT_HUMAN, no_argument, N_("     --human       show sizes in human-readable format\n") },
	{ "bytes", 'b', no_argument, N_(" -b, --bytes       show sizes in bytes\n") },
	{ "numeric", OPT_NUMERIC, no_argument, N_("     --numeric     show user and group ids as numbers\n") },
	{ "json", 'J', no_argument, N_(" -J, --json        print one JSON document\n") },
	{ "memory", OPT_MEMORY, no_argument,
	  N_("     --memory      show memory use: resident and swapped bytes of segments,\n"
	     "                   fill level of queues, allocated bytes of POSIX memory\n") },
	{ "processes", OPT_PROCESSES, no_argument,
	  N_("     --processes   show the processes using each object\n") },
	{ "namespace", OPT_NAMESPACE, required_argument,
	  N_("     --namespace <pid|file>  show the objects of another IPC namespace\n") },
	{ "all-namespaces", OPT_ALL_NAMESPACES, no_argument,
	  N_("     --all-namespaces        show every IPC namespace, one block each\n") },
	SELECT_CMDLINE_OPTIONS,
	{ "removeipc", OPT_SELECT_REMOVEIPC, no_argument,
	  N_("     --removeipc         objects systemd-logind removes when their owner's\n"
	     "                         last session ends (RemoveIPC=; see ipcs(1))\n") },
	{ "by-owner", OPT_BY_OWNER, no_argument,
	  N_("     --by-owner          totals per owner, with their share of the fullest limit\n") },
	{ "by-creator", OPT_BY_CREATOR, no_argument,
	  N_("     --by-creator        totals per creator (System V resources)\n") },
	{ "sort", OPT_SORT, required_argument,
	  N_("     --sort <field,...>  sort rows by these JSON members, in turn\n"
	     "                         (-<field>: descending; see ipcs(1))\n") },
	{ "top", OPT_TOP, required_argument,
	  N_("     --top <n>           only the first <n> rows (or owners) of each kind\n") },
	{ "help", 'h', no_argument, N_(" -h, --help         display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version      display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcs [resource-option...] [output-option]\n")),
	HELP_TEXT(N_(" ipcs -m|-q|-s -i <id>\n")),
	HELP_TEXT(N_(" ipcs -M|-Q|-S --name <name>\n")),
	HELP_TEXT(N_(" ipcs -q -i <id> --messages[=<n>]\n")),
	HELP_TEXT(N_(" ipcs [resource-option...] --metrics [--output <file>] [--top <n>]\n")),
	HELP_TEXT(N_(" ipcs [resource-option...] [output-option] --sort <field,...> [--top <n>]\n")),
	HELP_TEXT(N_(" ipcs [resource-option...] --by-owner|--by-creator [--top <n>]\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Show information on IPC facilities.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT('i'), HELP_OPT(OPT_NAME), HELP_OPT(OPT_MESSAGES), HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Resource options:\n")),
	HELP_OPT('m'), HELP_OPT('q'), HELP_OPT('s'), HELP_OPT('a'),
	HELP_OPT('M'), HELP_OPT('Q'), HELP_OPT('S'), HELP_OPT(OPT_POSIX),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Which letter (the case means different things in each command):\n"
		     " ipcs   -m System V shared memory   -M POSIX shared memory\n"
		     " ipcmk  -M System V shared memory   -m POSIX shared memory\n"
		     " ipcrm  -m System V id              -M System V key\n"
		     " and the same for q/Q (message queues) and s/S (semaphores)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Output options:\n")),
	HELP_OPT('t'), HELP_OPT('p'), HELP_OPT('c'), HELP_OPT('l'), HELP_OPT('u'), HELP_OPT('g'),
	HELP_OPT(OPT_METRICS), HELP_OPT(OPT_OUTPUT), HELP_OPT(OPT_HUMAN), HELP_OPT('b'),
	HELP_OPT(OPT_NUMERIC), HELP_OPT('J'), HELP_OPT(OPT_MEMORY), HELP_OPT(OPT_PROCESSES),
	HELP_TEXT("\n"),
	/* Their own block: their long arguments would push the output options' column. */
	HELP_TEXT(N_("Namespace options:\n")),
	HELP_OPT(OPT_NAMESPACE), HELP_OPT(OPT_ALL_NAMESPACES),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Selection options (listings):\n")),
	HELP_OPT(OPT_SELECT_OWNER), HELP_OPT(OPT_SELECT_CREATOR), HELP_OPT(OPT_SELECT_ORPHANED),
	HELP_OPT(OPT_SELECT_OLDER), HELP_OPT(OPT_SELECT_KEY), HELP_OPT(OPT_SELECT_REMOVEIPC),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Order and totals (listings):\n")),
	HELP_OPT(OPT_SORT), HELP_OPT(OPT_TOP), HELP_OPT(OPT_BY_OWNER), HELP_OPT(OPT_BY_CREATOR),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcs(1).\n")),
};

/* util-linux's long options: their abbreviations keep util-linux's meaning. */
static const char *const legacy_options[] = {
	"--id", "--shmems", "--queues", "--semaphores", "--all", "--time", "--pid", "--creator",
	"--limits", "--summary", "--human", "--bytes", "--version", "--help", NULL
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

/* One option into the request: 0, or -1 after the message. */
static int take_option(int opt, const char *arg, void *request)
{
	struct ipcs_request *req = request;
	switch (opt) {
	case 'i':
		req->have_id = true;
		if (parse_id(arg, &req->id) < 0) {
			/* Hex is a key's spelling: main says which object has it, if any. */
			req->key_hint = strncasecmp(arg, "0x", 2) == 0 && parse_ipc_key(arg, &req->hint_key);
			req->hint_arg = arg;
			return -1;
		}
		return 0;
	case OPT_NAME: req->name = arg; break;
	case OPT_MESSAGES: {
		long long n = 64;
		if (arg && !parse_llong(arg, 10, 0, INT_MAX, &n))
			return parse_error(true, _("failed to parse --messages argument: '%s'%s%s"), escape_arg(arg),
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
	case OPT_OUTPUT: req->output = arg; break;
	case 'b': req->render.unit = UNIT_BYTES; break;
	case OPT_HUMAN: req->render.unit = UNIT_HUMAN; break;
	case OPT_NUMERIC: req->render.numeric = true; break;
	case 'J': req->render.json = true; break;
	case OPT_PROCESSES: req->processes = true; break;
	case OPT_MEMORY: req->render.memory = true; break;
	case OPT_BY_OWNER: req->by = BY_OWNER; break;
	case OPT_BY_CREATOR: req->by = BY_CREATOR; break;
	case OPT_SORT: req->sort_arg = arg; break;
	case OPT_TOP: {
		long long n;
		if (!parse_llong(arg, 10, 1, INT_MAX, &n))
			return parse_error(true, _("failed to parse --top argument: '%s' (a number of rows, at least 1)"),
					   escape_arg(arg));
		req->top = (size_t)n;
		break;
	}
	case OPT_ALL_NAMESPACES: req->all_namespaces = true; break;
	case OPT_NAMESPACE:
		req->has_namespace = true;
		return ns_parse(arg, &req->ns);
	default:
		return select_option(opt, arg, &req->select);
	}
	return 0;
}

const struct cmdline ipcs_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.legacy = legacy_options,
	.operands = OPERANDS_UNEXPECTED,
	.option = take_option,
};

/* --by-owner, --by-creator, --sort and --top: listings only, and not with each other's opposites. */
static int check_order(const struct ipcs_request *req, bool posix)
{
	bool listing = req->render.mode == MODE_LIST || req->render.mode == MODE_TIME ||
		       req->render.mode == MODE_PID || req->render.mode == MODE_CREATOR;
	if (req->by && req->sort_arg)
		return parse_error(true, _("--by-owner and --by-creator sort by the share of a limit: not with --sort"));
	if (req->by && (req->render.mode != MODE_LIST || req->have_id || req->name || req->processes))
		return parse_error(true, _("--by-owner and --by-creator are tables of their own: not with -i, --name, -t, -p, -c, -l, -u, -g, --metrics or --processes"));
	if (req->by == BY_CREATOR && posix)
		return parse_error(true, _("--by-creator: POSIX objects record no creator (use --by-owner)"));
	/* With --metrics, --top is the number of owners with series of their own. */
	if (req->top && req->render.mode == MODE_METRICS && !req->sort_arg)
		return 0;
	if ((req->sort_arg || req->top) && (!listing || req->have_id || req->name))
		return parse_error(true, _("--sort and --top order a listing: not with -i, --name, -l, -u, -g or --metrics"));
	return 0;
}

/* The options together: what they allow with each other. */
static int check_request(struct ipcs_request *req)
{
	bool sysv = any_kind(req, false), posix = any_kind(req, true);
	if (req->have_id && req->name)
		return parse_error(false, _("--id and --name cannot be used together"));
	if (req->have_id && posix)
		return parse_error(false, _("an ID selects a System V resource: use --name with -M, -Q or -S"));
	if (req->have_id && single_kind(req, false) < 0)
		return parse_error(false, _("when using an ID, a single resource must be specified"));
	if (req->name && (sysv || single_kind(req, true) < 0)) {
		parse_error(false, _("when using a name, a single POSIX resource (-M, -Q or -S) must be specified"));
		/* "ipcs -m --name /x": the System V letter for the POSIX kind of the same name. */
		static const struct { enum ipc_kind sysv; const char *hint; } letters[] = {
			{ KIND_SHM, N_("-m is System V shared memory: POSIX shared memory is -M") },
			{ KIND_MSG, N_("-q is System V message queues: POSIX message queues are -Q") },
			{ KIND_SEM, N_("-s is System V semaphores: POSIX semaphores are -S") },
		};
		int k = posix ? -1 : single_kind(req, false);
		for (size_t i = 0; i < ARRAY_SIZE(letters); i++)
			if ((int)letters[i].sysv == k)
				warnx("%s", _(letters[i].hint));
		return -1;
	}
	if (req->name && posix_name_check(single_kind(req, true), req->name) < 0)
		return -1;
	bool report = req->render.mode == MODE_GLOBAL || req->render.mode == MODE_METRICS;
	if (req->select.any && (req->have_id || req->name))
		return parse_error(true, _("--owner, --created-by, --orphaned, --older-than and --key select objects of a listing, not with --id or --name"));
	if (req->select.any && (req->render.mode == MODE_LIMITS || req->render.mode == MODE_SUMMARY || report))
		return parse_error(true, _("--owner, --created-by, --orphaned, --older-than and --key select objects of a listing, not with -l, -u, -g or --metrics"));
	if (req->render.memory && (req->render.mode != MODE_LIST || req->have_id || req->name || req->by))
		return parse_error(true, _("--memory adds columns to a listing: not with -i, --name, -t, -p, -c, -l, -u, -g, --metrics, --by-owner or --by-creator"));
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
	if (check_order(req, posix) < 0)
		return -1;
	/* Metrics are for machines: every kind unless resource options narrow it. */
	if (!sysv && !posix)
		want_range(req, KIND_MSG, req->render.mode == MODE_METRICS ? KIND_PSEM : KIND_SEM);
	if (req->sort_arg && order_parse(req->sort_arg, req->want, &req->sort) < 0)
		return -1;
	req->render.details = req->have_id || req->name;
	return 0;
}

int ipcs_parse_args(int argc, char **argv, struct ipcs_request *req)
{
	*req = (struct ipcs_request){ .render = { .mode = MODE_LIST } };
	if (cmdline_parse(&ipcs_cmdline, argc, argv, req, &req->action) < 0)
		return -1;
	return req->action == CMDLINE_RUN ? check_request(req) : 0;
}

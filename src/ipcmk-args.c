/* ipcmk's command line: its help page, its options, and the request they make. */
#include <errno.h>
#include <limits.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcmk-args.h"
#include "src/messages.h"
#include "src/name-hint.h"
#include "src/numbers.h"
#include "src/util.h"

#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX INT_MAX
#endif

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "shmem", 'M', required_argument,
	  N_(" -M, --shmem <size>       create shared memory segment of size <size>\n") },
	{ "posix-shmem", 'm', required_argument,
	  N_(" -m, --posix-shmem <size> create POSIX shared memory segment of size <size>\n") },
	{ "queue", 'Q', no_argument, N_(" -Q, --queue              create message queue\n") },
	{ "posix-mqueue", 'q', no_argument, N_(" -q, --posix-mqueue       create POSIX message queue\n") },
	{ "semaphore", 'S', required_argument,
	  N_(" -S, --semaphore <number> create semaphore array with <number> elements\n") },
	{ "posix-semaphore", 's', no_argument, N_(" -s, --posix-semaphore    create POSIX named semaphore\n") },
	{ "name", 'n', required_argument, N_(" -n, --name <name>        name of the POSIX resource (/name)\n") },
	{ "mode", 'p', required_argument,
	  N_(" -p, --mode <mode>        permission for the resource (default is 0644)\n") },
	{ "key", OPT_KEY, required_argument,
	  N_("     --key <key>          create the System V resources with this key\n"
	     "                            (a number, or <path>:<proj> as ftok(3) makes it)\n") },
	{ "maxmsg", OPT_MAXMSG, required_argument,
	  N_("     --maxmsg <number>    capacity of the POSIX message queue in messages\n") },
	{ "msgsize", OPT_MSGSIZE, required_argument,
	  N_("     --msgsize <number>   maximum message size of the POSIX message queue\n") },
	{ "value", OPT_VALUE, required_argument,
	  N_("     --value <number>     initial value of the POSIX semaphore (default 0)\n") },
	{ "json", 'J', no_argument,
	  N_(" -J, --json               print the objects made as JSON, as ipcs -J does\n") },
	{ "namespace", OPT_NAMESPACE, required_argument,
	  N_("     --namespace <pid|file>  create in another IPC namespace\n") },
	{ "help", 'h', no_argument, N_(" -h, --help               display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version            display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcmk [options]\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Create various IPC resources.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT('M'), HELP_OPT('S'), HELP_OPT('Q'), HELP_OPT('m'), HELP_OPT('s'), HELP_OPT('q'),
	HELP_OPT('n'), HELP_OPT('p'), HELP_OPT(OPT_KEY), HELP_OPT(OPT_MAXMSG), HELP_OPT(OPT_MSGSIZE),
	HELP_OPT(OPT_VALUE), HELP_OPT('J'), HELP_OPT(OPT_NAMESPACE),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Arguments:\n")),
	HELP_TEXT(N_(" <size> arguments may be followed by the suffixes for\n"
		     "   KiB, MiB, GiB, TiB, PiB and EiB (the \"iB\" is optional),\n"
		     "   or KB, MB, GB, TB, PB and EB for powers of 1000\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcmk(1).\n")),
};

/* "failed to parse WHAT: 'ARG'", with strerror(errno) when REASON. */
static int parse_failure(const char *what, const char *arg, bool reason)
{
	/* TRANSLATORS: the first %s is an "ipcmk argument" word (size, elements,
	 * mode, key, value) or an option name (maxmsg, msgsize) */
	if (reason)
		return parse_error(false, _("failed to parse %s: '%s': %s"), what, escape_arg(arg), strerror(errno));
	/* TRANSLATORS: as above, without the reason */
	return parse_error(false, _("failed to parse %s: '%s'"), what, escape_arg(arg));
}

/*
 * A decimal number in [MIN, MAX]: else "failed to parse WHAT: 'ARG'" (the
 * line ipcmk_value_hint() follows with the range), or util-linux's range
 * error for -S, whose numbers it reads as we do.
 */
static int parse_number(struct mk_request *req, int opt, const char *what, const char *arg,
			long long min, long long max, long long *out)
{
	req->bad_option = opt;
	req->bad_arg = arg;
	if (!parse_llong_lenient(arg, 10, LLONG_MIN, LLONG_MAX, out))
		return parse_failure(what, arg, opt == 'S' && errno == ERANGE);
	if (*out < min || *out > max) {
		errno = ERANGE;
		return parse_failure(what, arg, opt == 'S');
	}
	req->bad_option = 0;
	return 0;
}

static int parse_key(const char *arg, struct mk_request *req)
{
	const char *why;
	if (!parse_key_arg(arg, &req->key, &why)) {
		if (!why)
			return parse_failure(C_("ipcmk argument", "key"), arg, errno == ERANGE);
		char *shown = escape_alloc(arg);
		parse_error(false, _("failed to parse key: '%s': %s"), shown, _(why));
		free(shown);
		return -1;
	}
	if (!req->key.is_ftok && req->key.value == IPC_PRIVATE)
		return parse_error(false, _("failed to parse key: '%s': key 0 (IPC_PRIVATE) cannot be requested"), escape_arg(arg));
	req->has_key = true;
	return 0;
}

/* One option into the request, in command-line order: 0, or -1 after the message. */
static int take_option(int c, const char *arg, void *request)
{
	struct mk_request *req = request;
	long long v;
	switch (c) {
	case 'M':
	case 'm':
		if (!parse_size(arg, c == 'M' ? &req->shm_size : &req->attr.size)) {
			req->bad_option = c;
			req->bad_arg = arg;
			return parse_failure(C_("ipcmk argument", "size"), arg, true);
		}
		if (c == 'M')
			req->shm_size_arg = arg;
		req->want[c == 'M' ? KIND_SHM : KIND_PSHM] = true;
		break;
	case 'Q':
		req->want[KIND_MSG] = true;
		break;
	case 'q':
		req->want[KIND_PMSG] = true;
		break;
	case 'S':
		/* Any int, as util-linux: 1..SEMMSL is checked by main with the kernel's SEMMSL. */
		if (parse_number(req, c, C_("ipcmk argument", "elements"), arg, INT_MIN, INT_MAX, &v) < 0)
			return -1;
		req->nsems = (int)v;
		req->nsems_arg = arg;
		req->want[KIND_SEM] = true;
		break;
	case 's':
		req->want[KIND_PSEM] = true;
		break;
	case 'n':
		req->name = arg;
		break;
	case 'p':
		/* util-linux 2.38 says "failed to parse mode: Success": the value and the form instead. */
		if (!parse_ipc_mode(arg, &req->mode))
			return parse_error(false, _("failed to parse mode: '%s': an octal mode such as 0600 is expected "
						   "(at most 07777)"), escape_arg(arg));
		break;
	case OPT_KEY:
		return parse_key(arg, req);
	case OPT_MAXMSG:
	case OPT_MSGSIZE:
		if (parse_number(req, c, c == OPT_MAXMSG ? "maxmsg" : "msgsize", arg, 1, LONG_MAX, &v) < 0)
			return -1;
		*(c == OPT_MAXMSG ? &req->attr.maxmsg : &req->attr.msgsize) = (long)v;
		req->has_mq_attr = true;
		break;
	case OPT_VALUE:
		if (parse_number(req, c, C_("ipcmk argument", "value"), arg, 0, SEM_VALUE_MAX, &v) < 0)
			return -1;
		req->attr.value = (unsigned)v;
		req->has_value = true;
		break;
	case 'J':
		req->json = true;
		break;
	case OPT_NAMESPACE:
		req->has_namespace = true;
		return ns_parse(arg, &req->ns);
	}
	return 0;
}

const struct cmdline ipcmk_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.operands = OPERANDS_UNEXPECTED,
	.option = take_option,
};

/* The options together: something to create, and what goes with what. */
static int check_request(const struct mk_request *req)
{
	bool sysv = req->want[KIND_SHM] || req->want[KIND_MSG] || req->want[KIND_SEM];
	bool posix = req->want[KIND_PSHM] || req->want[KIND_PMSG] || req->want[KIND_PSEM];
	/*
	 * Nothing to create: util-linux 2.38's "bad usage" stays the first line
	 * (scripts may look for it), the next one says what is missing.
	 */
	if (!sysv && !posix && !req->name && !req->has_key && !req->has_mq_attr && !req->has_value) {
		warnx("%s", _("bad usage"));
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
		if (posix_name_check(k, req->name) < 0)
			return -1;
	}
	return 0;
}

int ipcmk_parse_args(int argc, char **argv, struct mk_request *req)
{
	memset(req, 0, sizeof(*req));
	req->mode = 0644;
	if (cmdline_parse(&ipcmk_cmdline, argc, argv, req, &req->action) < 0)
		return -1;
	return req->action == CMDLINE_RUN ? check_request(req) : 0;
}

/* ipcbox receive's command line: its help page, its options, and the request they make. */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/numbers.h"
#include "src/receive-args.h"
#include "src/util.h"

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "queue-id", 'q', required_argument,
	  N_(" -q, --queue-id <id>         receive from the message queue with this id\n") },
	{ "queue-key", 'Q', required_argument,
	  N_(" -Q, --queue-key <key>       receive from the message queue with this key\n") },
	{ "posix-mqueue", OPT_POSIX_MQ, required_argument,
	  N_("     --posix-mqueue <name>   receive from the POSIX message queue of this name\n") },
	{ "count", 'c', required_argument, N_(" -c, --count <number>        receive this many messages (default 1)\n") },
	{ "all", 'a', no_argument, N_(" -a, --all                   receive until the queue is empty, without waiting\n") },
	{ "type", 't', required_argument,
	  N_(" -t, --type <type>           only messages of this type; a negative one: the lowest\n"
	     "                               type up to its absolute value (System V)\n") },
	{ "except", 'e', required_argument,
	  N_(" -e, --except <type>         only messages of another type (System V)\n") },
	{ "nowait", OPT_NOWAIT, no_argument, N_("     --nowait                fail at once when there is no message\n") },
	{ "timeout", OPT_TIMEOUT, required_argument,
	  N_("     --timeout <duration>    wait at most this long for each message (e.g. 1.5, 250ms)\n") },
	{ "raw", 'r', no_argument, N_(" -r, --raw                   print the messages' bytes as they are\n") },
	{ "json", 'J', no_argument, N_(" -J, --json                  print JSON, the bytes in base64\n") },
	{ "help", 'h', no_argument, N_(" -h, --help                  display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version               display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcbox receive [options] <queue>\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Receive messages from a message queue (msgrcv(2), mq_receive(3)) and print\n"
		     "them, one line each: type (or priority), size and the bytes escaped as ipcs\n"
		     "shows messages.  A message that cannot be written is put back.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Queue (one of):\n")),
	HELP_OPT('q'), HELP_OPT('Q'), HELP_OPT(OPT_POSIX_MQ),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT('c'), HELP_OPT('a'), HELP_OPT('t'), HELP_OPT('e'), HELP_OPT(OPT_NOWAIT), HELP_OPT(OPT_TIMEOUT),
	HELP_OPT('r'), HELP_OPT('J'),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Arguments:\n")),
	HELP_TEXT(N_(" <key> is a number, or <path>:<proj> as ftok(3) makes it (<proj>: 1-255 or one character)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcbox-receive(1).\n")),
};

static int take_type(int c, const char *arg, struct receive_request *req)
{
	long long v;
	long long min = c == 'e' ? 1 : LONG_MIN + 1;
	if (!parse_llong(arg, 10, min, LONG_MAX, &v))
		return parse_error(false, _("--%s: invalid message type '%s' (%lld to %ld)"), c == 'e' ? "except" : "type",
				   escape_arg(arg), min, LONG_MAX);
	if (req->has_select)
		return parse_error(true, _("--type and --except: one of them, once"));
	req->select.type = (long)v;
	req->select.except = c == 'e';
	req->has_select = true;
	return 0;
}

static int take_option(int c, const char *arg, void *request)
{
	struct receive_request *req = request;
	int rc = take_queue_option(c, arg, &req->target, &req->wait);
	if (rc <= 0)
		return rc;
	switch (c) {
	case 'c':
		if (!parse_ullong(arg, 10, ULLONG_MAX, &req->count) || req->count == 0)
			return parse_error(false, _("--count: invalid number '%s' (1 or more)"), escape_arg(arg));
		break;
	case 'a':
		req->all = true;
		break;
	case 't':
	case 'e':
		return take_type(c, arg, req);
	case 'r':
	case 'J':
		if (req->format != RECEIVE_TEXT)
			return parse_error(true, _("--raw and --json exclude each other"));
		req->format = c == 'r' ? RECEIVE_RAW : RECEIVE_JSON;
		break;
	}
	return 0;
}

const struct cmdline receive_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.operands = OPERANDS_UNEXPECTED,
	.option = take_option,
};

static int check_request(const struct receive_request *req)
{
	if (check_queue_options(&req->target, &req->wait) < 0)
		return -1;
	if (req->has_select && req->target.kind == KIND_PMSG)
		return parse_error(true, _("--type and --except are for System V queues: a POSIX queue hands out "
				   "the message of the highest priority first"));
	if (req->all && req->count)
		return parse_error(true, _("--count and --all exclude each other"));
	if (req->all && req->wait.has_timeout)
		return parse_error(true, _("--all never waits: --timeout means nothing with it"));
	return 0;
}

int receive_parse_args(int argc, char **argv, struct receive_request *req)
{
	memset(req, 0, sizeof(*req));
	if (cmdline_parse(&receive_cmdline, argc, argv, req, &req->action) < 0)
		return -1;
	if (req->action != CMDLINE_RUN)
		return 0;
	return check_request(req);
}

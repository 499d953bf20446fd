/* ipcbox send's command line: its help page, its options, and the request they make. */
#include <errno.h>
#include <limits.h>
#include <mqueue.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/numbers.h"
#include "src/send-args.h"
#include "src/util.h"

#ifndef MQ_PRIO_MAX
#define MQ_PRIO_MAX 32768
#endif

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "queue-id", 'q', required_argument, N_(" -q, --queue-id <id>         send to the message queue with this id\n") },
	{ "queue-key", 'Q', required_argument, N_(" -Q, --queue-key <key>       send to the message queue with this key\n") },
	{ "posix-mqueue", OPT_POSIX_MQ, required_argument,
	  N_("     --posix-mqueue <name>   send to the POSIX message queue of this name\n") },
	{ "type", 't', required_argument, N_(" -t, --type <type>           the message's type, 1 or more (default 1; System V)\n") },
	{ "priority", 'p', required_argument,
	  N_(" -p, --priority <number>     the message's priority, 0-32767 (default 0; POSIX)\n") },
	{ "file", 'f', required_argument,
	  N_(" -f, --file <file>           send the bytes of <file> as one message (-: standard input)\n") },
	{ "lines", 'l', no_argument, N_(" -l, --lines                 send each line of standard input as a message\n") },
	{ "nowait", OPT_NOWAIT, no_argument, N_("     --nowait                fail at once when the queue is full\n") },
	{ "timeout", OPT_TIMEOUT, required_argument,
	  N_("     --timeout <duration>    wait at most this long for room (e.g. 1.5, 250ms, 2m)\n") },
	{ "help", 'h', no_argument, N_(" -h, --help                  display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version               display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcbox send [options] <queue> <message>...\n")),
	HELP_TEXT(N_(" ipcbox send [options] <queue> --file <file>\n")),
	HELP_TEXT(N_(" ipcbox send [options] <queue> --lines\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Send messages to a message queue (msgsnd(2), mq_send(3)); the words of\n"
		     "<message> are joined by spaces.  Waits while the queue is full.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Queue (one of):\n")),
	HELP_OPT('q'), HELP_OPT('Q'), HELP_OPT(OPT_POSIX_MQ),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT('t'), HELP_OPT('p'), HELP_OPT('f'), HELP_OPT('l'), HELP_OPT(OPT_NOWAIT), HELP_OPT(OPT_TIMEOUT),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Arguments:\n")),
	HELP_TEXT(N_(" <key> is a number, or <path>:<proj> as ftok(3) makes it (<proj>: 1-255 or one character)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcbox-send(1).\n")),
};

static int take_option(int c, const char *arg, void *request)
{
	struct send_request *req = request;
	long long v;
	int rc = take_queue_option(c, arg, &req->target, &req->wait);
	if (rc <= 0)
		return rc;
	switch (c) {
	case 't':
		if (!parse_llong(arg, 10, 1, LONG_MAX, &v))
			return parse_error(false, _("--type: invalid message type '%s' (1 to %ld)"), escape_arg(arg),
					   LONG_MAX);
		req->type = (long)v;
		req->has_type = true;
		break;
	case 'p':
		if (!parse_llong(arg, 10, 0, MQ_PRIO_MAX - 1, &v))
			return parse_error(false, _("--priority: invalid priority '%s' (0 to %d)"), escape_arg(arg),
					   MQ_PRIO_MAX - 1);
		req->priority = (unsigned)v;
		req->has_priority = true;
		break;
	case 'f':
		req->file = arg;
		break;
	case 'l':
		req->lines = true;
		break;
	}
	return 0;
}

const struct cmdline send_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.operands = OPERANDS_CALLER,
	.option = take_option,
};

static int check_request(const struct send_request *req)
{
	if (check_queue_options(&req->target, &req->wait) < 0)
		return -1;
	bool posix = req->target.kind == KIND_PMSG;
	int sources = (req->nwords > 0) + (req->file != NULL) + req->lines;
	if (sources == 0)
		return parse_error(true, _("nothing to send: give the message as arguments, --file <file> or --lines"));
	if (sources > 1)
		return parse_error(true, _("one message source at a time: arguments, --file or --lines"));
	if (req->has_type && posix)
		return parse_error(true, _("--type is for System V queues: a POSIX message has a --priority"));
	if (req->has_priority && !posix)
		return parse_error(true, _("--priority is for POSIX queues: a System V message has a --type"));
	return 0;
}

int send_parse_args(int argc, char **argv, struct send_request *req)
{
	memset(req, 0, sizeof(*req));
	req->type = 1;
	if (cmdline_parse(&send_cmdline, argc, argv, req, &req->action) < 0)
		return -1;
	if (req->action != CMDLINE_RUN)
		return 0;
	req->words = argv + optind;
	req->nwords = argc - optind;
	return check_request(req);
}

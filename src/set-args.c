/* ipcbox set's command line: its help page, its options, and the request they make. */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "src/args.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/set-args.h"
#include "src/util.h"

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "queue-id", 'q', required_argument, N_(" -q, --queue-id <id>           the message queue with this id\n") },
	{ "queue-key", 'Q', required_argument, N_(" -Q, --queue-key <key>         the message queue with this key\n") },
	{ "shmem-id", 'm', required_argument, N_(" -m, --shmem-id <id>           the shared memory segment with this id\n") },
	{ "shmem-key", 'M', required_argument, N_(" -M, --shmem-key <key>         the shared memory segment with this key\n") },
	{ "semaphore-id", 's', required_argument, N_(" -s, --semaphore-id <id>       the semaphore set with this id\n") },
	{ "semaphore-key", 'S', required_argument, N_(" -S, --semaphore-key <key>     the semaphore set with this key\n") },
	{ "posix-mqueue", OPT_POSIX_MQ, required_argument,
	  N_("     --posix-mqueue <name>     the POSIX message queue of this name\n") },
	{ "posix-shmem", OPT_POSIX_SHM, required_argument,
	  N_("     --posix-shmem <name>      the POSIX shared memory segment of this name\n") },
	{ "posix-semaphore", OPT_POSIX_SEM, required_argument,
	  N_("     --posix-semaphore <name>  the POSIX semaphore of this name\n") },
	{ "mode", OPT_MODE, required_argument, N_("     --mode <mode>             its permissions, in octal (at most 0777)\n") },
	{ "owner", OPT_SET_OWNER, required_argument,
	  N_("     --owner <owner>           its owner and group: <user>, <user>:<group> or\n"
	     "                                 :<group> (the group only)\n") },
	{ "max-bytes", OPT_MAX_BYTES, required_argument,
	  N_("     --max-bytes <size>        the bytes a System V queue may hold (msg_qbytes)\n") },
	{ "size", OPT_SIZE, required_argument,
	  N_("     --size <size>             grow a POSIX shared memory segment (ftruncate)\n") },
	{ "help", 'h', no_argument, N_(" -h, --help                    display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version                 display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcbox set [options] <object> <change>...\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Change an IPC object's permissions, owner or limits: msgctl(2), shmctl(2) or\n"
		     "semctl(2) IPC_SET for System V objects, fchmod(2), fchown(2) and ftruncate(2)\n"
		     "of a POSIX object's file.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Object (one of):\n")),
	HELP_OPT('q'), HELP_OPT('Q'), HELP_OPT('m'), HELP_OPT('M'), HELP_OPT('s'), HELP_OPT('S'),
	HELP_OPT(OPT_POSIX_MQ), HELP_OPT(OPT_POSIX_SHM), HELP_OPT(OPT_POSIX_SEM),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Changes:\n")),
	HELP_OPT(OPT_MODE), HELP_OPT(OPT_SET_OWNER), HELP_OPT(OPT_MAX_BYTES), HELP_OPT(OPT_SIZE),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Arguments:\n")),
	HELP_TEXT(N_(" <key> is a number, or <path>:<proj> as ftok(3) makes it (<proj>: 1-255 or one character)\n")),
	HELP_TEXT(N_(" <size> is a number with an optional suffix: K, M, G... (1024) or KB, MB... (1000)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcbox-set(1).\n")),
};

static int take_owner(const char *arg, struct set_request *req)
{
	const char *colon = strchr(arg, ':');
	size_t user_len = colon ? (size_t)(colon - arg) : strlen(arg);
	if ((user_len == 0 && (!colon || !colon[1])) || (colon && !colon[1]) || (colon && strchr(colon + 1, ':')))
		return parse_error(false, _("--owner: invalid owner '%s' (<user>, <user>:<group> or :<group>)"),
				   escape_arg(arg));
	req->user = user_len ? arg : NULL;
	req->user_len = user_len;
	req->group = colon ? colon + 1 : NULL;
	return 0;
}

static int take_option(int c, const char *arg, void *request)
{
	struct set_request *req = request;
	int rc = take_target_option(c, arg, &req->target, ~0u);
	if (rc <= 0)
		return rc;
	switch (c) {
	case OPT_MODE:
		if (!parse_ipc_mode(arg, &req->mode))
			return parse_error(false, _("--mode: invalid mode '%s': an octal mode such as 0600 is expected"),
					   escape_arg(arg));
		if (req->mode > 0777)
			return parse_error(false, _("mode %04o: IPC objects take permission bits only (at most 0777), "
					   "not setuid, setgid or sticky"), req->mode);
		req->has_mode = true;
		break;
	case OPT_SET_OWNER:
		return take_owner(arg, req);
	case OPT_MAX_BYTES:
	case OPT_SIZE:
		if (!parse_size(arg, c == OPT_SIZE ? &req->size : &req->max_bytes))
			return parse_error(false, _("--%s: invalid size '%s'"), c == OPT_SIZE ? "size" : "max-bytes",
					   escape_arg(arg));
		if (c == OPT_MAX_BYTES && req->max_bytes > INT_MAX)
			return parse_error(false, _("--max-bytes: %s is more than a queue can hold (at most %d bytes)"),
					   escape_arg(arg), INT_MAX);
		if (c == OPT_SIZE && req->size > (uint64_t)INT64_MAX)
			return parse_error(false, _("--size: %s is too large"), escape_arg(arg));
		*(c == OPT_SIZE ? &req->has_size : &req->has_max_bytes) = true;
		break;
	}
	return 0;
}

const struct cmdline set_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.operands = OPERANDS_UNEXPECTED,
	.option = take_option,
};

static int check_request(const struct set_request *req)
{
	if (target_check(&req->target, "-q, -Q, -m, -M, -s, -S, --posix-mqueue, --posix-shmem or "
			 "--posix-semaphore") < 0)
		return -1;
	if (!req->has_mode && !req->user && !req->group && !req->has_max_bytes && !req->has_size)
		return parse_error(true, _("nothing to change: give --mode, --owner, --max-bytes or --size"));
	if (req->has_max_bytes && req->target.kind != KIND_MSG)
		return parse_error(true, _("--max-bytes is for System V message queues (a POSIX queue's limits are "
				   "fixed when it is made)"));
	if (req->has_size && req->target.kind != KIND_PSHM)
		return parse_error(true, _("--size is for POSIX shared memory (a System V segment's size is fixed "
				   "when it is made)"));
	return 0;
}

int set_parse_args(int argc, char **argv, struct set_request *req)
{
	memset(req, 0, sizeof(*req));
	if (cmdline_parse(&set_cmdline, argc, argv, req, &req->action) < 0)
		return -1;
	if (req->action != CMDLINE_RUN)
		return 0;
	return check_request(req);
}

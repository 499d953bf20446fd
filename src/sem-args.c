/* ipcbox sem's command line: its help page, its options, and the request they make. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/numbers.h"
#include "src/sem-args.h"
#include "src/util.h"
#include "src/xalloc.h"

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "semaphore-id", 's', required_argument, N_(" -s, --semaphore-id <id>       the semaphore set with this id\n") },
	{ "semaphore-key", 'S', required_argument, N_(" -S, --semaphore-key <key>     the semaphore set with this key\n") },
	{ "posix-semaphore", OPT_POSIX_SEM, required_argument,
	  N_("     --posix-semaphore <name>  the POSIX semaphore of this name\n") },
	{ "set", OPT_SET, required_argument,
	  N_("     --set <list>              set semaphores' values, one by one (SETVAL):\n"
	     "                                 <n>=<value>,... e.g. 0=1,2=0\n") },
	{ "set-all", OPT_SET_ALL, required_argument,
	  N_("     --set-all <list>          set every value of the set at once (SETALL):\n"
	     "                                 <value>,... one per semaphore\n") },
	{ "op", OPT_OP, required_argument,
	  N_("     --op <list>               operate, all at once (semop): <n>+<v>\n"
	     "                                 adds, <n>-<v> takes (waiting for enough),\n"
	     "                                 <n>=0 waits for zero\n") },
	{ "undo", OPT_UNDO, no_argument, N_("     --undo                    undo --op at exit (SEM_UNDO)\n") },
	{ "post", OPT_POST, no_argument, N_("     --post                    add 1 (sem_post)\n") },
	{ "wait", OPT_WAIT, no_argument, N_("     --wait                    take 1, waiting until it can (sem_wait)\n") },
	{ "trywait", OPT_TRYWAIT, no_argument, N_("     --trywait                 take 1 if it can at once (sem_trywait)\n") },
	{ "nowait", OPT_NOWAIT, no_argument, N_("     --nowait                  fail at once instead of waiting (IPC_NOWAIT)\n") },
	{ "timeout", OPT_TIMEOUT, required_argument,
	  N_("     --timeout <duration>      wait at most this long (e.g. 1.5, 250ms, 2m)\n") },
	{ "json", 'J', no_argument, N_(" -J, --json                    print the values as JSON\n") },
	{ "help", 'h', no_argument, N_(" -h, --help                    display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version                 display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcbox sem [options] <semaphore>\n")),
	HELP_TEXT(N_(" ipcbox sem [options] <semaphore> --set <list> | --set-all <list>\n")),
	HELP_TEXT(N_(" ipcbox sem [options] <semaphore> --op <list> [--undo]\n")),
	HELP_TEXT(N_(" ipcbox sem [options] <semaphore> --post | --wait | --trywait\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Show a semaphore's values (semctl(2), sem_getvalue(3)), set them, or operate\n"
		     "on them (semop(2), sem_post(3), sem_wait(3)).  Semaphores of a set are\n"
		     "numbered from 0.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Semaphore (one of):\n")),
	HELP_OPT('s'), HELP_OPT('S'), HELP_OPT(OPT_POSIX_SEM),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("System V:\n")),
	HELP_OPT(OPT_SET), HELP_OPT(OPT_SET_ALL), HELP_OPT(OPT_OP), HELP_OPT(OPT_UNDO),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("POSIX:\n")),
	HELP_OPT(OPT_POST), HELP_OPT(OPT_WAIT), HELP_OPT(OPT_TRYWAIT),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT(OPT_NOWAIT), HELP_OPT(OPT_TIMEOUT), HELP_OPT('J'),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Arguments:\n")),
	HELP_TEXT(N_(" <key> is a number, or <path>:<proj> as ftok(3) makes it (<proj>: 1-255 or one character)\n")),
	HELP_TEXT(N_(" values are 0 to SEMVMX (32767)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcbox-sem(1).\n")),
};

/* The semaphore number at *P (0-65535), then *P past it: false if none. */
static bool take_num(const char **p, unsigned *num)
{
	unsigned long v = 0;
	const char *s = *p;
	if (*s < '0' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((v = v * 10 + (unsigned long)(*s - '0')) > USHRT_MAX)
			return false;
	*num = (unsigned)v;
	*p = s;
	return true;
}

/* A value 0..SEMVMX from *P up to a comma or the end: 0, 1 if not a number, 2 if above SEMVMX. */
static int take_value(const char **p, int *value)
{
	long v = 0;
	const char *s = *p;
	if (*s < '0' || *s > '9')
		return 1;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((v = v * 10 + (*s - '0')) > SEM_VALUE_MAX_SYSV)
			v = SEM_VALUE_MAX_SYSV + 1;	/* keep reading the digits, no overflow */
	if (*s && *s != ',')
		return 1;
	*p = s;
	*value = (int)v;
	return v > SEM_VALUE_MAX_SYSV ? 2 : 0;
}

/* One element of LIST for OPTION at *P: 0 (and *P past it), or -1 after the message. */
static int take_item(int option, const char *list, const char **p, struct sem_item *it)
{
	const char *name = option == OPT_SET ? "set" : option == OPT_OP ? "op" : "set-all";
	char sign = '=';
	int rc;
	if (option != OPT_SET_ALL) {
		if (!take_num(p, &it->num) || (**p != '=' && (option != OPT_OP || (**p != '+' && **p != '-'))))
			goto bad;
		sign = *(*p)++;
	} else {
		it->num = 0;
	}
	rc = take_value(p, &it->value);
	if (rc == 1)
		goto bad;
	if (rc == 2)
		return parse_error(false, _("--%s: '%s': a value is above SEMVMX, %d, the largest a System V "
				   "semaphore holds"), name, escape_arg(list), SEM_VALUE_MAX_SYSV);
	if (option == OPT_OP && sign == '=' && it->value != 0)
		return parse_error(false, _("--op: '%s': <n>=0 waits for zero; to set a value use --set"),
				   escape_arg(list));
	if (option == OPT_OP && sign == '-')
		it->value = -it->value;
	return 0;
bad:
	if (option == OPT_SET)
		return parse_error(false, _("--set: invalid list '%s' (<n>=<value>,... e.g. 0=1,2=0)"), escape_arg(list));
	if (option == OPT_OP)
		return parse_error(false, _("--op: invalid list '%s' (<n>+<v>, <n>-<v> or <n>=0, joined by commas, "
				   "e.g. 0-1,1+1)"), escape_arg(list));
	return parse_error(false, _("--set-all: invalid list '%s' (one value per semaphore, e.g. 1,0,5)"),
			   escape_arg(list));
}

static int take_list(int option, const char *list, struct sem_request *req)
{
	const char *p = list;
	for (;;) {
		if (req->n_items % 16 == 0)
			req->items = xreallocarray(req->items, req->n_items + 16, sizeof(*req->items));
		if (take_item(option, list, &p, &req->items[req->n_items]) < 0)
			return -1;
		req->n_items++;
		if (*p == '\0')
			return 0;
		p++;	/* the comma */
	}
}

static int take_option(int c, const char *arg, void *request)
{
	struct sem_request *req = request;
	int rc = take_target_option(c, arg, &req->target, KIND_BIT(KIND_SEM) | KIND_BIT(KIND_PSEM));
	if (rc <= 0)
		return rc;
	rc = take_wait_option(c, arg, &req->wait);
	if (rc <= 0)
		return rc;
	static const struct { int id; enum sem_action what; } actions[] = {
		{ OPT_SET, SEM_SET }, { OPT_SET_ALL, SEM_SET_ALL }, { OPT_OP, SEM_OP },
		{ OPT_POST, SEM_POST }, { OPT_WAIT, SEM_WAIT }, { OPT_TRYWAIT, SEM_TRYWAIT },
	};
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++) {
		if (actions[i].id != c)
			continue;
		if (req->what != SEM_SHOW)
			return parse_error(true, _("--%s and --%s: one action at a time"),
					   cmdline_option_name(&sem_cmdline, req->what_id), cmdline_option_name(&sem_cmdline, c));
		req->what = actions[i].what;
		req->what_id = c;
		return arg ? take_list(c, arg, req) : 0;
	}
	if (c == OPT_UNDO)
		req->undo = true;
	else if (c == 'J')
		req->json = true;
	return 0;
}

const struct cmdline sem_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.operands = OPERANDS_UNEXPECTED,
	.option = take_option,
};

static int check_request(const struct sem_request *req)
{
	const char *act = req->what == SEM_SHOW ? NULL : cmdline_option_name(&sem_cmdline, req->what_id);
	if (target_check(&req->target, "-s <id>, -S <key> or --posix-semaphore <name>") < 0)
		return -1;
	bool posix = req->target.kind == KIND_PSEM;
	if (posix && (req->what == SEM_SET || req->what == SEM_SET_ALL || req->what == SEM_OP))
		return parse_error(true, _("--%s is for System V semaphore sets: a POSIX semaphore takes --post, "
				   "--wait or --trywait"), act);
	if (!posix && (req->what == SEM_POST || req->what == SEM_WAIT || req->what == SEM_TRYWAIT))
		return parse_error(true, _("--%s is for POSIX semaphores: on a System V set use --op (e.g. --op 0+1 "
				   "or --op 0-1)"), act);
	if (req->undo && req->what != SEM_OP)
		return parse_error(true, _("--undo goes with --op"));
	bool waits = req->what == SEM_OP || req->what == SEM_WAIT;
	if ((req->wait.nowait || req->wait.has_timeout) && !waits)
		return parse_error(true, _("--nowait and --timeout go with --op or --wait"));
	if (req->wait.nowait && req->wait.has_timeout)
		return parse_error(true, _("--nowait and --timeout exclude each other"));
	if (req->json && req->what != SEM_SHOW)
		return parse_error(true, _("--json shows the values: it takes no action option"));
	return 0;
}

int sem_parse_args(int argc, char **argv, struct sem_request *req)
{
	memset(req, 0, sizeof(*req));
	if (cmdline_parse(&sem_cmdline, argc, argv, req, &req->action) < 0)
		return -1;
	if (req->action != CMDLINE_RUN)
		return 0;
	return check_request(req);
}

void sem_request_free(struct sem_request *req)
{
	free(req->items);
	req->items = NULL;
	req->n_items = 0;
}

/* ipcrm's command line: its help page, its options, and the request they make. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcrm-args.h"
#include "src/messages.h"
#include "src/numbers.h"
#include "src/util.h"
#include "src/xalloc.h"
#include "src/posix.h"

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "shmem-id", 'm', required_argument, N_(" -m, --shmem-id <id>        remove shared memory segment by id\n") },
	{ "shmem-key", 'M', required_argument, N_(" -M, --shmem-key <key>      remove shared memory segment by key\n") },
	{ "posix-shmem", OPT_POSIX_SHM, required_argument,
	  N_("     --posix-shmem <name>   remove POSIX shared memory segment by name\n") },
	{ "queue-id", 'q', required_argument, N_(" -q, --queue-id <id>        remove message queue by id\n") },
	{ "queue-key", 'Q', required_argument, N_(" -Q, --queue-key <key>      remove message queue by key\n") },
	{ "posix-mqueue", OPT_POSIX_MQ, required_argument,
	  N_("     --posix-mqueue <name>  remove POSIX message queue by name\n") },
	{ "semaphore-id", 's', required_argument, N_(" -s, --semaphore-id <id>    remove semaphore by id\n") },
	{ "semaphore-key", 'S', required_argument, N_(" -S, --semaphore-key <key>  remove semaphore by key\n") },
	{ "posix-semaphore", OPT_POSIX_SEM, required_argument,
	  N_("     --posix-semaphore <name> remove POSIX semaphore by name\n") },
	{ "all", 'a', optional_argument,
	  N_(" -a, --all[=<type>,...]     remove all (of each type: shm pshm msg pmsg sem\n"
	     "                            psem, or posix, sysv, every)\n") },
	{ "verbose", 'v', no_argument, N_(" -v, --verbose              explain what is being done\n") },
	{ "dry-run", OPT_DRY_RUN, no_argument,
	  N_("     --dry-run              print what would be removed, remove nothing\n") },
	{ "namespace", OPT_NAMESPACE, required_argument,
	  N_("     --namespace <pid|file> remove in another IPC namespace\n") },
	/* Accepted to say why it is refused: not offered. */
	{ "all-namespaces", OPT_ALL_NAMESPACES, no_argument, NULL },
	{ "owner", OPT_SELECT_OWNER, required_argument,
	  N_("     --owner <user>         objects owned by <user> (a name or a uid)\n") },
	{ "created-by", OPT_SELECT_CREATOR, required_argument,
	  N_("     --created-by <user>    objects created by <user>\n") },
	{ "orphaned", OPT_SELECT_ORPHANED, no_argument,
	  N_("     --orphaned             objects no process uses any more (see ipcrm(1))\n") },
	{ "older-than", OPT_SELECT_OLDER, required_argument,
	  N_("     --older-than <age>     objects last changed longer ago (s, m, h or d)\n") },
	{ "key", OPT_SELECT_KEY, required_argument,
	  N_("     --key <key>            System V objects with this key\n") },
	{ "help", 'h', no_argument, N_(" -h, --help                 display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version              display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcrm [options]\n")),
	HELP_TEXT(N_(" ipcrm shm|msg|sem <id>...\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Remove certain IPC resources.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT('m'), HELP_OPT('M'), HELP_OPT(OPT_POSIX_SHM), HELP_OPT('q'), HELP_OPT('Q'),
	HELP_OPT(OPT_POSIX_MQ), HELP_OPT('s'), HELP_OPT('S'), HELP_OPT(OPT_POSIX_SEM), HELP_OPT('a'),
	HELP_OPT('v'), HELP_OPT(OPT_DRY_RUN), HELP_OPT(OPT_NAMESPACE),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Selection options (with --all only):\n")),
	HELP_OPT(OPT_SELECT_OWNER), HELP_OPT(OPT_SELECT_CREATOR), HELP_OPT(OPT_SELECT_ORPHANED),
	HELP_OPT(OPT_SELECT_OLDER), HELP_OPT(OPT_SELECT_KEY),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Arguments:\n")),
	HELP_TEXT(N_(" <key> is a number, or <path>:<proj> as ftok(3) makes it\n"
		     "   (<proj>: 1-255 or one character)\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcrm(1).\n")),
};

/* util-linux's long options: their abbreviations keep util-linux's meaning. */
static const char *const legacy_options[] = {
	"--shmem-id", "--shmem-key", "--queue-id", "--queue-key", "--semaphore-id",
	"--semaphore-key", "--all", "--verbose", "--help", "--version", NULL
};

static void add_target(struct rm_request *req, const struct rm_target *t)
{
	req->targets = xreallocarray(req->targets, req->ntargets + 1, sizeof(*t));
	req->targets[req->ntargets++] = *t;
}

/* "ipcrm shm|msg|sem ID...": every id is checked, all bad ones reported; 1: not that form. */
static int parse_legacy(int argc, char **argv, void *request)
{
	struct rm_request *req = request;
	if (argc < 2 || kind_of_keyword(argv[1], KIND_SEM + 1) < 0)
		return 1;
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

/* After "unknown argument: X": how -a takes its type, and which types there are. */
static void all_type_hint(const char *typed)
{
	char types[64] = "";
	for (int t = 0; t < KINDS; t++) {
		if (t)
			strcat(types, ", ");
		strcat(types, kinds[t].keyword);
	}
	const char *example = typed && kind_of_keyword(typed, KINDS) >= 0 ? typed : kinds[KIND_SHM].keyword;
	/* TRANSLATORS: "-ashm or --all=shm"; the types are ipcrm's keywords, not translated. */
	warnx(_("a type goes in the same word as -a: -a%s or --all=%s (types: %s)"), example, example, types);
}

/* The words of -a that name several kinds: all POSIX, all System V, all six. */
static const struct {
	const char *word;
	int family;		/* FAMILY_POSIX, FAMILY_SYSV, or -1: every kind */
} all_groups[] = {
	{ "posix", FAMILY_POSIX }, { "sysv", FAMILY_SYSV }, { "every", -1 },
};

/*
 * -a's argument: one type, a group word, or a comma list of them
 * ("shm,pshm", "sysv,pmsg"), added to ALL.  False, adding nothing, when a
 * word is none of them.
 */
static bool all_types(const char *arg, bool all[KINDS])
{
	bool add[KINDS] = { 0 };
	const char *p = arg;
	for (;;) {
		char word[16] = "";
		size_t len = strcspn(p, ",");
		if (len >= sizeof(word))
			return false;
		memcpy(word, p, len);
		int t = kind_of_keyword(word, KINDS);
		size_t g = 0;
		while (t < 0 && g < ARRAY_SIZE(all_groups) && strcmp(word, all_groups[g].word) != 0)
			g++;
		if (t >= 0)
			add[t] = true;
		else if (g < ARRAY_SIZE(all_groups))
			for (int k = 0; k < KINDS; k++)
				add[k] |= all_groups[g].family < 0 || (int)kinds[k].family == all_groups[g].family;
		else
			return false;
		if (!p[len])
			break;
		p += len + 1;
	}
	for (int k = 0; k < KINDS; k++)
		all[k] |= add[k];
	return true;
}

/* "ipcrm -a shm": the type came detached, as an operand. */
static void operand_hint(const char *operand, void *request)
{
	const struct rm_request *req = request;
	if (req->bare_all && kind_of_keyword(operand, KINDS) >= 0)
		all_type_hint(operand);
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

/* One option into the request: 0, or -1 after the message. */
static int take_option(int c, const char *arg, void *request)
{
	struct rm_request *req = request;
	switch (c) {
	case 'a':
		if (!arg) {
			/*
			 * System V only, as util-linux 2.38 and "ipcs -a": POSIX
			 * objects are files of running programs (PostgreSQL's
			 * segments, pulse-shm-*), removed only when named by type.
			 */
			for (int t = 0; t < KINDS; t++)
				req->all[t] |= !kind_is_posix(t);
		} else {
			if (!all_types(arg, req->all)) {
				/* The reference's text, the whole argument; quotes only to make '' visible. */
				warnx(*arg ? _("unknown argument: %s") : _("unknown argument: '%s'"), escape_arg(arg));
				/* "-a=shm" is -a with "=shm": show the word that was meant. */
				all_type_hint(*arg == '=' ? arg + 1 : NULL);
				return -1;
			}
		}
		if (!arg)
			req->bare_all = true;
		break;
	case 'v':
		req->verbose = true;
		break;
	case OPT_DRY_RUN:
		req->dry_run = true;
		break;
	case OPT_NAMESPACE:
		req->has_namespace = true;
		return ns_parse(arg, &req->ns);
	case OPT_ALL_NAMESPACES:
		return parse_error(false, _("--all-namespaces is refused: removing in every namespace at once "
				   "is too dangerous; use --namespace PID for each"));
	case OPT_SELECT_OWNER:
	case OPT_SELECT_CREATOR:
	case OPT_SELECT_ORPHANED:
	case OPT_SELECT_OLDER:
	case OPT_SELECT_KEY:
		if (!req->first_select)
			req->first_select = cmdline_option_name(&ipcrm_cmdline, c);
		return select_option(c, arg, &req->select);
	default:
		return parse_target(c, arg, req);
	}
	return 0;
}

const struct cmdline ipcrm_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.legacy = legacy_options,
	.operands = OPERANDS_UNKNOWN,
	.option = take_option,
	.other_form = parse_legacy,
	.operand_hint = operand_hint,
};

int ipcrm_parse_args(int argc, char **argv, struct rm_request *req)
{
	memset(req, 0, sizeof(*req));
	if (cmdline_parse(&ipcrm_cmdline, argc, argv, req, &req->action) < 0)
		return -1;
	if (req->legacy || req->action != CMDLINE_RUN)
		return 0;
	bool any_all = false;
	for (int t = 0; t < KINDS; t++)
		any_all |= req->all[t];
	/* A filter alone: it chooses among what --all removes, and there is no --all. */
	if (req->ntargets == 0 && !any_all && req->select.any)
		return parse_error(true, _("--%s selects what --all removes: add --all or --all=TYPE"), req->first_select);
	if (req->ntargets == 0 && !any_all)
		return parse_error(true, _("bad usage"));
	if (req->select.any && !any_all)
		return parse_error(true, _("--owner, --created-by, --orphaned, --older-than and --key select objects for --all only"));
	return 0;
}

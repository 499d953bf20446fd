/* The command-line layer: getopt's tables and --help made of one option table. */
#include <stdlib.h>
#include <string.h>

#include "src/cmdline.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/util.h"
#include "src/xalloc.h"

/* Room for the generated tables: 3 bytes a letter ("a::"), one struct option each plus the end. */
#define MAX_OPTIONS 48

struct getopt_tables {
	char shorts[3 * MAX_OPTIONS + 1];
	struct option longs[MAX_OPTIONS + 1];
};

/* CMD's short-option string and long options, in the table's order. */
static void make_tables(const struct cmdline *cmd, struct getopt_tables *t)
{
	char *s = t->shorts;
	size_t n = cmd->n_options < MAX_OPTIONS ? cmd->n_options : MAX_OPTIONS;
	for (size_t i = 0; i < n; i++) {
		const struct cmdline_option *o = &cmd->options[i];
		t->longs[i] = (struct option){ o->name, o->arg, NULL, o->id };
		if (o->id > CHAR_MAX)
			continue;
		*s++ = (char)o->id;
		for (int colons = o->arg == required_argument ? 1 : o->arg == optional_argument ? 2 : 0; colons; colons--)
			*s++ = ':';
	}
	*s = '\0';
	t->longs[n] = (struct option){ NULL, 0, NULL, 0 };
}

/* The getopt loop on ARGV (the legacy copy): 0 or -1 after the message. */
static int parse_options(const struct cmdline *cmd, const struct getopt_tables *t, int argc, char **argv,
			 void *req, enum cmdline_action *action)
{
	int c;
	optind = 0;	/* reinitialise getopt: the parser may be called again */
	while ((c = getopt_escaped(argc, argv, t->shorts, t->longs)) != -1) {
		switch (c) {
		case 'h':
			*action = CMDLINE_HELP;
			return 0;
		case 'V':
			*action = CMDLINE_VERSION;
			return 0;
		case '?':
			/* getopt printed the message */
			print_usage_hint();
			return -1;
		default:
			if (cmd->option(c, optarg, req) < 0)
				return -1;
			break;
		}
	}
	if (optind >= argc || cmd->operands == OPERANDS_CALLER)
		return 0;
	if (cmd->operands == OPERANDS_UNKNOWN) {
		warnx(_("unknown argument: %s"), escape_arg(argv[optind]));
		if (cmd->operand_hint)
			cmd->operand_hint(argv[optind], req);
		print_usage_hint();
		return -1;
	}
	return parse_error(true, _("unexpected argument '%s'"), escape_arg(argv[optind]));
}

int cmdline_parse(const struct cmdline *cmd, int argc, char **argv, void *req, enum cmdline_action *action)
{
	struct getopt_tables t;
	make_tables(cmd, &t);
	*action = CMDLINE_RUN;
	char **av = cmd->legacy ? keep_legacy_abbreviations(argc, argv, t.shorts, t.longs, cmd->legacy) : argv;
	int rc = cmd->other_form ? cmd->other_form(argc, av, req) : 1;
	if (rc > 0)
		rc = parse_options(cmd, &t, argc, av, req, action);
	if (av != argv)
		free(av);
	return rc;
}

static const struct cmdline_option *find_option(const struct cmdline *cmd, int id)
{
	for (size_t i = 0; i < cmd->n_options; i++)
		if (cmd->options[i].id == id)
			return &cmd->options[i];
	return NULL;
}

const char *cmdline_option_name(const struct cmdline *cmd, int id)
{
	const struct cmdline_option *o = find_option(cmd, id);
	return o ? o->name : "?";
}

/* One help text, translated unless it is a bare newline; stdout is the output buffer's. */
static void put_help(const char *text, FILE *f)
{
	const char *s = *text == '\n' ? text : _(text);
	if (f == stdout)
		out_str(s);
	else
		fputs(s, f);
}

void cmdline_print_help(const struct cmdline *cmd, FILE *f)
{
	for (size_t i = 0; i < cmd->n_help; i++) {
		const struct cmdline_help *h = &cmd->help[i];
		const struct cmdline_option *o = h->text ? NULL : find_option(cmd, h->opt);
		const char *text = h->text ? h->text : o ? o->help : NULL;
		if (text)
			put_help(text, f);
	}
}

int cmdline_act(const struct cmdline *cmd, enum cmdline_action action)
{
	if (action == CMDLINE_HELP)
		cmdline_print_help(cmd, stdout);
	else if (action == CMDLINE_VERSION)
		print_version();
	return close_stdout();
}

/* Does HELP begin as option O's line must: " -L, --NAME" or "     --NAME", then its argument's form? */
static bool help_names(const struct cmdline_option *o, const char *help)
{
	char lead[8];
	if (o->id <= CHAR_MAX)
		snprintf(lead, sizeof(lead), " -%c, --", o->id);
	else
		snprintf(lead, sizeof(lead), "     --");
	size_t len = strlen(lead), name_len = strlen(o->name);
	if (strncmp(help, lead, len) != 0 || strncmp(help + len, o->name, name_len) != 0)
		return false;
	const char *after = help + len + name_len;
	/* lsipc's help shows --time-format=<type>, and -o's required argument as [=<list>], as 2.38's does. */
	if (o->arg == required_argument)
		return strncmp(after, " <", 2) == 0 || strncmp(after, "=<", 2) == 0 || strncmp(after, "[=<", 3) == 0;
	if (o->arg == optional_argument)
		return strncmp(after, "[=", 2) == 0;
	return *after == ' ';
}

const char *cmdline_check(const struct cmdline *cmd)
{
	static char why[160];
	if (cmd->n_options > MAX_OPTIONS)
		return "more options than MAX_OPTIONS";
	for (size_t i = 0; i < cmd->n_options; i++) {
		const struct cmdline_option *o = &cmd->options[i];
		size_t shown = 0;
		for (size_t j = 0; j < cmd->n_help; j++)
			shown += !cmd->help[j].text && cmd->help[j].opt == o->id;
		if (find_option(cmd, o->id) != o)
			snprintf(why, sizeof(why), "--%s: its id is another option's too", o->name);
		else if (o->help && shown != 1)
			snprintf(why, sizeof(why), "--%s: on the help page %zu times", o->name, shown);
		else if (!o->help && shown)
			snprintf(why, sizeof(why), "--%s: on the help page without a help line", o->name);
		else if (o->help && !help_names(o, o->help))
			snprintf(why, sizeof(why), "--%s: its help line names another option or argument", o->name);
		else
			continue;
		return why;
	}
	for (size_t j = 0; j < cmd->n_help; j++)
		if (!cmd->help[j].text && !find_option(cmd, cmd->help[j].opt)) {
			snprintf(why, sizeof(why), "help entry %zu: no option has id %d", j, cmd->help[j].opt);
			return why;
		}
	return NULL;
}

void print_help(const char *const *parts, FILE *f)
{
	for (; *parts; parts++)
		put_help(*parts, f);
}

/* Does the long option NAME (LEN bytes, no '=') start one of OPTS's names? */
static const struct option *long_match(const struct option *opts, const char *name, size_t len, int *count)
{
	const struct option *found = NULL;
	*count = 0;
	for (const struct option *o = opts; o->name; o++)
		if (strncmp(o->name, name, len) == 0) {
			if (strlen(o->name) == len) {
				*count = 1;
				return o;
			}
			found = o;
			++*count;
		}
	return found;
}

char **keep_legacy_abbreviations(int argc, char **argv, const char *short_opts,
				 const struct option *opts, const char *const *legacy)
{
	char **av = xcalloc((size_t)argc + 1, sizeof(*av));
	memcpy(av, argv, (size_t)argc * sizeof(*av));
	for (int i = 1; i < argc; i++) {
		const char *arg = av[i];
		if (strcmp(arg, "--") == 0)
			break;
		if (arg[0] != '-' || arg[1] == '\0')
			continue;
		if (arg[1] != '-') {
			/* A short option cluster: its last letter may take the next word. */
			for (const char *c = arg + 1; *c; c++) {
				const char *s = strchr(short_opts, *c);
				if (s && s[1] == ':' && s[2] != ':') {
					if (c[1] == '\0')
						i++;
					break;
				}
			}
			continue;
		}
		const char *name = arg + 2;
		size_t len = strcspn(name, "=");
		int n;
		const struct option *o = long_match(opts, name, len, &n);
		if (n > 1 && name[len] == '\0') {
			/* Ambiguous now; was it util-linux's own abbreviation? */
			const char *only = NULL;
			int matches = 0;
			for (const char *const *l = legacy; *l; l++)
				if (strncmp(*l + 2, name, len) == 0) {
					only = *l;
					matches++;
				}
			if (matches == 1) {
				av[i] = (char *)only;
				o = long_match(opts, only + 2, strlen(only + 2), &n);
			}
		}
		if (n == 1 && o->has_arg == required_argument && name[len] == '\0')
			i++;	/* its argument, whatever it looks like */
	}
	return av;
}

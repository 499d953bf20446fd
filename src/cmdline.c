/* The command-line layer: getopt's tables and --help made of one option table. */
#include <stdlib.h>
#include <string.h>

#include "src/cmdline.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/utf8.h"
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

/*
 * The --help layout: every line within HELP_WIDTH display columns, and the
 * descriptions of a block of options (the lines between two texts) in one
 * column, whatever the catalogue's lines look like.
 */
#define HELP_WIDTH 80

/* N bytes of S into F; stdout is the output buffer's. */
static void put_bytes(const char *s, size_t n, FILE *f)
{
	if (f == stdout)
		out_write(s, n);
	else
		fwrite(s, 1, n, f);
}

static void put_spaces_to(size_t n, FILE *f)
{
	static const char spaces[] = "                                                                                ";
	for (size_t k; n; n -= k) {
		k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		put_bytes(spaces, k, f);
	}
}

/*
 * The line TEXT (N bytes, no newline), of which USED columns are already
 * on the line: as much as fits in HELP_WIDTH, broken at spaces, each next
 * part INDENT columns in.  A word wider than the room runs past it.
 */
static void put_wrapped(const char *text, size_t n, size_t used, size_t indent, FILE *f)
{
	while (used + utf8_width(text, n) > HELP_WIDTH) {
		size_t fit = utf8_fit(text, n, HELP_WIDTH > used ? HELP_WIDTH - used : 0, &(size_t){ 0 });
		size_t cut = fit;
		/* The last space that ends a part which fits (the one at FIT too). */
		while (cut > 0 && text[cut] != ' ')
			cut--;
		if (cut == 0) {
			const char *space = memchr(text, ' ', n);
			if (!space)
				break;
			cut = (size_t)(space - text);
		}
		size_t end = cut;
		while (end > 0 && text[end - 1] == ' ')
			end--;
		put_bytes(text, end, f);
		put_bytes("\n", 1, f);
		put_spaces_to(indent, f);
		while (cut < n && text[cut] == ' ')
			cut++;
		text += cut;
		n -= cut;
		used = indent;
	}
	put_bytes(text, n, f);
	put_bytes("\n", 1, f);
}

/* Leading spaces of the N bytes at S. */
static size_t leading_spaces(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && s[k] == ' ')
		k++;
	return k;
}

/*
 * A help text (translated unless it is a bare newline): each line past the
 * width is broken, its next parts two columns further in than it starts.
 * VERBATIM: an untranslated text is printed as written.
 */
static void put_help_text(const char *text, bool verbatim, FILE *f)
{
	const char *s = *text == '\n' ? text : _(text);
	if (verbatim && s == text) {
		put_bytes(s, strlen(s), f);
		return;
	}
	while (*s) {
		size_t n = strcspn(s, "\n");
		size_t lead = leading_spaces(s, n);
		put_bytes(s, lead, f);
		put_wrapped(s + lead, n - lead, lead, lead + 2, f);
		s += n + (s[n] == '\n');
	}
}

/*
 * The bytes of " -L, --NAME" or "     --NAME" and the argument's form at the
 * start of option O's help line HELP, or 0 when HELP does not begin so.
 */
static size_t spec_length(const struct cmdline_option *o, const char *help)
{
	char lead[8];
	if (o->id <= CHAR_MAX)
		snprintf(lead, sizeof(lead), " -%c, --", o->id);
	else
		snprintf(lead, sizeof(lead), "     --");
	size_t len = strlen(lead), name_len = strlen(o->name);
	if (strncmp(help, lead, len) != 0 || strncmp(help + len, o->name, name_len) != 0)
		return 0;
	const char *after = help + len + name_len, *end = after;
	/* lsipc's help shows --time-format=<type>, and -o's required argument as [=<list>], as 2.38's does. */
	if (o->arg == required_argument &&
	    (strncmp(after, " <", 2) == 0 || strncmp(after, "=<", 2) == 0 || strncmp(after, "[=<", 3) == 0))
		end = strchr(after, after[0] == '[' ? ']' : '>');
	else if (o->arg == optional_argument && strncmp(after, "[=", 2) == 0)
		end = strchr(after, ']');
	else if (o->arg != no_argument)
		return 0;
	if (!end)
		return 0;
	end += end != after;
	return *end == ' ' || *end == '\n' ? (size_t)(end - help) : 0;
}

/* One option's help line, as the catalogue gives it, and where its parts are. */
struct help_line {
	const char *text;
	size_t spec;		/* bytes of the option's part; 0: not laid out (printed as written) */
	size_t written;		/* columns before the description as written; 0: it starts on the next line */
};

static struct help_line help_line(const struct cmdline *cmd, const struct cmdline_option *o)
{
	struct help_line l = { .text = _(o->help) };
	/* A translation that changed the option's part is printed as the translator wrote it. */
	size_t spec = spec_length(o, o->help);
	if ((cmd->verbatim_reference && l.text == o->help) || !spec || strncmp(l.text, o->help, spec) != 0)
		return l;
	l.spec = spec;
	size_t gap = leading_spaces(l.text + spec, strcspn(l.text + spec, "\n"));
	if (l.text[spec + gap] != '\n' && l.text[spec + gap])
		l.written = utf8_width(l.text, spec) + gap;
	return l;
}

/* The line at S (N bytes) from its first non-space, COLUMN columns in, broken to the width. */
static void put_continued(const char *s, size_t n, size_t used, size_t column, FILE *f)
{
	size_t lead = leading_spaces(s, n);
	if (lead == n) {
		put_bytes("\n", 1, f);
		return;
	}
	put_spaces_to(column - used, f);
	put_wrapped(s + lead, n - lead, column, column, f);
}

/* Option line L with its description at COLUMN, its further lines too. */
static void put_option(const struct help_line *l, size_t column, FILE *f)
{
	if (!l->spec) {
		put_bytes(l->text, strlen(l->text), f);
		return;
	}
	put_bytes(l->text, l->spec, f);
	const char *s = l->text + l->spec;
	size_t n = strcspn(s, "\n");
	/* The description on the option's line, or on the next one (ipcrm's -a[=...]). */
	if (l->written)
		put_continued(s, n, utf8_width(l->text, l->spec), column, f);
	else
		put_bytes("\n", 1, f);
	for (s += n + (s[n] == '\n'); *s; s += n + (s[n] == '\n')) {
		n = strcspn(s, "\n");
		put_continued(s, n, 0, column, f);
	}
}

/* The options of HELP[0..N) (one block): descriptions in one column, two spaces after the widest option. */
static void put_options(const struct cmdline *cmd, const struct cmdline_help *help, size_t n, FILE *f)
{
	struct help_line lines[MAX_OPTIONS];
	size_t count = 0, column = 0;
	for (size_t i = 0; i < n && count < MAX_OPTIONS; i++) {
		const struct cmdline_option *o = find_option(cmd, help[i].opt);
		if (!o || !o->help)
			continue;
		struct help_line *l = &lines[count++];
		*l = help_line(cmd, o);
		size_t at = l->written;
		if (l->written && utf8_width(l->text, l->spec) + 2 > at && !cmd->verbatim_reference)
			at = utf8_width(l->text, l->spec) + 2;
		if (at > column)
			column = at;
	}
	for (size_t i = 0; i < count; i++)
		put_option(&lines[i], column, f);
}

void cmdline_print_help(const struct cmdline *cmd, FILE *f)
{
	for (size_t i = 0, j; i < cmd->n_help; i = j) {
		if (cmd->help[i].text) {
			put_help_text(cmd->help[i].text, cmd->verbatim_reference, f);
			j = i + 1;
			continue;
		}
		for (j = i; j < cmd->n_help && !cmd->help[j].text; j++)
			;
		put_options(cmd, cmd->help + i, j - i, f);
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
		else if (o->help && !spec_length(o, o->help))
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
		put_help_text(*parts, false, f);
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

/*
 * lsipc: System V IPC objects and limits in columns of one's choice, as
 * util-linux 2.38.1's lsipc prints them (differences: lsipc(1)); POSIX
 * objects with 2.42's letters -M -Q -S -N, gathered as ipcs does.
 * Options -> request -> gather (sysv.c, posix-list.c, limits.c) -> table -> scols.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/lsipc.h"
#include "src/out.h"
#include "src/procs.h"
#include "src/sysv.h"
#include "src/utf8.h"
#include "src/messages.h"
#include "src/name-hint.h"
#include "src/namespace.h"
#include "src/order.h"
#include "src/select.h"
#include "src/numbers.h"
#include "src/posix.h"
#include "src/render-global.h"
#include "src/cmdline.h"
#include "src/util.h"
#include "src/xalloc.h"

/* In getopt's order (util-linux 2.38's, which its "ambiguous" message shows); each help line one msgid. */
static const struct cmdline_option options[] = {
	{ "bytes", 'b', no_argument,
	  N_(" -b, --bytes              print SIZE in bytes rather than in human readable format\n") },
	{ "creator", 'c', no_argument,
	  N_(" -c, --creator            show creator and owner\n") },
	{ "export", 'e', no_argument,
	  N_(" -e, --export             display in an export-able output format\n") },
	{ "global", 'g', no_argument,
	  N_(" -g, --global      info about system-wide usage (may be used with -m, -q and -s)\n") },
	{ "help", 'h', no_argument,
	  N_(" -h, --help               display this help\n") },
	{ "id", 'i', required_argument,
	  N_(" -i, --id <id>     print details on resource identified by <id>\n") },
	{ "json", 'J', no_argument,
	  N_(" -J, --json               use the JSON output format\n") },
	{ "list", 'l', no_argument,
	  N_(" -l, --list               force list output format (for example with --id)\n") },
	{ "newline", 'n', no_argument,
	  N_(" -n, --newline            display each piece of information on a new line\n") },
	{ "noheadings", OPT_NOHEADINGS, no_argument,
	  N_("     --noheadings         don't print headings\n") },
	{ "notruncate", OPT_NOTRUNCATE, no_argument,
	  N_("     --notruncate         don't truncate output\n") },
	{ "numeric-perms", 'P', no_argument,
	  N_(" -P, --numeric-perms      print numeric permissions (PERMS column)\n") },
	{ "output", 'o', required_argument,
	  N_(" -o, --output[=<list>]    define the columns to output\n") },
	{ "queues", 'q', no_argument,
	  N_(" -q, --queues      message queues\n") },
	{ "raw", 'r', no_argument,
	  N_(" -r, --raw                display in raw mode\n") },
	{ "semaphores", 's', no_argument,
	  N_(" -s, --semaphores  semaphores\n") },
	{ "shmems", 'm', no_argument,
	  N_(" -m, --shmems      shared memory segments\n") },
	{ "shell", 'y', no_argument,
	  N_(" -y, --shell              use column names to be usable as shell variable identifiers\n") },
	{ "time", 't', no_argument,
	  N_(" -t, --time               show attach, detach and change times\n") },
	{ "time-format", OPT_TIME_FORMAT, required_argument,
	  N_("     --time-format=<type> display dates in short, full or iso format\n") },
	{ "version", 'V', no_argument,
	  N_(" -V, --version            display version\n") },
	/* Ours (util-linux 2.42's letters), last: 2.38's "ambiguous" lists keep their order. */
	{ "posix-shmems", 'M', no_argument,
	  N_(" -M, --posix-shmems      POSIX shared memory\n") },
	{ "posix-mqueues", 'Q', no_argument,
	  N_(" -Q, --posix-mqueues     POSIX message queues\n") },
	{ "posix-semaphores", 'S', no_argument,
	  N_(" -S, --posix-semaphores  POSIX semaphores\n") },
	{ "name", 'N', required_argument,
	  N_(" -N, --name <name>       print details on the POSIX resource named <name>\n") },
	/* Ours, long only: ipcs's selection, order and namespaces, and typed JSON. */
	SELECT_CMDLINE_OPTIONS,
	{ "sort", OPT_SORT, required_argument,
	  N_("     --sort <column,...> sort rows by these columns (-<column>: descending)\n") },
	{ "json-typed", OPT_JSON_TYPED, no_argument,
	  N_("     --json-typed        JSON with numbers as numbers (implies --bytes)\n") },
	{ "namespace", OPT_NAMESPACE, required_argument,
	  N_("     --namespace <pid|file>  show the objects of another IPC namespace\n") },
};

/* util-linux 2.38's long options: an abbreviation unique among them keeps its meaning (--o is --output). */
static const char *const legacy_options[] = {
	"--bytes", "--creator", "--export", "--global", "--help", "--id", "--json", "--list", "--newline",
	"--noheadings", "--notruncate", "--numeric-perms", "--output", "--queues", "--raw", "--semaphores",
	"--shell", "--shmems", "--time", "--time-format", "--version", NULL
};

/* The page up to the columns, which lsipc_columns_help() prints. */
static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" lsipc [options]\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Show information on IPC facilities.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Resource options:\n")),
	HELP_OPT('m'), HELP_OPT('q'), HELP_OPT('s'), HELP_OPT('g'), HELP_OPT('i'),
	HELP_TEXT("\n"),
	/* Ours, in a block of their own: 2.38's lines above keep its spacing. */
	HELP_TEXT(N_("POSIX resource options:\n")),
	HELP_OPT('M'), HELP_OPT('Q'), HELP_OPT('S'), HELP_OPT('N'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT(OPT_NOHEADINGS), HELP_OPT(OPT_NOTRUNCATE), HELP_OPT(OPT_TIME_FORMAT),
	HELP_OPT('b'), HELP_OPT('c'), HELP_OPT('e'), HELP_OPT('J'), HELP_OPT('n'), HELP_OPT('l'),
	HELP_OPT('o'), HELP_OPT('P'), HELP_OPT('r'), HELP_OPT('t'), HELP_OPT('y'),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	/* Ours, in a block of their own after 2.38's page. */
	HELP_TEXT(N_("ipcbox options (see lsipc(1)):\n")),
	HELP_OPT(OPT_SELECT_OWNER), HELP_OPT(OPT_SELECT_CREATOR), HELP_OPT(OPT_SELECT_ORPHANED),
	HELP_OPT(OPT_SELECT_OLDER), HELP_OPT(OPT_SELECT_KEY), HELP_OPT(OPT_SORT), HELP_OPT(OPT_JSON_TYPED),
	HELP_TEXT("\n"),
	/* Its own block, as in ipcs: its long argument would push the column. */
	HELP_TEXT(N_("Namespace options:\n")),
	HELP_OPT(OPT_NAMESPACE),
};

/*
 * Options that exclude each other, with the list 2.38 names (-c is named
 * but allowed with -o and -t).  The second of a group is refused as it is met;
 * the first group that refuses it speaks, so 2.38's pairs keep 2.38's words.
 */
static const struct {
	const char *letters, *names;
} exclusive[] = {
	{ "Jelnr", "--json --export --list --newline --raw" },
	{ "Jelnr\x01", "--json --export --list --newline --raw --json-typed" },
	{ "gi", "--global --id" },
	{ "giN", "--global --id --name" },
	{ "ot", "--creator --output --time" },
	{ "mqs", "--shmems --queues --semaphores" },
	{ "mqsMQS", "--shmems --queues --semaphores --posix-shmems --posix-mqueues --posix-semaphores" },
};

enum lsipc_action { LSIPC_SHOW, LSIPC_HELP, LSIPC_VERSION };

struct lsipc_request {
	enum lsipc_action action;
	enum lsipc_table table;		/* LSIPC_GLOBAL: -g, or no kind */
	int kind_table;			/* -m/-q/-s's table, or -1 */
	bool global;			/* -g */
	bool have_id;
	int id;
	const char *name;		/* -N */
	bool creator, time, list, noheadings, notruncate, shell;
	bool time_format_set;
	enum scols_mode mode;
	bool mode_set;
	const char *output;		/* the last -o */
	struct lsipc_format format;
	struct selection select;	/* --owner ... --key */
	const char *sort_arg;		/* --sort, resolved once the table is known */
	struct order_spec sort;
	bool has_namespace;
	struct ns_target ns;
	bool holders, memory;		/* HOLDERS; RSS, SWAP or FILL asked for */
	int *cols;
	size_t ncols;
};

static int check_exclusive(int opt, char seen[])
{
	/* --json-typed stands in the groups as \x01. */
	if (opt == OPT_JSON_TYPED)
		opt = 1;
	for (size_t g = 0; g < ARRAY_SIZE(exclusive); g++) {
		if (opt > UCHAR_MAX || !strchr(exclusive[g].letters, opt))
			continue;
		if (seen[g] && seen[g] != opt)
			return parse_error(false, _("mutually exclusive arguments: %s"), exclusive[g].names);
		seen[g] = (char)opt;
	}
	return 0;
}

static int parse_id(const char *arg, int *id)
{
	long long v;
	if (parse_llong_lenient(arg, 10, INT_MIN, INT_MAX, &v) && v >= 0) {
		*id = (int)v;
		return 0;
	}
	/* A negative id is refused (2.38 takes -1 as none, -5 as id 0). */
	if (errno == ERANGE)
		return parse_error(false, _("failed to parse IPC identifier: '%s': %s"), escape_arg(arg), strerror(ERANGE));
	return parse_error(false, _("failed to parse IPC identifier: '%s'"), escape_arg(arg));
}

static int parse_time_format(const char *arg, enum lsipc_time_format *f)
{
	static const char *const names[] = { [TIME_SHORT] = "short", [TIME_FULL] = "full", [TIME_ISO] = "iso" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(arg, names[i]) == 0) {
			*f = (enum lsipc_time_format)i;
			return 0;
		}
	return parse_error(false, _("unknown time format: %s"), escape_arg(arg));
}

static int parse_option(int opt, const char *arg, struct lsipc_request *r)
{
	switch (opt) {
	case 'm': r->kind_table = LSIPC_SHM; break;
	case 'q': r->kind_table = LSIPC_MSG; break;
	case 's': r->kind_table = LSIPC_SEM; break;
	case 'M': r->kind_table = LSIPC_PSHM; break;
	case 'Q': r->kind_table = LSIPC_PMSG; break;
	case 'S': r->kind_table = LSIPC_PSEM; break;
	case 'N': r->name = arg; break;
	case 'g': r->global = true; break;
	case 'i':
		r->have_id = true;
		return parse_id(arg, &r->id);
	case 'b': r->format.bytes = true; break;
	case 'c': r->creator = true; break;
	case 'e': r->mode = SCOLS_EXPORT; r->mode_set = true; break;
	case 'J': r->mode = SCOLS_JSON; r->mode_set = true; break;
	case 'n': r->mode = SCOLS_NEWLINE; r->mode_set = true; break;
	case 'r': r->mode = SCOLS_RAW; r->mode_set = true; break;
	case 'l': r->list = true; break;
	case 'o': r->output = arg; break;
	case 'P': r->format.numeric_perms = true; break;
	case 't': r->time = true; break;
	case 'y': r->shell = true; break;
	case OPT_NOHEADINGS: r->noheadings = true; break;
	case OPT_NOTRUNCATE: r->notruncate = true; break;
	case OPT_TIME_FORMAT:
		r->time_format_set = true;
		return parse_time_format(arg, &r->format.time);
	case OPT_SORT: r->sort_arg = arg; break;
	case OPT_JSON_TYPED:
		r->mode = SCOLS_JSON;
		r->mode_set = true;
		r->format.typed = r->format.bytes = true;
		break;
	case OPT_NAMESPACE:
		r->has_namespace = true;
		return ns_parse(arg, &r->ns);
	default:
		return select_option(opt, arg, &r->select);
	}
	return 0;
}

/* What the parse carries from one option to the next: the groups of exclusive options met. */
struct parse_state {
	struct lsipc_request *r;
	char seen[ARRAY_SIZE(exclusive)];
};

static int take_option(int opt, const char *arg, void *state)
{
	struct parse_state *p = state;
	if (check_exclusive(opt, p->seen) < 0)
		return -1;
	return parse_option(opt, arg, p->r);
}

/* Column name problems name the rest of the list from the bad name on, as 2.38 does. */
static int add_column(struct lsipc_request *r, const char *name, size_t len, size_t *cap)
{
	int id = lsipc_column_find(name, len);
	if (id < 0)
		return parse_error(false, _("unknown column: %s"), escape_arg(name));
	if (!(lsipc_columns[id].tables & (1u << r->table)))
		return parse_error(false, _("column %s does not apply to the specified IPC"), escape_arg(name));
	if (r->ncols == *cap)
		r->cols = xreallocarray(r->cols, *cap = *cap ? 2 * *cap : 32, sizeof(int));
	r->cols[r->ncols++] = id;
	return 0;
}

/*
 * LIST: names split at commas.  A comma at the very end stays part of the
 * last name, which is then unknown ("KEY," is no column), as in 2.38; an
 * empty name is refused with a message (2.38 exits 1 silently).
 */
static int parse_column_list(struct lsipc_request *r, const char *list, size_t *cap)
{
	const char *begin = list;
	if (!*list)
		return parse_error(false, _("no column names in list: '%s'"), escape_arg(r->output));
	for (const char *p = list; *p; p++) {
		const char *end = NULL;
		if (*p == ',')
			end = p;
		if (p[1] == '\0')
			end = p + 1;
		if (!end)
			continue;
		if (end <= begin)
			return parse_error(false, _("empty column name in list: '%s'"), escape_arg(r->output));
		if (add_column(r, begin, (size_t)(end - begin), cap) < 0)
			return -1;
		begin = end + 1;
	}
	return 0;
}

/* -i or -N: one object. */
static bool one_object(const struct lsipc_request *r)
{
	return r->have_id || r->name;
}

static bool pretty_list(const struct lsipc_request *r)
{
	return one_object(r) && !r->mode_set && !r->list;
}

static int choose_columns(struct lsipc_request *r)
{
	size_t cap = 64;
	r->cols = xmalloc(cap * sizeof(int));
	const char *list = r->output;
	if (!list || *list == '+') {
		/* -i's list shows every column unless -c or -t asks for the usual ones. */
		if (r->table != LSIPC_GLOBAL && pretty_list(r) && !r->creator && !r->time)
			r->ncols = lsipc_all_columns(r->table, r->cols, cap);
		else
			r->ncols = lsipc_default_columns(r->table, r->creator, r->time, r->cols, cap);
		if (!list)
			return 0;
		list++;
	}
	return parse_column_list(r, list, &cap);
}

static const struct cmdline lsipc_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.legacy = legacy_options,
	.operands = OPERANDS_CALLER,
	.option = take_option,
	.verbatim_reference = true,
};

static bool posix_table(int table)
{
	return table >= 0 && table != LSIPC_GLOBAL && kind_is_posix(lsipc_table_kind(table));
}

/* -N needs one POSIX kind and a valid name; -i a System V one (ipcs's words). */
static int check_posix(const struct lsipc_request *r)
{
	if (r->have_id && posix_table(r->kind_table))
		return parse_error(false, _("an ID selects a System V resource: use --name with -M, -Q or -S"));
	if (!r->name)
		return 0;
	if (!posix_table(r->kind_table))
		return parse_error(false, _("when using a name, a single POSIX resource (-M, -Q or -S) must be specified"));
	return posix_name_check(lsipc_table_kind(r->kind_table), r->name);
}

/* --sort's columns, as catalogue members of the table's kind. */
static int parse_sort(struct lsipc_request *r)
{
	enum ipc_kind kind = (enum ipc_kind)lsipc_table_kind(r->table);
	const char *p = r->sort_arg;
	for (;;) {
		size_t len = strcspn(p, ",");
		bool descending = *p == '-';
		const char *name = p + descending;
		size_t nlen = len - descending;
		int id = nlen ? lsipc_column_find(name, nlen) : -1;
		char *shown = strndup(name, nlen);
		int rc = 0;
		if (id < 0)
			rc = parse_error(false, _("unknown column: %s"), escape_arg(shown ? shown : ""));
		else if (!(lsipc_columns[id].tables & (1u << r->table)))
			rc = parse_error(false, _("column %s does not apply to the specified IPC"), escape_arg(shown));
		else if (!lsipc_column_member(&lsipc_columns[id], kind))
			rc = parse_error(false, _("--sort: rows cannot be sorted by column %s"), escape_arg(shown));
		else if (r->sort.n == ORDER_MAX_KEYS)
			rc = parse_error(false, _("--sort: at most %d fields"), ORDER_MAX_KEYS);
		free(shown);
		if (rc < 0)
			return -1;
		struct order_key *key = &r->sort.keys[r->sort.n++];
		snprintf(key->name, sizeof(key->name), "%s", lsipc_column_member(&lsipc_columns[id], kind));
		key->descending = descending;
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

/* Ours with each other and with 2.38's: selection and order are of object tables. */
static int check_ours(struct lsipc_request *r)
{
	for (size_t c = 0; c < r->ncols; c++) {
		enum lsipc_cell cell = lsipc_columns[r->cols[c]].cell;
		r->holders |= cell == CELL_HOLDERS;
		r->memory |= lsipc_columns[r->cols[c]].field == FIELD_RSS || lsipc_columns[r->cols[c]].field == FIELD_SWAP ||
			     lsipc_columns[r->cols[c]].field == FIELD_FILL;
	}
	if ((r->select.any || r->sort_arg) && (r->table == LSIPC_GLOBAL || one_object(r)))
		return parse_error(false, _("--owner, --created-by, --orphaned, --older-than, --key and --sort are for lists of objects: not with --global, --id or --name"));
	if (r->select.has_key && posix_table(r->table))
		return parse_error(false, _("--key selects System V objects: not with -M, -Q or -S"));
	if (r->has_namespace)
		r->ns.posix = posix_table(r->table);
	return r->sort_arg ? parse_sort(r) : 0;
}

/* A pure function of ARGV: 0, 1 (help or version), or -1 after a message. */
static int parse(int argc, char **argv, struct lsipc_request *r)
{
	*r = (struct lsipc_request){ .table = LSIPC_GLOBAL, .kind_table = -1, .mode = SCOLS_TABLE };
	struct parse_state state = { .r = r };
	enum cmdline_action action;
	if (cmdline_parse(&lsipc_cmdline, argc, argv, &state, &action) < 0)
		return -1;
	if (action != CMDLINE_RUN) {
		r->action = action == CMDLINE_HELP ? LSIPC_HELP : LSIPC_VERSION;
		return 1;
	}
	/* 2.38's words for an operand: "unexpected argument: X". */
	if (optind < argc)
		return parse_error(true, _("unexpected argument: %s"), escape_arg(argv[optind]));
	if (check_posix(r) < 0)
		return -1;
	bool global = r->global || r->kind_table < 0;
	if (global && (r->creator || r->time || r->have_id))
		return parse_error(false, _("--global is mutually exclusive with --creator, --id and --time"));
	if (!global)
		r->table = (enum lsipc_table)r->kind_table;
	if (!r->time_format_set)
		r->format.time = pretty_list(r) ? TIME_FULL : TIME_SHORT;
	if (choose_columns(r) < 0)
		return -1;
	return check_ours(r);
}

static const char *const json_keys[LSIPC_TABLES] = {
	[LSIPC_SHM] = "sharedmemory", [LSIPC_MSG] = "messages", [LSIPC_SEM] = "semaphores",
	[LSIPC_GLOBAL] = "ipclimits",
	[LSIPC_PSHM] = "posixsharedmemory", [LSIPC_PMSG] = "posixmessages", [LSIPC_PSEM] = "posixsemaphores",
};

struct gather {
	const struct lsipc_request *r;
	struct scols_table *t;
};

static char *cell(const struct lsipc_request *r, size_t c, const struct ipc_item *it)
{
	return lsipc_object_cell(&lsipc_columns[r->cols[c]], it, &r->format);
}

static void add_item(struct gather *g, const struct ipc_item *it)
{
	char **row = scols_new_row(g->t);
	for (size_t c = 0; c < g->r->ncols; c++)
		row[c] = cell(g->r, c, it);
}

/*
 * The rows of ITEMS (N objects of one kind): those the selection takes, in
 * --sort's order.  Who holds each is asked only for HOLDERS or --orphaned;
 * a segment's memory only for RSS, SWAP or FILL.
 */
static void add_items(struct gather *g, struct ipc_item *items, size_t n)
{
	const struct lsipc_request *r = g->r;
	bool need = r->holders || select_needs_holders(&r->select);
	int64_t now = time(NULL);
	if (n)
		order_items(items[0].kind, items, n, &r->sort, false);
	for (size_t i = 0; i < n; i++) {
		struct ipc_item *it = &items[i];
		struct holders_state state;
		if (need) {
			holders_state_of(it->sysv, it->posix, NULL, false, &state);
			it->holders = r->holders ? &state.list : NULL;
		}
		if (it->sysv ? select_sysv(&r->select, it->sysv, need ? &state : NULL, now)
			     : select_posix(&r->select, it->posix, need ? &state : NULL, now))
			add_item(g, it);
		if (need)
			holders_state_free(&state);
	}
}

static struct scols_opts print_opts(const struct lsipc_request *r)
{
	return (struct scols_opts){ .mode = r->mode, .typed = r->format.typed, .noheadings = r->noheadings, .shell = r->shell,
				    .notruncate = r->notruncate, .termwidth = out_terminal_width() };
}

/* "Label:" and the value, each in 36 columns, as 2.38's -i list (escaped: 2.38 prints it raw). */
static void put_pretty_line(const char *label, const char *value)
{
	char *l = escape_styled(label, ESCAPE_ARG), *v = escape_styled(value, ESCAPE_ARG);
	size_t ll = strlen(l), vl = strlen(v), lw = text_width(l, ll) + 1, vw = text_width(v, vl);
	out_write(l, ll);
	out_char(':');
	for (; lw < 36; lw++)
		out_char(' ');
	out_write(v, vl);
	for (; vw < 36; vw++)
		out_char(' ');
	out_char('\n');
	free(l);
	free(v);
}

static const struct scols_column element_cols[] = {
	{ "SEMNUM", SCOLS_RIGHT }, { "VALUE", SCOLS_RIGHT }, { "NCOUNT", SCOLS_RIGHT },
	{ "ZCOUNT", SCOLS_RIGHT }, { "PID", SCOLS_RIGHT }, { "COMMAND", SCOLS_RIGHT | SCOLS_TRUNC },
};

/* The semaphores of set O, after its list; 1 if they cannot be read. */
static int print_elements(const struct lsipc_request *r, const struct sysv_object *o)
{
	struct sysv_semval *v = sysv_sem_values(o->id, (unsigned)o->size, SEMV_ALL);
	char buf[24];
	out_str(_("Elements:"));
	out_str("\n\n");
	if (!v) {
		/* 2.38 prints nothing at all then, in every output mode. */
		warn(_("semctl(GETVAL) failed"));
		return 1;
	}
	struct scols_table t;
	scols_init(&t, "elements", element_cols, ARRAY_SIZE(element_cols));
	for (uint64_t i = 0; i < o->size; i++) {
		char **row = scols_new_row(&t);
		row[0] = xstrdup(format_u64(i, buf));
		row[1] = xstrdup(format_i64(v[i].value, buf));
		row[2] = xstrdup(format_i64(v[i].ncount, buf));
		row[3] = xstrdup(format_i64(v[i].zcount, buf));
		row[4] = xstrdup(format_i64(v[i].pid, buf));
		row[5] = proc_command_line(v[i].pid);
	}
	struct scols_opts so = print_opts(r);
	so.mode = SCOLS_TABLE;
	so.noheadings = false;
	scols_print(&t, &so);
	scols_free(&t);
	free(v);
	return 0;
}

static int print_pretty(const struct lsipc_request *r, const struct ipc_item *it)
{
	for (size_t c = 0; c < r->ncols; c++) {
		char *v = cell(r, c, it);
		if (v)
			put_pretty_line(_(lsipc_columns[r->cols[c]].label), v);
		free(v);
	}
	return it->kind == KIND_SEM ? print_elements(r, it->sysv) : 0;
}

/* -i's or -N's object IT: its list, or its row; who holds it when HOLDERS is asked for. */
static int show_one(struct gather *g, struct ipc_item *it)
{
	const struct lsipc_request *r = g->r;
	struct holders_state state;
	if (r->holders) {
		holders_state_of(it->sysv, it->posix, NULL, false, &state);
		it->holders = &state.list;
	}
	int rc = 0;
	if (pretty_list(r))
		rc = print_pretty(r, it);
	else
		add_item(g, it);
	if (r->holders)
		holders_state_free(&state);
	return rc;
}

/* The POSIX objects of the table's kind, by name as ipcs lists them, or the one -N names. */
static int show_posix(const struct lsipc_request *r, struct scols_table *t)
{
	enum ipc_kind kind = (enum ipc_kind)lsipc_table_kind(r->table);
	struct gather g = { r, t };
	struct posix_object o;
	struct ipc_item it = { .kind = kind, .posix = &o };
	if (r->name) {
		int rc = posix_find(kind, r->name, &o);
		if (rc == 0)
			return show_one(&g, &it);
		if (rc < 0)
			posix_scan_failed(kind);
		else
			posix_name_not_found(kind, r->name);
		return 1;
	}
	struct posix_list list = { 0 };
	int rc = 0;
	if (posix_list_gather(kind, POSIX_LIST_SORTED, &list) < 0) {
		/* Nothing is listed from a directory that could not be read whole. */
		posix_scan_failed(kind);
		rc = 1;
	} else {
		struct posix_object *objs = xreallocarray(NULL, list.n ? list.n : 1, sizeof(*objs));
		struct ipc_item *items = xreallocarray(NULL, list.n ? list.n : 1, sizeof(*items));
		for (size_t i = 0; i < list.n; i++) {
			posix_list_get(&list, i, &objs[i]);
			items[i] = (struct ipc_item){ .kind = kind, .posix = &objs[i] };
		}
		add_items(&g, items, list.n);
		free(items);
		free(objs);
	}
	posix_list_free(&list);
	return rc;
}

static int show_objects(const struct lsipc_request *r, struct scols_table *t)
{
	if (posix_table(r->table))
		return show_posix(r, t);
	enum ipc_kind kind = (enum ipc_kind)lsipc_table_kind(r->table);
	struct gather g = { r, t };
	if (!r->have_id) {
		struct sysv_object *objs;
		size_t n;
		if (sysv_gather(kind, &objs, &n) < 0) {
			warn(_("cannot read %s"), _(kinds[kind].plural));
			return 1;
		}
		struct ipc_item *items = xreallocarray(NULL, n ? n : 1, sizeof(*items));
		for (size_t i = 0; i < n; i++) {
			if (r->memory || r->sort.n)
				sysv_complete(&objs[i]);
			items[i] = (struct ipc_item){ .kind = kind, .sysv = &objs[i] };
		}
		add_items(&g, items, n);
		free(items);
		free(objs);
		return 0;
	}
	struct sysv_object o;
	if (sysv_find(kind, r->id, &o) < 0) {
		/* 2.38 exits 0 here; a missing object is an error, as in ipcs. */
		warnx(_("id %d not found"), r->id);
		return 1;
	}
	if (r->memory)
		sysv_complete(&o);
	return show_one(&g, &(struct ipc_item){ .kind = kind, .sysv = &o });
}

static int show_limits(const struct lsipc_request *r, struct scols_table *t)
{
	/* Without a kind, 2.38's rows: System V's; POSIX rows only when asked for (-g -M). */
	bool want[KINDS] = { false };
	for (int tb = LSIPC_SHM; tb <= LSIPC_SEM; tb++)
		want[lsipc_table_kind(tb)] = r->kind_table < 0;
	if (r->kind_table >= 0)
		want[lsipc_table_kind(r->kind_table)] = true;
	struct usage_report rep;
	int rc = usage_gather(want, false, NULL, &rep) < 0 ? 1 : 0;
	for (int i = 0; i < rep.nrows; i++) {
		char **row = scols_new_row(t);
		for (size_t c = 0; c < r->ncols; c++)
			row[c] = lsipc_limit_cell(&lsipc_columns[r->cols[c]], &rep.rows[i], &r->format);
	}
	if (rc)
		for (int k = 0; k < KINDS; k++) {
			/* POSIX kinds in ipcs -g's words; System V's as before. */
			if (kind_is_posix(k)) {
				render_usage_error(&rep, (enum ipc_kind)k);
			} else if (rep.error[k]) {
				errno = rep.error[k];
				warn(_("cannot read %s"), _(kinds[k].plural));
			}
		}
	return rc;
}

static int run(const struct lsipc_request *r)
{
	struct scols_column *cols = xcalloc(r->ncols ? r->ncols : 1, sizeof(*cols));
	for (size_t c = 0; c < r->ncols; c++) {
		cols[c] = lsipc_columns[r->cols[c]].out;
		if (lsipc_column_numeric(&lsipc_columns[r->cols[c]]))
			cols[c].flags |= SCOLS_NUMBER;
	}
	if ((r->holders || select_needs_holders(&r->select)) && r->table != LSIPC_GLOBAL) {
		bool want[KINDS] = { false };
		want[lsipc_table_kind(r->table)] = true;
		if (!holders_scan(want))
			warn(_("cannot read /proc: processes are unknown"));
	}
	struct scols_table t;
	scols_init(&t, json_keys[r->table], cols, r->ncols);
	int rc = r->table == LSIPC_GLOBAL ? show_limits(r, &t) : show_objects(r, &t);
	if (!pretty_list(r) && !(one_object(r) && rc)) {
		struct scols_opts so = print_opts(r);
		scols_print(&t, &so);
	}
	scols_free(&t);
	free(cols);
	return rc;
}

static void print_usage(void)
{
	cmdline_print_help(&lsipc_cmdline, stdout);
	lsipc_columns_help();
	out_char('\n');
	out_printf(_("For more details see %s.\n"), "lsipc(1)");
}

int lsipc_main(int argc, char **argv)
{
	struct lsipc_request r;
	int rc = parse(argc, argv, &r);
	if (rc < 0) {
		free(r.cols);
		return 1;
	}
	if (r.action == LSIPC_HELP) {
		print_usage();
		return close_stdout();
	}
	if (r.action == LSIPC_VERSION) {
		print_version();
		return close_stdout();
	}
	/* --key PATH:PROJ: the file is looked at once the whole line has parsed. */
	if (select_resolve(&r.select) < 0) {
		free(r.cols);
		return 1;
	}
	if (r.has_namespace && ns_enter(&r.ns) < 0) {
		free(r.cols);
		return 1;
	}
	bool want[KINDS] = { false };
	if (r.table != LSIPC_GLOBAL)
		want[lsipc_table_kind(r.table)] = true;
	else
		for (int tb = LSIPC_SHM; tb <= LSIPC_SEM; tb++)
			want[lsipc_table_kind(tb)] = r.kind_table < 0;
	if (r.table == LSIPC_GLOBAL && r.kind_table >= 0)
		want[lsipc_table_kind(r.kind_table)] = true;
	/* Never this host's POSIX files in place of the target's. */
	if (r.has_namespace && !ns_check_kinds(&r.ns, want, NS_SHOW, false, NULL))
		rc = 1;
	else
		rc = run(&r);
	if (r.has_namespace)
		rc |= ns_check_alive(&r.ns);
	free(r.cols);
	int crc = close_stdout();
	return rc ? rc : crc;
}

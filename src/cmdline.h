#ifndef IPCBOX_CMDLINE_H
#define IPCBOX_CMDLINE_H

/*
 * The command-line layer: each command declares its options once, in one
 * table, and this layer makes of it getopt's short-option string, its
 * struct option[] and the --help page, and runs the parse every command
 * repeats (util-linux's abbreviations, -h and -V, getopt's errors,
 * operands, --namespace).
 */
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * What getopt returns for an option: its letter, or for an option without
 * one an id of this enum (above every letter), for all commands at once.
 */
enum cmdline_id {
	OPT_LONG_ONLY = CHAR_MAX + 1,
	/* ipcs */
	OPT_HUMAN = OPT_LONG_ONLY, OPT_NUMERIC, OPT_POSIX, OPT_NAME, OPT_PROCESSES,
	OPT_MESSAGES, OPT_METRICS, OPT_OUTPUT, OPT_BY_OWNER, OPT_BY_CREATOR, OPT_SORT, OPT_TOP,
	/* ipcmk */
	OPT_KEY, OPT_MAXMSG, OPT_MSGSIZE, OPT_VALUE,
	/* ipcrm */
	OPT_POSIX_SHM, OPT_POSIX_MQ, OPT_POSIX_SEM, OPT_DRY_RUN,
	/* send, receive, sem */
	OPT_NOWAIT, OPT_TIMEOUT,
	/* sem */
	OPT_SET, OPT_SET_ALL, OPT_OP, OPT_UNDO, OPT_POST, OPT_WAIT, OPT_TRYWAIT,
	/* set */
	OPT_MODE, OPT_SET_OWNER, OPT_MAX_BYTES, OPT_SIZE,
	/* lsipc */
	OPT_NOHEADINGS, OPT_NOTRUNCATE, OPT_TIME_FORMAT,
	/* shared: namespaces (src/namespace.h), selection (src/select.h) */
	OPT_NAMESPACE, OPT_ALL_NAMESPACES,
	OPT_SELECT_OWNER, OPT_SELECT_CREATOR, OPT_SELECT_ORPHANED, OPT_SELECT_OLDER, OPT_SELECT_KEY,
	OPT_SELECT_REMOVEIPC,	/* ipcs only: not a removal filter */
	/* ipcs --memory, lsipc --json-typed */
	OPT_MEMORY, OPT_JSON_TYPED,
};

/* One option: getopt's entries and its --help line come from here. */
struct cmdline_option {
	const char *name;	/* the long option */
	int id;			/* its letter (also its short option), or an OPT_ id */
	int arg;		/* no_argument, required_argument or optional_argument */
	/*
	 * Its line(s) of --help, as translators know them (one msgid each):
	 * " -L, --NAME..." or "     --NAME...".  NULL: accepted, not offered
	 * (ipcrm --all-namespaces, which is refused with a reason).
	 */
	const char *help;
};

/* One entry of a --help page: a TEXT (a heading, a paragraph), or option OPT's help line. */
struct cmdline_help {
	const char *text;
	int opt;
};
#define HELP_TEXT(text) { text, 0 }
#define HELP_OPT(id) { NULL, id }

/* Operands: "unexpected argument 'X'" (ipcs, ipcmk), "unknown argument: X" (ipcrm), or the caller's. */
enum cmdline_operands { OPERANDS_UNEXPECTED, OPERANDS_UNKNOWN, OPERANDS_CALLER };

/* What a command line asks for. */
enum cmdline_action { CMDLINE_RUN, CMDLINE_HELP, CMDLINE_VERSION };

struct cmdline {
	/* In getopt's order, which its "ambiguous; possibilities:" message shows. */
	const struct cmdline_option *options;
	size_t n_options;
	/* The --help page, in order (texts beginning with '\n' are not translated). */
	const struct cmdline_help *help;
	size_t n_help;
	/* util-linux's long options: their abbreviations keep util-linux's meaning; or NULL. */
	const char *const *legacy;
	/* What an operand is: an error (in util-linux's words of the command), or the caller's. */
	enum cmdline_operands operands;
	/* Each option (its id, its argument or NULL) into REQ: 0, or -1 after the message. */
	int (*option)(int id, const char *arg, void *req);
	/*
	 * A line of another form, looked at first (ipcrm shm ID...): 0 or -1
	 * after the message when it is one, 1 when not.  NULL: none.
	 */
	int (*other_form)(int argc, char **argv, void *req);
	/*
	 * With OPERANDS_UNKNOWN: lines that say what the first operand may
	 * have meant, printed after util-linux's message and before the
	 * "Try" line.  NULL: none.
	 */
	void (*operand_hint)(const char *operand, void *req);
	/*
	 * The help page is a reference's, byte for byte (lsipc: util-linux
	 * 2.38's): what the catalogue leaves untranslated is printed as
	 * written, even past 80 columns, and a block's column is the one its
	 * lines are written with.  Otherwise every line is laid out.
	 */
	bool verbatim_reference;
};

/*
 * Parse ARGV by CMD into REQ (through CMD->option): *ACTION says whether
 * to run, or to print help or the version (-h, -V end the parse, as
 * util-linux's).  Returns 0, or -1 after the message and the "Try" line.
 * With OPERANDS_CALLER the operands are argv[optind..] (getopt moved them
 * last; only for a CMD without legacy abbreviations).
 */
int cmdline_parse(const struct cmdline *cmd, int argc, char **argv, void *req, enum cmdline_action *action);

/* The long name (without "--") of CMD's option ID, for messages. */
const char *cmdline_option_name(const struct cmdline *cmd, int id);

/* Print CMD's help page or the version, for ACTION: close_stdout()'s status. */
int cmdline_act(const struct cmdline *cmd, enum cmdline_action action);

/*
 * CMD's help page into F: within 80 display columns (longer lines broken at
 * spaces), the descriptions of each block of options (between two texts)
 * in one column, two columns after its widest option at least.
 */
void cmdline_print_help(const struct cmdline *cmd, FILE *f);

/*
 * Whether CMD's parts agree: every help line names its option ("-L, --NAME"
 * and the argument's form) and is on the page exactly once, every option
 * of the page exists.  NULL, or what is wrong (for tests).
 */
const char *cmdline_check(const struct cmdline *cmd);

/* Help text: each of PARTS (up to NULL) translated; "\n..." is printed as is. */
void print_help(const char *const *parts, FILE *f);

/*
 * util-linux's abbreviations keep their meaning when our options make them
 * ambiguous ("--cr" is --creator though --created-by exists, "--al" is
 * --all): a copy of ARGV where each such "--PREFIX" is replaced by the one
 * LEGACY option ("--creator", ...) it abbreviates.  Arguments of options are
 * left alone.  free() the array (not the strings).
 */
char **keep_legacy_abbreviations(int argc, char **argv, const char *short_opts,
				 const struct option *opts, const char *const *legacy);

#endif

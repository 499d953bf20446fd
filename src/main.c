/*
 * ipcbox: one binary, the IPC commands and its own.  The basename of argv[0] picks the
 * command; "ipcbox CMD ARGS..." works too.
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "src/cmdline.h"
#include "src/commands.h"
#include "src/out.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/util.h"

static const struct command {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *progname;	/* ipcbox subcommands: "ipcbox CMD" */
} commands[] = {
	{ "ftok",  ftok_main, "ipcbox ftok" },
	{ "ipcmk", ipcmk_main, NULL },
	{ "ipcrm", ipcrm_main, NULL },
	{ "ipcs",  ipcs_main, NULL },
	{ "lsipc", lsipc_main, NULL },
	{ "read", read_main, "ipcbox read" },
	{ "receive", receive_main, "ipcbox receive" },
	{ "sem", sem_main, "ipcbox sem" },
	{ "send", send_main, "ipcbox send" },
	{ "set", set_main, "ipcbox set" },
	{ "write", write_main, "ipcbox write" },
};

/* One msgid per line or paragraph: translators handle small units. */
static const char *const usage_text[] = {
	"\n",
	N_("Usage:\n"),
	N_(" ipcbox <command> [arguments...]\n"),
	N_(" ipcbox ftok [-v] <path> <proj>\n"),
	N_(" ipcbox --list | --help | --version\n"),
	"\n",
	N_("Run an IPC command: ipcmk, ipcrm, ipcs or lsipc; or ftok, which prints the\n"
	   "System V key ftok(3) makes of a file and a project id.\n"),
	N_("send and receive put messages into a message queue and take them out\n"
	   "(see ipcbox-send(1), ipcbox-receive(1)).\n"),
	N_("sem shows, sets and operates on semaphores; read and write copy a shared\n"
	   "memory segment's bytes out and in; set changes an object's mode, owner and\n"
	   "limits (see ipcbox-sem(1), ipcbox-read(1), ipcbox-write(1), ipcbox-set(1)).\n"),
	"\n",
	N_("Options:\n"),
	N_(" -l, --list     list the commands, one per line\n"),
	N_(" -h, --help     display this help\n"),
	N_(" -V, --version  display version\n"),
	"\n",
	N_("For more details see ipcbox(1).\n"),
	NULL
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int run(const struct command *cmd, int argc, char **argv)
{
	set_progname(cmd->progname ? cmd->progname : cmd->name);
	int rc = cmd->main(argc, argv);
	out_flush();	/* a path that returned without close_stdout() */
	return rc;
}

int main(int argc, char **argv)
{
	i18n_init();
	const char *base = argc > 0 && argv[0] ? argv[0] : "ipcbox";
	const char *slash = strrchr(base, '/');
	if (slash)
		base = slash + 1;

	/* A link named like a subcommand ("ftok") is no command of its own. */
	const struct command *cmd = find_command(base);
	if (cmd && !cmd->progname)
		return run(cmd, argc, argv);
	set_progname("ipcbox");
	if (strcmp(base, "ipcbox") != 0) {
		warnx(_("unknown command name '%s'"), escape_arg(base));
		return 127;
	}
	if (argc < 2) {
		print_help(usage_text, stderr);
		return 1;
	}
	const char *arg = argv[1];
	if (strcmp(arg, "--list") == 0 || strcmp(arg, "-l") == 0) {
		for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
			out_printf("%s\n", commands[i].name);
		return close_stdout();
	}
	if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
		print_help(usage_text, stdout);
		return close_stdout();
	}
	if (strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0) {
		print_version();
		return close_stdout();
	}
	cmd = find_command(arg);
	if (!cmd) {
		warnx(_("unknown command '%s' (try 'ipcbox --list')"), escape_arg(arg));
		return 127;
	}
	return run(cmd, argc - 1, argv + 1);
}

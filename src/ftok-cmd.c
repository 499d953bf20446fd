/*
 * ipcbox ftok: the System V key ftok(3) makes of a file and a project id,
 * as ipcs shows keys; -v says how it was formed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "src/cmdline.h"
#include "src/commands.h"
#include "src/format.h"
#include "src/ftok.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/util.h"

/* In getopt's order; each help line is one msgid: translators handle small units. */
static const struct cmdline_option options[] = {
	{ "verbose", 'v', no_argument, N_(" -v, --verbose  show the parts the key is made of\n") },
	{ "help", 'h', no_argument, N_(" -h, --help     display this help\n") },
	{ "version", 'V', no_argument, N_(" -V, --version  display version\n") },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Usage:\n")),
	HELP_TEXT(N_(" ipcbox ftok [options] <path> <proj>\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Print the System V IPC key ftok(3) makes of <path> and <proj>.\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Options:\n")),
	HELP_OPT('v'),
	HELP_TEXT("\n"),
	HELP_OPT('h'), HELP_OPT('V'),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("Arguments:\n")),
	HELP_TEXT(N_(" <proj> is a number 1-255 (decimal or 0x hex) or one character (A as 'A')\n")),
	HELP_TEXT("\n"),
	HELP_TEXT(N_("For more details see ipcbox(1).\n")),
};

static int take_option(int c, const char *arg, void *verbose)
{
	(void)arg;
	if (c == 'v')
		*(bool *)verbose = true;
	return 0;
}

static const struct cmdline ftok_cmdline = {
	.options = options, .n_options = ARRAY_SIZE(options),
	.help = help, .n_help = ARRAY_SIZE(help),
	.operands = OPERANDS_CALLER,
	.option = take_option,
};

int ftok_main(int argc, char **argv)
{
	bool verbose = false;
	enum cmdline_action action;
	argv[0] = (char *)"ipcbox ftok";	/* getopt's messages name it so too */
	if (cmdline_parse(&ftok_cmdline, argc, argv, &verbose, &action) < 0)
		return 1;
	if (action != CMDLINE_RUN)
		return cmdline_act(&ftok_cmdline, action);
	if (argc - optind < 2)
		usage_error("%s", argc - optind ? _("missing <proj> argument") : _("missing <path> and <proj> arguments"));
	if (argc - optind > 2) {
		char *shown = escape_alloc(argv[optind + 2]);
		usage_error(_("unexpected argument '%s'"), shown);
	}
	const char *path = argv[optind], *projarg = argv[optind + 1];
	struct ftok_spec spec = { path, strlen(path), 0 };
	const char *why = ftok_parse_proj(projarg, &spec.proj, true);
	if (why) {
		char *shown = escape_alloc(projarg);
		usage_error(_("invalid project id '%s': %s"), shown, _(why));
	}
	struct ftok_parts p;
	if (ftok_resolve(&spec, &p, NULL) < 0) {
		char *shown = escape_alloc(path);
		err(1, _("cannot stat '%s'"), shown);
	}
	char key[11];
	if (!verbose) {
		out_printf("%s\n", format_key(p.key, key));
		return close_stdout();
	}
	char *shown = escape_alloc(path);
	char ch[8] = "";
	if (p.proj > ' ' && p.proj < 0x7f)
		snprintf(ch, sizeof(ch), ", '%c'", p.proj);
	/* TRANSLATORS: the five "ipcbox ftok -v" lines: keep the values aligned
	 * with each other (the labels take 9 columns in English). */
	out_printf(_("path:    %s\n"), shown);
	out_printf(_("proj:    0x%02x (%u%s)    bits 31-24\n"), p.proj, p.proj, ch);
	out_printf(_("device:  0x%02x (low byte of the minor of device %u:%u)    bits 23-16\n"), p.dev_byte,
		   major(p.dev), minor(p.dev));
	out_printf(_("inode:   0x%04x (low 16 bits of inode %llu)    bits 15-0\n"), p.ino_bits,
		   (unsigned long long)p.ino);
	out_printf(_("key:     %s\n"), format_key(p.key, key));
	free(shown);
	return close_stdout();
}

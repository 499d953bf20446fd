/* Usage messages, --help and --version, getopt's escaped messages, util-linux's abbreviations. */
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/util.h"
#include "src/xalloc.h"

void usage_hint(void)
{
	print_usage_hint();
	exit(1);
}

void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	usage_hint();
}

void print_version(void)
{
	/* TRANSLATORS: "ipcs from ipcbox 0.1.0" */
	out_printf(_("%s from ipcbox %s\n"), get_progname(), IPCBOX_VERSION);
}

/* Whether escape_arg() would change any of ARGV's words (the program name included). */
static bool argv_needs_escape(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (strcmp(escape_arg(argv[i]), argv[i]) != 0)
			return true;
	return false;
}

int getopt_escaped(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	/* Looked at once per command line (getopt restarts at optind 0 or 1). */
	static char **seen;
	static bool escaping;
	if (argv != seen || optind <= 1) {
		seen = argv;
		escaping = argv_needs_escape(argc, argv);
	}
	opterr = !escaping;
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c != '?' || !escaping)
		return c;
	/* glibc's words; the element at fault is the last one getopt took. */
	const char *prog = escape_arg(argv[0]);
	const char *arg = optind > 0 && optind <= argc && argv[optind - 1] ? argv[optind - 1] : "";
	char opt[2] = { (char)optopt, '\0' };
	if (strncmp(arg, "--", 2) == 0 && optopt == 0) {
		fprintf(stderr, "%s: unrecognized option '%s'\n", prog, escape_arg(arg));
	} else if (strncmp(arg, "--", 2) == 0) {
		char name[64];
		size_t n = strcspn(arg, "=");
		n = n < sizeof(name) - 1 ? n : sizeof(name) - 1;
		memcpy(name, arg, n);
		name[n] = '\0';
		fprintf(stderr, strchr(arg, '=') ? "%s: option '%s' doesn't allow an argument\n"
						 : "%s: option '%s' requires an argument\n", prog, escape_arg(name));
	} else if (optopt && strchr(shortopts, optopt)) {
		fprintf(stderr, "%s: option requires an argument -- '%s'\n", prog, escape_arg(opt));
	} else {
		fprintf(stderr, "%s: invalid option -- '%s'\n", prog, escape_arg(opt));
	}
	return c;
}

/* The "Try" line of usage_error without exiting, for parsers that return. */
void print_usage_hint(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), get_progname());
}

int parse_error(bool hint, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	if (hint)
		print_usage_hint();
	return -1;
}

/*
 * The --help layout of src/cmdline.c (issue 29 item 19): each block of
 * options in one column, lines broken at 80 display columns (a Hangul
 * syllable takes two), a reference's untranslated page as written.
 */
#include <getopt.h>
#include <stdlib.h>

#include "src/cmdline.h"
#include "src/format.h"
#include "tests/unit/unit.h"

static const struct cmdline_option options[] = {
	{ "all", 'a', no_argument, " -a, --all   every one\n" },
	{ "namespace", OPT_NAMESPACE, required_argument, "     --namespace <pid|file> where\n" },
	{ "long", 'l', no_argument,
	  " -l, --long  a description long enough to run past the eightieth column of the terminal\n" },
	{ "type", 't', optional_argument, " -t, --type[=shm|msg|sem|pshm|pmsg|psem]\n"
					  "                 which kind\n" },
	{ "wide", 'w', no_argument,
	  " -w, --wide  공유 메모리 세그먼트와 메시지 큐와 세마포어 배열을 모두 한 번에 표시합니다\n" },
	{ "more", 'm', no_argument, " -m, --more  first line\n"
				    "               second line\n" },
};

static const struct cmdline_help help[] = {
	HELP_TEXT("Options:\n"),
	HELP_OPT('a'), HELP_OPT(OPT_NAMESPACE), HELP_OPT('t'), HELP_OPT('m'),
	HELP_TEXT("\n"),
	HELP_OPT('l'), HELP_OPT('w'),
	HELP_TEXT(" a paragraph line that is longer than eighty columns is broken at a space, further in\n"),
};

static int take(int id, const char *arg, void *req)
{
	(void)id, (void)arg, (void)req;
	return 0;
}

/* GOT is WANT; each shown line by line as TAP comments when not. */
static void check_page(const char *got, const char *want, const char *what)
{
	if (unit_check(strcmp(got, want) == 0, what, __FILE__, __LINE__))
		return;
	for (const char *s = got; *s; s += strcspn(s, "\n") + 1)
		printf("#   got  |%.*s\n", (int)strcspn(s, "\n"), s);
	for (const char *s = want; *s; s += strcspn(s, "\n") + 1)
		printf("#   want |%.*s\n", (int)strcspn(s, "\n"), s);
}

static char *page(bool verbatim)
{
	struct cmdline cmd = { .options = options, .n_options = ARRAY_SIZE(options),
			       .help = help, .n_help = ARRAY_SIZE(help), .option = take,
			       .verbatim_reference = verbatim };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cmdline_print_help(&cmd, f);
	fclose(f);
	return text;
}

int main(void)
{
	char *laid = page(false);
	check_page(laid,
		  "Options:\n"
		  " -a, --all                   every one\n"
		  "     --namespace <pid|file>  where\n"
		  " -t, --type[=shm|msg|sem|pshm|pmsg|psem]\n"
		  "                             which kind\n"
		  " -m, --more                  first line\n"
		  "                             second line\n"
		  "\n"
		  " -l, --long  a description long enough to run past the eightieth column of the\n"
		  "             terminal\n"
		  " -w, --wide  공유 메모리 세그먼트와 메시지 큐와 세마포어 배열을 모두 한 번에\n"
		  "             표시합니다\n"
		  " a paragraph line that is longer than eighty columns is broken at a space,\n"
		  "   further in\n",
		  "each block in one column, every line within 80 columns");
	free(laid);

	/* A reference's page (lsipc): its untranslated lines stay as written. */
	char written[2048] = "";
	for (size_t i = 0; i < ARRAY_SIZE(help); i++)
		for (size_t j = 0; j < ARRAY_SIZE(options); j++)
			if (help[i].text ? j == 0 : options[j].id == help[i].opt)
				strcat(written, help[i].text ? help[i].text : options[j].help);
	char *verbatim = page(true);
	check_page(verbatim, written, "a reference's untranslated page is printed as written");
	free(verbatim);

	/* The table passes the layer's own check (each line names its option). */
	struct cmdline cmd = { .options = options, .n_options = ARRAY_SIZE(options),
			       .help = help, .n_help = ARRAY_SIZE(help), .option = take };
	CHECK_STR(cmdline_check(&cmd), NULL);
	return unit_done();
}

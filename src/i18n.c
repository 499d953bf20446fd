/* Locale set-up and the per-row translation cache. */
#define _GNU_SOURCE
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "src/i18n.h"
#include "src/utf8.h"

/*
 * Whether this binary runs from the build tree it was built in: only there
 * is IPCBOX_LOCALEDIR (the uninstalled catalogues, for tests) honoured.  An
 * installed binary, or a copy elsewhere, reads its own catalogues whatever
 * the environment says (root's environment may have been set by others).
 */
static bool in_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	char *build = realpath(BUILD_DIR, NULL);
	bool same = build && strcmp(build, *exe ? exe : "/") == 0;
	free(build);
	return same;
}

void i18n_init(void)
{
	/*
	 * Only the categories anything here depends on: LC_CTYPE (the output's
	 * character set, character widths, the catalogue's conversion) and
	 * LC_MESSAGES (which catalogue).  The others stay "C" without being
	 * loaded: floating point in -g and --metrics is read by programs
	 * (always '.'), times are util-linux's English ctime() form, which the
	 * columns and the short "Nov 26 05:59:32" cut rely on, and nothing
	 * collates.  Loading all twelve, as setlocale(LC_ALL, "") does, costs
	 * about 40 system calls (a file each, C.UTF-8 tried as two names) in
	 * every process, which scripts calling ipcmk and ipcrm once per object
	 * pay a thousand times.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	/* The uninstalled build's catalogues (tests); never for setuid runs. */
	const char *dir = secure_getenv("IPCBOX_LOCALEDIR");
	if (dir && (!*dir || !in_build_tree()))
		dir = NULL;
	bindtextdomain("ipcbox", dir ? dir : LOCALEDIR);
	textdomain("ipcbox");
	utf8_columns_init();
}

const char *i18n_pgettext(const char *key, const char *text)
{
	const char *t = gettext(key);
	return t == key ? text : t;
}

const char *i18n_fill(struct i18n_text *cache, const char *msgid)
{
	cache->text = gettext(msgid);
	cache->len = strlen(cache->text);
	return cache->text;
}

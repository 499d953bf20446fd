/* Locale set-up and the per-row translation cache. */
#define _GNU_SOURCE
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "src/i18n.h"
#include "src/utf8.h"

void i18n_init(void)
{
	setlocale(LC_ALL, "");
	/*
	 * Floating point in -g and --metrics is read by programs: always '.'.
	 * Times are util-linux's English ctime() form, which the columns and
	 * the short "Nov 26 05:59:32" cut rely on: LC_TIME stays C too.
	 */
	setlocale(LC_NUMERIC, "C");
	setlocale(LC_TIME, "C");
	/* The uninstalled build's catalogues (tests); never for setuid runs. */
	const char *dir = secure_getenv("IPCBOX_LOCALEDIR");
	bindtextdomain("ipcbox", dir && *dir ? dir : LOCALEDIR);
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

#ifndef IPCBOX_I18N_H
#define IPCBOX_I18N_H

/*
 * gettext for the "ipcbox" domain (po/).  _() translates now, N_() only
 * marks a string a table holds (translated where it is printed), P_() picks
 * a plural form.  Nothing printed once per row calls these: such texts are
 * translated once and kept (see i18n_once()).
 */
#include <libintl.h>
#include <stddef.h>

#define _(text) gettext(text)
#define N_(text) text
#define P_(singular, plural, n) ngettext(singular, plural, n)
/* A msgid with a context, for a word that means different things (pgettext). */
#define C_(context, text) i18n_pgettext(context "\004" text, text)

const char *i18n_pgettext(const char *key, const char *text) __attribute__((format_arg(2)));

/* setlocale, LC_NUMERIC and LC_TIME kept "C", and the text domain bound. */
void i18n_init(void);

/*
 * A text printed per row: translated on first use and kept with its length
 * in *CACHE (a static of the caller's).
 */
struct i18n_text {
	const char *text;
	size_t len;
};
const char *i18n_fill(struct i18n_text *cache, const char *msgid);

static inline const char *i18n_once(struct i18n_text *cache, const char *msgid, size_t *len)
{
	const char *text = cache->text ? cache->text : i18n_fill(cache, msgid);
	if (len)
		*len = cache->len;
	return text;
}

#endif

/* "did you mean '/my buffer'?" for a name typed as shown (see name-hint.h). */
#include <errno.h>
#include <stdlib.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/name-hint.h"
#include "src/posix.h"
#include "src/util.h"

void escaped_name_hint(enum ipc_kind kind, const char *name)
{
	char *real = unescape_alloc(name);
	struct posix_object obj;
	if (real && !posix_name_problem(kind, real) && posix_find(kind, real, &obj) == 0)
		/* TRANSLATORS: %s is the name without the \xHH escapes, as it would be typed */
		warnx(_("did you mean '%s'? names are shown escaped"), escape_arg(real));
	free(real);
}

int posix_name_check(enum ipc_kind kind, const char *name)
{
	const char *why = posix_name_problem(kind, name);
	if (!why)
		return 0;
	char *shown = escape_alloc(name);
	parse_error(false, _("invalid name '%s': %s"), shown, _(why));
	free(shown);
	return -1;
}

void posix_name_not_found(enum ipc_kind kind, const char *name)
{
	char *shown = escape_alloc(name);
	warnx(_("name %s not found"), shown);
	free(shown);
	escaped_name_hint(kind, name);
}

/* The mqueue case says how to fix it. */
void posix_scan_failed(enum ipc_kind kind)
{
	const char *dir = posix_dir(kind);
	if (kind == KIND_PMSG && (errno == EMEDIUMTYPE || errno == ENOENT))
		warnx(_("cannot list POSIX message queues: %s is not a mounted mqueue file system "
		      "(mount it with: mount -t mqueue none %s)"), dir, dir);
	else
		warn(_("cannot read %s"), dir);
}

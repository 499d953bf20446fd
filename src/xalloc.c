/* Allocation that cannot fail (see xalloc.h). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/i18n.h"
#include "src/messages.h"
#include "src/xalloc.h"

static void *check_alloc(void *p)
{
	if (!p)
		errx(1, "%s", _("cannot allocate memory"));
	return p;
}

void *xmalloc(size_t n) { return check_alloc(malloc(n ? n : 1)); }
void *xcalloc(size_t n, size_t size) { return check_alloc(calloc(n ? n : 1, size ? size : 1)); }
void *xreallocarray(void *p, size_t n, size_t size) { return check_alloc(reallocarray(p, n ? n : 1, size ? size : 1)); }
char *xstrdup(const char *s) { return check_alloc(strdup(s)); }

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	return check_alloc(n < 0 ? NULL : s);
}

#ifndef IPCBOX_XALLOC_H
#define IPCBOX_XALLOC_H

/*
 * Allocation that cannot fail: out of memory is "PROG: cannot allocate
 * memory", exit 1.  A size of 0 allocates 1 byte (never a NULL to check).
 */
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* asprintf() that cannot fail. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

/*
 * The POSIX collection: every object of a kind, gathered by posix_scan,
 * for ipcs's listings (sorted by name) and ipcrm's bulk removal (in
 * directory order, odd entries included so they can be reported).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "src/posix.h"
#include "src/xalloc.h"

/* An object is kept as its struct's bytes up to the name, then the name with its NUL. */
#define HEAD offsetof(struct posix_object, name)
#define ALIGN 8
#define ROUND_UP(n) (((n) + ALIGN - 1) & ~(size_t)(ALIGN - 1))
_Static_assert(sizeof(struct posix_object) - HEAD - sizeof(((struct posix_object *)0)->name)
	       < _Alignof(struct posix_object), "the name is the last member of a posix_object");

struct gather_ctx {
	struct posix_list *l;
	unsigned flags;
};

static int keep(const struct posix_object *obj, void *ctx)
{
	struct gather_ctx *g = ctx;
	struct posix_list *l = g->l;
	/* Directories, symlinks and the like are no IPC objects. */
	if (!(g->flags & POSIX_LIST_ODD) && !S_ISREG(obj->mode))
		return 0;
	size_t size = ROUND_UP(HEAD + strlen(obj->name) + 1);
	while (l->cap - l->len < size) {
		l->cap = l->cap ? 2 * l->cap : 16384;
		l->buf = xreallocarray(l->buf, l->cap, 1);
	}
	memcpy(l->buf + l->len, obj, HEAD);
	strcpy(l->buf + l->len + HEAD, obj->name);
	l->len += size;
	l->n++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int posix_list_gather(enum ipc_kind kind, unsigned flags, struct posix_list *l)
{
	struct gather_ctx g = { l, flags };
	l->len = l->n = 0;
	int rc = posix_scan(kind, keep, &g);
	int e = errno;
	/* The names are pointed to once the buffer no longer moves. */
	if (l->names_cap < l->n) {
		l->names_cap = l->n;
		l->names = xreallocarray(l->names, l->names_cap, sizeof(*l->names));
	}
	for (size_t i = 0, at = 0; i < l->n; i++) {
		l->names[i] = l->buf + at + HEAD;
		at += ROUND_UP(HEAD + strlen(l->names[i]) + 1);
	}
	if ((flags & POSIX_LIST_SORTED) && l->n > 1)	/* qsort(NULL, 0, ...) is undefined */
		qsort(l->names, l->n, sizeof(*l->names), by_name);
	errno = e;
	return rc < 0 ? -1 : 0;
}

void posix_list_get(const struct posix_list *l, size_t i, struct posix_object *obj)
{
	memcpy(obj, l->names[i] - HEAD, HEAD);
	strcpy(obj->name, l->names[i]);
}

void posix_list_free(struct posix_list *l)
{
	free(l->buf);
	free(l->names);
	memset(l, 0, sizeof(*l));
}

int posix_other_kind(enum ipc_kind kind, const char *name)
{
	for (int k = 0; k < KINDS; k++) {
		struct posix_object found;
		if (k != (int)kind && kind_is_posix(k) && !posix_name_problem(k, name) && posix_find(k, name, &found) == 0)
			return k;
	}
	return -1;
}

/* ipcs --sort: keys from the field catalogue, a stable sort of gathered objects. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/names.h"
#include "src/order.h"
#include "src/util.h"
#include "src/xalloc.h"

/* KIND's field whose member is NAME; *IS_NAME when it is the user or group name of an id. */
static const struct field_desc *member_of(enum ipc_kind kind, const char *name, bool *is_name)
{
	for (const struct field_desc *d = field_catalogue[kind]; d->json || d->label; d++) {
		if (d->json && strcmp(d->json, name) == 0) {
			*is_name = false;
			return d;
		}
		if (d->json_name && strcmp(d->json_name, name) == 0) {
			*is_name = true;
			return d;
		}
	}
	return NULL;
}

/* "key, key_hex, id, ...": the member names of the kinds in WANT, each once, in catalogue order. */
static char *valid_names(const bool want[KINDS])
{
	size_t len = 0, cap = 256;
	char *buf = xmalloc(cap);
	buf[0] = '\0';
	for (int k = 0; k < KINDS; k++) {
		if (!want[k])
			continue;
		for (const struct field_desc *d = field_catalogue[k]; d->json || d->label; d++) {
			const char *names[2] = { d->json, d->json_name };
			for (int i = 0; i < 2; i++) {
				if (!names[i])
					continue;
				bool seen = false;
				for (int e = 0; e < k && !seen; e++)
					seen = want[e] && member_of(e, names[i], &(bool){ false });
				if (seen)
					continue;
				size_t n = strlen(names[i]);
				if (len + n + 3 > cap)
					buf = xreallocarray(buf, cap *= 2, 1);
				if (len)
					memcpy(buf + len, ", ", 2), len += 2;
				memcpy(buf + len, names[i], n + 1);
				len += n;
			}
		}
	}
	return buf;
}

static int bad_field(const char *field, size_t len, const bool want[KINDS])
{
	char *name = strndup(field, len), *valid = valid_names(want);
	if (!name)
		name = xstrdup("");
	parse_error(true, _("--sort: unknown field '%s' (valid fields: %s)"), escape_arg(name), valid);
	free(name);
	free(valid);
	return -1;
}

int order_parse(const char *arg, const bool want[KINDS], struct order_spec *spec)
{
	*spec = (struct order_spec){ 0 };
	const char *p = arg;
	for (;;) {
		size_t whole = strcspn(p, ","), len = whole;
		const char *field = p;
		bool descending = len > 0 && *field == '-';
		if (descending)
			field++, len--;
		bool known = false;
		if (len > 0 && len < sizeof(spec->keys[0].name)) {
			char name[sizeof(spec->keys[0].name)];
			memcpy(name, field, len);
			name[len] = '\0';
			for (int k = 0; k < KINDS && !known; k++)
				known = want[k] && member_of(k, name, &(bool){ false });
		}
		if (!known)
			return bad_field(field, len, want);
		if (spec->n == ORDER_MAX_KEYS)
			return parse_error(true, _("--sort: at most %d fields"), ORDER_MAX_KEYS);
		struct order_key *key = &spec->keys[spec->n++];
		memcpy(key->name, field, len);
		key->name[len] = '\0';
		key->descending = descending;
		if (!p[whole])
			return 0;
		p += whole + 1;
	}
}

/* One key resolved for one kind. */
struct resolved {
	const struct field_desc *d;
	bool is_name, descending;
};

struct sort_ctx {
	const struct ipc_item *items;
	const struct resolved *keys;
	size_t n;
	bool numeric;
};

/* A value to compare; names of ids as text, ids without a name (or "never") after every value. */
static void key_value(const struct sort_ctx *c, const struct resolved *r, const struct ipc_item *it,
		      struct field_value *v)
{
	field_get(it, r->d->id, r->d->slot, v);
	/* A System V time of 0 is "never": left out of JSON, so last here. */
	if (v->type == VALUE_TIME && v->zero_unset && v->i == 0)
		v->type = VALUE_ABSENT;
	if (!r->is_name || c->numeric || v->type != VALUE_UINT)
		return;
	bool user = r->d->id == FIELD_UID || r->d->id == FIELD_CUID;
	const char *name = user ? user_name((uid_t)v->u) : group_name((gid_t)v->u);
	if (name) {
		v->type = VALUE_TEXT;
		v->s = name;
	} else {
		v->type = VALUE_ABSENT;
	}
}

/* <0, 0, >0 as A sorts before, with or after B (ascending); absent values last. */
static int compare_values(const struct field_value *a, const struct field_value *b)
{
	if (a->type == VALUE_ABSENT || b->type == VALUE_ABSENT)
		return (a->type == VALUE_ABSENT) - (b->type == VALUE_ABSENT);
	switch (a->type) {
	case VALUE_INT:
	case VALUE_TIME:
		return (a->i > b->i) - (a->i < b->i);
	case VALUE_TEXT:
		return strcmp(a->s, b->s);
	default:
		return (a->u > b->u) - (a->u < b->u);
	}
}

static int compare_items(const void *pa, const void *pb, void *ctx)
{
	const struct sort_ctx *c = ctx;
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	for (size_t k = 0; k < c->n; k++) {
		struct field_value a, b;
		key_value(c, &c->keys[k], &c->items[ia], &a);
		key_value(c, &c->keys[k], &c->items[ib], &b);
		int r = compare_values(&a, &b);
		/* Absent stays last when descending too. */
		if (r && c->keys[k].descending && a.type != VALUE_ABSENT && b.type != VALUE_ABSENT)
			r = -r;
		if (r)
			return r;
	}
	/* Equal rows keep the kernel's order: qsort is not stable by itself. */
	return (ia > ib) - (ia < ib);
}

void order_items(enum ipc_kind kind, struct ipc_item *items, size_t n, const struct order_spec *spec,
		 bool numeric)
{
	struct resolved keys[ORDER_MAX_KEYS];
	size_t nkeys = 0;
	for (size_t k = 0; k < spec->n; k++) {
		struct resolved r = { .descending = spec->keys[k].descending };
		r.d = member_of(kind, spec->keys[k].name, &r.is_name);
		if (r.d)
			keys[nkeys++] = r;
	}
	if (!nkeys || n < 2)
		return;
	size_t *index = xreallocarray(NULL, n, sizeof(*index));
	for (size_t i = 0; i < n; i++)
		index[i] = i;
	struct sort_ctx c = { items, keys, nkeys, numeric };
	qsort_r(index, n, sizeof(*index), compare_items, &c);
	struct ipc_item *sorted = xreallocarray(NULL, n, sizeof(*sorted));
	for (size_t i = 0; i < n; i++)
		sorted[i] = items[index[i]];
	memcpy(items, sorted, n * sizeof(*items));
	free(sorted);
	free(index);
}

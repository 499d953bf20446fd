/*
 * The JSON mapping of objects: every member comes from the field
 * catalogue, typed (numbers as numbers, times as ISO 8601 UTC).
 */
#define _GNU_SOURCE
#include <stdio.h>

#include "src/format.h"
#include "src/render-int.h"
#include "src/util.h"

struct json render_doc;

/*
 * A time as ISO 8601, absent when System V says "never" (0).  A time no
 * calendar date can name is null, with the seconds in KEY_seconds.
 */
static void json_time(const char *key, int64_t t, bool zero_unset)
{
	if (t == 0 && zero_unset)
		return;
	const char *iso = format_iso_time(t);
	if (iso) {
		json_string(&render_doc, key, iso);
		return;
	}
	char seconds_key[64];
	json_null(&render_doc, key);
	snprintf(seconds_key, sizeof(seconds_key), "%s_seconds", key);
	json_int(&render_doc, seconds_key, t);
}

/* A name that is not UTF-8 is also given as hex, so it survives exactly. */
static void json_name(const char *key, const char *name)
{
	static const char hex[] = "0123456789abcdef";
	if (json_string(&render_doc, key, name))
		return;
	char buf[2 * sizeof(((struct posix_object *)0)->name) + 1];
	size_t n = 0;
	for (const unsigned char *s = (const unsigned char *)name; *s && n + 2 < sizeof(buf); s++) {
		buf[n++] = hex[*s >> 4];
		buf[n++] = hex[*s & 15];
	}
	buf[n] = '\0';
	json_string(&render_doc, "name_hex", buf);
}

/* --processes: who uses the object, and whether it is a leftover. */
static void json_holders(const struct ipc_item *it)
{
	static const struct { unsigned bit; const char *word; } words[] = {
		{ HOLD_MAP, "mapped" }, { HOLD_FD, "open" }, { HOLD_NOTIFY, "notify" },
	};
	const struct holder_list *l = it->holders;
	json_open_array(&render_doc, "processes");
	for (size_t i = 0; i < l->n; i++) {
		const struct holder *h = &l->items[i];
		json_open_object(&render_doc, NULL);
		json_int(&render_doc, "pid", h->pid);
		json_bool(&render_doc, "alive", h->alive);
		if (h->alive) {
			const char *user = user_name(h->uid);
			json_uint(&render_doc, "uid", h->uid);
			if (user)
				json_string(&render_doc, "user", user);
			json_string(&render_doc, "command", h->command);
		}
		json_open_array(&render_doc, "how");
		for (size_t w = 0; w < ARRAY_SIZE(words); w++)
			if (h->how & words[w].bit)
				json_string(&render_doc, NULL, words[w].word);
		if (h->how & HOLD_RECORDED)
			json_string(&render_doc, NULL, h->role);
		json_close_array(&render_doc);
		json_close_object(&render_doc);
	}
	json_close_array(&render_doc);
	if (it->kind == KIND_SEM)
		json_uint(&render_doc, "waiting", l->waiting);
	json_bool(&render_doc, "orphaned", it->orphaned);
}

void json_item(const struct ipc_item *it, const struct render_opts *opts)
{
	for (const struct field_desc *d = field_catalogue[it->kind]; d->json || d->label; d++) {
		if (!d->json)
			continue;
		struct field_value v;
		field_get(it, d->id, d->slot, &v);
		switch (v.type) {
		case VALUE_ABSENT:
			break;
		case VALUE_UINT:
			json_uint(&render_doc, d->json, v.u);
			break;
		case VALUE_INT:
			json_int(&render_doc, d->json, v.i);
			break;
		case VALUE_BOOL:
			json_bool(&render_doc, d->json, v.u);
			break;
		case VALUE_TIME:
			json_time(d->json, v.i, v.zero_unset);
			break;
		case VALUE_TEXT:
			json_name(d->json, v.s);
			break;
		}
		/* A uid or gid, and its name unless --numeric or there is none. */
		if (d->json_name && !opts->numeric) {
			const char *name = d->id == FIELD_UID || d->id == FIELD_CUID
				? user_name((uid_t)v.u) : group_name((gid_t)v.u);
			if (name)
				json_string(&render_doc, d->json_name, name);
		}
	}
	if (it->holders)
		json_holders(it);
}

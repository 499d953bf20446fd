/*
 * The JSON mapping of objects: every member comes from the field
 * catalogue, typed (numbers as numbers, times as ISO 8601 UTC).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/format.h"
#include "src/names.h"
#include "src/out.h"
#include "src/render-int.h"
#include "src/xalloc.h"

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

/* A live holder's whole command line, its arguments joined by spaces (null: none, a kernel thread). */
static void json_command_line(const struct holder *h)
{
	if (!h->command_args) {
		json_null(&render_doc, "command_line");
		return;
	}
	char *line = xmalloc(h->command_len + 1);
	memcpy(line, h->command_args, h->command_len + 1);
	for (size_t i = 0; i < h->command_len; i++)
		if (line[i] == '\0')
			line[i] = ' ';
	json_string(&render_doc, "command_line", line);
	free(line);
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
			json_command_line(h);
		}
		json_open_array(&render_doc, "how");
		for (size_t w = 0; w < ARRAY_SIZE(words); w++)
			if (h->how & words[w].bit)
				json_string(&render_doc, NULL, words[w].word);
		for (size_t r = 0; r < ARRAY_SIZE(hold_roles); r++)
			if (h->roles & hold_roles[r].bit)
				json_string(&render_doc, NULL, hold_roles[r].name);
		json_close_array(&render_doc);
		json_close_object(&render_doc);
	}
	json_close_array(&render_doc);
	if (it->kind == KIND_SEM)
		json_uint(&render_doc, "waiting", l->waiting);
	json_bool(&render_doc, "orphaned", it->orphaned);
}

/*
 * Each kind's member prefixes (",\n<indent>\"key\": ") at the depth objects
 * are written at, built once: a listing writes them tens of thousands of
 * times.  Indexed like the kind's catalogue; len 0: none (text-only field).
 */
enum { MAX_FIELDS = 24 };
struct member_prefix {
	unsigned char len;
	char text[63];	/* copied whole: a fixed-size copy is two stores */
};
static struct kind_prefixes {
	int depth;	/* 0: not built yet (objects are never at depth 0) */
	struct member_prefix key[MAX_FIELDS], name_key[MAX_FIELDS];
} prefixes[KINDS];

static const struct kind_prefixes *prefixes_of(enum ipc_kind kind, int depth)
{
	struct kind_prefixes *k = &prefixes[kind];
	if (k->depth == depth)
		return k;
	k->depth = depth;
	size_t i = 0;
	for (const struct field_desc *d = field_catalogue[kind]; (d->json || d->label) && i < MAX_FIELDS; d++, i++) {
		struct member_prefix *m = &k->key[i], *n = &k->name_key[i];
		m->len = d->json ? (unsigned char)json_member_prefix(depth, d->json, m->text, sizeof(m->text)) : 0;
		n->len = d->json_name ? (unsigned char)json_member_prefix(depth, d->json_name, n->text, sizeof(n->text)) : 0;
	}
	return k;
}

/* Longest string written in place; longer or not plain ones take json_string(). */
#define PLAIN_MAX 1024
/* Room for one member written in place: prefix, quotes and text, or a number. */
#define MEMBER_ROOM (sizeof(((struct member_prefix *)0)->text) + PLAIN_MAX + 2)
_Static_assert(MEMBER_ROOM <= OUT_ROOM_MAX, "MEMBER_ROOM is an out_room() size");

/*
 * A uid's or gid's name and whether JSON takes it as it is (its length,
 * else -1), for the last id asked: objects have few owners, and the
 * answer is the same for every object of one.
 */
static const char *id_name_plain(unsigned id, bool user, long *len)
{
	static struct { bool valid; unsigned id; const char *name; long len; } last[2];
	if (!last[user].valid || last[user].id != id) {
		const char *name = user ? user_name((uid_t)id) : group_name((gid_t)id);
		last[user].valid = true;
		last[user].id = id;
		last[user].name = name;
		last[user].len = name ? json_plain_length(name, PLAIN_MAX) : -1;
	}
	*len = last[user].len;
	return last[user].name;
}

/* Member M's prefix at P; the first member of the object has no comma. */
static inline char *put_prefix(char *p, const struct member_prefix *m, bool *comma)
{
	size_t skip = !*comma;
	memcpy(p, m->text + skip, sizeof(m->text) - 1);
	*comma = true;
	return p + m->len - skip;
}

static inline char *put_quoted(char *p, const char *s, size_t len)
{
	*p++ = '"';
	memcpy(p, s, len);
	p += len;
	*p++ = '"';
	return p;
}

/* P, or a fresh place in the output buffer if a member might not fit. */
static inline char *member_room(char *p)
{
	if ((size_t)(outbuf.buf + OUT_SIZE - p) >= MEMBER_ROOM)
		return p;
	out_end(p);
	return out_room(MEMBER_ROOM);
}

/*
 * The members of IT, written in place from the precomputed prefixes:
 * numbers by the digit writer, strings copied when they need no escaping
 * (our own formatted texts never do; names are checked).  Anything else
 * (escapes, times without a date, a prefix that did not fit)
 * takes the general writer, which makes the same bytes.
 */
void json_item(const struct ipc_item *it, const struct render_opts *opts)
{
	struct json *j = &render_doc;
	const struct kind_prefixes *k = prefixes_of(it->kind, j->depth);
	bool comma = j->has_members[j->depth - 1];
	char *p = out_room(MEMBER_ROOM);
/* Hand the buffer to the general writer, and take it back. */
#define GENERAL(call) do { \
		out_end(p); \
		j->has_members[j->depth - 1] = comma; \
		call; \
		comma = j->has_members[j->depth - 1]; \
		p = out_room(MEMBER_ROOM); \
	} while (0)
	size_t i = 0;
	for (const struct field_desc *d = field_catalogue[it->kind]; d->json || d->label; d++, i++) {
		if (!d->json)
			continue;
		p = member_room(p);
		const struct member_prefix *m = i < MAX_FIELDS && k->key[i].len ? &k->key[i] : NULL;
		struct field_value v;
		field_get(it, d->id, d->slot, &v);
		long len;
		const char *iso;
		switch (v.type) {
		case VALUE_ABSENT:
			break;
		case VALUE_UINT:
			if (!m)
				GENERAL(json_uint(j, d->json, v.u));
			else
				p = put_prefix(p, m, &comma), p += put_u64(p, v.u);
			break;
		case VALUE_INT:
			if (!m)
				GENERAL(json_int(j, d->json, v.i));
			else
				p = put_prefix(p, m, &comma), p += put_i64(p, v.i);
			break;
		case VALUE_BOOL:
			if (!m)
				GENERAL(json_bool(j, d->json, v.u));
			else if (p = put_prefix(p, m, &comma), v.u)
				memcpy(p, "true", 4), p += 4;
			else
				memcpy(p, "false", 5), p += 5;
			break;
		case VALUE_PERCENT: {
			char num[32];
			num[put_percent(num, v.u, true)] = '\0';
			if (!m)
				GENERAL(json_number(j, d->json, num));
			else
				p = put_prefix(p, m, &comma), p += put_percent(p, v.u, true);
			break;
		}
		case VALUE_TIME:
			/* ISO 8601 text is digits and "-T:Z": never escaped. */
			if (m && !(v.i == 0 && v.zero_unset) && (iso = format_iso_time(v.i))) {
				p = put_prefix(p, m, &comma);
				p = put_quoted(p, iso, strlen(iso));
			} else {
				GENERAL(json_time(d->json, v.i, v.zero_unset));
			}
			break;
		case VALUE_TEXT:
			/* Only names come from outside; key_hex and perms_octal are ours. */
			len = d->id == FIELD_NAME ? json_plain_length(v.s, PLAIN_MAX) : (long)strlen(v.s);
			if (m && len >= 0) {
				p = put_prefix(p, m, &comma);
				p = put_quoted(p, v.s, (size_t)len);
			} else {
				GENERAL(json_name(d->json, v.s));
			}
			break;
		}
		/* A uid or gid, and its name unless --numeric or there is none. */
		if (d->json_name && !opts->numeric) {
			const char *name = id_name_plain((unsigned)v.u, d->id == FIELD_UID || d->id == FIELD_CUID, &len);
			const struct member_prefix *nm = i < MAX_FIELDS && k->name_key[i].len ? &k->name_key[i] : NULL;
			if (!name)
				continue;
			p = member_room(p);
			if (nm && len >= 0) {
				p = put_prefix(p, nm, &comma);
				p = put_quoted(p, name, (size_t)len);
			} else {
				GENERAL(json_string(j, d->json_name, name));
			}
		}
	}
#undef GENERAL
	out_end(p);
	j->has_members[j->depth - 1] = comma;
	if (it->holders)
		json_holders(it);
}

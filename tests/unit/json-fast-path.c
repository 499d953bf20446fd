/*
 * The JSON fast path writes exactly the bytes of the general JSON writer.
 *
 * json_item() (src/render-json.c) writes an object's members in place from
 * precomputed prefixes and falls back to the general writer (src/json.c)
 * for anything unusual.  Here random System V and POSIX objects (fixed
 * seed; UNIT_SEED in the environment picks another) are written twice:
 * by json_item(), and member by member through json.c's public calls,
 * following the field catalogue.  The two documents must be the same
 * bytes.  The objects are written at several depths, after members or
 * not, and after a filler that leaves the output buffer at any offset, so
 * the fast path's buffer-boundary paths run too.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

#include "src/format.h"
#include "src/json.h"
#include "src/out.h"
#include "src/render-int.h"
#include "src/names.h"
#include "tests/unit/unit.h"

static uint64_t rng_state;

/* xorshift64*: the same objects on every machine for one seed. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

static uint64_t below(uint64_t n)
{
	return rnd() % n;
}

static int64_t random_time(void)
{
	static const int64_t special[] = {
		0, 1, -1, 1796565835, 253402300799, 253402300800, -62135596800, -62135596801,
		INT64_MAX, INT64_MIN, INT32_MAX, (int64_t)INT32_MAX + 1,
	};
	return below(3) ? special[below(ARRAY_SIZE(special))] : (int64_t)rnd();
}

static uint32_t random_id(void)
{
	/* Ids with names on every system, and ids with none. */
	static const uint32_t special[] = { 0, 1, 2, 65534, 100, 12345, UINT32_MAX, UINT32_MAX - 1 };
	return below(4) ? special[below(ARRAY_SIZE(special))] : (uint32_t)rnd();
}

static uint64_t random_u64(void)
{
	switch (below(4)) {
	case 0: return below(10);
	case 1: return UINT64_MAX - below(3);
	case 2: return (uint64_t)1 << below(64);
	default: return rnd();
	}
}

/* A POSIX name: mostly plain, with what JSON must escape or mark as hex. */
static void random_name(char *name, size_t size)
{
	static const char *const pieces[] = {
		"a", "b", "z", "0", "9", ".", "-", "_", " ", "~", "\"", "\\", "/",
		"\n", "\t", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xed\x95\x9c", "\xe2\x80\xae",
		"\xf0\x9f\x98\x80", "\xff", "\xc3", "\x80", "\xef\xbf\xbd",
	};
	/* A third of them plain (the fast path writes those in place), any length. */
	bool plain = below(3) == 0;
	size_t max = below(2) ? 16 : size - 1, len = 1, want = 1 + below(max);
	name[0] = '/';
	while (len < want) {
		const char *p = plain || below(4) ? pieces[below(8)] : pieces[below(ARRAY_SIZE(pieces))];
		size_t n = strlen(p);
		if (len + n >= size)
			break;
		memcpy(name + len, p, n);
		len += n;
	}
	name[len] = '\0';
}

struct object {
	struct ipc_item it;
	struct sysv_object sysv;
	struct posix_object posix;
};

static void random_object(struct object *o)
{
	memset(o, 0, sizeof(*o));
	enum ipc_kind kind = (enum ipc_kind)below(KINDS);
	o->it.kind = kind;
	if (kind_is_posix(kind)) {
		struct posix_object *p = &o->posix;
		p->kind = kind;
		random_name(p->name, sizeof(p->name));
		p->uid = random_id();
		p->gid = random_id();
		p->mode = (uint32_t)rnd();
		p->size = random_u64();
		p->mtime = random_time();
		p->has_attr = below(2);
		p->maxmsg = (int64_t)random_u64();
		p->msgsize = (int64_t)random_u64();
		p->curmsgs = (int64_t)random_u64();
		p->has_value = below(2);
		p->value = (int)rnd();
		o->it.posix = p;
	} else {
		struct sysv_object *s = &o->sysv;
		s->kind = kind;
		s->key = (int32_t)random_id();
		s->id = (int32_t)rnd();
		s->mode = (uint32_t)rnd();
		s->uid = random_id();
		s->gid = random_id();
		s->cuid = random_id();
		s->cgid = random_id();
		for (size_t i = 0; i < ARRAY_SIZE(s->times); i++)
			s->times[i] = random_time();
		for (size_t i = 0; i < ARRAY_SIZE(s->pids); i++)
			s->pids[i] = below(2) ? (int64_t)below(1 << 22) : (int64_t)rnd();
		s->size = random_u64();
		s->count = random_u64();
		o->it.sysv = s;
	}
}

/* What render-json.c does with a time and a name, through json.c's calls. */
static void general_time(struct json *j, const char *key, int64_t t, bool zero_unset)
{
	if (t == 0 && zero_unset)
		return;
	const char *iso = format_iso_time(t);
	if (iso) {
		json_string(j, key, iso);
		return;
	}
	char seconds_key[64];
	json_null(j, key);
	snprintf(seconds_key, sizeof(seconds_key), "%s_seconds", key);
	json_int(j, seconds_key, t);
}

static void general_text(struct json *j, const char *key, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	if (json_string(j, key, s))
		return;
	char buf[2 * NAME_MAX + 8];
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && n + 2 < sizeof(buf); p++) {
		buf[n++] = hex[*p >> 4];
		buf[n++] = hex[*p & 15];
	}
	buf[n] = '\0';
	json_string(j, "name_hex", buf);
}

/* A percentage in hundredths as JSON's shortest decimal (1250: 12.5, 1200: 12). */
static void general_percent(struct json *j, const char *key, uint64_t hundredths)
{
	char num[32];
	if (hundredths % 100 == 0)
		snprintf(num, sizeof(num), "%" PRIu64, hundredths / 100);
	else if (hundredths % 10 == 0)
		snprintf(num, sizeof(num), "%" PRIu64 ".%" PRIu64, hundredths / 100, hundredths % 100 / 10);
	else
		snprintf(num, sizeof(num), "%" PRIu64 ".%02" PRIu64, hundredths / 100, hundredths % 100);
	json_number(j, key, num);
}

/* The reference: each catalogued member through the general writer. */
static void general_item(struct json *j, const struct ipc_item *it, bool numeric)
{
	for (const struct field_desc *d = field_catalogue[it->kind]; d->json || d->label; d++) {
		if (!d->json)
			continue;
		struct field_value v;
		field_get(it, d->id, d->slot, &v);
		switch (v.type) {
		case VALUE_ABSENT: break;
		case VALUE_UINT: json_uint(j, d->json, v.u); break;
		case VALUE_INT: json_int(j, d->json, v.i); break;
		case VALUE_BOOL: json_bool(j, d->json, v.u); break;
		case VALUE_TIME: general_time(j, d->json, v.i, v.zero_unset); break;
		case VALUE_TEXT: general_text(j, d->json, v.s); break;
		case VALUE_PERCENT: general_percent(j, d->json, v.u); break;
		}
		if (d->json_name && !numeric) {
			bool user = d->id == FIELD_UID || d->id == FIELD_CUID;
			const char *name = user ? user_name((uid_t)v.u) : group_name((gid_t)v.u);
			if (name)
				json_string(j, d->json_name, name);
		}
	}
}

/* One document's shape, drawn once and written by both writers. */
struct doc {
	size_t filler;		/* bytes of a plain string member first */
	int nesting;		/* extra array+object levels around the list */
	bool members_before;	/* each object has a member before json_item's */
	bool numeric;
	size_t n;
	struct object objects[40];
};

static void write_doc(const struct doc *d, bool fast)
{
	static char filler[70000];
	memset(render_doc.has_members, 0, sizeof(render_doc.has_members));
	render_doc.depth = 0;
	struct json *j = &render_doc;
	struct render_opts opts = { .json = true, .numeric = d->numeric };
	json_open_object(j, NULL);
	memset(filler, 'f', d->filler);
	filler[d->filler] = '\0';
	json_string(j, "filler", filler);
	for (int i = 0; i < d->nesting; i++) {
		json_open_array(j, "outer");
		json_open_object(j, NULL);
	}
	json_open_array(j, "objects");
	for (size_t i = 0; i < d->n; i++) {
		json_open_object(j, NULL);
		if (d->members_before)
			json_uint(j, "before", i);
		if (fast)
			json_item(&d->objects[i].it, &opts);
		else
			general_item(j, &d->objects[i].it, d->numeric);
		if (d->members_before)
			json_bool(j, "after", true);
		json_close_object(j);
	}
	json_close_array(j);
	for (int i = 0; i < d->nesting; i++) {
		json_close_object(j);
		json_close_array(j);
	}
	json_close_object(j);
	out_flush();
}

/* What write_doc() sends to stdout. */
static char *capture(const struct doc *d, bool fast, size_t *len)
{
	char *text = NULL;
	FILE *mem = open_memstream(&text, len);
	if (!mem) {
		perror("open_memstream");
		exit(2);
	}
	FILE *before = out_set_destination(mem);
	write_doc(d, fast);
	out_set_destination(before);
	fclose(mem);
	return text;
}

int main(void)
{
	const char *seed = getenv("UNIT_SEED");
	rng_state = seed ? strtoull(seed, NULL, 0) : 25;
	if (!rng_state)
		rng_state = 1;
	printf("# seed %" PRIu64 "\n", rng_state);
	static struct doc d;
	size_t objects = 0, docs = 400, bad = 0;
	for (size_t n = 0; n < docs; n++) {
		d.filler = below(3) ? below(200) : below(OUT_SIZE + 2000);
		d.nesting = (int)below(3);
		d.members_before = below(2);
		d.numeric = below(4) == 0;
		d.n = 1 + below(ARRAY_SIZE(d.objects));
		for (size_t i = 0; i < d.n; i++)
			random_object(&d.objects[i]);
		objects += d.n;
		size_t flen, glen;
		char *f = capture(&d, true, &flen), *g = capture(&d, false, &glen);
		if (flen != glen || memcmp(f, g, flen) != 0) {
			size_t at = 0;
			while (at < flen && at < glen && f[at] == g[at])
				at++;
			size_t from = at > 60 ? at - 60 : 0;
			if (bad++ < 5)
				printf("# document %zu differs at byte %zu:\n#   fast    '%.*s'\n#   general '%.*s'\n", n, at,
				       (int)(flen - from < 120 ? flen - from : 120), f + from,
				       (int)(glen - from < 120 ? glen - from : 120), g + from);
		}
		free(f);
		free(g);
	}
	char what[128];
	snprintf(what, sizeof(what), "%zu documents, %zu random objects: fast path == general writer", docs, objects);
	unit_check(bad == 0, what, __FILE__, __LINE__);
	if (bad)
		printf("# %zu of %zu documents differ\n", bad, docs);
	return unit_done();
}

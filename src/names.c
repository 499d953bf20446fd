/*
 * uid/gid names: one red-black tree per id space, each id resolved once.
 *
 * glibc's first getpwuid() sets up NSS, which costs about 250 KiB of memory
 * and most of a lookup's time.  When nsswitch.conf consults "files" first,
 * the first matching line of /etc/passwd (/etc/group) is exactly what glibc
 * would answer, so those files are read once, directly, and NSS is asked
 * only about ids they do not name.
 *
 * A static binary (meson -Dstatic=true) cannot load NSS modules: there the
 * two files are the only source whatever nsswitch.conf says (ids that only
 * LDAP, sssd or systemd's userdb know are shown as numbers), and a line
 * that is not plain is skipped rather than left to glibc.
 */
#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/tree.h>

#include "config.h"
#include "src/format.h"
#include "src/names.h"
#include "src/xalloc.h"

#ifdef IPCBOX_STATIC
enum { use_nss = 0 };
#else
enum { use_nss = 1 };
#endif

struct name_entry {
	RB_ENTRY(name_entry) link;
	unsigned id;
	char *name;	/* NULL: no such user/group */
	char *shown;	/* name escaped for text (LDAP and sssd are remote input) */
	size_t shown_len;
};

static int name_entry_cmp(const struct name_entry *a, const struct name_entry *b)
{
	return a->id < b->id ? -1 : a->id > b->id;
}

RB_HEAD(name_tree, name_entry);
RB_GENERATE_INTERNAL(name_tree, name_entry, link, name_entry_cmp, static __attribute__((unused)))

struct name_db {
	const char *nss_name, *file;
	bool is_user;
	bool loaded;
	struct name_tree tree;
	/* Consecutive objects usually share an owner: the last answer first. */
	const struct name_entry *last;
};

static struct name_db users = { "passwd", "/etc/passwd", true, false, RB_INITIALIZER(&users.tree), NULL };
static struct name_db groups = { "group", "/etc/group", false, false, RB_INITIALIZER(&groups.tree), NULL };

static struct name_entry *name_insert(struct name_db *db, unsigned id, const char *name)
{
	struct name_entry *e = xcalloc(1, sizeof(*e));
	e->id = id;
	e->name = name ? xstrdup(name) : NULL;
	struct name_entry *old = RB_INSERT(name_tree, &db->tree, e);
	if (old) {	/* the first line for an id wins, as in glibc */
		free(e->name);
		free(e);
		return old;
	}
	e->shown = name && needs_escape(name) ? escape_alloc(name) : e->name;
	e->shown_len = e->shown ? strlen(e->shown) : 0;
	return e;
}

/* Is "files" the first source nsswitch.conf names for this database? */
static bool files_first(const char *nss_name)
{
	FILE *f = fopen("/etc/nsswitch.conf", "re");
	if (!f)
		return false;
	char line[512];
	size_t len = strlen(nss_name);
	bool first = false;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, nss_name, len) != 0 || line[len] != ':')
			continue;
		char *p = line + len + 1;
		p += strspn(p, " \t");
		first = strncmp(p, "files", 5) == 0 &&
			(p[5] == '\0' || p[5] == ' ' || p[5] == '\t' || p[5] == '\n');
		break;
	}
	fclose(f);
	return first;
}

/* Digits only, no leading zero, at most UINT32_MAX: the id, or -1. */
static long long strict_id(const char *s, size_t len)
{
	if (len == 0 || len > 10 || (s[0] == '0' && len > 1))
		return -1;
	long long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= UINT32_MAX ? v : -1;
}

/*
 * One plain line: "name:pw:id:..." with exactly FIELDS fields, a name that
 * glibc would not read as a comment or a compat entry, and a plain id.
 */
static bool plain_line(char *line, int fields, char **name, unsigned *id)
{
	char *f[7];
	int n = 0;
	line[strcspn(line, "\n")] = '\0';
	for (char *p = line; n < fields; n++) {
		f[n] = p;
		p = strchr(p, ':');
		if (!p)
			break;
		*p++ = '\0';
	}
	if (n != fields - 1 || strchr(f[fields - 1], ':'))
		return false;
	if (!*f[0] || strchr("#+-", *f[0]) || isspace((unsigned char)*f[0]))
		return false;
	for (int i = 2; i < (fields == 7 ? 4 : 3); i++)
		if (strict_id(f[i], strlen(f[i])) < 0)
			return false;
	*name = f[0];
	*id = (unsigned)strict_id(f[2], strlen(f[2]));
	return true;
}

/*
 * Read the whole file if every line is plain (or empty); otherwise forget
 * it and let NSS answer everything: glibc's treatment of comments, blanks
 * and malformed lines is then glibc's own, not our guess of it.
 */
static void load_name_file(struct name_db *db)
{
	FILE *f = fopen(db->file, "re");
	if (!f)
		return;
	char *line = NULL, *name;
	size_t cap = 0;
	unsigned id;
	bool plain = true;
	while (plain && getline(&line, &cap, f) > 0) {
		if (line[0] == '\n')
			continue;
		if (plain_line(line, db->is_user ? 7 : 4, &name, &id))
			name_insert(db, id, name);
		else
			plain = !use_nss;	/* without NSS: skip the line */
	}
	free(line);
	fclose(f);
	if (plain)
		return;
	struct name_entry *e, *next;
	RB_FOREACH_SAFE(e, name_tree, &db->tree, next) {
		RB_REMOVE(name_tree, &db->tree, e);
		if (e->shown != e->name)
			free(e->shown);
		free(e->name);
		free(e);
	}
}

static const struct name_entry *lookup_entry(struct name_db *db, unsigned id)
{
	if (!db->loaded) {
		db->loaded = true;
		if (!use_nss || files_first(db->nss_name))
			load_name_file(db);
	}
	struct name_entry key = { .id = id };
	struct name_entry *e = RB_FIND(name_tree, &db->tree, &key);
	if (e)
		return e;
	const char *name = NULL;
#ifndef IPCBOX_STATIC	/* glibc's static NSS would need its shared modules */
	if (db->is_user) {
		struct passwd *pw = getpwuid(id);
		name = pw ? pw->pw_name : NULL;
	} else {
		struct group *gr = getgrgid(id);
		name = gr ? gr->gr_name : NULL;
	}
#endif
	return name_insert(db, id, name);
}

static inline const struct name_entry *cached_entry(struct name_db *db, unsigned id)
{
	if (db->last && db->last->id == id)
		return db->last;
	return db->last = lookup_entry(db, id);
}

const char *user_name(uid_t uid) { return cached_entry(&users, uid)->name; }
const char *group_name(gid_t gid) { return cached_entry(&groups, gid)->name; }
const char *user_name_shown(uid_t uid) { return cached_entry(&users, uid)->shown; }

const char *id_name_shown(unsigned id, bool user, size_t *len)
{
	const struct name_entry *e = cached_entry(user ? &users : &groups, id);
	*len = e->shown_len;
	return e->shown;
}

/* NAME's id in the password or group database (as --owner takes it). */
static bool name_id(struct name_db *db, const char *name, unsigned *out)
{
#ifndef IPCBOX_STATIC
	if (db->is_user) {
		struct passwd *pw = getpwnam(name);
		if (pw)
			*out = pw->pw_uid;
		return pw != NULL;
	}
	struct group *gr = getgrnam(name);
	if (gr)
		*out = gr->gr_gid;
	return gr != NULL;
#else
	/* The first plain line with that name, as the "files" service reads. */
	FILE *f = fopen(db->file, "re");
	if (!f)
		return false;
	char *line = NULL, *found;
	size_t cap = 0;
	unsigned id;
	bool ok = false;
	while (!ok && getline(&line, &cap, f) > 0)
		ok = plain_line(line, db->is_user ? 7 : 4, &found, &id) && strcmp(found, name) == 0;
	free(line);
	fclose(f);
	if (ok)
		*out = id;
	return ok;
#endif
}

bool user_id(const char *name, uid_t *uid) { return name_id(&users, name, uid); }
bool group_id(const char *name, gid_t *gid) { return name_id(&groups, name, gid); }

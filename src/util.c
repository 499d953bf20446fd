/* Error idiom, checked output, strict number parsers and the name cache. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/tree.h>

#include "config.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/out.h"
#include "src/util.h"

static const char *progname = "ipcbox";

void set_progname(const char *name) { progname = name; }
const char *get_progname(void) { return progname; }

__attribute__((format(printf, 1, 0)))
static void vmessage(const char *fmt, va_list ap, int errnum)
{
	flush_stdout();	/* keep stdout and stderr in order */
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void warnx(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, 0);
	va_end(ap);
}

void warn(const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, errnum);
	va_end(ap);
}

void errx(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, 0);
	va_end(ap);
	exit_checked(status);
}

void err(int status, const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, errnum);
	va_end(ap);
	exit_checked(status);
}

void usage_hint(void)
{
	print_usage_hint();
	exit(1);
}

void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, 0);
	va_end(ap);
	usage_hint();
}

void print_version(void)
{
	/* TRANSLATORS: "ipcs from ipcbox 0.1.0" */
	out_printf(_("%s from ipcbox %s\n"), progname, IPCBOX_VERSION);
}

/* Why a write to stdout failed, kept for close_stdout()'s message. */
static int stdout_errno;

/* The output buffer into stdio, keeping the cause of a failed write. */
static void flush_buffer(void)
{
	errno = 0;
	out_flush();
	if (errno && ferror(stdout) && !stdout_errno)
		stdout_errno = errno;
}

int flush_stdout(void)
{
	flush_buffer();
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	if (!stdout_errno)
		stdout_errno = errno;
	return -1;
}

int close_stdout(void)
{
	flush_buffer();
	bool failed = ferror(stdout) != 0;
	errno = 0;
	if (fclose(stdout) != 0)
		failed = true;
	if (!failed)
		return 0;
	int errnum = errno ? errno : stdout_errno;
	if (errnum)
		fprintf(stderr, _("%s: write error: %s\n"), progname, strerror(errnum));
	else
		fprintf(stderr, _("%s: write error\n"), progname);
	return 1;
}

void exit_checked(int status)
{
	int rc = close_stdout();
	exit(status ? status : rc);
}

/* strtoll/strtoull accept leading blanks and signs we do not want. */
static bool plain_number_start(const char *s, bool allow_minus)
{
	if (*s == '-' && allow_minus)
		s++;
	return *s >= '0' && *s <= '9';
}

bool parse_llong(const char *s, int base, long long min, long long max, long long *out)
{
	char *end;
	if (!s || !plain_number_start(s, min < 0)) {
		errno = EINVAL;
		return false;
	}
	errno = 0;
	long long v = strtoll(s, &end, base);
	if (end == s || *end) {
		errno = EINVAL;
		return false;
	}
	if (errno == ERANGE || v < min || v > max) {
		errno = ERANGE;
		return false;
	}
	*out = v;
	return true;
}

bool parse_ullong(const char *s, int base, unsigned long long max, unsigned long long *out)
{
	char *end;
	if (!s || !plain_number_start(s, false)) {
		errno = EINVAL;
		return false;
	}
	errno = 0;
	unsigned long long v = strtoull(s, &end, base);
	if (end == s || *end) {
		errno = EINVAL;
		return false;
	}
	if (errno == ERANGE || v > max) {
		errno = ERANGE;
		return false;
	}
	*out = v;
	return true;
}

/*
 * uid/gid names: one red-black tree per id space, each id resolved once.
 *
 * glibc's first getpwuid() sets up NSS, which costs about 250 KiB of memory
 * and most of a lookup's time.  When nsswitch.conf consults "files" first,
 * the first matching line of /etc/passwd (/etc/group) is exactly what glibc
 * would answer, so those files are read once, directly, and NSS is asked
 * only about ids they do not name.
 */
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
		plain = plain_line(line, db->is_user ? 7 : 4, &name, &id);
		if (plain)
			name_insert(db, id, name);
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
		if (files_first(db->nss_name))
			load_name_file(db);
	}
	struct name_entry key = { .id = id };
	struct name_entry *e = RB_FIND(name_tree, &db->tree, &key);
	if (e)
		return e;
	const char *name = NULL;
	if (db->is_user) {
		struct passwd *pw = getpwuid(id);
		name = pw ? pw->pw_name : NULL;
	} else {
		struct group *gr = getgrgid(id);
		name = gr ? gr->gr_name : NULL;
	}
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
const char *group_name_shown(gid_t gid) { return cached_entry(&groups, gid)->shown; }

const char *id_name_shown(unsigned id, bool user, size_t *len)
{
	const struct name_entry *e = cached_entry(user ? &users : &groups, id);
	*len = e->shown_len;
	return e->shown;
}

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

/* --- parsers for ipcmk/ipcrm --- */

/*
 * The reference tools parse with strtol-style functions, which accept
 * leading blanks and a '+': keep accepting them, but nothing after the
 * number and never a '+' or blank in the middle.
 */
bool parse_llong_lenient(const char *s, int base, long long min, long long max, long long *out)
{
	if (!s) {
		errno = EINVAL;
		return false;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' && s[1] != '-')
		s++;
	return parse_llong(s, base, min, max, out);
}

bool parse_ipc_id(const char *s, int *out)
{
	long long v;
	/* A negative number is a number out of range, not garbage. */
	/* Decimal only, as util-linux reads ids: "010" is 10, "0x1" is refused. */
	if (!parse_llong_lenient(s, 10, LLONG_MIN, LLONG_MAX, &v))
		return false;
	if (v < 0 || v > INT_MAX) {
		errno = ERANGE;
		return false;
	}
	*out = (int)v;
	return true;
}

/* ipcs prints keys as unsigned hex, /proc as signed: accept both spellings. */
bool parse_ipc_key(const char *s, int32_t *out)
{
	long long v;
	if (!parse_llong_lenient(s, 0, INT32_MIN, UINT32_MAX, &v))
		return false;
	*out = (int32_t)(uint32_t)(v & 0xffffffff);
	return true;
}

bool parse_key_arg(const char *s, struct key_arg *out, const char **why)
{
	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (s && ftok_form(s, &out->ftok, why)) {
		out->is_ftok = true;
		if (*why)
			errno = EINVAL;
		return *why == NULL;
	}
	if (parse_ipc_key(s, &out->value))
		return true;
	int e = errno;
	if (s && (strchr(s, ':') || strchr(s, '/')))
		*why = N_("an ftok key is PATH:PROJ with a '/' in PATH (./file:A, not file:A)");
	errno = e;
	return false;
}

int resolve_key_arg(struct key_arg *k)
{
	if (!k->is_ftok)
		return 0;
	struct ftok_parts parts;
	char *path;
	if (ftok_resolve(&k->ftok, &parts, &path) < 0) {
		int e = errno;
		char *arg = escape_alloc(k->ftok.path), *shown = escape_alloc(path);
		warnx(_("cannot use '%s' as a key: %s: %s"), arg, shown, strerror(e));
		free(arg);
		free(shown);
		free(path);
		return -1;
	}
	free(path);
	k->value = (int32_t)parts.key;
	return 0;
}

bool parse_ipc_mode(const char *s, unsigned *out)
{
	long long v;
	if (!parse_llong_lenient(s, 8, 0, 07777, &v))
		return false;
	*out = (unsigned)v;
	return true;
}

/* The multiplier of a size suffix: K M G T P E Z Y, optional "iB", or "B". */
static bool size_multiplier(const char *p, unsigned __int128 *mult)
{
	static const char units[] = "KMGTPEZY";
	const char *u = *p ? strchr(units, toupper((unsigned char)*p)) : NULL;
	if (!u)
		return false;
	unsigned base = 1024;
	p++;
	if (p[0] == 'i' && (p[1] == 'B' || p[1] == 'b'))
		p += 2;
	else if (p[0] == 'B' || p[0] == 'b') {
		base = 1000;
		p++;
	}
	if (*p)
		return false;
	*mult = 1;
	for (const char *q = units; q <= u; q++)
		*mult *= base;
	return true;
}

/*
 * NUMBER[.FRACTION][SUFFIX] as util-linux documents it.  The fraction needs a
 * suffix and is decimal; the result is floor(value * multiplier), computed
 * exactly (the digits are folded from the last one: floor((d + q)/10) keeps
 * the floor of the whole fraction).
 */
bool parse_size(const char *s, uint64_t *out)
{
	if (!s)
		goto invalid;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+')
		s++;
	if (!isdigit((unsigned char)*s))
		goto invalid;
	char *end;
	errno = 0;
	unsigned long long whole = strtoull(s, &end, 0);
	if (errno == ERANGE) {
		errno = ERANGE;
		return false;
	}
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	const char *frac = NULL, *p = end;
	size_t frac_len = 0;
	if (*p == '.') {
		if (hex)
			goto invalid;	/* 0x1.8K: decimal or hex fraction? refuse */
		frac = ++p;
		while (isdigit((unsigned char)*p))
			p++;
		frac_len = (size_t)(p - frac);
	}
	unsigned __int128 mult = 1;
	if (*p) {
		if (!size_multiplier(p, &mult))
			goto invalid;
	} else if (frac) {
		goto invalid;	/* "1.5" means nothing without a unit */
	}
	unsigned __int128 part = 0;
	for (size_t i = frac_len; i-- > 0;)
		part = ((unsigned __int128)(frac[i] - '0') * mult + part) / 10;
	unsigned __int128 total = (unsigned __int128)whole * mult;
	if ((whole && total / whole != mult) || total + part > UINT64_MAX) {
		errno = ERANGE;
		return false;
	}
	*out = (uint64_t)(total + part);
	return true;
invalid:
	errno = EINVAL;
	return false;
}

/* Whether escape_arg() would change any of ARGV's words (the program name included). */
static bool argv_needs_escape(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (strcmp(escape_arg(argv[i]), argv[i]) != 0)
			return true;
	return false;
}

int getopt_escaped(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	/* Looked at once per command line (getopt restarts at optind 0 or 1). */
	static char **seen;
	static bool escaping;
	if (argv != seen || optind <= 1) {
		seen = argv;
		escaping = argv_needs_escape(argc, argv);
	}
	opterr = !escaping;
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c != '?' || !escaping)
		return c;
	/* glibc's words; the element at fault is the last one getopt took. */
	const char *prog = escape_arg(argv[0]);
	const char *arg = optind > 0 && optind <= argc && argv[optind - 1] ? argv[optind - 1] : "";
	char opt[2] = { (char)optopt, '\0' };
	if (strncmp(arg, "--", 2) == 0 && optopt == 0) {
		fprintf(stderr, "%s: unrecognized option '%s'\n", prog, escape_arg(arg));
	} else if (strncmp(arg, "--", 2) == 0) {
		char name[64];
		size_t n = strcspn(arg, "=");
		n = n < sizeof(name) - 1 ? n : sizeof(name) - 1;
		memcpy(name, arg, n);
		name[n] = '\0';
		fprintf(stderr, strchr(arg, '=') ? "%s: option '%s' doesn't allow an argument\n"
						 : "%s: option '%s' requires an argument\n", prog, escape_arg(name));
	} else if (optopt && strchr(shortopts, optopt)) {
		fprintf(stderr, "%s: option requires an argument -- '%s'\n", prog, escape_arg(opt));
	} else {
		fprintf(stderr, "%s: invalid option -- '%s'\n", prog, escape_arg(opt));
	}
	return c;
}

/* The "Try" line of usage_error without exiting, for parsers that return. */
void print_usage_hint(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), progname);
}

void print_help(const char *const *parts, FILE *f)
{
	for (; *parts; parts++) {
		const char *s = **parts == '\n' ? *parts : _(*parts);
		if (f == stdout)
			out_str(s);	/* stdout is the output buffer's */
		else
			fputs(s, f);
	}
}

int parse_error(bool hint, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, 0);
	va_end(ap);
	if (hint)
		print_usage_hint();
	return -1;
}

/* Does the long option NAME (LEN bytes, no '=') start one of OPTS's names? */
static const struct option *long_match(const struct option *opts, const char *name, size_t len, int *count)
{
	const struct option *found = NULL;
	*count = 0;
	for (const struct option *o = opts; o->name; o++)
		if (strncmp(o->name, name, len) == 0) {
			if (strlen(o->name) == len) {
				*count = 1;
				return o;
			}
			found = o;
			++*count;
		}
	return found;
}

char **keep_legacy_abbreviations(int argc, char **argv, const char *short_opts,
				 const struct option *opts, const char *const *legacy)
{
	char **av = xcalloc((size_t)argc + 1, sizeof(*av));
	memcpy(av, argv, (size_t)argc * sizeof(*av));
	for (int i = 1; i < argc; i++) {
		const char *arg = av[i];
		if (strcmp(arg, "--") == 0)
			break;
		if (arg[0] != '-' || arg[1] == '\0')
			continue;
		if (arg[1] != '-') {
			/* A short option cluster: its last letter may take the next word. */
			for (const char *c = arg + 1; *c; c++) {
				const char *s = strchr(short_opts, *c);
				if (s && s[1] == ':' && s[2] != ':') {
					if (c[1] == '\0')
						i++;
					break;
				}
			}
			continue;
		}
		const char *name = arg + 2;
		size_t len = strcspn(name, "=");
		int n;
		const struct option *o = long_match(opts, name, len, &n);
		if (n > 1 && name[len] == '\0') {
			/* Ambiguous now; was it util-linux's own abbreviation? */
			const char *only = NULL;
			int matches = 0;
			for (const char *const *l = legacy; *l; l++)
				if (strncmp(*l + 2, name, len) == 0) {
					only = *l;
					matches++;
				}
			if (matches == 1) {
				av[i] = (char *)only;
				o = long_match(opts, only + 2, strlen(only + 2), &n);
			}
		}
		if (n == 1 && o->has_arg == required_argument && name[len] == '\0')
			i++;	/* its argument, whatever it looks like */
	}
	return av;
}

/* ipcs --removeipc: systemd-logind's RemoveIPC= and login.defs' SYS_UID_MAX (see logind.h). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/logind.h"
#include "src/messages.h"
#include "src/numbers.h"
#include "src/xalloc.h"

/* Configuration files are small: a larger one is refused, not read in part. */
#define CONF_MAX (1024 * 1024)

/* The next line of TEXT from *POS, without its newline, blanks trimmed at both ends. */
static bool next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *n)
{
	if (*pos >= len)
		return false;
	const char *s = text + *pos, *end = memchr(s, '\n', len - *pos);
	size_t l = end ? (size_t)(end - s) : len - *pos;
	*pos += l + (end != NULL);
	while (l && (*s == ' ' || *s == '\t')) {
		s++;
		l--;
	}
	while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r'))
		l--;
	*line = s;
	*n = l;
	return true;
}

static int fault(struct parse_fault *f, unsigned line, const char *why)
{
	f->line = line;
	f->why = why;
	return -1;
}

int parse_login_defs(const char *text, size_t len, uint32_t *max, bool *set, struct parse_fault *f)
{
	static const char key[] = "SYS_UID_MAX";
	size_t pos = 0, n;
	const char *line;
	for (unsigned no = 1; next_line(text, len, &pos, &line, &n); no++) {
		/* "NAME value", blanks between; '#' starts a comment line. */
		if (n <= sizeof(key) - 1 || memcmp(line, key, sizeof(key) - 1) != 0 ||
		    (line[sizeof(key) - 1] != ' ' && line[sizeof(key) - 1] != '\t'))
			continue;
		char value[32];
		const char *v = line + sizeof(key) - 1;
		size_t vl = n - (sizeof(key) - 1);
		while (vl && (*v == ' ' || *v == '\t')) {
			v++;
			vl--;
		}
		long long num;
		if (vl == 0 || vl >= sizeof(value))
			return fault(f, no, N_("SYS_UID_MAX is not a uid"));
		memcpy(value, v, vl);
		value[vl] = '\0';
		/* As shadow reads it: decimal, 0x hex or 0 octal. */
		if (!parse_llong(value, 0, 0, UINT32_MAX - 1, &num))
			return fault(f, no, N_("SYS_UID_MAX is not a uid"));
		*max = (uint32_t)num;
		*set = true;
	}
	return 0;
}

/* systemd's booleans. */
static int parse_boolean(const char *s, size_t n)
{
	static const char *const yes[] = { "1", "yes", "y", "true", "t", "on" };
	static const char *const no[] = { "0", "no", "n", "false", "f", "off" };
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		if (strlen(yes[i]) == n && strncasecmp(s, yes[i], n) == 0)
			return 1;
		if (strlen(no[i]) == n && strncasecmp(s, no[i], n) == 0)
			return 0;
	}
	return -1;
}

int parse_logind_conf(const char *text, size_t len, bool *remove, bool *set, struct parse_fault *f)
{
	static const char key[] = "RemoveIPC";
	bool in_login = false;
	size_t pos = 0, n;
	const char *line;
	for (unsigned no = 1; next_line(text, len, &pos, &line, &n); no++) {
		if (n == 0 || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			if (line[n - 1] != ']')
				return fault(f, no, N_("a section header without its ']'"));
			in_login = n == 7 && memcmp(line, "[Login]", 7) == 0;
			continue;
		}
		const char *eq = memchr(line, '=', n);
		if (!eq)
			return fault(f, no, N_("a line that is no KEY=VALUE assignment"));
		size_t kl = (size_t)(eq - line);
		while (kl && (line[kl - 1] == ' ' || line[kl - 1] == '\t'))
			kl--;
		if (!in_login || kl != sizeof(key) - 1 || memcmp(line, key, kl) != 0)
			continue;
		const char *v = eq + 1;
		size_t vl = n - (size_t)(v - line);
		while (vl && (*v == ' ' || *v == '\t')) {
			v++;
			vl--;
		}
		int b = parse_boolean(v, vl);
		if (b < 0)
			return fault(f, no, N_("RemoveIPC= is not a boolean"));
		*remove = b;
		*set = true;
	}
	return 0;
}

/*
 * PATH whole into a malloc'ed *TEXT: a regular file of at most CONF_MAX
 * bytes, opened without blocking (a FIFO put there would hang us); SHOWN
 * names it in messages.  0; 1 when it does not exist; -1 after the message.
 */
static int read_conf(const char *path, const char *shown, char **text, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		warn(_("cannot read %s"), shown);
		return -1;
	}
	struct stat st;
	char *buf = NULL;
	size_t got = 0;
	if (fstat(fd, &st) < 0)
		goto fail;
	if (!S_ISREG(st.st_mode) || st.st_size > CONF_MAX)
		goto too_big;
	/* One byte more than allowed tells a file that grew since fstat. */
	buf = xmalloc(CONF_MAX + 1);
	for (;;) {
		ssize_t r = read(fd, buf + got, CONF_MAX + 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (r == 0 || (got += (size_t)r) > CONF_MAX)
			break;
	}
	if (got > CONF_MAX)
		goto too_big;
	close(fd);
	*text = buf;
	*len = got;
	return 0;
fail:
	warn(_("cannot read %s"), shown);
	goto out;
too_big:
	warnx(_("cannot read %s: not a regular file of at most %d bytes"), shown, CONF_MAX);
out:
	free(buf);
	close(fd);
	return -1;
}

typedef int (*conf_parser)(const char *text, size_t len, void *ctx, struct parse_fault *f);

/* Read and parse PATH into CTX; 0 (also when it does not exist), or -1 after the message. */
static int conf_file(const char *path, conf_parser parse, void *ctx)
{
	char *shown = escape_alloc(path), *text;
	size_t len;
	int rc = read_conf(path, shown, &text, &len);
	if (rc == 0) {
		struct parse_fault f;
		rc = parse(text, len, ctx, &f);
		free(text);
		if (rc < 0)
			warnx(_("%s: line %u: %s"), shown, f.line, _(f.why));
	}
	free(shown);
	return rc > 0 ? 0 : rc;
}

/* A file's setting: the value, and whether the file had one. */
struct setting_bool {
	bool *value, set;
};
struct setting_uid {
	uint32_t *value;
	bool set;
};

static int logind_parser(const char *text, size_t len, void *ctx, struct parse_fault *f)
{
	struct setting_bool *s = ctx;
	return parse_logind_conf(text, len, s->value, &s->set, f);
}

static int defs_parser(const char *text, size_t len, void *ctx, struct parse_fault *f)
{
	struct setting_uid *s = ctx;
	return parse_login_defs(text, len, s->value, &s->set, f);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int conf_d_entry(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 5 && strcmp(d->d_name + n - 5, ".conf") == 0;
}

/* One file's RemoveIPC=, remembering PATH when it sets it. */
static int remove_ipc_file(struct logind_policy *p, const char *path)
{
	struct setting_bool s = { &p->remove_ipc, false };
	if (conf_file(path, logind_parser, &s) < 0)
		return -1;
	if (s.set)
		snprintf(p->remove_ipc_from, sizeof(p->remove_ipc_from), "%s", path);
	return 0;
}

/* RemoveIPC=: logind.conf, then each drop-in in name order, the last setting winning. */
static int read_remove_ipc(struct logind_policy *p)
{
	if (remove_ipc_file(p, LOGIND_CONF) < 0)
		return -1;
	struct dirent **names;
	int n = scandir(LOGIND_CONF_D, &names, conf_d_entry, by_name);
	if (n < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		warn(_("cannot read %s"), LOGIND_CONF_D);
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		char path[sizeof(p->remove_ipc_from)];
		snprintf(path, sizeof(path), "%s/%s", LOGIND_CONF_D, names[i]->d_name);
		if (rc == 0 && remove_ipc_file(p, path) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int logind_read(struct logind_policy *p)
{
	*p = (struct logind_policy){ .remove_ipc = true, .sys_uid_max = SYS_UID_MAX_DEFAULT };
	struct setting_uid s = { &p->sys_uid_max, false };
	if (conf_file(LOGIN_DEFS, defs_parser, &s) < 0)
		return -1;
	p->sys_uid_max_set = s.set;
	return read_remove_ipc(p);
}

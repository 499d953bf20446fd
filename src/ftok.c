/*
 * ftok(3) keys.  glibc computes
 *   (proj & 0xff) << 24 | (st_dev & 0xff) << 16 | (st_ino & 0xffff)
 * from stat() (symbolic links followed); the low byte of st_dev is the low
 * byte of the device's minor number.  tests/ftok.bats compares this with
 * glibc's own ftok() on many files of two file systems.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "src/ftok.h"
#include "src/i18n.h"
#include "src/xalloc.h"

/* The reasons are msgids (N_): callers translate them where they print. */
const char *ftok_parse_proj(const char *s, unsigned *proj, bool brief)
{
	if (!*s)
		return brief ? N_("after ':' is empty (write a number 1-255 or one character)")
			     : N_("the project id after ':' is empty (write a number 1-255 or one character)");
	if (s[0] >= '0' && s[0] <= '9') {
		bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
		if (!hex && s[0] == '0' && s[1])
			return N_("a project id with a leading zero is ambiguous (octal?): write it in decimal or 0x hex");
		const char *digits = hex ? s + 2 : s;
		if (!*digits || digits[strspn(digits, hex ? "0123456789abcdefABCDEF" : "0123456789")])
			return brief ? N_("is not a number 1-255 (0x hex) or one character")
				     : N_("the project id is not a number 1-255 (0x hex) or one character");
		/* Only digits are left: strtoull can fail by overflow alone. */
		errno = 0;
		unsigned long long v = strtoull(digits, NULL, hex ? 16 : 10);
		if (errno == ERANGE)
			v = ULLONG_MAX;
		if (v < 1 || v > 255)
			return brief ? N_("must be 1-255 (0 would make ftok() ignore it)")
				     : N_("the project id must be 1-255 (0 would make ftok() ignore it)");
		*proj = (unsigned)v;
		return NULL;
	}
	if (s[1])
		return brief ? N_("is not a number 1-255 (0x hex) or one character")
			     : N_("the project id is not a number 1-255 (0x hex) or one character");
	*proj = (unsigned char)s[0];
	return NULL;
}

bool ftok_form(const char *arg, struct ftok_spec *spec, const char **why)
{
	const char *colon = strrchr(arg, ':');
	if (!colon || !memchr(arg, '/', (size_t)(colon - arg)))
		return false;
	spec->path = arg;
	spec->path_len = (size_t)(colon - arg);
	spec->proj = 0;
	*why = ftok_parse_proj(colon + 1, &spec->proj, false);
	return true;
}

/* The key ftok(3) gives for a stat()'ed file; pure. */
static void ftok_compute(dev_t dev, ino_t ino, unsigned proj, struct ftok_parts *p)
{
	p->proj = proj & 0xff;
	p->dev_byte = (unsigned)(dev & 0xff);
	p->ino_bits = (unsigned)(ino & 0xffff);
	p->dev = dev;
	p->ino = ino;
	p->key = (uint32_t)p->proj << 24 | (uint32_t)p->dev_byte << 16 | p->ino_bits;
}

int ftok_resolve(const struct ftok_spec *spec, struct ftok_parts *parts, char **path_out)
{
	char *path = xmalloc(spec->path_len + 1);
	memcpy(path, spec->path, spec->path_len);
	path[spec->path_len] = '\0';
	struct stat st;
	int rc = stat(path, &st);
	int e = errno;
	if (rc == 0)
		ftok_compute(st.st_dev, st.st_ino, spec->proj, parts);
	if (path_out)
		*path_out = path;
	else
		free(path);
	errno = e;
	return rc < 0 ? -1 : 0;
}

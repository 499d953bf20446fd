#ifndef IPCBOX_MAPS_H
#define IPCBOX_MAPS_H

/*
 * One line of /proc/PID/maps, "start-end perms offset MAJ:MIN inode   path",
 * parsed without side effects (the fuzz target "maps" checks it).  Inline:
 * it runs once per mapping of every process.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/sysmacros.h>

struct maps_ref {
	uint64_t maj, min;	/* the device, as maps_dev() gives it */
	uint64_t ino;	/* for a /SYSV<key> segment, its shmid (0 is one) */
	bool is_sysv;	/* the path starts "/SYSV" */
	bool has_key;	/* is_sysv, and 8 hex digits follow, then the end or " (deleted)" */
	uint32_t key;	/* has_key: the key the kernel named the segment by */
};

/* The field after the next space; NULL at the end of the line. */
static inline const char *maps_next_field(const char *s, const char *end)
{
	const char *sp = memchr(s, ' ', (size_t)(end - s));
	return sp ? sp + 1 : NULL;
}

/* Hex digits at S (none is 0; too many wrap: the kernel prints at most 8). */
static inline const char *maps_hex(const char *s, const char *end, uint64_t *v)
{
	for (*v = 0; s < end; s++) {
		unsigned d = (unsigned)(*s - '0') <= 9 ? (unsigned)(*s - '0')
			   : (unsigned)((*s | 0x20) - 'a') <= 5 ? (unsigned)((*s | 0x20) - 'a' + 10) : 16;
		if (d == 16)
			break;
		*v = *v * 16 + d;
	}
	return s;
}

/* The device, only when needed: most lines are not on an IPC file system. */
static inline uint64_t maps_dev(const struct maps_ref *r)
{
	return makedev(r->maj, r->min);
}

/*
 * The line S..END (no newline) into OUT: true if it names a path, the
 * only lines that can be a reference (most have none).  The inode's
 * digits follow the device's single space (none is 0; over 2^64 wraps:
 * the kernel prints an unsigned long); spaces pad it to the path.
 */
static inline bool maps_parse_line(const char *s, const char *end, struct maps_ref *out)
{
	for (int i = 0; i < 3 && s; i++)	/* past range, perms, offset */
		s = maps_next_field(s, end);
	if (!s)
		return false;
	uint64_t maj, min, ino = 0;
	s = maps_hex(s, end, &maj);
	if (s == end || *s != ':')
		return false;
	s = maps_hex(s + 1, end, &min);
	if (s == end || *s != ' ')
		return false;
	for (s++; s < end && (unsigned)(*s - '0') <= 9; s++)
		ino = ino * 10 + (uint64_t)(*s - '0');
	while (s < end && *s == ' ')
		s++;
	if (s == end || *s != '/')
		return false;
	out->maj = maj;
	out->min = min;
	out->ino = ino;
	out->is_sysv = end - s >= 5 && memcmp(s, "/SYSV", 5) == 0;
	out->has_key = false;
	if (out->is_sysv && end - s >= 13) {
		uint64_t key;
		const char *k = maps_hex(s + 5, s + 13, &key);
		out->has_key = k == s + 13 && (k == end || *k == ' ');
		out->key = (uint32_t)key;
	}
	return true;
}

#endif

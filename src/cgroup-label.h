#ifndef IPCBOX_CGROUP_LABEL_H
#define IPCBOX_CGROUP_LABEL_H

/*
 * The container label of --all-namespaces headers, from one line of
 * /proc/PID/cgroup ("0::/system.slice/docker-<64 hex>.scope"), parsed
 * without side effects (the fuzz target "cgroup-label" checks it).
 *
 * Cgroup names may hold any byte but '/' and NUL, and any user owns a
 * delegated subtree (user@UID.service): a name is attacker input.  So only
 * the last path component counts, and only in the exact shapes container
 * managers make; anything else gives no label.  A label holds a fixed word,
 * a space and hex digits or a UUID, nothing taken from the name as is.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

enum { CGROUP_ID_HEX = 64, CGROUP_UUID = 36 };

/* Whether S (N bytes) is N lowercase hex digits. */
static inline bool cgroup_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/*
 * Whether S (36 bytes) is a UUID, 8-4-4-4-12 hex digits separated by SEP
 * (systemd's slices spell the dashes as underscores).
 */
static inline bool cgroup_uuid(const char *s, char sep)
{
	static const size_t dash[] = { 8, 13, 18, 23 };
	for (size_t i = 0, d = 0; i < CGROUP_UUID; i++) {
		if (d < 4 && i == dash[d]) {
			if (s[i] != sep)
				return false;
			d++;
		} else if (!cgroup_hex(s + i, 1)) {
			return false;
		}
	}
	return true;
}

/* Whether the N bytes at S are PREFIX, then X bytes, then SUFFIX; the X bytes in *MID. */
static inline bool cgroup_shape(const char *s, size_t n, const char *prefix, size_t x, const char *suffix,
				const char **mid)
{
	size_t p = strlen(prefix), q = strlen(suffix);
	if (n != p + x + q || memcmp(s, prefix, p) != 0 || memcmp(s + p + x, suffix, q) != 0)
		return false;
	*mid = s + p;
	return true;
}

/*
 * The label of LINE (N bytes, with or without its newline) into BUF (LEN
 * bytes, at least 64): "docker 0123456789ab", "podman ...", "containerd
 * ...", "cri-o ..." (the first 12 of the 64 hex digits of a
 * <manager>-<id>.scope) or "kubernetes pod <UUID>" (a kubepods
 * ...-pod<UUID>.slice); true if LINE has one, else BUF is "".
 */
static inline bool cgroup_label(const char *line, size_t n, char *buf, size_t len)
{
	static const struct { const char *prefix, *label; } scopes[] = {
		{ "docker-", "docker" }, { "libpod-", "podman" }, { "cri-containerd-", "containerd" },
		{ "crio-", "cri-o" },
	};
	static const char *const pod_prefixes[] = {
		"kubepods-pod", "kubepods-burstable-pod", "kubepods-besteffort-pod",
	};
	buf[0] = '\0';
	if (n > 0 && line[n - 1] == '\n')
		n--;
	/* "ID:CONTROLLERS:PATH": the path starts after the second colon. */
	const char *c1 = memchr(line, ':', n);
	const char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(line + n - c1 - 1)) : NULL;
	if (!c2 || c2 + 1 == line + n || c2[1] != '/' || memchr(line, '\0', n))
		return false;
	const char *last = c2 + 1;
	for (const char *p = last; p < line + n; p++)
		if (*p == '/')
			last = p + 1;
	size_t m = (size_t)(line + n - last);
	const char *id;
	for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (cgroup_shape(last, m, scopes[i].prefix, CGROUP_ID_HEX, ".scope", &id) &&
		    cgroup_hex(id, CGROUP_ID_HEX)) {
			snprintf(buf, len, "%s %.12s", scopes[i].label, id);
			return true;
		}
	for (size_t i = 0; i < sizeof(pod_prefixes) / sizeof(pod_prefixes[0]); i++)
		if (cgroup_shape(last, m, pod_prefixes[i], CGROUP_UUID, ".slice", &id) && cgroup_uuid(id, '_')) {
			/* The UUID as Kubernetes writes it. */
			char uuid[CGROUP_UUID + 1];
			for (size_t j = 0; j < CGROUP_UUID; j++)
				uuid[j] = id[j] == '_' ? '-' : id[j];
			uuid[CGROUP_UUID] = '\0';
			snprintf(buf, len, "kubernetes pod %s", uuid);
			return true;
		}
	return false;
}

#endif

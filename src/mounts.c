/*
 * mountinfo lines: "ID PARENT MAJOR:MINOR ROOT MOUNTPOINT OPTIONS ...".
 * Only the first four fields are read; the kernel escapes blanks in paths,
 * so fields are separated by single spaces.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "src/mounts.h"

#ifndef STATX_MNT_ID
#define STATX_MNT_ID 0x00001000U
#endif

struct mount_line {
	uint64_t id;
	unsigned major, minor;
	bool fs_root;		/* ROOT is "/" */
};

/* Called per line; true stops the search (and may fill CTX). */
typedef bool (*mount_match_fn)(const struct mount_line *m, void *ctx);

/* 1 if a line of FD matched, 0 if none did, -1 with errno. */
static int mount_find(int fd, mount_match_fn match, void *ctx)
{
	/* Our own stream on a duplicate: FD stays usable, read from its start. */
	int dup_fd = dup(fd);
	if (dup_fd < 0)
		return -1;
	FILE *f = fdopen(dup_fd, "re");
	if (!f) {
		close(dup_fd);
		return -1;
	}
	rewind(f);
	char *line = NULL;
	size_t cap = 0;
	int found = 0;
	while (!found && getline(&line, &cap, f) > 0) {
		struct mount_line m;
		int root = 0;
		if (sscanf(line, "%" SCNu64 " %*u %u:%u %n", &m.id, &m.major, &m.minor, &root) != 3 || root == 0)
			continue;
		m.fs_root = line[root] == '/' && line[root + 1] == ' ';
		found = match(&m, ctx);
	}
	int e = ferror(f) ? EIO : 0;
	free(line);
	fclose(f);
	if (e) {
		errno = e;
		return -1;
	}
	return found;
}

struct by_id {
	uint64_t id;
	bool fs_root;
};

static bool same_id(const struct mount_line *m, void *ctx)
{
	struct by_id *want = ctx;
	want->fs_root = m->fs_root;
	return m->id == want->id;
}

static bool same_dev(const struct mount_line *m, void *ctx)
{
	const dev_t *dev = ctx;
	return m->major == major(*dev) && m->minor == minor(*dev);
}

int mount_is_fs_root(int fd, uint64_t id)
{
	struct by_id want = { id, false };
	int rc = mount_find(fd, same_id, &want);
	return rc <= 0 ? rc : want.fs_root;
}

int mount_has_dev(int fd, dev_t dev)
{
	return mount_find(fd, same_dev, &dev);
}

int mount_id_of(int dirfd, uint64_t *id)
{
	struct statx stx;
	if (statx(dirfd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_MNT_ID, &stx) < 0)
		return -1;
	if (!(stx.stx_mask & STATX_MNT_ID)) {
		errno = ENOSYS;
		return -1;
	}
	*id = stx.stx_mnt_id;
	return 0;
}

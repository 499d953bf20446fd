#ifndef IPCBOX_MOUNTS_H
#define IPCBOX_MOUNTS_H

/*
 * Facts from a mountinfo file (proc(5)), for deciding whether another
 * namespace's /dev/shm is a file system of its own.  The file's text is
 * the kernel's; the paths in it are the namespace's (escaped as \ooo).
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * In the mountinfo file FD (read from its start; FD stays open): whether
 * mount ID exists with root "/", i.e. is the root of its file system and
 * not a directory bind-mounted from inside one.  1 yes, 0 no (or no such
 * mount), -1 with errno.
 */
int mount_is_fs_root(int fd, uint64_t id);

/* Whether the file system DEV is mounted anywhere in mountinfo file FD: 1, 0, or -1 with errno. */
int mount_has_dev(int fd, dev_t dev);

/* A directory's mount id (statx STATX_MNT_ID, Linux 5.8); 0 or -1 with errno. */
int mount_id_of(int dirfd, uint64_t *id);

#endif

/* Atomic replacement of a file for --metrics --output (see outfile.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/outfile.h"
#include "src/xalloc.h"

#define TEMP_PREFIX ".ipcs-metrics."
#define TEMP_NAME_SIZE (sizeof(TEMP_PREFIX) + 6)

/* The temporary file the signal handler removes, while temp_named is set. */
static int temp_dir = -1;
static char temp_name[TEMP_NAME_SIZE];
static volatile sig_atomic_t temp_named;

static const int fatal_signals[] = { SIGTERM, SIGINT, SIGHUP };
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

/* Remove the temporary file, then die of SIG as if nothing had caught it (SA_RESETHAND). */
static void on_fatal(int sig)
{
	int e = errno;
	if (temp_named)
		unlinkat(temp_dir, temp_name, 0);
	raise(sig);	/* pending until the handler returns: then the default action */
	errno = e;
}

/* Block (or unblock) the signals, so that temp_named changes with the file. */
static void block_fatal(bool block, sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < NFATAL; i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(block ? SIG_BLOCK : SIG_SETMASK, block ? &set : old, block ? old : NULL);
}

/*
 * The directory DIR, opened once: each component with O_NOFOLLOW, so that
 * no symbolic link is followed.  Returns an O_PATH descriptor, or -1 after
 * a message.
 */
static int open_dir(const char *dir, const char *shown)
{
	char *copy = xstrdup(dir);
	int fd = open(dir[0] == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	char *save = NULL;
	for (char *c = strtok_r(copy, "/", &save); fd >= 0 && c; c = strtok_r(NULL, "/", &save)) {
		int next = openat(fd, c, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		struct stat st;
		if (next < 0 && errno == ENOTDIR && fstatat(fd, c, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISLNK(st.st_mode)) {
			/* The path up to this component, as given (COPY is DIR, cut). */
			char *prefix = xstrdup(dir);
			prefix[(size_t)(c - copy) + strlen(c)] = '\0';
			char *prefix_shown = escape_alloc(prefix);
			warnx(_("cannot write %s: %s is a symbolic link (give the directory's real path)"), shown,
			      prefix_shown);
			free(prefix_shown);
			free(prefix);
			close(fd);
			free(copy);
			return -1;
		}
		close(fd);
		fd = next;
	}
	free(copy);
	if (fd < 0) {
		char *dir_shown = escape_alloc(dir);
		warn(_("cannot write %s: cannot create a file in %s"), shown, dir_shown);
		free(dir_shown);
	}
	return fd;
}

/* A new temporary file in DFD, named in temp_name; its descriptor, or -1 with errno. */
static int create_temp(int dfd)
{
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	for (int tries = 0; tries < 100; tries++) {
		unsigned char r[6];
		if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
			return -1;
		memcpy(temp_name, TEMP_PREFIX, sizeof(TEMP_PREFIX) - 1);
		for (size_t i = 0; i < sizeof(r); i++)
			temp_name[sizeof(TEMP_PREFIX) - 1 + i] = letters[r[i] % (sizeof(letters) - 1)];
		temp_name[TEMP_NAME_SIZE - 1] = '\0';
		sigset_t old;
		block_fatal(true, &old);
		int fd = openat(dfd, temp_name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		int e = errno;
		temp_named = fd >= 0;
		block_fatal(false, &old);
		if (fd >= 0 || e != EEXIST) {
			errno = e;
			return fd;
		}
	}
	errno = EEXIST;
	return -1;
}

/* Write the file through F; 0, or -1 with errno. */
static int fill(int fd, void (*emit)(FILE *f, const void *arg), const void *arg)
{
	/* mkstemp-like files are 0600, and the umask must not decide: the collector reads it. */
	if (fchmod(fd, 0644) < 0) {
		close(fd);
		return -1;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		return -1;
	}
	emit(f, arg);
	int rc = fflush(f) != 0 || ferror(f) || fsync(fd) < 0 ? -1 : 0;
	int e = errno;
	if (fclose(f) != 0 && rc == 0)
		return -1;
	errno = e;
	return rc;
}

int outfile_replace(const char *path, void (*emit)(FILE *f, const void *arg), const void *arg)
{
	char *shown = escape_alloc(path);
	char *dir_copy = xstrdup(path), *base_copy = xstrdup(path);
	const char *dir = dirname(dir_copy), *base = basename(base_copy);
	int rc = -1, dfd = -1;
	struct sigaction saved[NFATAL];
	bool handlers = false;

	/* "dir/", ".", "..": the target is a directory whatever is there. */
	size_t plen = strlen(path);
	if (!plen || path[plen - 1] == '/' || !strcmp(base, ".") || !strcmp(base, "..")) {
		errno = EISDIR;
		warn(_("cannot write %s"), shown);
		goto out;
	}
	dfd = open_dir(dir, shown);
	if (dfd < 0)
		goto out;
	/*
	 * A directory (or other non-file) planted at PATH: say so, leave it.
	 * A symbolic link there is replaced by the rename, never followed.
	 */
	struct stat st;
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			warnx(_("cannot write %s: it is a directory (remove it to write the file there)"), shown);
		else
			warnx(_("cannot write %s: it exists and is not a regular file"), shown);
		goto out;
	}
	struct sigaction sa = { .sa_handler = on_fatal, .sa_flags = SA_RESETHAND };
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &sa, &saved[i]);
	handlers = true;
	temp_dir = dfd;
	int fd = create_temp(dfd);
	if (fd < 0) {
		char *dir_shown = escape_alloc(dir);
		warn(_("cannot write %s: cannot create a file in %s"), shown, dir_shown);
		free(dir_shown);
		goto out;
	}
	if (fill(fd, emit, arg) < 0) {
		warn(_("cannot write %s"), shown);
		goto out;
	}
	sigset_t old;
	block_fatal(true, &old);
	int renamed = renameat(dfd, temp_name, dfd, base);
	int e = errno;
	temp_named = !renamed ? 0 : temp_named;
	block_fatal(false, &old);
	if (renamed < 0) {
		errno = e;
		warn(_("cannot write %s: rename failed"), shown);
		goto out;
	}
	/* The rename itself is durable once the directory is synced (best effort). */
	int sync_fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (sync_fd >= 0) {
		fsync(sync_fd);
		close(sync_fd);
	}
	rc = 0;
out:
	if (temp_named) {
		unlinkat(dfd, temp_name, 0);
		temp_named = 0;
	}
	if (handlers)
		for (size_t i = 0; i < NFATAL; i++)
			sigaction(fatal_signals[i], &saved[i], NULL);
	if (dfd >= 0)
		close(dfd);
	free(dir_copy);
	free(base_copy);
	free(shown);
	return rc;
}

/*
 * ipcs --global and --metrics: gather (limits.c), then write (render-global.c)
 * to stdout or, with --output, atomically to a file: a temporary file in the
 * same directory, fsync, rename.  A reader such as node_exporter's textfile
 * collector sees the old file or the new one, never a part.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcs-global.h"
#include "src/limits.h"
#include "src/posix.h"
#include "src/render-global.h"
#include "src/util.h"

static void report_errors(const struct usage_report *r)
{
	for (int k = 0; k < KINDS; k++) {
		if (!r->error[k])
			continue;
		if (k == KIND_PMSG && (r->error[k] == EMEDIUMTYPE || r->error[k] == ENOENT)) {
			const char *dir = posix_dir(KIND_PMSG);
			warnx(_("cannot list POSIX message queues: %s is not a mounted mqueue file system "
			      "(mount it with: mount -t mqueue none %s)"), dir, dir);
			continue;
		}
		errno = r->error[k];
		/* Whole sentences: the kind's plural is the only word put in. */
		const char *what = _(kinds[k].plural);
		switch (r->error_what[k]) {
		case USAGE_FAILED_LIMITS:
			warn(_("cannot read the limits of %s"), what);
			break;
		case USAGE_FAILED_STATUS:
			warn(_("cannot read the status of %s"), what);
			break;
		case USAGE_FAILED_OBJECTS:
			/* TRANSLATORS: ipcs -g could not list the objects of a kind (its plural) */
			warn(_("cannot read the objects of %s"), what);
			break;
		case USAGE_FAILED_FILE_SYSTEM:
			/* TRANSLATORS: ipcs -g could not statfs() /dev/shm; %s: "POSIX shared memory" */
			warn(_("cannot read the file system of %s"), what);
			break;
		}
	}
}

/* Write the metrics to PATH through a temporary file; 0, or -1 after a message. */
static int write_atomically(const char *path, const struct usage_report *r)
{
	char *shown = escape_alloc(path);
	char *copy = xstrdup(path);
	const char *dir = dirname(copy);
	size_t len = strlen(dir) + strlen("/.ipcs-metrics.XXXXXX") + 1;
	char *tmp = xmalloc(len);
	snprintf(tmp, len, "%s/.ipcs-metrics.XXXXXX", dir);
	int rc = -1;
	FILE *f = NULL;
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		char *dir_shown = escape_alloc(dir);
		warn(_("cannot write %s: cannot create a file in %s"), shown, dir_shown);
		free(dir_shown);
		goto out;
	}
	/* mkstemp makes 0600: the collector runs as another user.  Honour the umask. */
	mode_t mask = umask(0);
	umask(mask);
	f = fdopen(fd, "w");
	if (!f || fchmod(fd, 0666 & ~mask) < 0) {
		warn(_("cannot write %s"), shown);
		goto fail;
	}
	render_metrics(f, r);
	if (fflush(f) != 0 || ferror(f) || fsync(fd) < 0) {
		warn(_("cannot write %s"), shown);
		goto fail;
	}
	int closed = fclose(f);
	f = NULL;
	fd = -1;
	if (closed != 0) {
		warn(_("cannot write %s"), shown);
		goto fail;
	}
	if (rename(tmp, path) < 0) {
		warn(_("cannot write %s: rename failed"), shown);
		goto fail;
	}
	/* The rename itself is durable once the directory is synced (best effort). */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
	goto out;
fail:
	if (f)
		fclose(f);
	else if (fd >= 0)
		close(fd);
	unlink(tmp);
out:
	free(tmp);
	free(copy);
	free(shown);
	return rc;
}

int ipcs_global(const bool want[KINDS], const struct render_opts *opts, const char *output)
{
	bool metrics = opts->mode == MODE_METRICS;
	struct usage_report r;
	/*
	 * --metrics reads no System V object one by one, so its cost does not
	 * grow with their number; --global also shows the largest objects.
	 */
	int status = usage_gather(want, !metrics, &r) < 0;
	report_errors(&r);
	if (!metrics) {
		render_global(&r, opts);
	} else if (output) {
		if (write_atomically(output, &r) < 0)
			status = 1;
	} else {
		render_metrics(stdout, &r);
	}
	return status;	/* the caller closes stdout */
}

/*
 * ipcs --global and --metrics: gather (limits.c), then write (render-global.c)
 * to stdout or, with --output, atomically to a file (outfile.c): a reader such
 * as node_exporter's textfile collector sees the old file or the new one,
 * never a part.
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
#include "src/messages.h"
#include "src/out.h"
#include "src/outfile.h"
#include "src/posix.h"
#include "src/render-global.h"

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

/* render_metrics() into outfile_replace()'s file F. */
static void write_metrics(FILE *f, const void *r)
{
	FILE *before = out_set_destination(f);
	render_metrics(r);
	out_set_destination(before);	/* the last bytes into F */
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
		if (outfile_replace(output, write_metrics, &r) < 0)
			status = 1;
	} else {
		render_metrics(&r);
	}
	return status;	/* the caller closes stdout */
}

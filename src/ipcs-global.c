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
#include "src/render-global.h"

static void report_errors(const struct usage_report *r)
{
	for (int k = 0; k < KINDS; k++)
		render_usage_error(r, (enum ipc_kind)k);
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

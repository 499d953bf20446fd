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
#include "src/owners.h"
#include "src/render-global.h"

static void report_errors(const struct usage_report *r)
{
	for (int k = 0; k < KINDS; k++)
		render_usage_error(r, (enum ipc_kind)k);
}

struct metrics_job {
	const struct usage_report *r;
	struct metrics_opts o;
};

/* render_metrics() into outfile_replace()'s file F. */
static void write_metrics(FILE *f, const void *job)
{
	const struct metrics_job *m = job;
	FILE *before = out_set_destination(f);
	render_metrics(m->r, &m->o);
	out_set_destination(before);	/* the last bytes into F */
}

int ipcs_global(const bool want[KINDS], const struct render_opts *opts, const char *output, size_t top)
{
	bool metrics = opts->mode == MODE_METRICS;
	struct usage_report r;
	/* The objects of each kind totalled per owner: the metrics' owner series, -g's top owners. */
	struct owner_table tables[KINDS];
	struct owner_table *owners[KINDS] = { 0 };
	for (int k = 0; k < KINDS; k++) {
		owners_init(&tables[k], (enum ipc_kind)k, BY_OWNER);
		if (want[k])
			owners[k] = &tables[k];
	}
	/* --global also shows the largest objects (one more pass for System V kinds). */
	int status = usage_gather(want, !metrics, owners, &r) < 0;
	report_errors(&r);
	struct metrics_job job = { &r, { top ? top : METRICS_TOP_OWNERS, opts->numeric } };
	if (!metrics) {
		render_global(&r, opts);
	} else {
		/* A kind that cannot be read is in the metrics (ipc_collect_errors): what was written is whole. */
		status = 0;
		if (output)
			status = outfile_replace(output, write_metrics, &job) < 0;
		else
			render_metrics(&r, &job.o);
	}
	for (int k = 0; k < KINDS; k++)
		owners_free(&tables[k]);
	return status;	/* the caller closes stdout */
}

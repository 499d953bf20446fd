#ifndef IPCBOX_RENDER_GLOBAL_H
#define IPCBOX_RENDER_GLOBAL_H

/* Writers of the limits headroom gathered by limits.c. */
#include "src/limits.h"
#include "src/render.h"

/* ipcs --global: a table of every limit with its use, or (--json) one JSON document. */
void render_global(const struct usage_report *r, const struct render_opts *opts);

/*
 * What of kind K usage_gather() could not read, as one whole sentence on
 * stderr (ipcs -g, lsipc -g -M/-Q/-S); nothing if all was read.
 */
void render_usage_error(const struct usage_report *r, enum ipc_kind k);

/* What --metrics shows of the owners usage_gather totalled. */
struct metrics_opts {
	size_t top;		/* owners with a series of their own, per kind */
	bool numeric;		/* owner="UID" rather than the user name */
};

/* ipcs --metrics: the Prometheus text exposition format (to stdout, or where out_set_destination() says). */
void render_metrics(const struct usage_report *r, const struct metrics_opts *o);

#endif

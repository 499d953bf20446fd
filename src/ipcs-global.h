#ifndef IPCBOX_IPCS_GLOBAL_H
#define IPCBOX_IPCS_GLOBAL_H

#include <stdbool.h>
#include <stddef.h>

#include "src/kinds.h"
#include "src/render.h"

/* Owners with series of their own in --metrics, per kind, without --top. */
enum { METRICS_TOP_OWNERS = 10 };

/*
 * ipcs --global and ipcs --metrics [--output FILE]: gather the limits and
 * their use for the kinds in WANT, then print them (or write FILE
 * atomically); TOP: --top, 0 when not given.  A kind that cannot be read is
 * an error of --global; --metrics says so in its output, and fails only
 * when that output cannot be written.  Returns the exit status; the caller
 * checks stdout (close_stdout).
 */
int ipcs_global(const bool want[KINDS], const struct render_opts *opts, const char *output, size_t top);

#endif

#ifndef IPCBOX_IPCS_GLOBAL_H
#define IPCBOX_IPCS_GLOBAL_H

#include <stdbool.h>

#include "src/kinds.h"
#include "src/render.h"

/*
 * ipcs --global and ipcs --metrics [--output FILE]: gather the limits and
 * their use for the kinds in WANT, then print them (or write FILE
 * atomically).  Returns the exit status; the caller checks stdout (close_stdout).
 */
int ipcs_global(const bool want[KINDS], const struct render_opts *opts, const char *output);

#endif

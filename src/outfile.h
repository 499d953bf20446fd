#ifndef IPCBOX_OUTFILE_H
#define IPCBOX_OUTFILE_H

#include <stdio.h>

/*
 * Replace the regular file (or symbolic link) PATH atomically with what EMIT(F, ARG) prints:
 * a reader sees the old file or the new one, never a part.  The directory
 * is opened once, component by component without following symbolic links
 * (a link is refused: whoever may replace a component must not redirect
 * root's write); the file is created in it as a temporary
 * ".ipcs-metrics.XXXXXX" of mode 0644 whatever the umask, synced and
 * renamed over PATH.  SIGTERM, SIGINT or SIGHUP meanwhile remove the
 * temporary file before the default action.  Returns 0, or -1 after a
 * message naming PATH.
 */
int outfile_replace(const char *path, void (*emit)(FILE *f, const void *arg), const void *arg);

#endif

#ifndef IPCBOX_NAME_HINT_H
#define IPCBOX_NAME_HINT_H

/*
 * After "name `/my\x5cx20buffer' not found": a name pasted back from our
 * output holds the escaper's \xHH; when its unescaped form is an object of
 * KIND, say so on a line of its own.  Only looks: never acts on that name.
 */
#include "src/kinds.h"

void escaped_name_hint(enum ipc_kind kind, const char *name);

/*
 * The messages of ipcs --name and lsipc -N, one wording for both: "name
 * /x not found" and the hint above; or, after posix_scan or posix_find
 * failed (errno set), why KIND's directory could not be read.
 */
void posix_name_not_found(enum ipc_kind kind, const char *name);

/* 0 if NAME is a valid name for KIND, else -1 after the usage error "invalid name '/x': why". */
int posix_name_check(enum ipc_kind kind, const char *name);
void posix_scan_failed(enum ipc_kind kind);

#endif

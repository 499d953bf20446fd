#ifndef IPCBOX_NAME_HINT_H
#define IPCBOX_NAME_HINT_H

/*
 * After "name `/my\x5cx20buffer' not found": a name pasted back from our
 * output holds the escaper's \xHH; when its unescaped form is an object of
 * KIND, say so on a line of its own.  Only looks: never acts on that name.
 */
#include "src/kinds.h"

void escaped_name_hint(enum ipc_kind kind, const char *name);

#endif

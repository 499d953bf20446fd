#ifndef IPCBOX_KEY_HINT_H
#define IPCBOX_KEY_HINT_H

/*
 * "0x5eed is the key of message queue id 3: use ...": the line ipcs and
 * ipcrm add after util-linux's error when what the user typed is the key
 * of an existing System V object (an id given as hex, a key of another
 * kind).  Never acts: it only looks.
 */
#include <stdbool.h>
#include <stdint.h>

#include "src/kinds.h"

/* What the line tells the user to type: ipcrm's -M KEY, or ipcs's -m -i ID. */
enum key_hint_use { KEY_HINT_REMOVE, KEY_HINT_SHOW };

/*
 * The object with KEY of kind TYPE, or when there is none (or TYPE is not
 * System V: look at every System V kind), of another System V kind, unless
 * SAME_ONLY; TYPE KINDS: any System V kind.  ARG is the key as typed,
 * shown escaped.  True if a line was
 * printed.
 */
/*
 * Whether a hint may look in this namespace for a line that failed to
 * parse: false if any word of ARGV could be --namespace or
 * --all-namespaces (or their abbreviations), which the parse may not have
 * reached: the hint would name an object of the wrong namespace.
 */
bool key_hint_here(int argc, char **argv);

bool key_hint(enum ipc_kind type, int32_t key, const char *arg, enum key_hint_use use, bool same_only);

#endif

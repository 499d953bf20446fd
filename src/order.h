#ifndef IPCBOX_ORDER_H
#define IPCBOX_ORDER_H

/*
 * ipcs --sort FIELD[,FIELD]: the order of a listing's rows.  Field names
 * are the JSON member names of the field catalogue (src/fields.c), "-NAME"
 * descending.  Parsing never touches the kernel; sorting works on objects
 * already gathered and keeps the kernel's order among equal rows.
 */
#include <stdbool.h>
#include <stddef.h>

#include "src/fields.h"

enum { ORDER_MAX_KEYS = 8 };

struct order_key {
	char name[32];		/* a member name of the catalogue */
	bool descending;
};

struct order_spec {
	size_t n;		/* 0: the kernel's order */
	struct order_key keys[ORDER_MAX_KEYS];
};

/*
 * ARG into SPEC; each name must be a member of at least one kind in WANT.
 * 0, or -1 after the message (it lists the valid names).
 */
int order_parse(const char *arg, const bool want[KINDS], struct order_spec *spec);

/*
 * ITEMS (N objects of KIND) sorted by SPEC, stably; a key KIND does not
 * have is skipped.  Values a kind leaves out (an unreadable queue's size)
 * come last either way.  NUMERIC: user and group names are not looked up,
 * "user" sorts as "uid".
 */
void order_items(enum ipc_kind kind, struct ipc_item *items, size_t n, const struct order_spec *spec,
		 bool numeric);

#endif

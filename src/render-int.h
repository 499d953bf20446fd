#ifndef IPCBOX_RENDER_INT_H
#define IPCBOX_RENDER_INT_H

/* Shared by the writers of ipcs output (render*.c, table.c, facts.c, details.c). */
#include "src/fields.h"
#include "src/json.h"
#include "src/render.h"

/* table.c: text rows */
bool table_has_layout(enum ipc_kind kind, const struct render_opts *opts);
void table_header(enum ipc_kind kind, const struct render_opts *opts);
void table_row(const struct ipc_item *it, const struct render_opts *opts);
/* The --processes lines under an object's row or details. */
void table_holders(const struct ipc_item *it);

/* render-json.c: the one JSON document of a run */
extern struct json render_doc;
/* The object's members, from the field catalogue; the caller opens and closes it. */
void json_item(const struct ipc_item *it, const struct render_opts *opts);

#endif

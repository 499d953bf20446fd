#ifndef IPCBOX_FIELDS_H
#define IPCBOX_FIELDS_H

/*
 * The one catalogue of fields: for each kind, every field it has, once,
 * with its JSON member name, its header label, and (in field_get) how to
 * get it and when it is absent.  Text layouts and the JSON writer both
 * name fields by id; neither decides on its own what exists.
 */
#include <stdbool.h>
#include <stdint.h>

#include "src/holders.h"
#include "src/kinds.h"
#include "src/posix.h"
#include "src/sysv.h"

/* One object of any kind, as the writers see it. */
struct ipc_item {
	enum ipc_kind kind;
	const struct sysv_object *sysv;		/* System V kinds, else NULL */
	const struct posix_object *posix;	/* POSIX kinds, else NULL */
	const struct holder_list *holders;	/* --processes, else NULL */
	bool orphaned;				/* with holders */
	const struct sysv_message_list *messages;	/* ipcs -q -i --messages, else NULL */
};

enum field_id {
	FIELD_KEY, FIELD_ID, FIELD_NAME, FIELD_PERMS, FIELD_PERMS_OCTAL,
	FIELD_OWNER,		/* the uid, shown as the truncated owner column */
	FIELD_UID, FIELD_GID, FIELD_CUID, FIELD_CGID,
	FIELD_SIZE, FIELD_COUNT, FIELD_MAXMSG, FIELD_MSGSIZE, FIELD_VALUE,
	FIELD_TIME, FIELD_PID,	/* slot: which time or pid of the object */
	FIELD_DEST, FIELD_LOCKED,
	FIELD_STATUS,		/* dest and locked as util-linux's status column */
};

/* The slot of a POSIX object's one time, its file's mtime. */
enum { POSIX_MTIME };

enum value_type { VALUE_ABSENT, VALUE_UINT, VALUE_INT, VALUE_BOOL, VALUE_TIME, VALUE_TEXT };

struct field_value {
	enum value_type type;
	bool zero_unset;	/* VALUE_TIME: 0 means "never" (System V) */
	uint64_t u;		/* VALUE_UINT, VALUE_BOOL */
	int64_t i;		/* VALUE_INT, VALUE_TIME */
	const char *s;		/* VALUE_TEXT: raw, the writer escapes */
	char buf[8];
};

/* The value of field F (its slot SLOT) of IT; VALUE_ABSENT when unknown. */
void field_get(const struct ipc_item *it, enum field_id f, int slot, struct field_value *v);

struct field_desc {
	enum field_id id;
	int slot;
	const char *json;	/* member name; NULL: text only */
	const char *json_name;	/* uid/gid fields: the member for the name */
	const char *label;	/* text header; NULL: JSON only */
	const char *human_label;	/* header with --human, if different */
};

/* Each kind's fields, in JSON member order; ends at a NULL json and label. */
extern const struct field_desc *const field_catalogue[KINDS];

/* The field (F, SLOT) of KIND; NULL if the kind has no such field. */
const struct field_desc *field_find(enum ipc_kind kind, enum field_id f, int slot);

#endif

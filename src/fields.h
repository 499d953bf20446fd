#ifndef IPCBOX_FIELDS_H
#define IPCBOX_FIELDS_H

/*
 * The one catalogue of fields: for each kind, every field it has, once,
 * with its JSON member name, its header label, and (in field_get) how to
 * get it and when it is absent.  Text layouts and the JSON writer both
 * name fields by id; neither decides on its own what exists.
 */
#include "src/queue-full.h"
#include <stdbool.h>
#include <stdint.h>

#include "src/format.h"
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
	FIELD_KEY, FIELD_KEY_HEX, FIELD_ID, FIELD_NAME, FIELD_PERMS, FIELD_PERMS_OCTAL,
	FIELD_OWNER,		/* the uid, shown as the truncated owner column */
	FIELD_UID, FIELD_GID, FIELD_CUID, FIELD_CGID,
	FIELD_SIZE, FIELD_COUNT, FIELD_MAXMSG, FIELD_MSGSIZE, FIELD_VALUE,
	FIELD_TIME, FIELD_PID,	/* slot: which time or pid of the object */
	FIELD_DEST, FIELD_LOCKED,
	FIELD_STATUS,		/* dest and locked as util-linux's status column */
	/* Memory (ipcs JSON, ipcs --memory, lsipc RSS SWAP FILL): */
	FIELD_RSS, FIELD_SWAP,	/* shm: resident, swapped bytes (/proc/sysvipc/shm) */
	FIELD_ALLOCATED,	/* POSIX shm: the file's st_blocks * 512 */
	FIELD_FILL,		/* msg: used bytes / capacity, in hundredths of a percent */
	FIELD_FULL,		/* msg: a one-byte message would block */
};

/* The slot of a POSIX object's one time, its file's mtime. */
enum { POSIX_MTIME };

/* VALUE_PERCENT: u in hundredths of a percent (1250: 12.50 %). */
enum value_type { VALUE_ABSENT, VALUE_UINT, VALUE_INT, VALUE_BOOL, VALUE_TIME, VALUE_TEXT, VALUE_PERCENT };

struct field_value {
	enum value_type type;
	bool zero_unset;	/* VALUE_TIME: 0 means "never" (System V) */
	uint64_t u;		/* VALUE_UINT, VALUE_BOOL */
	int64_t i;		/* VALUE_INT, VALUE_TIME */
	const char *s;		/* VALUE_TEXT: raw, the writer escapes */
	char buf[12];
};


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

/*
 * The value of field F (its slot SLOT) of IT; VALUE_ABSENT when unknown.
 * The only place that reads objects; inline: the table writer calls it
 * for every cell of tens of thousands of rows.
 */
static inline void field_set_uint(struct field_value *v, uint64_t u) { v->type = VALUE_UINT; v->u = u; }
static inline void field_set_int(struct field_value *v, int64_t i) { v->type = VALUE_INT; v->i = i; }
static inline void field_set_bool(struct field_value *v, bool b) { v->type = VALUE_BOOL; v->u = b; }

static inline void field_get(const struct ipc_item *it, enum field_id f, int slot, struct field_value *v)
{
	const struct sysv_object *o = it->sysv;
	const struct posix_object *p = it->posix;
	/* A queue we cannot open has an unreadable QSIZE line too. */
	bool queue_unknown = p && it->kind == KIND_PMSG && !p->has_attr;
	v->type = VALUE_ABSENT;
	switch (f) {
	case FIELD_KEY:
		field_set_uint(v, (uint32_t)o->key);
		break;
	case FIELD_KEY_HEX:
		/* The key as ipcs prints it: "0x00005eed". */
		v->type = VALUE_TEXT;
		v->s = format_key((uint32_t)o->key, v->buf);
		break;
	case FIELD_ID:
		field_set_int(v, o->id);
		break;
	case FIELD_NAME:
		v->type = VALUE_TEXT;
		v->s = p->name;
		break;
	case FIELD_PERMS:
		field_set_uint(v, (o ? o->mode : p->mode) & 0777);
		break;
	case FIELD_PERMS_OCTAL:
	{
		/* "0644": four digits, as printf's %04o of permission bits. */
		uint32_t perms = (o ? o->mode : p->mode) & 0777;
		v->type = VALUE_TEXT;
		v->buf[0] = '0';
		for (int i = 0; i < 3; i++)
			v->buf[1 + i] = (char)('0' + ((perms >> (6 - 3 * i)) & 7));
		v->buf[4] = '\0';
		v->s = v->buf;
		break;
	}
	case FIELD_OWNER:
	case FIELD_UID:
		field_set_uint(v, o ? o->uid : p->uid);
		break;
	case FIELD_GID:
		field_set_uint(v, o ? o->gid : p->gid);
		break;
	case FIELD_CUID:
		field_set_uint(v, o->cuid);
		break;
	case FIELD_CGID:
		field_set_uint(v, o->cgid);
		break;
	case FIELD_SIZE:
		if (!queue_unknown)
			field_set_uint(v, o ? o->size : p->size);
		break;
	case FIELD_COUNT:
		if (o)
			field_set_uint(v, o->count);
		else if (p->has_attr)
			field_set_int(v, p->curmsgs);
		break;
	case FIELD_MAXMSG:
		if (p->has_attr)
			field_set_int(v, p->maxmsg);
		break;
	case FIELD_MSGSIZE:
		if (p->has_attr)
			field_set_int(v, p->msgsize);
		break;
	case FIELD_VALUE:
		if (p->has_value)
			field_set_int(v, p->value);
		break;
	case FIELD_TIME:
		v->type = VALUE_TIME;
		v->zero_unset = o != NULL;
		v->i = o ? o->times[slot] : p->mtime;
		break;
	case FIELD_PID:
		field_set_int(v, o->pids[slot]);
		break;
	case FIELD_DEST:
	case FIELD_STATUS:
		field_set_bool(v, o->mode & SYSV_MODE_DEST);
		break;
	case FIELD_LOCKED:
		field_set_bool(v, o->mode & SYSV_MODE_LOCKED);
		break;
	case FIELD_RSS:
		if (o->has_memory)
			field_set_uint(v, o->rss);
		break;
	case FIELD_SWAP:
		if (o->has_memory)
			field_set_uint(v, o->swap);
		break;
	case FIELD_ALLOCATED:
		field_set_uint(v, p->allocated);
		break;
	case FIELD_FILL:
		/* A capacity of 0 takes nothing: full. */
		if (o->has_qbytes) {
			v->type = VALUE_PERCENT;
			v->u = o->qbytes ? (uint64_t)((double)o->size * 10000.0 / (double)o->qbytes + 0.5) : 10000;
		}
		break;
	case FIELD_FULL:
		/* The one definition (src/queue-full.h); a capacity of 0 takes nothing. */
		if (o->has_qbytes)
			field_set_bool(v, o->qbytes == 0 || sysv_queue_state(o->size, o->count, o->qbytes) == QUEUE_FULL);
		break;
	}
}

#endif

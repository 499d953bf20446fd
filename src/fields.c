/* Each kind's fields, once; field_get is the only place that reads objects. */
#include <stddef.h>

#include "src/fields.h"

#define COMMON_SYSV(id_label) \
	{ FIELD_KEY, 0, "key", NULL, "key", NULL }, \
	{ FIELD_ID, 0, "id", NULL, id_label, NULL }
#define COMMON_OWNERS \
	{ FIELD_OWNER, 0, NULL, NULL, "owner", NULL }, \
	{ FIELD_PERMS, 0, "perms", NULL, "perms", NULL }, \
	{ FIELD_PERMS_OCTAL, 0, "perms_octal", NULL, NULL, NULL }, \
	{ FIELD_UID, 0, "uid", "user", "uid", NULL }, \
	{ FIELD_GID, 0, "gid", "group", "gid", NULL }
#define CREATORS \
	{ FIELD_CUID, 0, "cuid", "cuser", "cuid", NULL }, \
	{ FIELD_CGID, 0, "cgid", "cgroup", "cgid", NULL }
#define POSIX_COMMON \
	{ FIELD_NAME, 0, "name", NULL, "name", NULL }, \
	COMMON_OWNERS
#define MODIFIED { FIELD_TIME, POSIX_MTIME, "modify_time", NULL, "modified", NULL }

static const struct field_desc msg_fields[] = {
	COMMON_SYSV("msqid"), COMMON_OWNERS, CREATORS,
	{ FIELD_SIZE, 0, "used_bytes", NULL, "used-bytes", "size" },
	{ FIELD_COUNT, 0, "messages", NULL, "messages", NULL },
	{ FIELD_PID, MSG_LSPID, "lspid", NULL, "lspid", NULL },
	{ FIELD_PID, MSG_LRPID, "lrpid", NULL, "lrpid", NULL },
	{ FIELD_TIME, MSG_STIME, "send_time", NULL, "send", NULL },
	{ FIELD_TIME, MSG_RTIME, "receive_time", NULL, "recv", NULL },
	{ FIELD_TIME, MSG_CTIME, "change_time", NULL, "change", NULL },
	{ 0 },
};

static const struct field_desc shm_fields[] = {
	COMMON_SYSV("shmid"), COMMON_OWNERS, CREATORS,
	{ FIELD_SIZE, 0, "size", NULL, "bytes", "size" },
	{ FIELD_COUNT, 0, "nattch", NULL, "nattch", NULL },
	{ FIELD_STATUS, 0, NULL, NULL, "status", NULL },
	{ FIELD_DEST, 0, "dest", NULL, NULL, NULL },
	{ FIELD_LOCKED, 0, "locked", NULL, NULL, NULL },
	{ FIELD_PID, SHM_CPID, "cpid", NULL, "cpid", NULL },
	{ FIELD_PID, SHM_LPID, "lpid", NULL, "lpid", NULL },
	{ FIELD_TIME, SHM_ATIME, "attach_time", NULL, "attached", NULL },
	{ FIELD_TIME, SHM_DTIME, "detach_time", NULL, "detached", NULL },
	{ FIELD_TIME, SHM_CTIME, "change_time", NULL, "changed", NULL },
	{ 0 },
};

static const struct field_desc sem_fields[] = {
	COMMON_SYSV("semid"), COMMON_OWNERS, CREATORS,
	{ FIELD_SIZE, 0, "nsems", NULL, "nsems", NULL },
	{ FIELD_TIME, SEM_OTIME, "operation_time", NULL, "last-op", NULL },
	{ FIELD_TIME, SEM_CTIME, "change_time", NULL, "last-changed", NULL },
	{ 0 },
};

static const struct field_desc pmsg_fields[] = {
	POSIX_COMMON,
	{ FIELD_SIZE, 0, "used_bytes", NULL, "used-bytes", "size" },
	{ FIELD_COUNT, 0, "messages", NULL, "messages", NULL },
	{ FIELD_MAXMSG, 0, "max_messages", NULL, NULL, NULL },
	{ FIELD_MSGSIZE, 0, "max_message_size", NULL, NULL, NULL },
	MODIFIED,
	{ 0 },
};

static const struct field_desc pshm_fields[] = {
	POSIX_COMMON,
	{ FIELD_SIZE, 0, "size", NULL, "bytes", "size" },
	MODIFIED,
	{ 0 },
};

static const struct field_desc psem_fields[] = {
	POSIX_COMMON,
	{ FIELD_VALUE, 0, "value", NULL, "value", NULL },
	MODIFIED,
	{ 0 },
};

const struct field_desc *const field_catalogue[KINDS] = {
	[KIND_MSG] = msg_fields,
	[KIND_SHM] = shm_fields,
	[KIND_SEM] = sem_fields,
	[KIND_PMSG] = pmsg_fields,
	[KIND_PSHM] = pshm_fields,
	[KIND_PSEM] = psem_fields,
};

const struct field_desc *field_find(enum ipc_kind kind, enum field_id f, int slot)
{
	for (const struct field_desc *d = field_catalogue[kind]; d->json || d->label; d++)
		if (d->id == f && d->slot == slot)
			return d;
	return NULL;
}

static void set_uint(struct field_value *v, uint64_t u) { v->type = VALUE_UINT; v->u = u; }
static void set_int(struct field_value *v, int64_t i) { v->type = VALUE_INT; v->i = i; }
static void set_bool(struct field_value *v, bool b) { v->type = VALUE_BOOL; v->u = b; }

void field_get(const struct ipc_item *it, enum field_id f, int slot, struct field_value *v)
{
	const struct sysv_object *o = it->sysv;
	const struct posix_object *p = it->posix;
	/* A queue we cannot open has an unreadable QSIZE line too. */
	bool queue_unknown = p && it->kind == KIND_PMSG && !p->has_attr;
	v->type = VALUE_ABSENT;
	switch (f) {
	case FIELD_KEY:
		set_uint(v, (uint32_t)o->key);
		break;
	case FIELD_ID:
		set_int(v, o->id);
		break;
	case FIELD_NAME:
		v->type = VALUE_TEXT;
		v->s = p->name;
		break;
	case FIELD_PERMS:
		set_uint(v, (o ? o->mode : p->mode) & 0777);
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
		set_uint(v, o ? o->uid : p->uid);
		break;
	case FIELD_GID:
		set_uint(v, o ? o->gid : p->gid);
		break;
	case FIELD_CUID:
		set_uint(v, o->cuid);
		break;
	case FIELD_CGID:
		set_uint(v, o->cgid);
		break;
	case FIELD_SIZE:
		if (!queue_unknown)
			set_uint(v, o ? o->size : p->size);
		break;
	case FIELD_COUNT:
		if (o)
			set_uint(v, o->count);
		else if (p->has_attr)
			set_int(v, p->curmsgs);
		break;
	case FIELD_MAXMSG:
		if (p->has_attr)
			set_int(v, p->maxmsg);
		break;
	case FIELD_MSGSIZE:
		if (p->has_attr)
			set_int(v, p->msgsize);
		break;
	case FIELD_VALUE:
		if (p->has_value)
			set_int(v, p->value);
		break;
	case FIELD_TIME:
		v->type = VALUE_TIME;
		v->zero_unset = o != NULL;
		v->i = o ? o->times[slot] : p->mtime;
		break;
	case FIELD_PID:
		set_int(v, o->pids[slot]);
		break;
	case FIELD_DEST:
	case FIELD_STATUS:
		set_bool(v, o->mode & SYSV_MODE_DEST);
		break;
	case FIELD_LOCKED:
		set_bool(v, o->mode & SYSV_MODE_LOCKED);
		break;
	}
}

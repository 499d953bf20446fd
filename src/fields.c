/* Each kind's fields, once; field_get is the only place that reads objects. */
#include <stddef.h>

#include "src/fields.h"
#include "src/format.h"
#include "src/i18n.h"

/*
 * TRANSLATORS: the column headers of the ipcs tables (translated where the
 * header is printed).  Most columns are 10 wide (key, ids, owner, perms,
 * uid, gid, cuid, cgid, bytes, nattch, cpid, lpid, nsems, value), used-bytes
 * and messages 12, times 20 (26 in -s -t and POSIX -t), status 12, name 20.
 * A header as wide as its column or wider runs into the next one: keep them
 * shorter.  They are abbreviations: lspid/lrpid = last send/receive pid,
 * cpid/lpid = creator/last operation pid, nattch = number attached.
 */
#define COMMON_SYSV(id_label) \
	{ FIELD_KEY, 0, "key", NULL, N_("key"), NULL }, \
	{ FIELD_KEY_HEX, 0, "key_hex", NULL, NULL, NULL }, \
	{ FIELD_ID, 0, "id", NULL, id_label, NULL }
#define COMMON_OWNERS \
	{ FIELD_OWNER, 0, NULL, NULL, N_("owner"), NULL }, \
	{ FIELD_PERMS, 0, "perms", NULL, N_("perms"), NULL }, \
	{ FIELD_PERMS_OCTAL, 0, "perms_octal", NULL, NULL, NULL }, \
	{ FIELD_UID, 0, "uid", "user", N_("uid"), NULL }, \
	{ FIELD_GID, 0, "gid", "group", N_("gid"), NULL }
#define CREATORS \
	{ FIELD_CUID, 0, "cuid", "cuser", N_("cuid"), NULL }, \
	{ FIELD_CGID, 0, "cgid", "cgroup", N_("cgid"), NULL }
#define POSIX_COMMON \
	{ FIELD_NAME, 0, "name", NULL, N_("name"), NULL }, \
	COMMON_OWNERS
#define MODIFIED { FIELD_TIME, POSIX_MTIME, "modify_time", NULL, N_("modified"), NULL }

static const struct field_desc msg_fields[] = {
	COMMON_SYSV(N_("msqid")), COMMON_OWNERS, CREATORS,
	{ FIELD_SIZE, 0, "used_bytes", NULL, N_("used-bytes"), N_("size") },
	{ FIELD_COUNT, 0, "messages", NULL, N_("messages"), NULL },
	{ FIELD_PID, MSG_LSPID, "lspid", NULL, N_("lspid"), NULL },
	{ FIELD_PID, MSG_LRPID, "lrpid", NULL, N_("lrpid"), NULL },
	{ FIELD_TIME, MSG_STIME, "send_time", NULL, N_("send"), NULL },
	{ FIELD_TIME, MSG_RTIME, "receive_time", NULL, N_("recv"), NULL },
	{ FIELD_TIME, MSG_CTIME, "change_time", NULL, N_("change"), NULL },
	{ FIELD_FILL, 0, "fill_percent", NULL, N_("fill"), NULL },
	{ FIELD_FULL, 0, "full", NULL, NULL, NULL },
	{ 0 },
};

static const struct field_desc shm_fields[] = {
	COMMON_SYSV(N_("shmid")), COMMON_OWNERS, CREATORS,
	{ FIELD_SIZE, 0, "size", NULL, N_("bytes"), N_("size") },
	{ FIELD_COUNT, 0, "nattch", NULL, N_("nattch"), NULL },
	{ FIELD_STATUS, 0, NULL, NULL, N_("status"), NULL },
	{ FIELD_DEST, 0, "dest", NULL, NULL, NULL },
	{ FIELD_LOCKED, 0, "locked", NULL, NULL, NULL },
	{ FIELD_PID, SHM_CPID, "cpid", NULL, N_("cpid"), NULL },
	{ FIELD_PID, SHM_LPID, "lpid", NULL, N_("lpid"), NULL },
	{ FIELD_TIME, SHM_ATIME, "attach_time", NULL, N_("attached"), NULL },
	{ FIELD_TIME, SHM_DTIME, "detach_time", NULL, N_("detached"), NULL },
	{ FIELD_TIME, SHM_CTIME, "change_time", NULL, N_("changed"), NULL },
	{ FIELD_RSS, 0, "rss", NULL, N_("resident"), NULL },
	{ FIELD_SWAP, 0, "swap", NULL, N_("swapped"), NULL },
	{ 0 },
};

static const struct field_desc sem_fields[] = {
	COMMON_SYSV(N_("semid")), COMMON_OWNERS, CREATORS,
	{ FIELD_SIZE, 0, "nsems", NULL, N_("nsems"), NULL },
	{ FIELD_TIME, SEM_OTIME, "operation_time", NULL, N_("last-op"), NULL },
	{ FIELD_TIME, SEM_CTIME, "change_time", NULL, N_("last-changed"), NULL },
	{ 0 },
};

static const struct field_desc pmsg_fields[] = {
	POSIX_COMMON,
	{ FIELD_SIZE, 0, "used_bytes", NULL, N_("used-bytes"), N_("size") },
	{ FIELD_COUNT, 0, "messages", NULL, N_("messages"), NULL },
	{ FIELD_MAXMSG, 0, "max_messages", NULL, NULL, NULL },
	{ FIELD_MSGSIZE, 0, "max_message_size", NULL, NULL, NULL },
	MODIFIED,
	{ 0 },
};

static const struct field_desc pshm_fields[] = {
	POSIX_COMMON,
	{ FIELD_SIZE, 0, "size", NULL, N_("bytes"), N_("size") },
	MODIFIED,
	{ FIELD_ALLOCATED, 0, "allocated", NULL, N_("allocated"), NULL },
	{ 0 },
};

static const struct field_desc psem_fields[] = {
	POSIX_COMMON,
	{ FIELD_VALUE, 0, "value", NULL, N_("value"), NULL },
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

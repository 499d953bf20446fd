/*
 * ipcbox set: an IPC object's mode, owner and limits.  System V: one
 * IPC_SET of what IPC_STAT gave, with the changes (all or nothing).
 * POSIX: the object's file, opened without following a symlink and only
 * if it is a regular file (O_PATH: its owner needs no read permission),
 * then ftruncate, chmod and fchown, in that order.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/names.h"
#include "src/set-args.h"
#include "src/sysv.h"
#include "src/target.h"
#include "src/xalloc.h"

/* A user or group by name or number: 0, or -1 after the message. */
static int look_up(const char *name, size_t len, bool user, unsigned *id)
{
	char *s = xasprintf("%.*s", (int)len, name);
	int rc = 0;
	bool digits = *s != '\0';
	for (const char *p = s; *p; p++)
		digits &= isdigit((unsigned char)*p) != 0;
	unsigned long long v;
	if (digits) {
		errno = 0;
		v = strtoull(s, NULL, 10);
		if (errno || v >= (unsigned)-1) {
			warnx(user ? _("--owner: invalid user id '%s'") : _("--owner: invalid group id '%s'"), escape_arg(s));
			rc = -1;
		}
		*id = (unsigned)v;
	} else if (user ? user_id(s, id) : group_id(s, id)) {
		rc = 0;
	} else {
		warnx(user ? _("--owner: no user '%s' (a name of the password database, or a number)")
			   : _("--owner: no group '%s' (a name of the group database, or a number)"), escape_arg(s));
		rc = -1;
	}
	free(s);
	return rc;
}

union sysv_ds {
	struct msqid_ds msg;
	struct shmid_ds shm;
	struct semid_ds sem;
};

union semun_arg {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

static int sysv_ctl(enum ipc_kind kind, int id, int cmd, union sysv_ds *ds)
{
	if (kind == KIND_MSG)
		return msgctl(id, cmd, &ds->msg);
	if (kind == KIND_SHM)
		return shmctl(id, cmd, &ds->shm);
	return semctl(id, 0, cmd, (union semun_arg){ .buf = &ds->sem });
}

static struct ipc_perm *perm_of(enum ipc_kind kind, union sysv_ds *ds)
{
	return kind == KIND_MSG ? &ds->msg.msg_perm : kind == KIND_SHM ? &ds->shm.shm_perm : &ds->sem.sem_perm;
}

/* IPC_SET refused (EPERM): who may, or the limit passed. */
static void report_sysv_perm(const struct set_request *req, int id, const struct ipc_perm *p)
{
	char *what = target_describe(&req->target, id);
	uid_t me = geteuid();
	struct sysv_limits l;
	if ((me == p->uid || me == p->cuid) && req->has_max_bytes && sysv_limits(KIND_MSG, &l) == 0 &&
	    req->max_bytes > l.msgmnb)
		warnx(_("%s: raising msg_qbytes above MSGMNB, %lu bytes (/proc/sys/kernel/msgmnb), needs "
			"CAP_SYS_RESOURCE (root)"), what, (unsigned long)l.msgmnb);
	else
		warnx(_("%s: only its owner (uid %u), its creator (uid %u) or root (CAP_SYS_ADMIN) may change it"),
		      what, (unsigned)p->uid, (unsigned)p->cuid);
	free(what);
}

/*
 * What IPC_SET will be given back: IPC_STAT's.  Without read permission
 * (the owner may have taken it from itself), the owner, group and mode
 * from /proc/sysvipc, when nothing else is needed (a queue's msg_qbytes
 * unknown would be set to 0).  0, or -1 after the message.
 */
static int read_settings(const struct ipc_target *t, int id, union sysv_ds *ds, bool qbytes_given)
{
	memset(ds, 0, sizeof(*ds));
	if (sysv_ctl(t->kind, id, IPC_STAT, ds) == 0)
		return 0;
	int e = errno;
	struct sysv_object o;
	if (e == EACCES && sysv_find(t->kind, id, &o) == 0 && (t->kind != KIND_MSG || o.qbytes || qbytes_given)) {
		struct ipc_perm *p = perm_of(t->kind, ds);
		p->uid = o.uid;
		p->gid = o.gid;
		p->mode = o.mode & 0777;
		if (t->kind == KIND_MSG)
			ds->msg.msg_qbytes = (msglen_t)o.qbytes;
		return 0;
	}
	char *what = target_describe(t, id);
	if (e == EINVAL || e == EIDRM)
		target_report_gone(t, id);
	else if (e == EACCES)
		warnx(_("cannot read the settings of %s (no read permission): give --max-bytes too, or have "
			"read permission"), what);
	else
		warnx(_("cannot read the settings of %s: %s"), what, strerror(e));
	free(what);
	return -1;
}

static int set_sysv(const struct set_request *req, uid_t uid, gid_t gid)
{
	const struct ipc_target *t = &req->target;
	int id;
	if (target_sysv_id(t, &id) < 0)
		return -1;
	union sysv_ds ds;
	if (read_settings(t, id, &ds, req->has_max_bytes) < 0)
		return -1;
	struct ipc_perm *p = perm_of(t->kind, &ds);
	if (req->has_mode)
		p->mode = (p->mode & ~0777u) | req->mode;
	if (uid != (uid_t)-1)
		p->uid = uid;
	if (gid != (gid_t)-1)
		p->gid = gid;
	if (req->has_max_bytes)
		ds.msg.msg_qbytes = (msglen_t)req->max_bytes;
	struct ipc_perm before = *p;
	if (sysv_ctl(t->kind, id, IPC_SET, &ds) == 0)
		return 0;
	if (errno == EPERM) {
		report_sysv_perm(req, id, &before);
	} else if (errno == EINVAL || errno == EIDRM) {
		target_report_gone(t, id);
	} else {
		char *what = target_describe(t, id);
		warnx(_("cannot change %s: %s"), what, strerror(errno));
		free(what);
	}
	return -1;
}

static void report_posix(const struct set_request *req, const char *change, int errnum, const char *why_perm)
{
	char *what = target_describe(&req->target, -1);
	if (errnum == EPERM && why_perm)
		warnx(_("cannot change the %s of %s: %s"), change, what, why_perm);
	else
		warnx(_("cannot change the %s of %s: %s"), change, what, strerror(errnum));
	free(what);
}

static int set_posix(const struct set_request *req, uid_t uid, gid_t gid)
{
	const struct ipc_target *t = &req->target;
	struct stat st;
	int fd = target_posix_open(t, req->has_size ? O_RDWR : O_PATH, &st);
	if (fd < 0) {
		target_report_posix_open(t, errno, _("resizing takes read and write permission"));
		return -1;
	}
	int rc = 0;
	if (req->has_size && req->size < (uint64_t)st.st_size) {
		char *what = target_describe(t, -1);
		warnx(_("%s is %lld bytes: shrinking it would kill with SIGBUS any process touching the bytes cut "
			"off; remove it and make it again (ipcrm, ipcmk) if that is what you want"), what,
		      (long long)st.st_size);
		free(what);
		rc = -1;
	} else if (req->has_size && ftruncate(fd, (off_t)req->size) < 0) {
		report_posix(req, _("size"), errno, NULL);
		rc = -1;
	}
	if (rc == 0 && req->has_mode) {
		/* An O_PATH descriptor takes no fchmod: its /proc link names the same file. */
		char path[64];
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		if ((req->has_size ? fchmod(fd, req->mode) : chmod(path, req->mode)) < 0) {
			report_posix(req, _("mode"), errno, _("only its owner or root may change it"));
			rc = -1;
		}
	}
	if (rc == 0 && (uid != (uid_t)-1 || gid != (gid_t)-1) &&
	    fchownat(fd, "", uid, gid, AT_EMPTY_PATH) < 0) {
		report_posix(req, _("owner"), errno, _("giving a file to another user takes root (CAP_CHOWN); its owner "
						       "may change its group to one of the owner's own groups"));
		rc = -1;
	}
	close(fd);
	return rc;
}

int set_main(int argc, char **argv)
{
	struct set_request req;
	argv[0] = (char *)"ipcbox set";	/* getopt's messages name it so too */
	if (set_parse_args(argc, argv, &req) < 0)
		return 1;
	if (req.action != CMDLINE_RUN)
		return cmdline_act(&set_cmdline, req.action);
	unsigned uid = (unsigned)-1, gid = (unsigned)-1;
	if ((req.user && look_up(req.user, req.user_len, true, &uid) < 0) ||
	    (req.group && look_up(req.group, strlen(req.group), false, &gid) < 0))
		return 1;
	int rc = kind_is_posix(req.target.kind) ? set_posix(&req, uid, gid) : set_sysv(&req, uid, gid);
	return rc < 0 ? 1 : close_stdout();
}

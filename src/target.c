/* The object a command acts on: found, described, and its errors (see target.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/key-hint.h"
#include "src/messages.h"
#include "src/names.h"
#include "src/posix.h"
#include "src/sysv.h"
#include "src/target.h"
#include "src/xalloc.h"

/*
 * Each kind's sentences are whole literals (translators get sentences, the
 * compiler checks each format): a switch per message, no table of formats.
 */

/* How the mode is changed, for the permission message. */
static const char *remedy(enum ipc_kind kind)
{
	switch (kind) {
	case KIND_MSG:
	case KIND_PMSG:
		return _("msgctl IPC_SET, or chmod for a POSIX queue");
	case KIND_SHM:
		return _("ipcbox set --mode: shmctl IPC_SET");
	case KIND_SEM:
		return _("ipcbox set --mode: semctl IPC_SET");
	default:
		return _("ipcbox set --mode: fchmod");
	}
}

int target_sysv_id(const struct ipc_target *t, int *id)
{
	if (t->by != TARGET_KEY) {
		*id = t->id;
		return 0;
	}
	struct key_arg key = t->key;
	if (resolve_key_arg(&key) < 0)
		return -1;
	*id = sysv_id_of_key(t->kind, key.value);
	if (*id >= 0)
		return 0;
	char k[11];
	format_key((uint32_t)key.value, k);
	if (t->kind == KIND_MSG)
		warnx(_("no message queue has key %s: ipcs -q lists the queues"), k);
	else if (t->kind == KIND_SHM)
		warnx(_("no shared memory segment has key %s: ipcs -m lists the segments"), k);
	else
		warnx(_("no semaphore set has key %s: ipcs -s lists the semaphore sets"), k);
	key_hint(t->kind, key.value, t->arg, KEY_HINT_SHOW, false);
	return -1;
}

void target_report_gone(const struct ipc_target *t, int id)
{
	if (t->kind == KIND_MSG)
		warnx(_("message queue id %d does not exist: ipcs -q lists the queues"), id);
	else if (t->kind == KIND_SHM)
		warnx(_("shared memory segment id %d does not exist: ipcs -m lists the segments"), id);
	else
		warnx(_("semaphore set id %d does not exist: ipcs -s lists the semaphore sets"), id);
}

void target_report_open(const struct ipc_target *t, int errnum)
{
	char *shown = escape_alloc(t->arg), *what = target_describe(t, -1);
	if (errnum == ENOENT && t->kind == KIND_PMSG)
		warnx(_("POSIX message queue %s does not exist: ipcs -Q lists the queues, ipcmk -q -n %s makes one"),
		      shown, shown);
	else if (errnum == ENOENT && t->kind == KIND_PSHM)
		warnx(_("POSIX shared memory %s does not exist: ipcs -M lists the segments, "
			"ipcmk -m <size> -n %s makes one"), shown, shown);
	else if (errnum == ENOENT)
		warnx(_("POSIX semaphore %s does not exist: ipcs -S lists the semaphores, ipcmk -s -n %s makes one"),
		      shown, shown);
	else
		warnx(_("cannot open %s: %s"), what, strerror(errnum));
	free(what);
	free(shown);
}

char *target_describe(const struct ipc_target *t, int id)
{
	char *s, *shown = escape_alloc(t->arg);
	switch (t->kind) {
	case KIND_PMSG:
		s = xasprintf(_("POSIX message queue %s"), shown);
		break;
	case KIND_PSHM:
		s = xasprintf(_("POSIX shared memory %s"), shown);
		break;
	case KIND_PSEM:
		s = xasprintf(_("POSIX semaphore %s"), shown);
		break;
	case KIND_MSG:
		s = t->by == TARGET_KEY ? xasprintf(_("message queue with key %s (id %d)"), shown, id)
					: xasprintf(_("message queue id %d"), id);
		break;
	case KIND_SHM:
		s = t->by == TARGET_KEY ? xasprintf(_("shared memory segment with key %s (id %d)"), shown, id)
					: xasprintf(_("shared memory segment id %d"), id);
		break;
	default:
		s = t->by == TARGET_KEY ? xasprintf(_("semaphore set with key %s (id %d)"), shown, id)
					: xasprintf(_("semaphore set id %d"), id);
		break;
	}
	free(shown);
	return s;
}

/* "owned by alice (uid 1000), mode 0600", or NULL when it cannot be seen. */
static char *owner_text(const struct ipc_target *t, int id)
{
	uint32_t uid, mode;
	if (kind_is_posix(t->kind)) {
		struct posix_object o;
		if (posix_find(t->kind, t->arg, &o) != 0)
			return NULL;
		uid = o.uid;
		mode = o.mode & 0777;
	} else {
		struct sysv_object o;
		if (sysv_find(t->kind, id, &o) < 0)
			return NULL;
		uid = o.uid;
		mode = o.mode & 0777;
	}
	const char *name = user_name_shown(uid);
	return xasprintf(_("owned by %s (uid %u), mode %04o"), name ? name : "?", uid, mode);
}

void target_report_permission(const struct ipc_target *t, int id, const char *need)
{
	char *what = target_describe(t, id), *owner = owner_text(t, id);
	if (owner)
		warnx(_("permission denied for %s (%s): %s; its owner or root can change the mode (%s)"), what, owner,
		      need, remedy(t->kind));
	else
		warnx(_("permission denied for %s: %s"), what, need);
	free(owner);
	free(what);
}

int target_posix_open(const struct ipc_target *t, int flags, struct stat *st)
{
	char path[PATH_MAX];
	const char *name = t->arg[0] == '/' ? t->arg + 1 : t->arg;
	snprintf(path, sizeof(path), "%s/%s%s", posix_dir(t->kind), t->kind == KIND_PSEM ? "sem." : "", name);
	int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return errno == ELOOP ? (errno = EINVAL, -1) : -1;
	int e = fstat(fd, st) < 0 ? errno : S_ISREG(st->st_mode) ? 0 : EINVAL;
	if (e) {
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

void target_report_posix_open(const struct ipc_target *t, int errnum, const char *need)
{
	if (errnum == EACCES || errnum == EPERM) {
		target_report_permission(t, -1, need);
	} else if (errnum == EINVAL) {
		char *what = target_describe(t, -1);
		warnx(_("%s is not a regular file: no POSIX object; leave it alone, or ask who made it"), what);
		free(what);
	} else {
		target_report_open(t, errnum);
	}
}

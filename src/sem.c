/*
 * ipcbox sem: a System V semaphore set's or a POSIX semaphore's values,
 * shown, set (semctl SETVAL, SETALL) or operated on (semop, sem_post,
 * sem_wait), waiting as --nowait and --timeout say.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "src/commands.h"
#include "src/i18n.h"
#include "src/json.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/posix.h"
#include "src/render.h"
#include "src/sem-args.h"
#include "src/sysv.h"
#include "src/target.h"
#include "src/xalloc.h"

union semun_arg {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

/* A failed call on set ID (errno ERRNUM): the message.  NEED: the permission it takes. */
static void report_sysv(const struct sem_request *req, int id, int errnum, const char *need)
{
	const struct ipc_target *t = &req->target;
	char *what = target_describe(t, id);
	struct sysv_limits l;
	switch (errnum) {
	case EINVAL:
		target_report_gone(t, id);
		break;
	case EIDRM:
		warnx(_("%s was removed"), what);
		break;
	case EACCES:
	case EPERM:
		target_report_permission(t, id, need);
		break;
	case EAGAIN:
		if (req->wait.nowait)
			warnx(_("%s: the operations cannot be done at once (--nowait): a value is too small, or "
				"not zero (ipcbox sem without an action shows the values)"), what);
		else
			warnx(_("%s: the operations could not be done before the timeout"), what);
		break;
	case ERANGE:
		warnx(_("%s: a value would pass SEMVMX (%d), the largest a System V semaphore holds"), what,
		      SEM_VALUE_MAX_SYSV);
		break;
	case E2BIG:
		if (sysv_limits(KIND_SEM, &l) == 0) {
			warnx(_("%s: %zu operations at once are more than SEMOPM, %lu (the third field of "
				"/proc/sys/kernel/sem)"), what, req->n_items, (unsigned long)l.semopm);
			break;
		}
		/* fall through */
	default:
		warnx(_("%s: %s"), what, strerror(errnum));
		break;
	}
	free(what);
}

/* Each semaphore number of the request is one of the set's NSEMS: 0, or -1 after the message. */
static int check_numbers(const struct sem_request *req, int id, unsigned long nsems)
{
	char *what = target_describe(&req->target, id);
	int rc = 0;
	if (req->what == SEM_SET_ALL && req->n_items != nsems) {
		warnx(P_("%s has %lu semaphore: --set-all takes one value for each, not %zu",
			 "%s has %lu semaphores: --set-all takes one value for each, not %zu", nsems),
		      what, nsems, req->n_items);
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && req->what != SEM_SET_ALL && i < req->n_items; i++)
		if (req->items[i].num >= nsems) {
			warnx(_("%s has semaphores 0 to %lu: there is no semaphore %u"), what, nsems - 1,
			      req->items[i].num);
			rc = -1;
		}
	free(what);
	return rc;
}

static int show_sysv(const struct sem_request *req, int id, unsigned long nsems)
{
	struct sysv_semval *v = sysv_sem_values(id, (unsigned)nsems, SEMV_ALL);
	if (!v) {
		report_sysv(req, id, errno, _("reading its values takes read permission"));
		return -1;
	}
	if (req->json) {
		struct json doc = { 0 };
		json_open_object(&doc, NULL);
		json_int(&doc, "id", id);
		json_sem_values(&doc, v, nsems);
		json_close_object(&doc);
	} else {
		out_sem_values(v, nsems);
	}
	free(v);
	return 0;
}

/* semop, or semtimedop until the deadline, again after a signal that does not end the command. */
static int operate(const struct sem_request *req, int id)
{
	struct sembuf *ops = xreallocarray(NULL, req->n_items, sizeof(*ops));
	short flags = (short)((req->undo ? SEM_UNDO : 0) | (req->wait.nowait ? IPC_NOWAIT : 0));
	for (size_t i = 0; i < req->n_items; i++)
		ops[i] = (struct sembuf){ (unsigned short)req->items[i].num, (short)req->items[i].value, flags };
	struct wait_opts w = req->wait;
	wait_start(&w);
	int rc;
	for (;;) {
		if (w.has_timeout) {
			long long us = wait_left_us(&w);
			struct timespec left = { (time_t)(us / 1000000), (long)(us % 1000000) * 1000 };
			rc = semtimedop(id, ops, req->n_items, &left);
		} else {
			rc = semop(id, ops, req->n_items);
		}
		if (rc == 0 || errno != EINTR || !wait_retry(&w))
			break;
	}
	int e = errno;
	free(ops);
	if (rc < 0 && !(e == EINTR && wait_stop_signal()))
		report_sysv(req, id, e, _("operating on it takes alter (write) permission, waiting for zero read "
					  "permission"));
	return rc;
}

static int set_values(const struct sem_request *req, int id)
{
	const char *need = _("setting values takes alter (write) permission");
	if (req->what == SEM_SET_ALL) {
		unsigned short *a = xreallocarray(NULL, req->n_items, sizeof(*a));
		for (size_t i = 0; i < req->n_items; i++)
			a[i] = (unsigned short)req->items[i].value;
		int rc = semctl(id, 0, SETALL, (union semun_arg){ .array = a });
		int e = errno;
		free(a);
		if (rc < 0)
			report_sysv(req, id, e, need);
		return rc;
	}
	/* SETVAL one by one, as asked: a set may be too large for one SETALL's read-modify-write. */
	for (size_t i = 0; i < req->n_items; i++)
		if (semctl(id, (int)req->items[i].num, SETVAL, (union semun_arg){ .val = req->items[i].value }) < 0) {
			int e = errno;
			if (i)
				warnx(P_("%zu value was set before", "%zu values were set before", i), i);
			report_sysv(req, id, e, need);
			return -1;
		}
	return 0;
}

static int run_sysv(const struct sem_request *req)
{
	int id;
	if (target_sysv_id(&req->target, &id) < 0)
		return -1;
	struct semid_ds ds;
	unsigned long nsems;
	struct sysv_object o;
	int e = semctl(id, 0, IPC_STAT, (union semun_arg){ .buf = &ds }) == 0 ? 0 : errno;
	if (e == 0) {
		nsems = ds.sem_nsems;
	} else if (e == EACCES && req->what != SEM_SHOW && sysv_find(KIND_SEM, id, &o) == 0) {
		nsems = o.size;	/* alter permission without read: the size from /proc/sysvipc */
	} else {
		report_sysv(req, id, e, _("reading it takes read permission"));
		return -1;
	}
	if (check_numbers(req, id, nsems) < 0)
		return -1;
	switch (req->what) {
	case SEM_SET:
	case SEM_SET_ALL:
		return set_values(req, id);
	case SEM_OP:
		return operate(req, id);
	default:
		return show_sysv(req, id, nsems);
	}
}

/* The POSIX semaphore, mapped as sem_open maps it: from its file, checked (see target_posix_open). */
static sem_t *map_posix(const struct sem_request *req)
{
	struct stat st;
	int fd = target_posix_open(&req->target, O_RDWR, &st);
	if (fd < 0) {
		target_report_posix_open(&req->target, errno, _("its operations take read and write permission"));
		return NULL;
	}
	void *p = MAP_FAILED;
	if ((size_t)st.st_size >= sizeof(sem_t))
		p = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	int e = (size_t)st.st_size < sizeof(sem_t) ? EINVAL : errno;
	close(fd);
	if (p == MAP_FAILED) {
		char *what = target_describe(&req->target, -1);
		if (e == EINVAL)
			warnx(_("%s is a file of %lld bytes, too small for a semaphore: not one"), what,
			      (long long)st.st_size);
		else
			warnx(_("%s: %s"), what, strerror(e));
		free(what);
		return NULL;
	}
	return p;
}

static int show_posix(const struct sem_request *req)
{
	struct posix_object o;
	int rc = posix_find(KIND_PSEM, req->target.arg, &o);
	if (rc != 0) {
		target_report_open(&req->target, rc > 0 ? ENOENT : errno);
		return -1;
	}
	if (!o.has_value) {
		/* Read from a copy of its file (never a mapping): not readable by us. */
		target_report_permission(&req->target, -1, _("reading its value takes read permission"));
		return -1;
	}
	if (req->json) {
		struct json doc = { 0 };
		json_open_object(&doc, NULL);
		json_int(&doc, "value", o.value);
		json_close_object(&doc);
	} else {
		out_printf("%s\n%d\n", _("value"), o.value);
	}
	return 0;
}

static int run_posix(const struct sem_request *req)
{
	if (req->what == SEM_SHOW)
		return show_posix(req);
	sem_t *s = map_posix(req);
	if (!s)
		return -1;
	struct wait_opts w = req->wait;
	wait_start(&w);
	int rc;
	if (req->what == SEM_POST)
		rc = sem_post(s);
	else if (req->what == SEM_TRYWAIT || w.nowait)
		rc = sem_trywait(s);
	else
		while ((rc = w.has_timeout ? sem_timedwait(s, &w.deadline) : sem_wait(s)) < 0 && errno == EINTR &&
		       wait_retry(&w))
			;
	int e = errno;
	munmap(s, sizeof(sem_t));
	if (rc == 0 || (e == EINTR && wait_stop_signal()))
		return rc;
	char *what = target_describe(&req->target, -1);
	if (e == EOVERFLOW)
		warnx(_("%s is at its largest value, SEM_VALUE_MAX (%d): nothing was added"), what, SEM_VALUE_MAX);
	else if (e == EAGAIN)
		warnx(_("%s is 0: nothing to take without waiting"), what);
	else if (e == ETIMEDOUT)
		warnx(_("%s was still 0 at the timeout"), what);
	else
		warnx(_("%s: %s"), what, strerror(e));
	free(what);
	return -1;
}

int sem_main(int argc, char **argv)
{
	struct sem_request req;
	argv[0] = (char *)"ipcbox sem";	/* getopt's messages name it so too */
	int rc = sem_parse_args(argc, argv, &req);
	if (rc == 0 && req.action != CMDLINE_RUN) {
		sem_request_free(&req);
		return cmdline_act(&sem_cmdline, req.action);
	}
	if (rc == 0) {
		wait_catch_signals();
		rc = req.target.kind == KIND_PSEM ? run_posix(&req) : run_sysv(&req);
	}
	sem_request_free(&req);
	if (wait_stop_signal())
		wait_die_of_stop_signal();
	return rc < 0 ? 1 : close_stdout();
}

/*
 * ipcmk: create System V and POSIX IPC objects.
 *
 * Unlike util-linux, nothing existing is ever handed back or changed: System
 * V objects are created with IPC_EXCL under a fresh random key (never 0),
 * POSIX ones with O_EXCL.  The whole command line is checked before the first
 * object is made, and if one object of a call fails, those the call already
 * made are removed again.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <unistd.h>

#include "src/args.h"
#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcmk-args.h"
#include "src/messages.h"
#include "src/namespace.h"
#include "src/numbers.h"
#include "src/out.h"
#include "src/posix.h"
#include "src/render.h"
#include "src/sysv.h"
#include "src/util.h"

/* The objects, in the order they are created and printed. */
static const enum ipc_kind order[] = { KIND_SHM, KIND_PSHM, KIND_MSG, KIND_PMSG, KIND_SEM, KIND_PSEM };

#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX INT_MAX
#endif

/*
 * After the error for a bad value: a line with the form of a size, or the
 * range of a number with the kernel's limit it comes from (read in the
 * namespace we are in).
 */
static void value_hint(const struct mk_request *req)
{
	struct sysv_limits sl;
	struct posix_limits pl;
	bool pl_ok = posix_limits(KIND_PMSG, &pl) == 0;
	static const struct {
		int option;
		const char *name, *what, *limit;
		long long min;
	} ranges[] = {
		{ 'S', "-S", N_("the number of semaphores in an array"), N_("SEMMSL; see ipcs -s -l"), 1 },
		{ OPT_MAXMSG, "--maxmsg", N_("the number of messages a queue holds"), "/proc/sys/fs/mqueue/msg_max", 1 },
		{ OPT_MSGSIZE, "--msgsize", N_("the size of a message in bytes"), "/proc/sys/fs/mqueue/msgsize_max", 1 },
		{ OPT_VALUE, "--value", N_("the initial value of a semaphore"), "SEM_VALUE_MAX", 0 },
	};
	if (req->bad_option == 'M' || req->bad_option == 'm') {
		warnx("%s", _("a size is a number of bytes such as 4096, 64K or 1M"));
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(ranges); i++) {
		if (ranges[i].option != req->bad_option)
			continue;
		unsigned long long max = 0;
		if (ranges[i].option == 'S')
			max = sysv_limits(KIND_SEM, &sl) == 0 ? sl.semmsl : 0;
		else if (ranges[i].option == OPT_MAXMSG)
			max = pl_ok ? pl.msg_max : 0;
		else if (ranges[i].option == OPT_MSGSIZE)
			max = pl_ok ? pl.msgsize_max : 0;
		else
			max = SEM_VALUE_MAX;
		if (max)
			/* TRANSLATORS: "-S 0: the number of semaphores in an array is 1..32000 (SEMMSL; see ipcs -s -l)" */
			warnx(_("%s %s: %s is %lld..%llu (%s)"), ranges[i].name, escape_arg(req->bad_arg),
			      _(ranges[i].what), ranges[i].min, max, _(ranges[i].limit));
		else
			/* TRANSLATORS: as above, the kernel's limit unknown: "is at least 1, at most SEMMSL" */
			warnx(_("%s %s: %s is at least %lld, at most %s"), ranges[i].name, escape_arg(req->bad_arg),
			      _(ranges[i].what), ranges[i].min, _(ranges[i].limit));
	}
}

/*
 * Checks against the running kernel's limits, still before any creation.
 * -S out of 1..SEMMSL: util-linux's line (the kernel's EINVAL), then the range.
 */
static int check_limits(const struct mk_request *req)
{
	struct sysv_limits lim;
	if (req->want[KIND_SEM] && (req->nsems < 1 || (sysv_limits(KIND_SEM, &lim) == 0 &&
				     lim.semmsl > 0 && (uint64_t)req->nsems > lim.semmsl))) {
		warnx(_("create %s failed: %s%s%s%s%s"), _(kinds[KIND_SEM].create_what), "", strerror(EINVAL), "", "", "");
		value_hint(&(struct mk_request){ .bad_option = 'S', .bad_arg = req->nsems_arg });
		return -1;
	}
	return 0;
}

/* Remove the objects of order[0..upto-1] that were wanted. */
static void undo(const struct mk_request *req, const int *ids, size_t upto)
{
	while (upto-- > 0) {
		enum ipc_kind k = order[upto];
		if (!req->want[k])
			continue;
		if (kind_is_posix(k))
			posix_unlink(k, req->name);
		else
			sysv_remove(k, ids[k]);
	}
}

/*
 * Which kernel limit a failed creation ran into, with its value and where
 * to look: "all 32000 queues allowed by kernel.msgmni are in use; see
 * ipcs -q -l".  Empty when the error is no limit we know.
 */
static void limit_reached(const struct mk_request *req, enum ipc_kind t, int errnum, char *buf, size_t len)
{
	struct sysv_limits l;
	struct sysv_summary s;
	unsigned long long page = (unsigned long long)sysconf(_SC_PAGESIZE);
	buf[0] = '\0';
	if (kind_is_posix(t)) {
		struct posix_limits pl;
		char size[32], avail[32];
		/* A full tmpfs shows when the file is made or written (ftruncate allocates nothing). */
		if (t == KIND_PMSG || (errnum != ENOSPC && errnum != EDQUOT) || posix_limits(t, &pl) < 0)
			return;
		format_human_size(pl.fs_size, size, sizeof(size));
		format_human_size(pl.fs_available, avail, sizeof(avail));
		snprintf(buf, len, _("%s is full: %s of its %s are free, or no inodes are left; see df %s and ipcs %s -l"),
			 posix_dir(t), avail, size, posix_dir(t), t == KIND_PSHM ? "-M" : "-S");
		return;
	}
	if (sysv_limits(t, &l) < 0 || sysv_summary(t, &s) < 0)
		return;
	switch (t) {
	case KIND_MSG:
		if (errnum == ENOSPC)
			snprintf(buf, len, _("all %llu queues allowed by kernel.msgmni are in use; see ipcs -q -l"),
				 (unsigned long long)l.msgmni);
		break;
	case KIND_SHM:
		if (errnum == ENOSPC && s.shm_segments >= l.shmmni)
			snprintf(buf, len, _("all %llu segments allowed by kernel.shmmni are in use; see ipcs -m -l"),
				 (unsigned long long)l.shmmni);
		else if (errnum == ENOSPC)
			snprintf(buf, len, _("%llu of the %llu pages allowed by kernel.shmall are in use, "
				 "%llu more do not fit; see ipcs -m -u and ipcs -m -l"),
				 (unsigned long long)s.shm_pages, (unsigned long long)l.shmall,
				 (unsigned long long)((req->shm_size + page - 1) / page));
		else if (errnum == EINVAL && req->shm_size > l.shmmax)
			snprintf(buf, len, _("size %llu exceeds kernel.shmmax (%llu); see ipcs -m -l"),
				 (unsigned long long)req->shm_size, (unsigned long long)l.shmmax);
		else if (errnum == EINVAL && req->shm_size < l.shmmin)
			snprintf(buf, len, _("size %llu is below SHMMIN (%llu); see ipcs -m -l"),
				 (unsigned long long)req->shm_size, (unsigned long long)l.shmmin);
		break;
	case KIND_SEM:
		if (errnum == ENOSPC && s.sem_arrays >= l.semmni)
			snprintf(buf, len, _("all %llu arrays allowed by SEMMNI (kernel.sem, 4th value) are in use; "
				 "see ipcs -s -l"), (unsigned long long)l.semmni);
		else if (errnum == ENOSPC)
			snprintf(buf, len, _("%llu of the %llu semaphores allowed by SEMMNS (kernel.sem, 2nd value) "
				 "are in use, %d more do not fit; see ipcs -s -u and ipcs -s -l"),
				 (unsigned long long)s.sem_total, (unsigned long long)l.semmns, req->nsems);
		break;
	default:
		break;
	}
}

/* Bytes snprintf() wrote of its result N into ROOM (>= 1) bytes, the NUL not counted. */
static size_t fitted(int n, size_t room)
{
	return n < 0 ? 0 : (size_t)n < room ? (size_t)n : room - 1;
}

/* The reference's "create X failed: ERROR", naming the key, name or limit. */
static void report_failure(const struct mk_request *req, enum ipc_kind t, int errnum)
{
	char detail[ESCAPED_SIZE(NAME_MAX + 1) + 200] = "";
	if (kind_is_posix(t)) {
		const char *limit = t == KIND_PMSG ? posix_mqueue_limit_problem(&req->attr, errnum) : NULL;
		char name[ESCAPED_SIZE(NAME_MAX + 1)];
		snprintf(detail, sizeof(detail), "%s%s%s: ", escape_name(req->name, name, sizeof(name)),
			 limit ? ": " : "", limit ? limit : "");
	} else {
		/* The reference names neither the value nor the key: we do. */
		const char *arg = t == KIND_SHM ? req->shm_size_arg : t == KIND_SEM ? req->nsems_arg : NULL;
		/* Written in place: a translation of "key 0x%08x" may be of any length. */
		char *p = detail, *end = detail + sizeof(detail);
		if (arg)
			p += fitted(snprintf(p, (size_t)(end - p), "'%s'%s", escape_arg(arg), req->has_key ? ", " : ""),
				    (size_t)(end - p));
		if (req->has_key)
			p += fitted(snprintf(p, (size_t)(end - p), _("key 0x%08x"), (unsigned)req->key.value),
				    (size_t)(end - p));
		if (arg || req->has_key)
			snprintf(p, (size_t)(end - p), ": ");
	}
	char limit[400];
	limit_reached(req, t, errnum, limit, sizeof(limit));
	/* TRANSLATORS: "create share memory failed: '1G': Invalid argument (size
	 * ... exceeds kernel.shmmax ...)": what, the value or name, strerror(), the limit */
	warnx(_("create %s failed: %s%s%s%s%s"), _(kinds[t].create_what), detail, strerror(errnum),
	      *limit ? " (" : "", limit, *limit ? ")" : "");
}

/* "Shared memory id: 5", one line per object, as util-linux prints them. */
static void print_lines(const struct mk_request *req, const int ids[KINDS])
{
	char *name = req->name ? escape_alloc(req->name) : NULL;
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		enum ipc_kind k = order[i];
		char num[16];
		if (req->want[k])
			/* TRANSLATORS: "Shared memory id: 5", "POSIX semaphore name: /x" */
			out_printf(_("%s: %s\n"), _(kinds[k].reported), kind_is_posix(k) ? name : format_i64(ids[k], num));
	}
	free(name);
}

/*
 * -J: the objects made, each as ipcs -J shows it (its key, id, owner,
 * times...), read back from the kernel.  -1 after a message when one is
 * already gone (removed by someone else): the caller removes the rest.
 */
static int print_json(const struct mk_request *req, const int ids[KINDS])
{
	const struct render_opts opts = { .mode = MODE_LIST, .json = true };
	render_begin(&opts);
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		enum ipc_kind k = order[i];
		struct sysv_object sysv;
		struct posix_object posix;
		struct ipc_item it = { .kind = k };
		if (!req->want[k])
			continue;
		if (kind_is_posix(k) ? posix_find(k, req->name, &posix) < 0 : sysv_find(k, ids[k], &sysv) < 0) {
			char num[16];
			/* TRANSLATORS: "Message queue id 3: cannot read it back: No such file..." */
			warn(_("%s %s: cannot read it back"), _(kinds[k].reported),
			     kind_is_posix(k) ? escape_arg(req->name) : format_i64(ids[k], num));
			return -1;
		}
		if (kind_is_posix(k))
			it.posix = &posix;
		else
			it.sysv = &sysv;
		/* As ipcs -J shows it: with a segment's rss and swap. */
		if (!kind_is_posix(k))
			sysv_complete(&sysv);
		render_section_begin(k, &opts);
		render_item(&it, &opts);
		render_section_end(k, &opts);
	}
	render_end(&opts);
	return 0;
}

static int execute(const struct mk_request *req)
{
	int ids[KINDS] = { 0 };
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		enum ipc_kind k = order[i];
		if (!req->want[k])
			continue;
		int rc = kind_is_posix(k)
			? posix_create(k, req->name, req->mode, &req->attr)
			: (ids[k] = sysv_create(k, req->has_key ? req->key.value : IPC_PRIVATE, req->mode,
						  k == KIND_SHM ? req->shm_size : (uint64_t)req->nsems));
		if (rc < 0) {
			int e = errno;
			undo(req, ids, i);
			report_failure(req, k, e);
			return 1;
		}
	}
	if (req->json) {
		if (print_json(req, ids) < 0) {
			undo(req, ids, ARRAY_SIZE(order));
			return 1;
		}
	} else {
		print_lines(req, ids);
	}
	/* Nobody learns the ids of objects we could not report: remove them. */
	if (flush_stdout() < 0) {
		undo(req, ids, ARRAY_SIZE(order));
		return 1;
	}
	return 0;
}

int ipcmk_main(int argc, char **argv)
{
	struct mk_request req;
	if (ipcmk_parse_args(argc, argv, &req) < 0) {
		if (req.bad_option)
			value_hint(&req);
		return 1;
	}
	if (req.action != CMDLINE_RUN)
		return cmdline_act(&ipcmk_cmdline, req.action);
	/* PATH:PROJ keys: the file is looked at once the whole line has parsed, before entering. */
	if (req.has_key && resolve_key_arg(&req.key) < 0)
		return 1;
	req.ns.posix = req.want[KIND_PSHM] || req.want[KIND_PMSG] || req.want[KIND_PSEM];
	if (req.has_namespace && ns_enter(&req.ns) < 0)
		return 1;
	if (!ns_check_kinds(&req.ns, req.want, NS_CREATE, true, NULL))
		return 1;
	if (check_limits(&req) < 0)
		return 1;
	/* A reader gone is a write error, and the objects are removed again. */
	signal(SIGPIPE, SIG_IGN);
	int rc = execute(&req);
	return close_stdout() ? 1 : rc;
}

/* ipcs: show information on IPC facilities.  Options -> query -> render. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcs-args.h"
#include "src/key-hint.h"
#include "src/name-hint.h"
#include "src/ipcs-global.h"
#include "src/messages.h"
#include "src/namespace.h"
#include "src/numbers.h"
#include "src/posix.h"
#include "src/render.h"
#include "src/select.h"
#include "src/sysv.h"
#include "src/xalloc.h"

/*
 * One object, if the selection takes it: who holds it is asked first when
 * --processes or --orphaned needs it.  VALUES: a set's semaphores when the
 * caller has them (ipcs -s -i).
 */
static void show_object(const struct ipcs_request *req, const struct sysv_object *sysv,
			const struct posix_object *posix, const struct sysv_semval *values)
{
	static int64_t now;
	struct ipc_item it = { sysv ? sysv->kind : posix->kind, sysv, posix, NULL, false, NULL };
	struct holders_state state;
	bool need = req->processes || select_needs_holders(&req->select);
	if (!now)
		now = time(NULL);
	if (need) {
		/* Waiters are shown with --processes; for --orphaned alone only asked where they decide. */
		holders_state_of(sysv, posix, values, req->processes, &state);
		it.orphaned = state.orphaned;
		if (req->processes)
			it.holders = &state.list;
	}
	bool selected = sysv ? select_sysv(&req->select, sysv, need ? &state : NULL, now)
			     : select_posix(&req->select, posix, need ? &state : NULL, now);
	if (req->render.details && req->messages && sysv)
		it.messages = req->peek;
	if (req->render.details)
		render_details(&it, values, &req->render);
	else if (selected)
		render_item(&it, &req->render);
	if (need)
		holders_state_free(&state);
}

/*
 * -q -i ID --messages: copies of the messages into req->peek, the queue
 * left as it was.  On failure the details are shown without them, then why.
 */
static int peek_messages(const struct ipcs_request *req, const struct sysv_object *obj)
{
	req->peek->show = req->message_bytes;
	/* Text shows the first bytes of each, JSON all of them. */
	size_t keep = req->render.json ? SIZE_MAX : req->message_bytes;
	if (sysv_msg_peek(obj->id, keep, req->peek) == 0)
		return 0;
	int e = errno;
	bool gone = e == EIDRM || e == EINVAL;
	render_details(&(struct ipc_item){ .kind = KIND_MSG, .sysv = gone ? NULL : obj }, NULL, &req->render);
	if (e == ENOSYS)
		warnx(_("cannot read the messages of queue %d: this kernel cannot copy messages "
		      "(msgrcv MSG_COPY needs CONFIG_CHECKPOINT_RESTORE)"), obj->id);
	else if (e == EACCES || e == EPERM)
		warnx(_("cannot read the messages of queue %d: permission denied (it takes read permission)"), obj->id);
	else if (gone)
		warnx(_("id %d not found"), obj->id);
	else
		warn(_("cannot read the messages of queue %d"), obj->id);
	return -1;
}

static int show_details(const struct ipcs_request *req)
{
	enum ipc_kind kind = single_kind(req, false);
	struct sysv_object obj;
	if (sysv_find(kind, req->id, &obj) < 0) {
		if (errno == ENOENT)
			warnx(_("id %d not found"), req->id);
		else
			warn(_("cannot read %s"), _(kinds[kind].plural));
		render_details(&(struct ipc_item){ .kind = kind }, NULL, &req->render);
		return 1;
	}
	if (req->messages && peek_messages(req, &obj) < 0)
		return 1;
	struct sysv_semval *values = NULL;
	if (kind == KIND_SEM && obj.size > 0) {
		values = sysv_sem_values(obj.id, obj.size, SEMV_ALL);
		if (!values) {
			/* Removed since sysv_find saw it: as if it had never been there. */
			if (errno == EIDRM || errno == EINVAL)
				warnx(_("id %d not found"), req->id);
			else
				warn(_("semctl(GETVAL) failed"));
			render_details(&(struct ipc_item){ .kind = kind }, NULL, &req->render);
			return 1;
		}
	}
	show_object(req, &obj, NULL, values);
	free(values);
	if (req->messages && req->peek->more)
		warnx(_("queue %d holds %ju messages: only the first %d are listed (each copy walks the queue "
		      "from its head)"), obj.id, (uintmax_t)obj.count, SYSV_PEEK_MAX);
	return 0;
}

static int show_posix_details(const struct ipcs_request *req)
{
	enum ipc_kind kind = single_kind(req, true);
	if (req->messages)
		warnx(_("POSIX message queues cannot be read without receiving their messages (Linux has no "
		      "peek for them): showing the queue's attributes only"));
	struct posix_object obj;
	int rc = posix_find(kind, req->name, &obj);
	if (rc == 0) {
		show_object(req, NULL, &obj, NULL);
		return 0;
	}
	if (rc < 0) {
		posix_scan_failed(kind);
	} else {
		posix_name_not_found(kind, req->name);
	}
	render_details(&(struct ipc_item){ .kind = kind }, NULL, &req->render);
	return 1;
}

/* A System V list section. */
struct list_ctx {
	const struct ipcs_request *req;
};

static int render_visit(const struct sysv_object *obj, void *ctx)
{
	show_object(((struct list_ctx *)ctx)->req, obj, NULL, NULL);
	return 0;
}

static int show_posix_kind(enum ipc_kind kind, const struct ipcs_request *req)
{
	const struct render_opts *opts = &req->render;
	static struct posix_list list;	/* its memory kept for the next section */
	if (opts->mode == MODE_LIMITS) {
		struct posix_limits limits;
		if (posix_limits(kind, &limits) < 0) {
			warn(_("cannot read the limits of %s"), _(kinds[kind].plural));
			return 1;
		}
		render_posix_limits(kind, &limits, opts);
		return 0;
	}
	if (opts->mode == MODE_SUMMARY) {
		struct posix_summary summary;
		if (posix_summary(kind, &summary) < 0) {
			posix_scan_failed(kind);
			return 1;
		}
		render_posix_summary(kind, &summary, opts);
		return 0;
	}
	/*
	 * Directory order is arbitrary: sort by name, as ls does.  A kind that
	 * cannot be read gets no section at all, only the message.
	 */
	if (posix_list_gather(kind, POSIX_LIST_SORTED, &list) < 0) {
		posix_scan_failed(kind);
		return 1;
	}
	render_fit_names(list.names, list.n);
	for (size_t i = 0; i < list.n; i++) {
		struct posix_object obj;
		posix_list_get(&list, i, &obj);
		render_fit_owner(obj.uid, opts);
	}
	render_section_begin(kind, opts);
	for (size_t i = 0; i < list.n; i++) {
		struct posix_object obj;
		posix_list_get(&list, i, &obj);
		show_object(req, NULL, &obj, NULL);
	}
	render_section_end(kind, opts);
	return 0;
}

static int show_sysv_kind(enum ipc_kind kind, const struct ipcs_request *req)
{
	const struct render_opts *opts = &req->render;
		switch (opts->mode) {
	case MODE_LIMITS: {
		struct sysv_limits limits;
		if (sysv_limits(kind, &limits) < 0) {
			warn(_("cannot read the limits of %s"), _(kinds[kind].plural));
			return 1;
		}
		render_limits(kind, &limits, opts);
		return 0;
	}
	case MODE_SUMMARY: {
		struct sysv_summary summary;
		if (sysv_summary(kind, &summary) < 0) {
			warn(_("cannot read the status of %s"), _(kinds[kind].plural));
			return 1;
		}
		render_summary(kind, &summary, opts);
		return 0;
	}
	default:
		break;
	}
	struct list_ctx l = { .req = req };
	render_section_begin(kind, opts);
	int rc = sysv_scan(kind, render_visit, &l);
	render_section_end(kind, opts);
	if (rc < 0) {
		warn(_("cannot read %s"), _(kinds[kind].plural));
		return 1;
	}
	return 0;
}

/* Everything the request asks for, in the namespace we are in. */
static int show(const struct ipcs_request *req)
{
	int status = 0;
	if ((req->processes || select_needs_holders(&req->select)) && !holders_scan(req->want))
		warn(_("cannot read /proc: processes are unknown"));
	render_begin(&req->render);
	/* Never another namespace's files in place of the target's. */
	bool shown[KINDS];
	for (int k = 0; k < KINDS; k++)
		shown[k] = req->want[k] && render_shows(k, &req->render);
	if (!ns_check_kinds(&req->ns, shown, NS_SHOW, false, NULL))
		status = 1;
	if (req->have_id) {
		status |= show_details(req);
	} else if (req->name) {
		if (ns_reaches(single_kind(req, true)))
			status |= show_posix_details(req);
	} else {
		for (int k = 0; k < KINDS; k++) {
			if (!req->want[k] || !render_shows(k, &req->render) || !ns_reaches(k))
				continue;
			status |= kind_is_posix(k) ? show_posix_kind(k, req) : show_sysv_kind(k, req);
		}
	}
	if (req->processes)
		render_uninspected(holders_uninspected(), &req->render);
	render_end(&req->render);
	return status;
}

/* One block per IPC namespace on the host, ours first; each in a child that enters it. */
static int show_all_namespaces(const struct ipcs_request *req)
{
	struct ns_list list;
	int status = 0;
	if (ns_list_all(&list) < 0) {
		warn(_("cannot read /proc"));
		return 1;
	}
	bool holders = req->processes || select_needs_holders(&req->select);
	/*
	 * System V objects only: visiting in this process saves a fork per
	 * namespace.  Who uses what: /proc once here, not once per namespace.
	 */
	bool in_process = !any_kind(req, true);
	if (holders) {
		pid_t *pids = xreallocarray(NULL, list.n ? list.n : 1, sizeof(*pids));
		for (size_t i = 0; i < list.n; i++)
			pids[i] = list.items[i].pid;
		/* On failure each child scans by itself, and says why it cannot. */
		(void)holders_scan_namespaces(req->want, pids, list.n);
		free(pids);
	}
	render_namespaces_begin(&req->render);
	for (size_t i = 0; i < list.n; i++) {
		const struct ns_info *info = &list.items[i];
		if (in_process && (i == 0 || ns_visit(info->pid) == 0)) {
			struct ipcs_request sub = *req;
			sub.render.embedded = true;
			render_namespace_begin(info, i == 0, &sub.render);
			status |= show(&sub);
			render_namespace_end(&sub.render);
			if (i > 0 && ns_visit_end() < 0) {
				warn(_("cannot come back to our own IPC namespace"));
				status = 1;
				break;
			}
			continue;
		}
		if (flush_stdout() < 0)
			break;
		pid_t child = fork();
		if (child < 0) {
			warn("fork");
			status = 1;
			break;
		}
		if (child == 0) {
			struct ipcs_request sub = *req;
			sub.render.embedded = true;
			sub.ns = (struct ns_target){ info->pid_text, info->pid, any_kind(req, true) };
			int rc = i == 0 ? 0 : ns_enter(&sub.ns);
			if (rc == 0) {
				render_namespace_begin(info, i == 0, &sub.render);
				rc = show(&sub);
				render_namespace_end(&sub.render);
			}
			_exit(close_stdout() ? 1 : rc);
		}
		int ws;
		while (waitpid(child, &ws, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0)
			status = 1;
	}
	render_namespaces_end(&req->render);
	ns_list_free(&list);
	return status;
}

/*
 * "ipcs -p" with POSIX kinds: their tables have no pid columns, so the
 * text listing shows none of them (JSON lists them all the same).  Say
 * so, once; 1 when nothing that was asked for could be shown at all.
 */
static int pid_note(const struct ipcs_request *req)
{
	if (req->render.mode != MODE_PID || req->render.json || req->render.details || !any_kind(req, true))
		return 0;
	warnx(_("POSIX objects record no pids, so -p shows System V objects only: use --processes without -p to see which processes use them"));
	return any_kind(req, false) ? 0 : 1;
}

int ipcs_main(int argc, char **argv)
{
	struct ipcs_request req;
	if (ipcs_parse_args(argc, argv, &req) < 0) {
		/* "-m -i 0x1234": the key of an object?  Its kind, if given before -i, is looked at first. */
		if (req.key_hint && key_hint_here(argc, argv)) {
			int k = single_kind(&req, false);
			key_hint(k >= 0 ? (enum ipc_kind)k : KINDS, req.hint_key, req.hint_arg, KEY_HINT_SHOW, false);
		}
		return 1;
	}
	if (req.action != CMDLINE_RUN)
		return cmdline_act(&ipcs_cmdline, req.action);
	/* --key PATH:PROJ: the file is looked at once the whole line has parsed. */
	if (select_resolve(&req.select) < 0)
		return 1;
	struct sysv_message_list peek = { 0 };
	req.peek = &peek;
	int status;
	if (req.all_namespaces) {
		status = show_all_namespaces(&req);
	} else {
		req.ns.posix = any_kind(&req, true);
		if (req.has_namespace && ns_enter(&req.ns) < 0)
			return 1;
		if (req.render.mode == MODE_GLOBAL || req.render.mode == MODE_METRICS) {
			/* Never this host's POSIX files in place of the target's. */
			bool want[KINDS];
			status = ns_check_kinds(&req.ns, req.want, NS_SHOW, false, want) ? 0 : 1;
			status |= ipcs_global(want, &req.render, req.output);
		} else {
			status = show(&req);
		}
		if (req.has_namespace)
			status |= ns_check_alive(&req.ns);
	}
	status |= pid_note(&req);
	sysv_messages_free(peek.msgs, peek.n);
	return close_stdout() ? 1 : status;
}

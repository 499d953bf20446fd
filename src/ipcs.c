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
#include "src/limits.h"
#include "src/name-hint.h"
#include "src/ipcs-global.h"
#include "src/messages.h"
#include "src/namespace.h"
#include "src/numbers.h"
#include "src/order.h"
#include "src/owners.h"
#include "src/posix.h"
#include "src/render.h"
#include "src/select.h"
#include "src/sysv.h"
#include "src/xalloc.h"

/* Whether objects are shown with their memory: JSON always, text with --memory. */
static bool memory_shown(const struct ipcs_request *req)
{
	/* JSON's -t, -p and -c are the list's document. */
	bool listing = req->render.mode <= MODE_CREATOR && (req->render.json || req->render.mode == MODE_LIST);
	return (req->render.json || req->render.memory) && !req->by && (listing || req->render.details);
}

/*
 * --removeipc: a warning on stderr after the listing, whether logind
 * removes what was listed, and what a live process uses.
 */
static void removeipc_note(const struct ipcs_request *req)
{
	const struct logind_policy *p = &req->select.logind;
	char *from = p->remove_ipc_from[0] ? escape_alloc(p->remove_ipc_from) : NULL;
	/* TRANSLATORS: where RemoveIPC= came from when no file sets it */
	const char *source = from ? from : _("the default");
	size_t n = req->tally->objects;
	if (p->remove_ipc)
		warnx(P_("RemoveIPC=yes (%s): systemd-logind removes the %zu object listed, of a regular user "
			 "(uid above %u), when its owner's last session ends",
			 "RemoveIPC=yes (%s): systemd-logind removes the %zu objects listed, of regular users "
			 "(uid above %u), when their owner's last session ends", n),
		      source, n, p->sys_uid_max);
	else
		warnx(P_("RemoveIPC=no (%s): systemd-logind leaves the %zu object listed, of a regular user "
			 "(uid above %u), in place at logout",
			 "RemoveIPC=no (%s): systemd-logind leaves the %zu objects listed, of regular users "
			 "(uid above %u), in place at logout", n),
		      source, n, p->sys_uid_max);
	if (p->remove_ipc && req->tally->in_use)
		warnx(P_("%zu of them is in use by a running process: run such a service as a system user "
			 "or set RemoveIPC=no (see ipcs(1))",
			 "%zu of them are in use by running processes: run such services as system users "
			 "or set RemoveIPC=no (see ipcs(1))", req->tally->in_use),
		      req->tally->in_use);
	free(from);
}

/*
 * One object, if the selection takes it (its row, or into OWNERS' totals;
 * whether it was taken): who holds it is asked first when
 * --processes or --orphaned needs it.  VALUES: a set's semaphores when the
 * caller has them (ipcs -s -i).
 */
static bool show_object(const struct ipcs_request *req, const struct sysv_object *sysv,
			const struct posix_object *posix, const struct sysv_semval *values,
			struct owner_table *owners)
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
	if (selected && req->tally && !req->render.details) {
		req->tally->objects++;
		req->tally->in_use += need && state.in_use;
	}
	if (req->render.details && req->messages && sysv)
		it.messages = req->peek;
	/* Only for rows shown: a command line is one more /proc file per process. */
	if (it.holders && (selected || req->render.details))
		holders_command_lines(&state.list);
	if (req->render.details)
		render_details(&it, values, &req->render);
	else if (selected && owners)
		owners_add(owners, &it);
	else if (selected)
		render_item(&it, &req->render);
	if (need)
		holders_state_free(&state);
	return selected;
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
	if (memory_shown(req))
		sysv_complete(&obj);
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
	show_object(req, &obj, NULL, values, NULL);
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
		show_object(req, NULL, &obj, NULL, NULL);
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
	const struct ipcs_request *req = ((struct list_ctx *)ctx)->req;
	struct sysv_object full;
	if (memory_shown(req)) {
		full = *obj;
		sysv_complete(&full);
		obj = &full;
	}
	show_object(req, obj, NULL, NULL, NULL);
	return 0;
}

/* Whether a kind is gathered whole before anything is shown. */
static bool collected(const struct ipcs_request *req)
{
	return req->by || req->sort.n || req->top;
}

/* --by-owner, --by-creator: the selected objects totalled per owner, with each one's share of a limit. */
static void show_owners(enum ipc_kind kind, const struct ipcs_request *req, const struct ipc_item *items, size_t n)
{
	struct owner_table t;
	owners_init(&t, kind, req->by);
	for (size_t i = 0; i < n; i++)
		show_object(req, items[i].sysv, items[i].posix, NULL, &t);
	bool want[KINDS];
	struct usage_report r;
	owners_limit_kinds(kind, want);
	/* A limit that cannot be read leaves the shares unknown ("-", null), the totals stand. */
	(void)usage_gather(want, false, NULL, &r);
	owners_finish(&t, &r);
	render_owners(&t, req->top, &req->render);
	owners_free(&t);
}

/*
 * A gathered kind: its totals per owner, or its rows in --sort's order,
 * the first --top of those the selection takes.
 */
static void show_collected(enum ipc_kind kind, const struct ipcs_request *req, struct ipc_item *items, size_t n)
{
	if (req->by) {
		show_owners(kind, req, items, n);
		return;
	}
	order_items(kind, items, n, &req->sort, req->render.numeric);
	render_section_begin(kind, &req->render);
	size_t shown = 0;
	for (size_t i = 0; i < n && (!req->top || shown < req->top); i++)
		shown += show_object(req, items[i].sysv, items[i].posix, NULL, NULL);
	render_section_end(kind, &req->render);
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
	if (collected(req)) {
		struct posix_object *objs = xreallocarray(NULL, list.n ? list.n : 1, sizeof(*objs));
		struct ipc_item *items = xreallocarray(NULL, list.n ? list.n : 1, sizeof(*items));
		for (size_t i = 0; i < list.n; i++) {
			posix_list_get(&list, i, &objs[i]);
			items[i] = (struct ipc_item){ .kind = kind, .posix = &objs[i] };
		}
		show_collected(kind, req, items, list.n);
		free(items);
		free(objs);
		return 0;
	}
	render_section_begin(kind, opts);
	for (size_t i = 0; i < list.n; i++) {
		struct posix_object obj;
		posix_list_get(&list, i, &obj);
		show_object(req, NULL, &obj, NULL, NULL);
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
	if (collected(req)) {
		struct sysv_object *objs;
		size_t n;
		if (sysv_gather(kind, &objs, &n) < 0) {
			warn(_("cannot read %s"), _(kinds[kind].plural));
			return 1;
		}
		struct ipc_item *items = xreallocarray(NULL, n ? n : 1, sizeof(*items));
		for (size_t i = 0; i < n; i++) {
			/* Before sorting: --sort rss, fill_percent. */
			if (memory_shown(req) || req->sort.n)
				sysv_complete(&objs[i]);
			items[i] = (struct ipc_item){ .kind = kind, .sysv = &objs[i] };
		}
		show_collected(kind, req, items, n);
		free(items);
		free(objs);
		return 0;
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

/*
 * --orphaned without some POSIX kinds: does a POSIX kind left out hold
 * orphans?  A crashed program's /app.buffer is as much a leftover as its
 * System V segment.  Not across namespaces (another namespace's files are
 * read only where the request asked for them).
 */
static bool posix_hint_applies(const struct ipcs_request *req)
{
	if (!req->select.orphaned || req->have_id || req->name || req->has_namespace)
		return false;
	for (int k = 0; k < KINDS; k++)
		if (kind_is_posix(k) && !req->want[k])
			return true;
	return false;
}

/* "3 orphaned POSIX objects not shown: add --posix": the kinds not asked for, by the same filters. */
static void posix_orphans_hint(const struct ipcs_request *req)
{
	size_t n = 0;
	int64_t now = time(NULL);
	for (int k = 0; k < KINDS; k++) {
		struct posix_list list = { 0 };
		if (!kind_is_posix(k) || req->want[k] || posix_list_gather(k, 0, &list) < 0)
			continue;
		for (size_t i = 0; i < list.n; i++) {
			struct posix_object obj;
			struct holders_state state;
			posix_list_get(&list, i, &obj);
			holders_state_of(NULL, &obj, NULL, false, &state);
			n += select_posix(&req->select, &obj, &state, now);
			holders_state_free(&state);
		}
		posix_list_free(&list);
	}
	if (n)
		/* TRANSLATORS: on stderr after "ipcs --orphaned"; --posix is the option */
		warnx(P_("%zu orphaned POSIX object not shown: add --posix",
			 "%zu orphaned POSIX objects not shown: add --posix", n), n);
}

/* Everything the request asks for, in the namespace we are in. */
static int show(const struct ipcs_request *req)
{
	int status = 0;
	bool hint = posix_hint_applies(req);
	/* Another namespace's segments, maybe: /proc/sysvipc/shm is read again. */
	sysv_memory_forget();
	bool scan[KINDS];
	for (int k = 0; k < KINDS; k++)
		scan[k] = req->want[k] || (hint && kind_is_posix(k));
	if ((req->processes || select_needs_holders(&req->select)) && !holders_scan(scan)) {
		warn(_("cannot read /proc: processes are unknown"));
		hint = false;
	}
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
		if (req->by)
			render_owners_begin(&req->render);
		for (int k = 0; k < KINDS; k++) {
			if (!req->want[k] || !render_shows(k, &req->render) || !ns_reaches(k))
				continue;
			status |= kind_is_posix(k) ? show_posix_kind(k, req) : show_sysv_kind(k, req);
		}
		if (req->by)
			render_owners_end(&req->render);
	}
	if (req->processes) {
		struct holder blockers[HOLDERS_BLOCKERS_SHOWN];
		size_t n = holders_blockers(blockers);
		render_uninspected(holders_unreadable(), blockers, n, &req->render);
	}
	render_end(&req->render);
	/* On stderr, after the listing: stdout stays what scripts parse. */
	if (hint)
		posix_orphans_hint(req);
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
	struct removeipc_tally tally = { 0 };
	if (req.select.removeipc)
		req.tally = &tally;
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
			status |= ipcs_global(want, &req.render, req.output, req.top);
		} else {
			status = show(&req);
		}
		if (req.has_namespace)
			status |= ns_check_alive(&req.ns);
	}
	status |= pid_note(&req);
	if (req.tally)
		removeipc_note(&req);
	sysv_messages_free(peek.msgs, peek.n);
	return close_stdout() ? 1 : status;
}

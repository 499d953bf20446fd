/*
 * Who holds one object, is it in use, is it an orphan (holders.h): the
 * rules ipcs's --processes and --orphaned and ipcrm's filters and guard
 * share, over the holders the /proc scan found.
 */
#include <stdlib.h>

#include "src/holders.h"
#include "src/procs.h"

static bool in_use(enum ipc_kind kind, const struct sysv_object *sysv, const struct holder_list *l)
{
	if (l->waiting > 0 || (kind == KIND_SHM && sysv->count > 0))
		return true;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].alive || (l->items[i].how & ~HOLD_RECORDED))
			return true;
	/*
	 * A queue or set has no attach count, and the kernel records only its
	 * last users: a live server holding the id (the parent of recycled
	 * workers) leaves no trace.  Whoever runs as its owner may hold it.
	 * Not the creator: a server that starts as root and hands the object
	 * to its user (IPC_SET) would keep its leftovers forever.
	 */
	return (kind == KIND_MSG || kind == KIND_SEM) && proc_uid_runs(sysv->uid);
}

/* Whether what is known of the object's users is complete: its disuse can be told only then. */
static bool users_known(enum ipc_kind kind, const struct sysv_object *sysv, const struct holder_list *l)
{
	bool known = false;
	switch (kind) {
	case KIND_SHM:
		/* Creator and last attacher both recorded. */
		return sysv->pids[SHM_CPID] > 0 && sysv->pids[SHM_LPID] > 0;
	case KIND_MSG:
	case KIND_SEM:
		/* At least one pid recorded: a queue or set never used is not a leftover. */
		for (size_t i = 0; i < l->n; i++)
			known |= (l->items[i].how & HOLD_RECORDED) != 0;
		return known;
	default:
		/* POSIX objects record no pid: only a complete scan can tell. */
		return holders_unreadable() == 0;
	}
}

static void decide(const struct sysv_object *sysv, const struct posix_object *posix,
		   const struct sysv_semval *semvals, struct holders_state *st)
{
	enum ipc_kind kind = sysv ? sysv->kind : posix->kind;
	if (sysv)
		holders_of_sysv(sysv, semvals, &st->list);
	else
		holders_of_posix(posix, &st->list);
	st->in_use = in_use(kind, sysv, &st->list);
	st->orphaned = !st->in_use && users_known(kind, sysv, &st->list);
}

void holders_state_of(const struct sysv_object *sysv, const struct posix_object *posix,
		      const struct sysv_semval *semvals, bool waiters, struct holders_state *st)
{
	bool ask = sysv && sysv->kind == KIND_SEM && !semvals && sysv->size > 0;
	struct sysv_semval *own = NULL;
	if (ask)
		semvals = own = sysv_sem_values(sysv->id, sysv->size, SEMV_PID | (waiters ? SEMV_WAITING : 0));
	decide(sysv, posix, semvals, st);
	/* A waiter may be the only sign of use left: ask, and decide again on the new values. */
	if (ask && !waiters && !st->in_use) {
		holders_state_free(st);
		free(own);
		semvals = own = sysv_sem_values(sysv->id, sysv->size, SEMV_PID | SEMV_WAITING);
		decide(sysv, posix, semvals, st);
	}
	free(own);
}

void holders_state_free(struct holders_state *st)
{
	holder_list_free(&st->list);
}

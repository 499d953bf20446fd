/* ipcrm's filtered --all: the decision per object and the words for what stays (ipcrm-filter.h). */
#include <stdio.h>
#include <stdlib.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/ipcrm-filter.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/select.h"

/* TRANSLATORS: after "keeping semaphore id `3'", in parentheses: why it stays. */
static const char *const reason_words[KEEP_REASONS] = {
	[KEEP_NEVER_USED] = N_("never used: not an orphan"),
	[KEEP_USERS_UNKNOWN] = N_("some processes could not be inspected: not an orphan"),
	[KEEP_IN_USE] = N_("in use"),
	[KEEP_ROOT] = N_("owned by root: use --owner root"),
};

/* "3 never used (not orphans)": a reason's count in the summary (literal formats, so they are checked). */
static void out_reason_count(enum keep_reason why, size_t n)
{
	switch (why) {
	case KEEP_NEVER_USED:
		out_printf(P_("%zu never used (not orphans)", "%zu never used (not orphans)", n), n);
		break;
	case KEEP_USERS_UNKNOWN:
		out_printf(P_("%zu of unknown use (not orphans)", "%zu of unknown use (not orphans)", n), n);
		break;
	case KEEP_IN_USE:
		out_printf(P_("%zu in use", "%zu in use", n), n);
		break;
	default:
		out_printf(P_("%zu owned by root (use --owner root)", "%zu owned by root (use --owner root)", n), n);
		break;
	}
}

/* "1 semaphore array": a count with its kind, for the stderr line. */
static void kind_count(char *buf, size_t len, enum ipc_kind k, size_t n)
{
	switch (k) {
	case KIND_SHM:
		snprintf(buf, len, P_("%zu shared memory segment", "%zu shared memory segments", n), n);
		break;
	case KIND_MSG:
		snprintf(buf, len, P_("%zu message queue", "%zu message queues", n), n);
		break;
	case KIND_SEM:
		snprintf(buf, len, P_("%zu semaphore array", "%zu semaphore arrays", n), n);
		break;
	case KIND_PSHM:
		snprintf(buf, len, P_("%zu POSIX shared memory object", "%zu POSIX shared memory objects", n), n);
		break;
	case KIND_PMSG:
		snprintf(buf, len, P_("%zu POSIX message queue", "%zu POSIX message queues", n), n);
		break;
	default:
		snprintf(buf, len, P_("%zu POSIX semaphore", "%zu POSIX semaphores", n), n);
		break;
	}
}

/* "keeping semaphore id `3' (in use)", or with --dry-run "would keep ..." */
static void print_kept(const struct filter_tally *t, const struct sysv_object *sysv,
		       const struct posix_object *posix, enum keep_reason why)
{
	char num[16];
	char *shown = posix ? escape_alloc(posix->name) : NULL;
	/* TRANSLATORS: "keeping semaphore id `3' (in use)"; the first %s is a kind's
	 * word as in "removing %s `%s'", the last a reason */
	out_printf(t->req->dry_run ? _("would keep %s `%s' (%s)\n") : _("keeping %s `%s' (%s)\n"),
		   _(kinds[t->type].removing), shown ? shown : format_i64(sysv->id, num), _(reason_words[why]));
	free(shown);
}

bool filter_take(struct filter_tally *t, const struct sysv_object *sysv, const struct posix_object *posix)
{
	const struct selection *sel = &t->req->select;
	/* The filters but --orphaned: what the user pointed at. */
	struct selection pointed = *sel;
	pointed.orphaned = false;
	struct holders_state state;
	holders_state_of(sysv, posix, NULL, false, &state);
	bool considered = sysv ? select_sysv(&pointed, sysv, &state, t->now)
			       : select_posix(&pointed, posix, &state, t->now);
	uint32_t uid = sysv ? sysv->uid : posix->uid;
	enum keep_reason why = KEEP_REASONS;
	if (!considered)
		;
	else if (state.in_use)
		why = KEEP_IN_USE;
	else if (sel->orphaned && !state.orphaned)
		why = sysv ? KEEP_NEVER_USED : KEEP_USERS_UNKNOWN;
	else if (uid == 0 && !(sel->has_owner && sel->owner == 0))
		why = KEEP_ROOT;
	holders_state_free(&state);
	if (!considered)
		return false;
	t->considered++;
	if (why == KEEP_REASONS)
		return true;
	t->kept[why]++;
	/* In use with --orphaned is simply not an orphan; otherwise a guard overruled the filters. */
	t->guarded += why == KEEP_ROOT || (why == KEEP_IN_USE && !sel->orphaned);
	if (t->req->verbose || t->req->dry_run)
		print_kept(t, sysv, posix, why);
	return false;
}

/* "would remove 0 of 4 semaphore arrays (owned by www-data, orphaned); kept 3 never used (not orphans), 1 in use" */
static void summarize(const struct filter_tally *t)
{
	char filters[256];
	select_describe(&t->req->select, filters, sizeof(filters));
	/*
	 * TRANSLATORS: "removed 6 of 9 semaphore arrays (owned by www-data)"; the
	 * count is of the second number, the third %s a kind's plural, the last
	 * the filters.  English keeps the plural word for every count.
	 */
	out_printf(t->req->dry_run ? P_("would remove %zu of %zu %s (%s)", "would remove %zu of %zu %s (%s)", t->considered)
				   : P_("removed %zu of %zu %s (%s)", "removed %zu of %zu %s (%s)", t->considered),
		   t->removed, t->considered, _(kinds[t->type].plural), filters);
	const char *sep = _("; kept ");
	for (int i = 0; i < KEEP_REASONS; i++) {
		if (!t->kept[i])
			continue;
		out_str(sep);
		out_reason_count((enum keep_reason)i, t->kept[i]);
		sep = ", ";
	}
	out_char('\n');
}

/* "kept 1 semaphore array in use (-v lists them)": what a guard kept, when no summary says it. */
static void warn_guarded(const struct filter_tally *t)
{
	size_t in_use = t->req->select.orphaned ? 0 : t->kept[KEEP_IN_USE], root = t->kept[KEEP_ROOT];
	char what[128];
	kind_count(what, sizeof(what), t->type, in_use + root);
	if (in_use && root)
		/* TRANSLATORS: "kept 3 semaphore arrays: 1 in use, 2 owned by root (...)" */
		warnx(_("kept %s: %zu in use, %zu owned by root (use --owner root; -v lists them)"), what, in_use, root);
	else if (in_use)
		/* TRANSLATORS: "kept 1 semaphore array in use (-v lists them)" */
		warnx(_("kept %s in use (-v lists them)"), what);
	else
		/* TRANSLATORS: "kept 2 semaphore arrays owned by root (...)" */
		warnx(_("kept %s owned by root (use --owner root; -v lists them)"), what);
}

void filter_report(const struct filter_tally *t)
{
	if (t->req->verbose || t->req->dry_run)
		summarize(t);
	else if (t->guarded)
		warn_guarded(t);
}

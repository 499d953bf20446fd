/* The object a command acts on, and its --timeout (see target-args.h). */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/numbers.h"
#include "src/posix.h"
#include "src/target-args.h"
#include "src/cmdline.h"
#include "src/util.h"

int target_take(struct ipc_target *t, enum ipc_kind kind, enum target_by by, const char *option,
		const char *arg)
{
	if (t->by != TARGET_NONE)
		return parse_error(true, _("--%s: one object at a time (--%s %s was given already)"), option,
				   t->option, escape_arg(t->arg));
	t->kind = kind;
	t->by = by;
	t->arg = arg;
	t->option = option;
	const char *why = NULL;
	switch (by) {
	case TARGET_ID:
		if (!parse_ipc_id(arg, &t->id))
			return parse_error(false, _("--%s: invalid id '%s' (a decimal number, as ipcs shows it)"),
					   option, escape_arg(arg));
		break;
	case TARGET_KEY:
		if (!parse_key_arg(arg, &t->key, &why)) {
			if (why)
				return parse_error(false, _("--%s: invalid key '%s': %s"), option, escape_arg(arg), _(why));
			return parse_error(false, _("--%s: invalid key '%s'"), option, escape_arg(arg));
		}
		if (!t->key.is_ftok && t->key.value == IPC_PRIVATE)
			return parse_error(false, _("--%s: key 0 (IPC_PRIVATE) names no object: use the id (-%c ID)"),
					   option, kind == KIND_MSG ? 'q' : kind == KIND_SHM ? 'm' : 's');
		break;
	case TARGET_NAME:
		why = posix_name_problem(kind, arg);
		if (why)
			return parse_error(false, _("invalid name '%s': %s"), escape_arg(arg), _(why));
		break;
	case TARGET_NONE:
		break;
	}
	return 0;
}

int target_check(const struct ipc_target *t, const char *usage)
{
	if (t->by == TARGET_NONE)
		return parse_error(true, _("no object given: name one with %s"), usage);
	return 0;
}

bool parse_timeout(const char *s, struct timespec *out)
{
	static const struct { const char *unit; uint64_t ms; } units[] = {
		{ "", 1000 }, { "ms", 1 }, { "s", 1000 }, { "m", 60000 }, { "h", 3600000 },
	};
	if (!s || *s < '0' || *s > '9') {
		errno = EINVAL;
		return false;
	}
	/* Whole and fractional digits, exactly (to the nanosecond). */
	uint64_t whole = 0, frac_ns = 0, scale = 100000000;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (whole > (UINT64_MAX - 9) / 10) {
			errno = ERANGE;
			return false;
		}
		whole = whole * 10 + (uint64_t)(*p - '0');
	}
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9') {
			errno = EINVAL;
			return false;
		}
		for (; *p >= '0' && *p <= '9'; p++, scale /= 10)
			frac_ns += (uint64_t)(*p - '0') * scale;
	}
	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		if (strcmp(p, units[i].unit) != 0)
			continue;
		/* value * ms milliseconds, as seconds and nanoseconds; at most a year. */
		uint64_t ms = units[i].ms;
		if (whole > (uint64_t)366 * 86400 * 1000 / ms) {
			errno = ERANGE;
			return false;
		}
		uint64_t total_ns = whole * ms * 1000000 + frac_ns * ms / 1000;
		out->tv_sec = (time_t)(total_ns / 1000000000);
		out->tv_nsec = (long)(total_ns % 1000000000);
		return true;
	}
	errno = EINVAL;
	return false;
}

int take_timeout(const char *arg, struct timespec *out)
{
	if (parse_timeout(arg, out))
		return 0;
	if (errno == ERANGE)
		return parse_error(false, _("--timeout: '%s' is too long (at most a year)"), escape_arg(arg));
	return parse_error(false, _("--timeout: invalid duration '%s' (seconds, or a number with ms, s, m or h, "
			   "e.g. 1.5 or 250ms)"), escape_arg(arg));
}

/* The options that name an object, as ipcrm's do. */
static const struct {
	int c;
	enum ipc_kind kind;
	enum target_by by;
	const char *option;
} target_options[] = {
	{ 'q', KIND_MSG, TARGET_ID, "queue-id" },
	{ 'Q', KIND_MSG, TARGET_KEY, "queue-key" },
	{ 'm', KIND_SHM, TARGET_ID, "shmem-id" },
	{ 'M', KIND_SHM, TARGET_KEY, "shmem-key" },
	{ 's', KIND_SEM, TARGET_ID, "semaphore-id" },
	{ 'S', KIND_SEM, TARGET_KEY, "semaphore-key" },
	{ OPT_POSIX_MQ, KIND_PMSG, TARGET_NAME, "posix-mqueue" },
	{ OPT_POSIX_SHM, KIND_PSHM, TARGET_NAME, "posix-shmem" },
	{ OPT_POSIX_SEM, KIND_PSEM, TARGET_NAME, "posix-semaphore" },
};

int take_target_option(int c, const char *arg, struct ipc_target *t, unsigned kinds_mask)
{
	for (size_t i = 0; i < ARRAY_SIZE(target_options); i++)
		if (target_options[i].c == c && (kinds_mask & KIND_BIT(target_options[i].kind)))
			return target_take(t, target_options[i].kind, target_options[i].by, target_options[i].option,
					   arg);
	return 1;
}

int take_wait_option(int c, const char *arg, struct wait_opts *w)
{
	switch (c) {
	case OPT_NOWAIT:
		w->nowait = true;
		return 0;
	case OPT_TIMEOUT:
		w->has_timeout = true;
		return take_timeout(arg, &w->timeout);
	default:
		return 1;
	}
}

int take_queue_option(int c, const char *arg, struct ipc_target *t, struct wait_opts *w)
{
	int rc = take_target_option(c, arg, t, KIND_BIT(KIND_MSG) | KIND_BIT(KIND_PMSG));
	return rc <= 0 ? rc : take_wait_option(c, arg, w);
}

int check_queue_options(const struct ipc_target *t, const struct wait_opts *w)
{
	if (target_check(t, "-q <id>, -Q <key> or --posix-mqueue <name>") < 0)
		return -1;
	if (w->nowait && w->has_timeout)
		return parse_error(true, _("--nowait and --timeout exclude each other"));
	return 0;
}

#ifndef IPCBOX_WAIT_H
#define IPCBOX_WAIT_H

/*
 * Waiting in a blocking IPC call (msgsnd, msgrcv, mq_send, semop...) for
 * at most a --timeout, and leaving it cleanly on SIGTERM, SIGINT or
 * SIGHUP: the signals are caught (without SA_RESTART) so the call fails
 * with EINTR and the command can finish what it holds.  A System V call
 * has no timeout of its own: an interval timer interrupts it at the
 * deadline, and again every 20 ms after it, so a signal that came just
 * before the call went to sleep is not lost (a bounded retry, no busy
 * waiting).
 */
#include <stdbool.h>
#include <time.h>

struct wait_opts {
	bool nowait;
	bool has_timeout;
	struct timespec timeout;	/* as given */
	struct timespec deadline;	/* CLOCK_REALTIME, set by wait_start() */
};

/* Catch the ending signals (and SIGALRM) from now on. */
void wait_catch_signals(void);

/* The ending signal caught, or 0. */
int wait_stop_signal(void);

/* End the way that signal would have: its default action, raised again. */
_Noreturn void wait_die_of_stop_signal(void);

/* Fix the deadline: now + the timeout. */
void wait_start(struct wait_opts *w);

/*
 * Before a blocking System V call: arm the timer for the deadline (if
 * any).  After it: wait_disarm().
 */
void wait_arm(const struct wait_opts *w);
void wait_disarm(void);

/* Microseconds left until W's deadline, 0 when past it. */
long long wait_left_us(const struct wait_opts *w);

/*
 * After a call failed with EINTR: false to give up (errno ETIMEDOUT past
 * the deadline, EINTR on an ending signal), true to call again.
 */
bool wait_retry(const struct wait_opts *w);

#endif

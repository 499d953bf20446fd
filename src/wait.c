/* Bounded waits and clean ends on signals (see wait.h). */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "src/wait.h"

static volatile sig_atomic_t stop_signal;

/* Keep interrupting a call that may have gone to sleep after the flag was looked at. */
static void arm_interval(long first_us)
{
	struct itimerval it = { { 0, 20000 }, { first_us / 1000000, first_us % 1000000 } };
	if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)
		it.it_value.tv_usec = 1;
	setitimer(ITIMER_REAL, &it, NULL);
}

static void on_stop(int sig)
{
	int e = errno;
	stop_signal = sig;
	arm_interval(1);
	errno = e;
}

static void on_alarm(int sig)
{
	(void)sig;	/* only to interrupt the call */
}

void wait_catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;	/* no SA_RESTART: blocking calls return EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
}

int wait_stop_signal(void)
{
	return stop_signal;
}

_Noreturn void wait_die_of_stop_signal(void)
{
	int sig = stop_signal ? stop_signal : SIGTERM;
	wait_disarm();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

void wait_start(struct wait_opts *w)
{
	if (!w->has_timeout)
		return;
	clock_gettime(CLOCK_REALTIME, &w->deadline);
	w->deadline.tv_sec += w->timeout.tv_sec;
	w->deadline.tv_nsec += w->timeout.tv_nsec;
	if (w->deadline.tv_nsec >= 1000000000) {
		w->deadline.tv_sec++;
		w->deadline.tv_nsec -= 1000000000;
	}
}

long long wait_left_us(const struct wait_opts *w)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	long long us = (long long)(w->deadline.tv_sec - now.tv_sec) * 1000000 +
		       (w->deadline.tv_nsec - now.tv_nsec) / 1000;
	return us > 0 ? us : 0;
}

void wait_arm(const struct wait_opts *w)
{
	if (w->has_timeout && !w->nowait)
		arm_interval((long)wait_left_us(w));
}

void wait_disarm(void)
{
	if (stop_signal)
		return;	/* keep interrupting: the command is ending */
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &off, NULL);
}

bool wait_retry(const struct wait_opts *w)
{
	if (stop_signal) {
		errno = EINTR;
		return false;
	}
	if (w->has_timeout && wait_left_us(w) == 0) {
		errno = ETIMEDOUT;
		return false;
	}
	return true;
}

/*
 * \brief  test-timed_semaphore: down with a timeout, woken in time or not
 *
 * Genode's timed-semaphore test: a waker thread sleeps through its own
 * Timer session and then ups the semaphore. Case 1: the down's timeout
 * is longer than the waker's sleep, so the unit arrives and no timeout
 * fires. Case 2: the timeout is shorter, so every down times out, after
 * about its timeout (measured with the Timer's clock). The waker's late
 * ups of case 2 are collected before the next round.
 */

#include <base/component.h>
#include <base/log.h>
#include <base/semaphore.h>
#include <base/thread.h>
#include <timer_session/connection.h>

enum { ROUNDS = 3, SLACK_PERCENT = 30 };

struct waker {
	struct env *env;
	struct semaphore *sem;
	uint32_t sleep_ms;
	bool ok;
};

static void
waker_run(void *arg)
{
	struct waker *w = arg;
	timer_session_cap_t timer;

	if (timer_connection_open(env_parent(w->env), &timer) != STATUS_OK)
		return;
	w->ok = timer_session_msleep(timer, w->sleep_ms) == STATUS_OK;
	semaphore_up(w->sem);
	timer_connection_close(env_parent(w->env), timer);
}

/* one down with timeout_ms while a waker ups after wake_ms */
static bool
test_round(struct env *env, timer_session_cap_t timer, uint32_t wake_ms, uint32_t timeout_ms)
{
	struct semaphore sem = SEMAPHORE_INIT(0);
	struct waker w = {.env = env, .sem = &sem, .sleep_ms = wake_ms};
	struct thread *t;
	uint64_t t0 = 0, t1 = 0;
	bool expect_timeout = timeout_ms < wake_ms;

	if (thread_create("waker", 0, waker_run, &w, &t) != STATUS_OK ||
	    thread_start(t) != STATUS_OK)
		return false;
	(void)timer_session_elapsed_ms(timer, &t0);
	status_t s = semaphore_down_timeout(&sem, (uint64_t)timeout_ms * 1000u);
	(void)timer_session_elapsed_ms(timer, &t1);
	thread_join(t); /* its up of a timed-out round stays in sem, which goes */
	uint64_t took = t1 - t0, want = expect_timeout ? timeout_ms : wake_ms;
	bool in_time = took + want * SLACK_PERCENT / 100 >= want &&
	               took <= want + want * SLACK_PERCENT / 100;
	bool ok = w.ok && s == (expect_timeout ? STATUS_TIMEOUT : STATUS_OK) && in_time;
	log_print("wake-up after %u ms, timeout %u ms: %s after %llu ms%s", (unsigned)wake_ms,
	          (unsigned)timeout_ms, s == STATUS_OK ? "woken" : "timed out",
	          (unsigned long long)took, ok ? "" : " FAILED");
	if (!ok)
		log_error("timed semaphore: expected %s after about %llu ms",
		          expect_timeout ? "a timeout" : "a wake-up", (unsigned long long)want);
	return ok;
}

void
component_construct(struct env *env)
{
	timer_session_cap_t timer;
	bool ok = true;

	log_print("--- timed-semaphore test ---");
	if (timer_connection_open(env_parent(env), &timer) != STATUS_OK) {
		log_error("cannot open a Timer session");
		env_exit(env, 1);
	}
	log_print("case 1: woken in time, no timeout");
	for (unsigned i = 0; i < ROUNDS; i++)
		ok = test_round(env, timer, 100 + 100 * i, 1000) && ok;
	log_print("case 2: not woken in time, timeouts");
	for (unsigned i = 0; i < ROUNDS; i++)
		ok = test_round(env, timer, 600, 200 + 100 * i) && ok;
	timer_connection_close(env_parent(env), timer);
	if (!ok)
		env_exit(env, 1);
	log_print("end of timed-semaphore test");
	env_exit(env, 0);
}

/*
 * \brief  test-timer: Genode's timer test
 *
 * 1. Bad requests are refused and leave the session working.
 * 2. A 2 s one-shot timeout arrives as a signal, in time.
 * 3. Five 1 s msleeps and five 1 s sleeps of a timer_sleeper (woken by
 *    the kernel where it can) take about 5 s each, while five other clients (own
 *    sessions, own threads) count periodic timeouts: the one-thread
 *    server serves a blocked sleeper and the periodic clients at once.
 * Ends with "--- timer test finished ---"; every failure logs "Error:".
 */

#include <base/component.h>
#include <base/log.h>
#include <base/signal.h>
#include <timer_session/sleep.h>

#include "test_timer.h"

static bool
test_bad_requests(timer_session_cap_t timer)
{
	status_t s1 = timer_session_trigger_periodic(timer, 999u);
	status_t s2 = timer_session_msleep(timer, 86400001u);
	uint64_t a = 0, b = 0;
	status_t s3 = timer_session_elapsed_us(timer, &a);
	status_t s4 = timer_session_elapsed_us(timer, &b);

	if (s1 != STATUS_INVALID_ARGS || s2 != STATUS_INVALID_ARGS || s3 || s4 || b < a) {
		log_error("bad requests: period %s, msleep %s, elapsed %s/%s", status_name(s1),
		          status_name(s2), status_name(s3), status_name(s4));
		return false;
	}
	log_print("bad requests refused, session still works");
	return true;
}

static bool
test_one_shot(timer_session_cap_t timer)
{
	struct signal_receiver *r;
	struct signal_context *ctx;
	struct signal sig;
	uint64_t t0 = 0, t1 = 0;
	bool ok = false;

	if (signal_receiver_create(&r) != STATUS_OK)
		return false;
	if (signal_context_create(r, 0, &ctx) == STATUS_OK &&
	    timer_session_sigh(timer, signal_context_cap(ctx)) == STATUS_OK &&
	    timer_session_elapsed_ms(timer, &t0) == STATUS_OK &&
	    timer_session_trigger_once(timer, 2000000u) == STATUS_OK &&
	    signal_receiver_wait_timeout(r, 5000000u, &sig) == STATUS_OK &&
	    timer_session_elapsed_ms(timer, &t1) == STATUS_OK)
		ok = t1 - t0 >= 2000 && test_timer_within(t1 - t0, 2000);
	log_print("one-shot 2000 ms timeout after %llu ms%s", (unsigned long long)(t1 - t0),
	          ok ? "" : " FAILED");
	/* the context goes: the session must not keep signalling it */
	(void)timer_session_sigh(timer, CAP_TYPED_INVALID(signal_context_cap_t));
	signal_receiver_destroy(r);
	if (!ok)
		log_error("one-shot timeout missing or out of bounds");
	return ok;
}

/* five sleeps of 1 s by msleep or by a sleeper: never early, in time */
static bool
test_sleep_batch(timer_session_cap_t timer, struct timer_sleeper *sleeper, const char *how)
{
	uint64_t t0 = 0, t1 = 0;

	if (timer_session_elapsed_ms(timer, &t0) != STATUS_OK)
		return false;
	for (unsigned i = 0; i < 5; i++) {
		status_t st = sleeper ? timer_sleeper_msleep(sleeper, 1000)
		                      : timer_session_msleep(timer, 1000);
		if (st != STATUS_OK) {
			log_error("%s %u failed: %s", how, i, status_name(st));
			return false;
		}
	}
	if (timer_session_elapsed_ms(timer, &t1) != STATUS_OK)
		return false;
	bool ok = t1 - t0 >= 5000 && test_timer_within(t1 - t0, 5000);
	log_print("5 x %s(1000) took %llu ms%s", how, (unsigned long long)(t1 - t0),
	          ok ? "" : " FAILED");
	if (!ok)
		log_error("%s loop out of bounds", how);
	return ok;
}

/*
 * msleep blocks in the call; a sleeper is woken by the kernel where the
 * platform has a wake-up (timer_session/sleep.h), which the log tells.
 */
static bool
test_sleep_loops(timer_session_cap_t timer)
{
	struct timer_sleeper sleeper;

	timer_sleeper_init(&sleeper, timer);
	bool ok = test_sleep_batch(timer, NULL, "msleep") &&
	          test_sleep_batch(timer, &sleeper, "sleeper");
	log_print("sleeper woken by %s",
	          cap_valid(cap_raw(sleeper.wake)) ? "the kernel's wake-up" : "msleep");
	timer_sleeper_fini(&sleeper);
	return ok;
}

void
component_construct(struct env *env)
{
	timer_session_cap_t timer;
	struct test_periodic *periodic;

	log_print("--- timer test ---");
	if (timer_connection_open(env_parent(env), &timer) != STATUS_OK) {
		log_error("cannot open a Timer session");
		env_exit(env, 1);
	}
	if (!test_bad_requests(timer) || !test_one_shot(timer) ||
	    !test_periodic_start(env, &periodic))
		env_exit(env, 1);
	bool ok = test_sleep_loops(timer);
	if (!test_periodic_finish(periodic) || !ok)
		env_exit(env, 1);
	timer_connection_close(env_parent(env), timer);
	log_print("--- timer test finished ---");
	env_exit(env, 0);
}

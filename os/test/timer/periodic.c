/*
 * \brief  test-timer: concurrent clients with different periods
 *
 * Each client is a thread with its own Timer session and signal receiver.
 * It asks for periodic timeouts and counts the signals (their summed
 * counts, so signals coalesced while it was slow still count) during a
 * fixed interval of the timer's clock. The count must match the period.
 */

#include <base/log.h>
#include <base/signal.h>
#include <base/thread.h>

#include "test_timer.h"

enum { CLIENTS = 5, INTERVAL_MS = 4000 };

static const uint32_t periods_ms[CLIENTS] = {10, 25, 50, 100, 200};

struct test_client {
	struct env *env;
	uint32_t period_ms;
	uint64_t count;
	bool ok;
	struct thread *thread;
};

struct test_periodic {
	struct test_client clients[CLIENTS];
};

/* count signals until INTERVAL_MS of the timer's clock passed */
static bool
client_count(struct test_client *c, timer_session_cap_t timer, struct signal_receiver *r)
{
	uint64_t start = 0, now = 0;
	struct signal sig;

	if (timer_session_elapsed_ms(timer, &start) != STATUS_OK ||
	    timer_session_trigger_periodic(timer, (uint64_t)c->period_ms * 1000u) != STATUS_OK)
		return false;
	while (now < start + INTERVAL_MS) {
		if (signal_receiver_wait_timeout(r, 2000000u, &sig) != STATUS_OK) {
			log_error("periodic client %u ms: no signal for 2 s",
			          (unsigned)c->period_ms);
			return false;
		}
		c->count += sig.num;
		if (timer_session_elapsed_ms(timer, &now) != STATUS_OK)
			return false;
	}
	return timer_session_trigger_periodic(timer, 0) == STATUS_OK;
}

static void
client_run(void *arg)
{
	struct test_client *c = arg;
	timer_session_cap_t timer;
	struct signal_receiver *r = 0;
	struct signal_context *ctx = 0;

	if (timer_connection_open(env_parent(c->env), &timer) != STATUS_OK) {
		log_error("periodic client %u ms: no Timer session", (unsigned)c->period_ms);
		return;
	}
	if (signal_receiver_create(&r) == STATUS_OK &&
	    signal_context_create(r, c, &ctx) == STATUS_OK &&
	    timer_session_sigh(timer, signal_context_cap(ctx)) == STATUS_OK)
		c->ok = client_count(c, timer, r);
	timer_connection_close(env_parent(c->env), timer);
	if (r)
		signal_receiver_destroy(r);
}

bool
test_periodic_start(struct env *env, struct test_periodic **out)
{
	static struct test_periodic p;

	for (unsigned i = 0; i < CLIENTS; i++) {
		struct test_client *c = &p.clients[i];
		*c = (struct test_client){.env = env, .period_ms = periods_ms[i]};
		if (thread_create("periodic", 0, client_run, c, &c->thread) != STATUS_OK ||
		    thread_start(c->thread) != STATUS_OK) {
			log_error("cannot start periodic client %u", i);
			return false;
		}
	}
	*out = &p;
	return true;
}

bool
test_periodic_finish(struct test_periodic *p)
{
	bool ok = true;

	for (unsigned i = 0; i < CLIENTS; i++) {
		struct test_client *c = &p->clients[i];
		uint64_t expected = INTERVAL_MS / c->period_ms;
		thread_join(c->thread);
		bool good = c->ok && test_timer_within(c->count, expected);
		log_print("periodic %3u ms: %llu wake-ups in %u ms (expected %llu +- %u%%)%s",
		          (unsigned)c->period_ms, (unsigned long long)c->count, INTERVAL_MS,
		          (unsigned long long)expected, TEST_TIMER_SLACK_PERCENT,
		          good ? "" : " FAILED");
		if (!good) {
			log_error("periodic client %u ms out of bounds", (unsigned)c->period_ms);
			ok = false;
		}
	}
	return ok;
}

/*
 * \brief  Unit test of the Timer service's expiry (os/timer) on a fake alarm
 *
 * One expiry of the platform alarm serves every deadline that is due,
 * also those that became due while it was replying to the earlier ones
 * (otherwise each of them costs another trip through the alarm: a
 * settime, a wake-up and a read), and it still ends when the server is so
 * slow that periodic timeouts are due again before it finishes.
 */

#include <signal.h>
#include <unistd.h>

#include <base/entrypoint.h>
#include <base/signal_backing.h>
#include <timer_session/server.h>

#include "../../../os/timer/service.h"
#include "../../harness/harness.h"
#include "fake_platform.h"

enum { SESSIONS = 5, START_US = 1000000 };

struct fixture {
	struct entrypoint *ep;
	struct timer_service svc;
	struct timer_service_session s[SESSIONS];
	struct signal_receiver *r;
	struct signal_context *ctx[SESSIONS];
	unsigned num[SESSIONS]; /* signals received per session */
};

static void
fixture_open(struct fixture *f)
{
	timer_session_cap_t cap;

	*f = (struct fixture){0};
	fake = (struct fake_platform){.now = START_US};
	CHECK(entrypoint_create(&f->ep) == STATUS_OK);
	CHECK(timer_service_init(&f->svc, f->ep) == STATUS_OK);
	CHECK(signal_receiver_create(&f->r) == STATUS_OK);
	for (unsigned i = 0; i < SESSIONS; i++) {
		cap_t copy;

		CHECK(timer_service_session_open(&f->svc, &f->s[i], &cap) == STATUS_OK);
		CHECK(signal_context_create(f->r, &f->s[i], &f->ctx[i]) == STATUS_OK);
		CHECK(cap_dup(cap_raw(signal_context_cap(f->ctx[i])), &copy) == STATUS_OK);
		/* the session owns the copy from here on */
		CHECK(timer_service_session_ops.sigh(
		              &f->s[i], 0, CAP_TYPED(signal_context_cap_t, copy)) == STATUS_OK);
	}
}

/* every pending signal, summed per session */
static void
fixture_collect(struct fixture *f)
{
	struct signal sig;

	while (signal_receiver_wait_timeout(f->r, 0, &sig) == STATUS_OK)
		for (unsigned i = 0; i < SESSIONS; i++)
			if (sig.imprint == &f->s[i])
				f->num[i] += sig.num;
}

static void
fixture_close(struct fixture *f)
{
	for (unsigned i = 0; i < SESSIONS; i++)
		timer_service_session_close(&f->s[i]);
	signal_receiver_destroy(f->r);
	entrypoint_destroy(f->ep);
}

/* deadlines 100 us apart, each reply taking 100 us: one expiry serves all */
static void
expiry_serves_deadlines_passed_meanwhile(void)
{
	struct fixture f;

	fixture_open(&f);
	for (unsigned i = 0; i < SESSIONS; i++)
		CHECK(timer_service_session_ops.trigger_once(&f.s[i], 0, 100u * (i + 1)) ==
		      STATUS_OK);
	CHECK_EQ(fake.programmed, START_US + 100);
	fake.now = START_US + 100;
	fake.step = 100;
	fake.fn(fake.arg);
	fixture_collect(&f);
	for (unsigned i = 0; i < SESSIONS; i++)
		CHECK_EQ(f.num[i], 1);
	/* nothing left: the alarm, gone off, is not set again */
	CHECK_EQ(fake.programmed, START_US + 100);
	fake.step = 0;
	fixture_close(&f);
}

/*
 * Periods of 1 ms and a server whose every clock reading comes 1.5 ms
 * after the one before: the periods are due again whenever it looks. The
 * expiry still ends (SIGALRM ends the test otherwise), each period fired
 * at most twice, and the alarm stands at the next deadline.
 */
static void
expiry_ends_when_overloaded(void)
{
	struct fixture f;

	fixture_open(&f);
	for (unsigned i = 0; i < SESSIONS; i++)
		CHECK(timer_service_session_ops.trigger_periodic(&f.s[i], 0, TIMER_PERIOD_MIN_US) ==
		      STATUS_OK);
	fake.now = START_US + TIMER_PERIOD_MIN_US;
	fake.step = TIMER_PERIOD_MIN_US * 3 / 2;
	alarm(10);
	fake.fn(fake.arg);
	alarm(0);
	fake.step = 0;
	fixture_collect(&f);
	for (unsigned i = 0; i < SESSIONS; i++)
		CHECK(f.num[i] >= 1 && f.num[i] <= 2);
	CHECK(fake.programmed != TIMER_PLATFORM_NEVER);
	CHECK(fake.programmed > START_US + TIMER_PERIOD_MIN_US);
	fixture_close(&f);
}

/*
 * The wake-up: made once at the first ask and the same capability after;
 * armed for the platform time the client gave; a second arm before that
 * time came is a second sleeper (STATUS_CONFLICT), one after it is fine;
 * more than a day ahead is refused.
 */
static void
wake_armed_once_per_sleeper(void)
{
	struct fixture f;
	timer_wake_cap_t w1, w2;
	const uint64_t t = START_US + 1000;

	fixture_open(&f);
	CHECK(timer_service_session_ops.wake_arm(&f.s[0], 0, t) == STATUS_UNAVAILABLE);
	CHECK(timer_service_session_ops.wake(&f.s[0], 0, &w1) == STATUS_OK);
	CHECK(timer_service_session_ops.wake(&f.s[0], 0, &w2) == STATUS_OK);
	CHECK(cap_valid(cap_raw(w1)) && cap_raw(w1).sel == cap_raw(w2).sel);
	CHECK_EQ(fake.wakes_made, 1);
	fake.now = t;
	CHECK(timer_service_session_ops.wake_arm(&f.s[0], 0, t + 5000) == STATUS_OK);
	CHECK_EQ(fake.wake_armed, t + 5000);
	fake.now = t + 4999;
	CHECK(timer_service_session_ops.wake_arm(&f.s[0], 0, t + 9000) == STATUS_CONFLICT);
	CHECK_EQ(fake.wake_armed, t + 5000);
	fake.now = t + 5000;
	CHECK(timer_service_session_ops.wake_arm(&f.s[0], 0, t + 5000 + TIMER_SLEEP_MAX_US + 1) ==
	      STATUS_INVALID_ARGS);
	CHECK(timer_service_session_ops.wake_arm(&f.s[0], 0, t + 6000) == STATUS_OK);
	CHECK_EQ(fake.wake_armed, t + 6000);
	fixture_close(&f);
}

/* a platform without wake-ups: none is handed out, msleep stays */
static void
wake_none_on_platform_without(void)
{
	struct fixture f;
	timer_wake_cap_t w;

	fixture_open(&f);
	fake.wake_none = true;
	CHECK(timer_service_session_ops.wake(&f.s[0], 0, &w) == STATUS_OK);
	CHECK(!cap_valid(cap_raw(w)));
	CHECK(timer_service_session_ops.wake_arm(&f.s[0], 0, START_US) == STATUS_UNAVAILABLE);
	CHECK_EQ(fake.wakes_made, 0);
	fixture_close(&f);
}

int
main(void)
{
	static const struct test_case cases[] = {
	        TEST_CASE(expiry_serves_deadlines_passed_meanwhile),
	        TEST_CASE(expiry_ends_when_overloaded),
	        TEST_CASE(wake_armed_once_per_sleeper),
	        TEST_CASE(wake_none_on_platform_without),
	};

	/* a host program, not a component: it makes its own eventfds */
	signal_backing_set(&signal_backing_direct);
	return test_run(cases, sizeof(cases) / sizeof(cases[0]));
}

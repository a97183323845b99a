/*
 * \brief  Unit test of timer_sleeper against the real service on Linux
 *
 * The service runs in this process on its own entrypoint thread, with the
 * platform's real clock, alarm and wake-ups (timerfds), as bench-timer
 * does. Checked: a sleeper sleeps on the wake-up and never wakes early; a
 * second sleeper on the session is refused while the first waits; and a
 * wake-up that is none (a hostile server's pipe) or a non-blocking one
 * still gives a sleep of the right length.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <base/entrypoint.h>
#include <base/signal_backing.h>
#include <timer_session/sleep.h>

#include "../../../os/timer/service.h"
#include "../../harness/harness.h"

/* generous: the machine may be loaded, only "never early" is exact */
enum { SLEEP_MS = 30, LATE_MAX_MS = 2000 };

static struct timer_service svc;
static struct timer_service_session session;
static timer_session_cap_t timer;

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void *
server_run(void *arg)
{
	entrypoint_run(arg);
	return NULL;
}

static void
server_start(void)
{
	struct entrypoint *ep;
	pthread_t t;

	signal_backing_set(&signal_backing_direct);
	if (entrypoint_create(&ep) != STATUS_OK || timer_service_init(&svc, ep) != STATUS_OK ||
	    timer_service_session_open(&svc, &session, &timer) != STATUS_OK ||
	    pthread_create(&t, NULL, server_run, ep) != 0)
		_exit(2);
}

/* one sleep of SLEEP_MS: its status, and whether it lasted as it should */
static status_t
sleep_timed(struct timer_sleeper *s, bool *in_time)
{
	uint64_t t0 = now_ms();
	status_t st = timer_sleeper_msleep(s, SLEEP_MS);
	uint64_t took = now_ms() - t0;

	*in_time = took >= SLEEP_MS && took < SLEEP_MS + LATE_MAX_MS;
	return st;
}

static void
sleeper_sleeps_on_the_wake_up(void)
{
	struct timer_sleeper s;
	bool in_time = false;

	timer_sleeper_init(&s, timer);
	for (unsigned i = 0; i < 3; i++) {
		CHECK(sleep_timed(&s, &in_time) == STATUS_OK);
		CHECK(in_time);
	}
	CHECK(cap_valid(cap_raw(s.wake)));
	timer_sleeper_fini(&s);
}

/*
 * While one sleeper waits on the session's wake-up, a second is refused
 * and does not move it. The first arms by hand, for 2 s: far more than
 * the two calls between take on a loaded machine, and no thread races.
 */
static void
second_sleeper_refused(void)
{
	struct timer_sleeper a, b;

	timer_sleeper_init(&a, timer);
	timer_sleeper_init(&b, timer);
	CHECK(timer_session_wake(timer, &a.wake) == STATUS_OK);
	uint64_t t0 = now_ms();
	CHECK(timer_session_wake_arm(timer, timer_wake_now_us() + 2000000u) == STATUS_OK);
	CHECK(timer_sleeper_msleep(&b, SLEEP_MS) == STATUS_CONFLICT);
	CHECK(timer_wake_wait(a.wake) == STATUS_OK);
	uint64_t took = now_ms() - t0;
	CHECK(took >= 2000 && took < 2000 + LATE_MAX_MS);
	timer_sleeper_fini(&a);
	timer_sleeper_fini(&b);
}

/* a sleeper whose wake-up is fd: owned by the sleeper from here on */
static void
sleeper_with_wake(struct timer_sleeper *s, int fd)
{
	timer_sleeper_init(s, timer);
	s->asked = true;
	s->wake = CAP_TYPED(timer_wake_cap_t, ((cap_t){fd}));
}

/* a pipe whose writer is gone: the read ends at once, msleep takes over */
static void
bad_wake_up_falls_back_to_msleep(void)
{
	struct timer_sleeper s;
	bool in_time = false;
	int p[2];

	CHECK(pipe2(p, O_CLOEXEC) == 0);
	close(p[1]);
	sleeper_with_wake(&s, p[0]);
	CHECK(sleep_timed(&s, &in_time) == STATUS_OK);
	CHECK(in_time);
	CHECK(!cap_valid(cap_raw(s.wake))); /* given up for good */
	CHECK(sleep_timed(&s, &in_time) == STATUS_OK);
	CHECK(in_time);
	timer_sleeper_fini(&s);
}

static int late_fd = -1;

static void *
late_write(void *arg)
{
	uint64_t one = 1;

	(void)arg;
	usleep(SLEEP_MS * 1000);
	if (write(late_fd, &one, sizeof(one)) != sizeof(one))
		_exit(3);
	return NULL;
}

/* a non-blocking wake-up is waited for with poll, not spun on */
static void
non_blocking_wake_up_waited_for(void)
{
	pthread_t t;

	late_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	CHECK(late_fd >= 0);
	uint64_t t0 = now_ms();
	CHECK(pthread_create(&t, NULL, late_write, NULL) == 0);
	CHECK(timer_wake_wait(CAP_TYPED(timer_wake_cap_t, ((cap_t){late_fd}))) == STATUS_OK);
	CHECK(now_ms() - t0 >= SLEEP_MS - 1);
	pthread_join(t, NULL);
	close(late_fd);
}

int
main(void)
{
	static const struct test_case cases[] = {
	        TEST_CASE(sleeper_sleeps_on_the_wake_up),
	        TEST_CASE(second_sleeper_refused),
	        TEST_CASE(bad_wake_up_falls_back_to_msleep),
	        TEST_CASE(non_blocking_wake_up_waited_for),
	};

	/* a sleeper that is never woken ends the test instead of hanging it */
	alarm(60);
	server_start();
	return test_run(cases, sizeof(cases) / sizeof(cases[0]));
}

/*
 * \brief  A platform alarm for test-timer-service: a clock the test moves
 *
 * Linked before libtimer_platform, so the service gets these functions
 * instead of the timerfd: the test reads what was programmed and calls
 * the expiry itself, with a clock that may advance by a step at every
 * reading (a server whose replies take that long).
 */

#include <unistd.h>

#include "fake_platform.h"

struct timer_platform {
	int unused;
};

static struct timer_platform the_platform;
struct fake_platform fake;

status_t
timer_platform_create(struct entrypoint *ep, timer_platform_fn fn, void *arg,
                      struct timer_platform **out)
{
	(void)ep;
	fake.fn = fn;
	fake.arg = arg;
	fake.programmed = TIMER_PLATFORM_NEVER;
	*out = &the_platform;
	return STATUS_OK;
}

void
timer_platform_destroy(struct timer_platform *tp)
{
	(void)tp;
}

uint64_t
timer_platform_now_us(struct timer_platform *tp)
{
	(void)tp;
	uint64_t t = fake.now;
	fake.now += fake.step;
	return t;
}

void
timer_platform_program(struct timer_platform *tp, uint64_t deadline_us)
{
	(void)tp;
	fake.programmed = deadline_us;
}

/* a wake-up is any descriptor here: the test only reads what was armed */
status_t
timer_platform_wake_create(struct timer_platform *tp, cap_t *out)
{
	(void)tp;
	if (fake.wake_none)
		return STATUS_UNAVAILABLE;
	fake.wakes_made++;
	return cap_dup((cap_t){STDERR_FILENO}, out);
}

void
timer_platform_wake_arm(struct timer_platform *tp, cap_t wake, uint64_t deadline_us)
{
	(void)tp;
	(void)wake;
	fake.wake_armed = deadline_us;
}

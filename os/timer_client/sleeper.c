/*
 * \brief  A Timer sleeper: arm the session's wake-up, block on it
 *
 * The wake-up is fetched at the first sleep, not at init: a component that
 * never sleeps asks nothing. Whatever goes wrong with it (no wake-up on
 * this platform, a server that hands out something else) leaves the
 * sleeper on msleep, which every Timer server has.
 */

#include <timer_session/sleep.h>

void
timer_sleeper_init(struct timer_sleeper *s, timer_session_cap_t timer)
{
	s->timer = timer;
	s->wake = CAP_TYPED_INVALID(timer_wake_cap_t);
	s->asked = false;
}

void
timer_sleeper_fini(struct timer_sleeper *s)
{
	if (cap_valid(cap_raw(s->wake)))
		cap_close(cap_raw(s->wake));
	s->wake = CAP_TYPED_INVALID(timer_wake_cap_t);
}

/* from now on in msleep: the wake-up is missing or unusable */
static void
sleeper_forget_wake(struct timer_sleeper *s)
{
	timer_sleeper_fini(s);
	s->asked = true;
}

status_t
timer_sleeper_msleep(struct timer_sleeper *s, uint32_t ms)
{
	if (!s->asked) {
		s->asked = true;
		if (timer_session_wake(s->timer, &s->wake) != STATUS_OK)
			sleeper_forget_wake(s); /* an older server: msleep */
	}
	if (!cap_valid(cap_raw(s->wake)) || ms == 0)
		return timer_session_msleep(s->timer, ms);
	/* from now: waiting for the server to take the call is part of the sleep */
	status_t st = timer_session_wake_arm(s->timer, timer_wake_now_us() + (uint64_t)ms * 1000u);
	if (st == STATUS_UNAVAILABLE) {
		sleeper_forget_wake(s);
		return timer_session_msleep(s->timer, ms);
	}
	if (st != STATUS_OK)
		return st;
	st = timer_wake_wait(s->wake);
	if (st == STATUS_OK)
		return STATUS_OK;
	/*
	 * Not a wake-up after all. The armed time still counts as this
	 * session's sleeper, so the fallback msleep waits for it to pass.
	 */
	sleeper_forget_wake(s);
	return timer_session_msleep(s->timer, ms);
}

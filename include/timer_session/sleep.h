/*
 * \brief  Sleeping on a Timer session, woken by the kernel where it can
 *
 * msleep blocks in the call until the server answers at the deadline; the
 * server's one thread then sends every wake-up in turn, and with twenty
 * sleepers due at once the last is woken a few hundred microseconds late.
 * Where the platform has a kernel-timed wake-up (Linux: a timerfd), the
 * session owns one: the sleeper asks the server to arm it for the time it
 * asked plus ms (wake_arm, which returns at once) and blocks on its own
 * copy, and the kernel wakes each sleeper by itself. The server still decides when: the sleeper
 * cannot set the time, only wait. Where there is none, the sleeper falls back to msleep, with the
 * same result.
 *
 * One sleeper per session at a time, as for msleep (STATUS_CONFLICT).
 */

#ifndef _INCLUDE__TIMER_SESSION__SLEEP_H_
#define _INCLUDE__TIMER_SESSION__SLEEP_H_

#include <stdbool.h>
#include <stdint.h>

#include <timer_session/client.h>

struct timer_sleeper {
	timer_session_cap_t timer; /* BORROWED */
	timer_wake_cap_t wake;     /* OWNED; invalid: sleep in msleep */
	bool asked;                /* whether the server was asked for wake */
};

void timer_sleeper_init(struct timer_sleeper *s, timer_session_cap_t timer);

/* close the wake-up; the session stays open (the caller's) */
void timer_sleeper_fini(struct timer_sleeper *s);

/*
 * Block for ms milliseconds (at most one day), as msleep does. Errors are
 * msleep's, STATUS_CONFLICT when another thread sleeps on the session.
 */
status_t timer_sleeper_msleep(struct timer_sleeper *s, uint32_t ms);

/*
 * Platform: block until wake fired since it was last armed. STATUS_OK;
 * STATUS_INVALID_CAP if wake is no wake-up of this platform (a hostile
 * or confused server: the sleeper then falls back to msleep).
 */
status_t timer_wake_wait(timer_wake_cap_t wake);

/*
 * Platform: the clock wake-ups are armed in (microseconds, monotonic,
 * the Timer server's platform clock: the same for every component of
 * the machine). Only asked where the session has a wake-up.
 */
uint64_t timer_wake_now_us(void);

#endif /* _INCLUDE__TIMER_SESSION__SLEEP_H_ */

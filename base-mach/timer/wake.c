/*
 * \brief  No kernel-timed wake-up on GNU Mach
 *
 * Mach's only timed wait is a receive timeout, which the waiting thread
 * sets itself: the server cannot arm one for a client. Sessions have no
 * wake-up, and sleepers sleep in msleep (include/timer_session/sleep.h).
 */

#include <timer/platform.h>
#include <timer_session/sleep.h>

status_t
timer_platform_wake_create(struct timer_platform *tp, cap_t *out)
{
	(void)tp;
	*out = cap_invalid();
	return STATUS_UNAVAILABLE;
}

void
timer_platform_wake_arm(struct timer_platform *tp, cap_t wake, uint64_t deadline_us)
{
	(void)tp;
	(void)wake;
	(void)deadline_us;
}

status_t
timer_wake_wait(timer_wake_cap_t wake)
{
	(void)wake;
	return STATUS_INVALID_CAP;
}

/* never asked: no session here has a wake-up */
uint64_t
timer_wake_now_us(void)
{
	return 0;
}

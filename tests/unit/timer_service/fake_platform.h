/*
 * \brief  test-timer-service: the fake platform alarm the test drives
 */

#ifndef _TESTS__UNIT__TIMER_SERVICE__FAKE_PLATFORM_H_
#define _TESTS__UNIT__TIMER_SERVICE__FAKE_PLATFORM_H_

#include <timer/platform.h>

struct fake_platform {
	uint64_t now;         /* the clock's next reading */
	uint64_t step;        /* added after every reading */
	uint64_t programmed;  /* the alarm as the service last set it */
	timer_platform_fn fn; /* the expiry, called by the test */
	void *arg;
	bool wake_none;      /* wake_create answers STATUS_UNAVAILABLE */
	unsigned wakes_made; /* by wake_create */
	uint64_t wake_armed; /* the last wake_arm's deadline */
};

extern struct fake_platform fake;

#endif /* _TESTS__UNIT__TIMER_SERVICE__FAKE_PLATFORM_H_ */

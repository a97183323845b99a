/*
 * \brief  Cancellable counter wait shared by semaphore and blockade
 *
 * Internal to the lock library; public only so that semaphore and blockade
 * can embed it by value. The counter word holds the number of pending units
 * in its low 31 bits and a sticky "cancelled" flag in the top bit. Sleepers wait on the counter
 * word itself, so every change that can end a wait (a unit arriving, the flag being set) changes
 * the very word the kernel compares, and no wake-up can slip in between check and sleep. The
 * separate 'sleepers' word lets a give skip the system call when nobody
 * sleeps.
 */

#ifndef _INCLUDE__BASE__INTERNAL__COUNTER_H_
#define _INCLUDE__BASE__INTERNAL__COUNTER_H_

#include <stdint.h>

#include <base/status.h>

struct counter {
	uint32_t value;
	uint32_t sleepers;
};

#define COUNTER_CANCELLED 0x80000000u
#define COUNTER_MAX       0x7fffffffu

void counter_init(struct counter *c, uint32_t value);

/*
 * Take one unit, waiting at most timeout_us (0: do not wait,
 * PLATFORM_FUTEX_FOREVER: no limit). Returns STATUS_OK, STATUS_TIMEOUT, or
 * STATUS_UNAVAILABLE once the counter is cancelled.
 */
status_t counter_take(struct counter *c, uint64_t timeout_us);

/* add one unit (saturating at COUNTER_MAX) and wake one sleeper */
void counter_give(struct counter *c);

/* set the cancelled flag for good and wake every sleeper */
void counter_cancel(struct counter *c);

#endif /* _INCLUDE__BASE__INTERNAL__COUNTER_H_ */

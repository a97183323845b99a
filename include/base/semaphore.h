/*
 * \brief  Counting semaphore
 *
 * Two words, no kernel object. An up with nobody sleeping and a down with
 * a unit available need no system call. A semaphore cannot be cancelled,
 * so semaphore_down() always returns with a unit; use a blockade where a
 * wait must be interruptible.
 */

#ifndef _INCLUDE__BASE__SEMAPHORE_H_
#define _INCLUDE__BASE__SEMAPHORE_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/internal/counter.h>
#include <base/status.h>

struct semaphore {
	struct counter counter;
};

/* clang-format off */
#define SEMAPHORE_INIT(n) {.counter = {.value = (uint32_t)(n)}}
/* clang-format on */

/* at most SEMAPHORE_MAX units are kept; further ups are dropped */
#define SEMAPHORE_MAX COUNTER_MAX

void semaphore_init(struct semaphore *sem, unsigned initial);

/* add a unit, waking one waiter if any */
void semaphore_up(struct semaphore *sem);

/* take a unit, waiting as long as it takes */
void semaphore_down(struct semaphore *sem);

/* take a unit if one is available right now */
bool semaphore_try_down(struct semaphore *sem);

/*
 * Take a unit, waiting at most timeout_us microseconds (0: do not wait,
 * UINT64_MAX: no limit).
 * Returns STATUS_OK with a unit, or STATUS_TIMEOUT without one. An up that
 * races with the expiry is never lost: either this call takes it and
 * returns STATUS_OK, or the unit stays for the next down.
 */
status_t semaphore_down_timeout(struct semaphore *sem, uint64_t timeout_us);

#endif /* _INCLUDE__BASE__SEMAPHORE_H_ */

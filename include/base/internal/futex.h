/*
 * \brief  Platform interface of the lock library: wait on and wake a word
 *
 * The lock, semaphore and blockade algorithms are generic and operate on
 * plain 32-bit words with atomic builtins. The only thing they need from
 * the kernel is a way to sleep until a word changes and to wake sleepers,
 * plus a monotonic clock for timeouts. Linux maps this onto futex(2); a
 * kernel without futexes can implement it with a hash of wait queues keyed
 * by the word's address. Words are process-local (Linux: private futexes),
 * so a lock must not be placed in memory shared between processes.
 */

#ifndef _INCLUDE__BASE__INTERNAL__FUTEX_H_
#define _INCLUDE__BASE__INTERNAL__FUTEX_H_

#include <stdint.h>

#include <base/status.h>

#define PLATFORM_FUTEX_FOREVER  UINT64_MAX
#define PLATFORM_FUTEX_WAKE_ALL 0xffffffffu

/*
 * Sleep while *word == expected, at most timeout_us microseconds
 * (PLATFORM_FUTEX_FOREVER: no limit). Returns STATUS_TIMEOUT only if the
 * time ran out; STATUS_OK otherwise, which includes spurious returns, so
 * callers always re-check their condition.
 */
status_t platform_futex_wait(uint32_t *word, uint32_t expected, uint64_t timeout_us);

/* wake up to n sleepers of word (PLATFORM_FUTEX_WAKE_ALL: every one) */
void platform_futex_wake(uint32_t *word, unsigned n);

/* monotonic time in microseconds, cheap enough to call in a wait loop */
uint64_t platform_time_us(void);

#endif /* _INCLUDE__BASE__INTERNAL__FUTEX_H_ */

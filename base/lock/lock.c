/*
 * \brief  Futex-based lock (three-state word)
 *
 * The word is FREE, HELD (nobody sleeps) or CONTENDED (somebody may sleep).
 * Only a release that finds CONTENDED issues a wake-up, and it wakes one
 * sleeper. The woken thread marks the word CONTENDED again when it takes
 * the lock, because it cannot know whether others still sleep; that costs
 * at most one spare wake-up per contention episode and keeps the word free
 * of a waiter count.
 *
 * Why no strict hand-over (releaser passes ownership to a named waiter):
 * one word cannot name the next owner, and a strict hand-over forces a
 * context switch per release even when the releaser re-acquires at once
 * (lock convoy). Waking one peer gives the same "no herd" property.
 */

#include <base/internal/futex.h>
#include <base/lock.h>

enum { LOCK_WORD_FREE = 0, LOCK_WORD_HELD = 1, LOCK_WORD_CONTENDED = 2 };

void
lock_init(struct lock *lock, bool locked)
{
	__atomic_store_n(&lock->word, locked ? LOCK_WORD_HELD : LOCK_WORD_FREE, __ATOMIC_RELEASE);
}

bool
lock_try_acquire(struct lock *lock)
{
	uint32_t expected = LOCK_WORD_FREE;
	return __atomic_compare_exchange_n(&lock->word, &expected, LOCK_WORD_HELD, false,
	                                   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void
lock_acquire(struct lock *lock)
{
	if (lock_try_acquire(lock))
		return;

	/*
	 * From here on we may sleep, so the word must say CONTENDED before we
	 * do, otherwise the releaser would skip the wake-up.
	 */
	while (__atomic_exchange_n(&lock->word, LOCK_WORD_CONTENDED, __ATOMIC_ACQUIRE) !=
	       LOCK_WORD_FREE)
		platform_futex_wait(&lock->word, LOCK_WORD_CONTENDED, PLATFORM_FUTEX_FOREVER);
}

void
lock_release(struct lock *lock)
{
	if (__atomic_exchange_n(&lock->word, LOCK_WORD_FREE, __ATOMIC_RELEASE) ==
	    LOCK_WORD_CONTENDED)
		platform_futex_wake(&lock->word, 1);
}

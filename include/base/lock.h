/*
 * \brief  Mutual-exclusion lock on a single 32-bit word
 *
 * A lock is nothing but a word in the user's memory: it needs no kernel
 * object, no initialisation call beyond a static initializer, and no
 * destruction. Acquiring a free lock and releasing a lock nobody waits for
 * are one atomic instruction each, without a system call. Only contention
 * involves the kernel: a waiter sleeps on the word, and the releaser wakes
 * exactly one waiter, which then takes the lock over (no thundering herd).
 *
 * As in Genode, the lock has no owner: a lock may be released by another
 * thread than the one that acquired it. Together with LOCK_INIT_LOCKED this
 * makes it a simple binary signal ("wait until somebody releases me").
 * A lock is not recursive; acquiring it twice in one thread deadlocks.
 */

#ifndef _INCLUDE__BASE__LOCK_H_
#define _INCLUDE__BASE__LOCK_H_

#include <stdbool.h>
#include <stdint.h>

struct lock {
	uint32_t word; /* LOCK_WORD_* of base/lock/lock.c; opaque to users */
};

#define LOCK_INIT_UNLOCKED \
	{                  \
		0          \
	}
#define LOCK_INIT_LOCKED \
	{                \
		1        \
	}

void lock_init(struct lock *lock, bool locked);

void lock_acquire(struct lock *lock);

/* acquire only if free; never blocks */
bool lock_try_acquire(struct lock *lock);

/* release a held lock; releasing a free lock is a bug (not detected) */
void lock_release(struct lock *lock);

#endif /* _INCLUDE__BASE__LOCK_H_ */

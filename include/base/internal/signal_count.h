/*
 * \brief  The pending count of a signal context, saturating
 *
 * SIGNAL's contract (doc/signals.md) is core's: core keeps the count of
 * every context, a submit adds to it, the receiver is woken when it turns
 * non-zero and takes it, which leaves 0. A count never wraps and a submit
 * never fails because of it: the count saturates at SIGNAL_COUNT_MAX, the
 * most a delivery's num can say, and a receiver that lets it sit there
 * sees num == SIGNAL_COUNT_MAX once.
 *
 * This is that count for a platform whose kernel object cannot count by
 * itself (GNU Mach: a port's queue holds at most 16 messages), kept by
 * core's part of the platform next to the port it notifies. base-linux
 * needs it only for signal_count_num: there the eventfd's 64-bit counter
 * is the count, saturating at 2^64 - 2 ( > SIGNAL_COUNT_MAX), and a
 * delivery takes all of it, so a receiver sees the same on both.
 *
 * Lock-free: submits come from any thread of core, a take from another.
 */

#ifndef _INCLUDE__BASE__INTERNAL__SIGNAL_COUNT_H_
#define _INCLUDE__BASE__INTERNAL__SIGNAL_COUNT_H_

#include <stdbool.h>
#include <stdint.h>

/* the most one delivery says: UINT_MAX (struct signal's num is an unsigned) */
#define SIGNAL_COUNT_MAX ((unsigned)-1)

struct signal_count {
	unsigned value; /* atomic */
};

/* the num a receiver sees for a platform's count v */
static inline unsigned
signal_count_num(uint64_t v)
{
	return v > SIGNAL_COUNT_MAX ? SIGNAL_COUNT_MAX : (unsigned)v;
}

/*
 * Add n, saturating at SIGNAL_COUNT_MAX. True if the count was 0 and is
 * not any more: the one transition at which the receiver must be woken
 * (later submits find it pending and only add).
 */
static inline bool
signal_count_add(struct signal_count *c, unsigned n)
{
	unsigned old = __atomic_load_n(&c->value, __ATOMIC_RELAXED);
	unsigned sum;

	if (n == 0)
		return false;
	do
		sum = old > SIGNAL_COUNT_MAX - n ? SIGNAL_COUNT_MAX : old + n;
	while (!__atomic_compare_exchange_n(&c->value, &old, sum, true, __ATOMIC_ACQ_REL,
	                                    __ATOMIC_RELAXED));
	return old == 0;
}

/* take the whole count (0 if none), leaving 0 */
static inline unsigned
signal_count_take(struct signal_count *c)
{
	return __atomic_exchange_n(&c->value, 0, __ATOMIC_ACQ_REL);
}

#endif /* _INCLUDE__BASE__INTERNAL__SIGNAL_COUNT_H_ */

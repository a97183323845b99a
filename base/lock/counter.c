/*
 * \brief  Cancellable counter wait (see counter.h)
 */

#include <stdbool.h>

#include <base/internal/counter.h>
#include <base/internal/futex.h>

void
counter_init(struct counter *c, uint32_t value)
{
	__atomic_store_n(&c->value, value & COUNTER_MAX, __ATOMIC_RELAXED);
	__atomic_store_n(&c->sleepers, 0, __ATOMIC_RELEASE);
}

/* one attempt: STATUS_OK, STATUS_UNAVAILABLE or STATUS_WOULD_BLOCK */
static status_t
counter_try_take(struct counter *c)
{
	uint32_t v = __atomic_load_n(&c->value, __ATOMIC_RELAXED);
	for (;;) {
		if (v & COUNTER_CANCELLED)
			return STATUS_UNAVAILABLE;
		if (v == 0)
			return STATUS_WOULD_BLOCK;
		if (__atomic_compare_exchange_n(&c->value, &v, v - 1, true, __ATOMIC_ACQUIRE,
		                                __ATOMIC_RELAXED))
			return STATUS_OK;
	}
}

static uint64_t
deadline_of(uint64_t timeout_us)
{
	if (timeout_us == PLATFORM_FUTEX_FOREVER)
		return PLATFORM_FUTEX_FOREVER;
	uint64_t now = platform_time_us();
	return timeout_us > PLATFORM_FUTEX_FOREVER - 1 - now ? PLATFORM_FUTEX_FOREVER
	                                                     : now + timeout_us;
}

/* time left until deadline, 0 if it has passed */
static uint64_t
remaining_until(uint64_t deadline)
{
	if (deadline == PLATFORM_FUTEX_FOREVER)
		return PLATFORM_FUTEX_FOREVER;
	uint64_t now = platform_time_us();
	return now >= deadline ? 0 : deadline - now;
}

/* the slow path: sleep until a unit, the cancellation or the deadline comes */
static status_t
counter_sleep_take(struct counter *c, uint64_t deadline)
{
	for (;;) {
		uint64_t left = remaining_until(deadline);
		if (left == 0)
			return STATUS_TIMEOUT;

		/*
		 * Announce ourselves before sleeping: a giver increments the
		 * value and then reads 'sleepers', we do it the other way round,
		 * and both are sequentially consistent, so one sees the other.
		 */
		__atomic_fetch_add(&c->sleepers, 1, __ATOMIC_SEQ_CST);
		status_t s = platform_futex_wait(&c->value, 0, left);
		__atomic_fetch_sub(&c->sleepers, 1, __ATOMIC_RELAXED);

		/*
		 * Try once more even after a timeout: a unit given while the
		 * timeout expired stays in the counter and is taken here rather
		 * than lost to this caller.
		 */
		status_t taken = counter_try_take(c);
		if (taken != STATUS_WOULD_BLOCK)
			return taken;
		if (s == STATUS_TIMEOUT)
			return STATUS_TIMEOUT;
	}
}

status_t
counter_take(struct counter *c, uint64_t timeout_us)
{
	/* the fast path reads no clock */
	status_t s = counter_try_take(c);
	if (s != STATUS_WOULD_BLOCK)
		return s;
	if (timeout_us == 0)
		return STATUS_TIMEOUT;
	return counter_sleep_take(c, deadline_of(timeout_us));
}

void
counter_give(struct counter *c)
{
	uint32_t v = __atomic_load_n(&c->value, __ATOMIC_RELAXED);
	do {
		/* a cancelled counter wakes everybody anyway; a full one is full */
		if ((v & COUNTER_CANCELLED) || v == COUNTER_MAX)
			return;
	} while (!__atomic_compare_exchange_n(&c->value, &v, v + 1, true, __ATOMIC_SEQ_CST,
	                                      __ATOMIC_RELAXED));

	if (__atomic_load_n(&c->sleepers, __ATOMIC_SEQ_CST))
		platform_futex_wake(&c->value, 1);
}

void
counter_cancel(struct counter *c)
{
	__atomic_fetch_or(&c->value, COUNTER_CANCELLED, __ATOMIC_SEQ_CST);
	platform_futex_wake(&c->value, PLATFORM_FUTEX_WAKE_ALL);
}

/*
 * \brief  Cancellable blocking wait on the shared counter wait
 */

#include <base/blockade.h>
#include <base/internal/futex.h>

/* the public "forever" must mean the same as the platform's */
_Static_assert(BLOCKADE_FOREVER == PLATFORM_FUTEX_FOREVER, "timeout encodings differ");

void
blockade_init(struct blockade *b)
{
	counter_init(&b->counter, 0);
}

status_t
blockade_block(struct blockade *b, uint64_t timeout_us)
{
	return counter_take(&b->counter, timeout_us);
}

void
blockade_wakeup(struct blockade *b)
{
	counter_give(&b->counter);
}

void
blockade_cancel(struct blockade *b)
{
	counter_cancel(&b->counter);
}

bool
blockade_cancelled(const struct blockade *b)
{
	return __atomic_load_n(&b->counter.value, __ATOMIC_ACQUIRE) & COUNTER_CANCELLED;
}

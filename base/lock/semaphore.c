/*
 * \brief  Counting semaphore on the shared counter wait
 */

#include <base/internal/futex.h>
#include <base/semaphore.h>

void
semaphore_init(struct semaphore *sem, unsigned initial)
{
	counter_init(&sem->counter, initial > SEMAPHORE_MAX ? SEMAPHORE_MAX : initial);
}

void
semaphore_up(struct semaphore *sem)
{
	counter_give(&sem->counter);
}

void
semaphore_down(struct semaphore *sem)
{
	/* never cancelled, so an unlimited take only returns with a unit */
	(void)counter_take(&sem->counter, PLATFORM_FUTEX_FOREVER);
}

bool
semaphore_try_down(struct semaphore *sem)
{
	return counter_take(&sem->counter, 0) == STATUS_OK;
}

status_t
semaphore_down_timeout(struct semaphore *sem, uint64_t timeout_us)
{
	return counter_take(&sem->counter, timeout_us);
}

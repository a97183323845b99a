/*
 * \brief  lwIP's semaphores and mutexes on the framework's
 *
 * A semaphore wait with a timeout is the framework's timed down; lwIP
 * asks for no more than "timed out or not" of the result (lwip/sys.h:
 * any value but SYS_ARCH_TIMEOUT is success), so no clock is read here.
 */

#include <lwip/sys.h>

#include "lwip_sys.h"

uint32_t
lwip_sys_wait(struct semaphore *sem, uint32_t timeout_ms)
{
	if (timeout_ms == 0) {
		semaphore_down(sem);
		return 0;
	}
	if (semaphore_down_timeout(sem, (uint64_t)timeout_ms * 1000) == STATUS_OK)
		return 0;
	return SYS_ARCH_TIMEOUT;
}

err_t
sys_sem_new(sys_sem_t *sem, u8_t count)
{
	semaphore_init(&sem->sem, count);
	sem->valid = true;
	return ERR_OK;
}

void
sys_sem_free(sys_sem_t *sem)
{
	sem->valid = false;
}

void
sys_sem_signal(sys_sem_t *sem)
{
	semaphore_up(&sem->sem);
}

u32_t
sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout_ms)
{
	return lwip_sys_wait(&sem->sem, timeout_ms);
}

err_t
sys_mutex_new(sys_mutex_t *mutex)
{
	lock_init(&mutex->lock, false);
	mutex->valid = true;
	return ERR_OK;
}

void
sys_mutex_free(sys_mutex_t *mutex)
{
	mutex->valid = false;
}

void
sys_mutex_lock(sys_mutex_t *mutex)
{
	lock_acquire(&mutex->lock);
}

void
sys_mutex_unlock(sys_mutex_t *mutex)
{
	lock_release(&mutex->lock);
}

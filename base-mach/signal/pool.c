/*
 * \brief  Records of signal contexts, carved from pages
 *
 * There is no heap below the signal library on Mach: records come from
 * pages of vm_allocate, are reused, and are never unmapped, so a record
 * a stale wake-up still points at stays readable (the slot's generation
 * tells it is stale, signal_mach_lib.h).
 */

#include <mach_rt.h>

#include "signal_mach_lib.h"

enum { POOL_PAGE = 4096 };

static struct lock pool_lock = LOCK_INIT_UNLOCKED;
static struct signal_context *pool_free;

mach_port_t
signal_task(void)
{
	static mach_port_t task;

	if (task == MACH_PORT_NULL)
		__atomic_store_n(&task, mach_task_self(), __ATOMIC_RELAXED);
	return task;
}

static bool
pool_grow(void)
{
	vm_address_t addr = 0;

	if (syscall_vm_allocate(signal_task(), &addr, POOL_PAGE, TRUE) != KERN_SUCCESS)
		return false;
	for (struct signal_context *c = (void *)addr; (vm_address_t)(c + 1) <= addr + POOL_PAGE;
	     c++) {
		c->next_free = pool_free;
		pool_free = c;
	}
	return true;
}

struct signal_context *
signal_pool_alloc(void)
{
	struct signal_context *c = 0;

	lock_acquire(&pool_lock);
	if (pool_free || pool_grow()) {
		c = pool_free;
		pool_free = c->next_free;
		*c = (struct signal_context){.wake = MACH_PORT_NULL};
	}
	lock_release(&pool_lock);
	return c;
}

void
signal_pool_free(struct signal_context *c)
{
	lock_acquire(&pool_lock);
	c->next_free = pool_free;
	pool_free = c;
	lock_release(&pool_lock);
}

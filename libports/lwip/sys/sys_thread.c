/*
 * \brief  lwIP's threads and its light-weight protection
 *
 * lwIP's threads (the tcpip thread) are framework threads that run for
 * the program's life: they are never joined, their slot stays taken.
 *
 * SYS_ARCH_PROTECT guards a few counters and pool lists for a handful of
 * instructions. One lock serves all of them; it does not nest, which
 * lwIP 2.1.3 never asks for (every protected region was read: none calls
 * back into another one), and a nesting would hang visibly in the tests.
 */

#include <base/log.h>
#include <base/thread.h>
#include <lwip/sys.h>

#include "lwip_sys.h"

static struct lock protection = LOCK_INIT_UNLOCKED;
static bool thread_failed;

void
sys_init(void)
{
}

sys_thread_t
sys_thread_new(const char *name, lwip_thread_fn fn, void *arg, int stack_size, int prio)
{
	(void)prio; /* the component's own priority applies to all its threads */
	struct thread *t;
	size_t stack = stack_size > 0 ? (size_t)stack_size : THREAD_STACK_DEFAULT;
	status_t s = thread_create(name, stack, fn, arg, &t);
	if (s == STATUS_OK && (s = thread_start(t)) != STATUS_OK)
		(void)thread_join(t); /* never started: frees its slot */
	if (s != STATUS_OK) {
		log_error("lwip: cannot start thread \"%s\": %s", name, status_name(s));
		thread_failed = true;
		return NULL;
	}
	return t;
}

bool
lwip_sys_thread_failed(void)
{
	return thread_failed;
}

sys_prot_t
sys_arch_protect(void)
{
	lock_acquire(&protection);
	return 0;
}

void
sys_arch_unprotect(sys_prot_t unused)
{
	(void)unused;
	lock_release(&protection);
}

/*
 * \brief  lwip_tcpip_init: lwIP's start in a component (lwip_env.h)
 *
 * lwIP's tcpip_init starts the tcpip thread and returns; the thread runs
 * lwip_init and then the callback. Waiting for the callback here means
 * the stack (with its loopback netif) is ready when we return.
 */

#include <base/lock.h>
#include <base/log.h>
#include <lwip/tcpip.h>
#include <lwip_env.h>

#include "lwip_sys.h"

static void
tcpip_ready(void *arg)
{
	semaphore_up(arg);
}

status_t
lwip_tcpip_init(void)
{
	static struct lock init_lock = LOCK_INIT_UNLOCKED;
	static bool started;

	lock_acquire(&init_lock);
	status_t s = STATUS_OK;
	if (!started) {
		struct semaphore ready = SEMAPHORE_INIT(0);
		tcpip_init(tcpip_ready, &ready);
		if (lwip_sys_thread_failed())
			s = STATUS_OUT_OF_MEMORY;
		else
			semaphore_down(&ready);
		started = s == STATUS_OK;
	}
	lock_release(&init_lock);
	return s;
}

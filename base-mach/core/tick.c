/*
 * \brief  A periodic call on core's entrypoint: a thread that sleeps and
 *         sends
 *
 * The tick thread waits on a port nobody sends to, with the interval as
 * the receive timeout, and then sends an empty message to a port core's
 * entrypoint watches (base/ep_mach.h): tick runs on the entrypoint's
 * thread between the calls it serves, so it needs no locks. A tick
 * already queued is enough: a send that finds the queue full is dropped,
 * and one call catches up with every interval that passed.
 */

#include <base/ep_mach.h>
#include <base/thread.h>
#include <mach_rt.h>

#include "core_mach.h"
#include "platform.h"

/* core's own periodic work: the generic tick and the memory watch (pd_memory.c) */
enum { TICKS_MAX = 2 };

struct tick {
	void (*fn)(void);
	mach_port_t port; /* receive right, watched by core's entrypoint */
	unsigned interval_ms;
};

static struct tick ticks[TICKS_MAX];
static unsigned ticks_used;

static void
tick_arrived(void *arg, mach_msg_header_t *msg)
{
	(void)msg;
	((struct tick *)arg)->fn();
}

static void
tick_loop(void *arg)
{
	const struct tick *t = arg;
	mach_port_t sleep_port = MACH_PORT_NULL;
	mach_msg_header_t msg;

	if (syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &sleep_port) !=
	    KERN_SUCCESS)
		return;
	for (;;) {
		(void)mach_msg(&msg, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof(msg), sleep_port,
		               t->interval_ms, MACH_PORT_NULL);
		msg = (mach_msg_header_t){.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MAKE_SEND, 0),
		                          .msgh_size = sizeof(msg),
		                          .msgh_remote_port = t->port};
		(void)mach_msg(&msg, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof(msg), 0,
		               MACH_PORT_NULL, 0, MACH_PORT_NULL);
	}
}

status_t
mach_tick_watch(struct entrypoint *ep, void (*fn)(void), unsigned interval_ms)
{
	struct ep_port_watch *watch;
	struct thread *thread;
	struct tick *t;
	status_t st;

	if (ticks_used == TICKS_MAX)
		return STATUS_OUT_OF_MEMORY;
	t = &ticks[ticks_used];
	if (syscall_mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &t->port) !=
	    KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	ticks_used++;
	t->fn = fn;
	t->interval_ms = interval_ms ? interval_ms : 1;
	st = entrypoint_port_watch(ep, t->port, tick_arrived, t, &watch);
	if (st == STATUS_OK)
		st = thread_create("tick", 4096, tick_loop, t, &thread);
	return st == STATUS_OK ? thread_start(thread) : st;
}

status_t
platform_tick_watch(struct entrypoint *ep, void (*tick)(void), unsigned interval_ms)
{
	core_mach_ep_set(ep);
	return mach_tick_watch(ep, tick, interval_ms);
}

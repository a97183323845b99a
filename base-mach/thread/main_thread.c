/*
 * \brief  Running the main thread on a context slot's stack
 *
 * The kernel thread stays the same; only its stack pointer moves into
 * the slot while the entry runs. Its MIG reply port moves along: the
 * slot starts with the port the thread used outside the area, so no
 * second receive right is made for the same thread.
 */

#include <mach_rt.h>

#include "mach_thread.h"

static void
main_entry(void *arg)
{
	struct thread *t = arg;

	t->entry(t->arg);
}

void
platform_thread_main_run(struct thread *t)
{
	struct mach_thread *m = mach_thread_of(t);
	mach_port_t *outside = mach_rt_reply_slot(); /* still on the first stack */

	m->reply_port = *outside;
	mach_call_on_stack(t, main_entry, t->stack_hi);

	/* back: the port moves out again (a failed RPC may have replaced it meanwhile) */
	*outside = m->reply_port;
	m->reply_port = MACH_PORT_NULL;
}

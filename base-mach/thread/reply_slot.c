/*
 * \brief  Each thread's MIG reply port, found from its stack pointer
 *
 * The strong definition of the runtime's mach_rt_reply_slot (the weak one
 * in base-mach/rt is one word for the whole task). A thread in the area
 * keeps its port in its control block, found by masking the stack pointer
 * like thread_myself(); a thread outside the area (the bootstrap's first
 * stack, before platform_thread_main_run) uses one task-wide word.
 *
 * The linker takes an archive member only for an undefined symbol, and
 * the weak definition leaves none: so this file also holds
 * platform_thread_prepare, which every slot's set-up calls, and a program
 * with threads always has the strong definition.
 */

#include <mach_rt.h>

#include "mach_thread.h"

static mach_port_t reply_outside; /* OWNED by the one thread outside the area */

mach_port_t *
mach_rt_reply_slot(void)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	uintptr_t base = mach_area_base();

	if (!base || sp - base >= THREAD_AREA_SIZE)
		return &reply_outside;
	return &mach_thread_of(thread_context_control(sp))->reply_port;
}

status_t
platform_thread_prepare(struct thread *t)
{
	struct mach_thread *m = mach_thread_of(t);

	m->reply_port = MACH_PORT_NULL; /* made by the thread's first kernel RPC */
	m->kthread = MACH_PORT_NULL;
	m->finished = 0;
	/* the reserve between the stack and the control block: .tdata copied, .tbss zero */
	m->tls_tp = mach_rt_tls_place((uintptr_t)t);
	return STATUS_OK;
}

/*
 * \brief  Mach part of a context slot, internal to base-mach/thread
 *
 * Kept in the control block's platform bytes. The platform reserve below
 * the control block holds the thread's TLS block and TCB
 * (platform_thread_reserve is mach_rt_tls_span, 0 for a program without
 * _Thread_local).
 */

#ifndef _BASE_MACH__THREAD__MACH_THREAD_H_
#define _BASE_MACH__THREAD__MACH_THREAD_H_

#include <base/internal/thread_context.h>
#include <mach/port.h>

struct mach_thread {
	/* the thread's MIG reply port (a receive right), OWNED; null until its first kernel RPC */
	mach_port_t reply_port;
	/* send right to the kernel thread, OWNED from platform_thread_start until the join */
	mach_port_t kthread;
	/* 0 while the entry runs, 1 once it returned: what the joiner waits on */
	uint32_t finished;
	/* the thread pointer in the slot's reserve (its TCB), 0 without TLS; the main thread keeps
	 * the block _start gave it instead (base-mach/rt/tls_first.c) */
	uintptr_t tls_tp;
};

_Static_assert(sizeof(struct mach_thread) <= THREAD_PLATFORM_DATA, "platform data too large");

static inline struct mach_thread *
mach_thread_of(struct thread *t)
{
	return (struct mach_thread *)(void *)t->platform;
}

/* base of the reserved area, 0 before (area.c) */
uintptr_t mach_area_base(void);

/* call fn(arg) with the stack pointer at stack_top, back on the caller's stack (call_on_stack.c) */
void mach_call_on_stack(void *arg, void (*fn)(void *), uintptr_t stack_top);

#endif /* _BASE_MACH__THREAD__MACH_THREAD_H_ */

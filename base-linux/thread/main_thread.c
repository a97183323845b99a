/*
 * \brief  Running the main thread on a context slot's stack
 *
 * The calling thread keeps its identity (tid, glibc descriptor, signal
 * mask); only its stack pointer moves into the slot for the duration of
 * the call, which is all thread_myself() looks at.
 */

#define _GNU_SOURCE
#include "linux_thread.h"

/* the architecture's stack switch, base-linux/arch/<arch>/call_on_stack.c */
void linux_call_on_stack(void *arg, void (*fn)(void *), uintptr_t stack_top);

/*
 * AddressSanitizer tracks which stack a thread runs on; a stack switch it
 * was not told about makes it misjudge stack bounds (bogus warnings at
 * exit() or longjmp, wrong reports). Its fiber hooks announce the switch.
 */
#if defined(__SANITIZE_ADDRESS__)
#define LINUX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LINUX_ASAN 1
#endif
#endif

#ifdef LINUX_ASAN
#include <sanitizer/common_interface_defs.h>
#define fiber_switch_start  __sanitizer_start_switch_fiber
#define fiber_switch_finish __sanitizer_finish_switch_fiber
#else
static inline void
fiber_switch_start(void **fake_stack, const void *bottom, size_t size)
{
}
static inline void
fiber_switch_finish(void *fake_stack, const void **bottom, size_t *size)
{
}
#endif

struct main_call {
	struct thread *thread;
	void *fake_stack; /* the sanitizer's state of the original stack */
	const void *old_bottom;
	size_t old_size;
};

/* first and last code on the slot's stack */
static void
main_trampoline(void *arg)
{
	struct main_call *c = arg;

	fiber_switch_finish(NULL, &c->old_bottom, &c->old_size);
	c->thread->entry(c->thread->arg);
	fiber_switch_start(NULL, c->old_bottom, c->old_size);
}

void
platform_thread_main_run(struct thread *t)
{
	struct main_call c = {.thread = t};

	linux_altstack_enter(t);
	fiber_switch_start(&c.fake_stack, (const void *)t->stack_lo, t->stack_hi - t->stack_lo);
	linux_call_on_stack(&c, main_trampoline, t->stack_hi);
	fiber_switch_finish(c.fake_stack, NULL, NULL);
	linux_altstack_leave(t);
}

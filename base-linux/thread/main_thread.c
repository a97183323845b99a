/*
 * \brief  Running the main thread on a context slot's stack
 *
 * The calling thread keeps its identity (tid, glibc descriptor, signal
 * mask); only its stack pointer moves into the slot for the duration of
 * the call, which is all thread_myself() looks at.
 */

#define _GNU_SOURCE
#include "linux_thread.h"

/*
 * Call fn(arg) with the stack pointer at stack_top (16-byte aligned), and
 * return on the original stack. The frame pointer keeps the old stack
 * pointer, and the CFI lets debuggers unwind from the slot back into the
 * caller. The call pushes the return address, so fn starts with
 * rsp % 16 == 8 as the System V ABI demands.
 */
void linux_call_on_stack(void *arg, void (*fn)(void *), uintptr_t stack_top);

#if defined(__x86_64__)
__asm__(".text\n"
        ".globl linux_call_on_stack\n"
        ".hidden linux_call_on_stack\n"
        ".type linux_call_on_stack, @function\n"
        "linux_call_on_stack:\n"
        "	.cfi_startproc\n"
        "	pushq %rbp\n"
        "	.cfi_def_cfa_offset 16\n"
        "	.cfi_offset %rbp, -16\n"
        "	movq %rsp, %rbp\n"
        "	.cfi_def_cfa_register %rbp\n"
        "	movq %rdx, %rsp\n"
        "	callq *%rsi\n"
        "	movq %rbp, %rsp\n"
        "	popq %rbp\n"
        "	.cfi_def_cfa %rsp, 8\n"
        "	retq\n"
        "	.cfi_endproc\n"
        ".size linux_call_on_stack, .-linux_call_on_stack\n");
#else
#error "linux_call_on_stack is implemented for x86_64 only"
#endif

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

/*
 * \brief  Thread-local storage of a task's first thread
 *
 * The first thread runs C code long before any thread library: the
 * program's mach_rt_main, core's and a component's start-up, which log,
 * and generic logging keeps _Thread_local state. So _start gives it its
 * TLS block before calling mach_rt_main. The block is memory of its own
 * for the task's whole life, not part of a thread-context slot: the main
 * thread later runs on slot 0's stack (thread_main_enter) but keeps this
 * block and %gs, so what it wrote before stays valid during and after,
 * when slot 0 is closed again.
 */

#include <mach_rt.h>

/* what a failure here could report to: nothing yet (no console is named before mach_rt_main) */
static kern_return_t
tls_first_setup(void)
{
	size_t span = mach_rt_tls_span();
	vm_address_t block = 0;
	unsigned short gs;

	if (span == 0)
		return KERN_SUCCESS; /* no _Thread_local in the program */
	span = (span + 4095) & ~(size_t)4095;
	kern_return_t kr = syscall_vm_allocate(mach_task_self(), &block, span, TRUE);
	if (kr != KERN_SUCCESS)
		return kr;
	uintptr_t tp = mach_rt_tls_place(block + span);
	mach_port_t self = mach_thread_self();
	kr = mach_rt_tls_bind(self, tp, &gs);
	(void)syscall_mach_port_deallocate(mach_task_self(), self);
	if (kr == KERN_SUCCESS)
		__asm__ volatile("movw %0, %%gs" : : "r"(gs) : "memory");
	return kr;
}

/*
 * Called by _start. Without TLS the program still runs until its first
 * _Thread_local access, which faults: core reports a component's fault;
 * a bootstrap task just stops. The kernel returns a status no one reads.
 */
void
mach_rt_tls_first(void)
{
	(void)tls_first_setup();
}

/*
 * \brief  Ending a task as aborted: the BOUND trap (mach_rt.h)
 *
 * Mach has no signal to raise, only exceptions, and an exception a task
 * raises on purpose must be one no ordinary fault produces. BOUND (i386
 * opcode 0x62) checks an index against a pair of limits; out of them the
 * CPU traps (#BR), and GNU Mach sends EXC_SOFTWARE, EXC_I386_BOUND to the
 * exception port. gcc never emits the instruction, so core can read that
 * exception as "the task aborted itself", as Linux reads SIGABRT.
 */

#include <mach_rt.h>

_Noreturn void
mach_rt_abort(void)
{
	/* the limits [1, 0] hold no index: every check fails */
	static const int limits[2] = {1, 0};

	for (;;)
		__asm__ volatile("boundl %0, %1" : : "r"(0), "m"(limits));
}

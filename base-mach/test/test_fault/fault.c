/*
 * \brief  test-fault_detection's platform part on GNU Mach
 *
 * A fault runs no code in the faulting task on Mach: the kernel sends an
 * exception message to the task's exception port, which is core's, and
 * core names the reason (base-mach/core/exc.c). So each fault here is an
 * instruction whose exception core tells apart:
 * - abort is every component's abort (mach_rt_abort: a BOUND with bounds
 *   no index satisfies, which GNU Mach reports as EXC_SOFTWARE with code
 *   EXC_I386_BOUND and core as "aborted");
 * - ud2 is EXC_BAD_INSTRUCTION (invalid opcode), a division by zero
 *   EXC_ARITHMETIC.
 * A task has no id a run script could use (nothing outside QEMU can end
 * a task), so the process id is 0. Ending without telling the parent is
 * ending the own task: core sees its task port die, with no exit value.
 */

#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "../../../os/test/fault_detection/fault.h"

_Noreturn void
test_fault_abort(void)
{
	mach_rt_abort();
}

unsigned long
test_fault_process_id(void)
{
	return 0;
}

_Noreturn void
test_fault_illegal_instruction(void)
{
	__asm__ volatile("ud2");
	__builtin_unreachable();
}

_Noreturn void
test_fault_arithmetic(void)
{
	/* div by a zero register: the CPU's own division fault */
	unsigned lo = 1, hi = 0, zero = 0;

	for (;;)
		__asm__ volatile("divl %2" : "+a"(lo), "+d"(hi) : "r"(zero));
}

_Noreturn void
test_fault_exit_unreported(int status)
{
	(void)status; /* a Mach task ends without a status */
	for (;;)
		(void)task_terminate(mach_task_self());
}

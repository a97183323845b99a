/*
 * \brief  test-fault_detection's platform part on GNU Mach
 *
 * A fault runs no code in the faulting task on Mach: the kernel sends an
 * exception message to the task's exception port, which is core's, and
 * core names the reason (base-mach/core/exc.c). So each fault here is an
 * instruction whose exception core tells apart:
 * - abort is BOUND with bounds no index satisfies: GNU Mach reports it as
 *   EXC_SOFTWARE with code EXC_I386_BOUND, which no other fault of an
 *   i386 task produces; core reports it as "aborted" (our convention: a
 *   Mach task has no C library whose abort a signal could announce);
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
	/* lower bound above the upper one: every index is out of bounds */
	static const int32_t bounds[2] = {1, 0};

	for (;;)
		__asm__ volatile("bound %0, %1" : : "r"(0), "m"(bounds));
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

/*
 * \brief  test-fault_detection's platform part on Linux
 *
 * abort() raises SIGABRT, which the parent reports as "aborted"; the
 * process id lets the run script kill the victim from outside. ud2 and
 * an integer division by zero raise SIGILL and SIGFPE on x86, which core
 * must report as "illegal instruction" and "arithmetic fault", not by
 * their Linux names. _exit ends the process with a status that core must
 * not take for an exit value.
 */

#define _GNU_SOURCE
#include <stdlib.h>
#include <unistd.h>

#include "../../../os/test/fault_detection/fault.h"

_Noreturn void
test_fault_abort(void)
{
	abort();
}

unsigned long
test_fault_process_id(void)
{
	return (unsigned long)getpid();
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
	volatile int zero = 0, one = 1;
	one = one / zero;
	_exit(one); /* not reached: the division traps on x86 */
}

_Noreturn void
test_fault_exit_unreported(int status)
{
	_exit(status);
}

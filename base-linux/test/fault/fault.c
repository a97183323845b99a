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
	/* div by a zero register: the CPU's own division fault, on i386 and x86_64 alike */
	unsigned lo = 1, hi = 0, zero = 0;
	__asm__ volatile("divl %2" : "+a"(lo), "+d"(hi) : "r"(zero));
	_exit((int)lo); /* not reached */
}

_Noreturn void
test_fault_exit_unreported(int status)
{
	_exit(status);
}

/*
 * \brief  Stack-overflow reports: core's exception server, not ours
 *
 * On GNU Mach a fault does not run code in the faulting task: the kernel
 * sends an exception message to the task's exception port, which is
 * core's (doc/platform-mach.md, "Processes"). core learns the fault
 * address from the message and, when it lies in a guard of the task's
 * thread-context area, reports a stack overflow instead of a page fault
 * ("Threads, locks, time"). Nothing is set up in the task itself, which
 * the contract allows: the report comes from outside.
 */

#include <base/internal/thread_context.h>

void
platform_context_fault_init(void)
{
}

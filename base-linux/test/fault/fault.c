/*
 * \brief  test-fault_detection's platform part on Linux
 *
 * abort() raises SIGABRT, which the parent reports as "aborted"; the
 * process id lets the run script kill the victim from outside.
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

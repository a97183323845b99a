/*
 * \brief  The access of a page fault on x86_64: bit 1 of the page-fault error
 *         code, which the kernel passes in the signal context (REG_ERR)
 */

#define _GNU_SOURCE
#include <signal.h>
#include <ucontext.h>

#include "../../component/fault_access.h"

bool
linux_fault_was_write(const void *context)
{
	const ucontext_t *uc = context;
	return (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
}

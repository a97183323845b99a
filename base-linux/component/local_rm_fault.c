/*
 * \brief  Faults in the local region map reach local_rm_fault (Linux)
 *
 * core never sees a component's page faults on Linux, so the component
 * reports them itself: a SIGSEGV handler hands the faulting address and
 * whether the access wrote (the arch's part, fault_access.h) to
 * local_rm_fault, which waits until the page is backed and maps it; then
 * returning from the handler repeats the access. Any other fault goes on
 * to the handler installed before (the stack-overflow report, or the
 * default action: the process dies and core reports a page fault).
 *
 * It runs on the faulting thread's signal stack (SA_ONSTACK). What it
 * calls (a lock, dup, an RPC's sendmsg/recvmsg, mmap) the component's
 * sandbox allows anyway, so the filter needs no rule for it. A fault
 * inside the RPC code itself on a managed address (a message buffer
 * there) cannot be resolved this way: it would wait on its own call.
 */

#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>

#include <base/internal/local_rm_platform.h>
#include <base/internal/lx_process.h>
#include <base/local_rm.h>

#include "fault_access.h"

static struct sigaction previous;
static bool watching;

static void
on_segv(int sig, siginfo_t *info, void *context)
{
	/* si_code > 0: raised by the access itself, so si_addr is meaningful */
	if (info->si_code > 0 &&
	    local_rm_fault((uintptr_t)info->si_addr, linux_fault_was_write(context)) == STATUS_OK)
		return;
	if (previous.sa_flags & SA_SIGINFO) {
		previous.sa_sigaction(sig, info, context);
		return;
	}
	sigaction(SIGSEGV, &previous, NULL);
	/* a sent signal does not repeat on return, so send it once more */
	if (info->si_code <= 0)
		lx_raise(sig);
}

/* called with the local region map's lock held: no race between two first attaches */
status_t
local_rm_platform_fault_watch(void)
{
	if (watching)
		return STATUS_OK;
	struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_ONSTACK};
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, &previous) != 0)
		return STATUS_UNAVAILABLE;
	watching = true;
	return STATUS_OK;
}

/*
 * \brief  i386 exceptions in generic words, and the end of the faulting task
 *
 * The mapping (doc/platform-mach.md, "Processes"): GNU Mach's i386 trap
 * handler reports a page fault it cannot resolve as EXC_BAD_ACCESS with
 * the address in subcode; a general-protection, segment or stack fault as
 * EXC_BAD_INSTRUCTION with an EXC_I386_*FLT code, which Linux reports as
 * SIGSEGV: a page fault without an address here too. An invalid opcode is
 * an illegal instruction, a division error or INTO an arithmetic fault,
 * int3 and single steps a breakpoint. A failed BOUND check
 * (EXC_SOFTWARE, EXC_I386_BOUND) is how a component aborts itself
 * (mach_rt_abort: gcc never emits BOUND), as Linux reads SIGABRT.
 * Anything else is unknown.
 */

#include <mach/exception.h>
#include <mach/i386/exception.h>
#include <base/ep_mach.h> /* mach_msg_destroy */
#include <mach_gen/exc_S.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "exc.h"

struct exit_fault
exc_fault_of(int exception, int code, int subcode)
{
	struct exit_fault f = {.reason = EXIT_REASON_UNKNOWN};

	switch (exception) {
	case EXC_BAD_ACCESS:
		f = (struct exit_fault){EXIT_REASON_PAGE_FAULT, true, (uint32_t)subcode};
		break;
	case EXC_BAD_INSTRUCTION:
		f.reason = code == EXC_I386_INVOP ? EXIT_REASON_ILLEGAL_INSTRUCTION
		                                  : EXIT_REASON_PAGE_FAULT;
		break;
	case EXC_ARITHMETIC:
		f.reason = EXIT_REASON_ARITHMETIC;
		break;
	case EXC_BREAKPOINT:
		f.reason = EXIT_REASON_BREAKPOINT;
		break;
	case EXC_EMULATION:
		f.reason = EXIT_REASON_ILLEGAL_INSTRUCTION;
		break;
	case EXC_SOFTWARE:
		if (code == EXC_I386_BOUND)
			f.reason = EXIT_REASON_ABORTED;
		break;
	}
	return f;
}

/* MIG's demultiplexer (build/mach/gen/mig/exc_server.c); its header lacks it */
boolean_t exc_server(mach_msg_header_t *in, mach_msg_header_t *out);

/* where catch_exception_raise finds the task and leaves its verdict (one thread) */
static struct exit_fault *verdict;
static mach_port_t verdict_task;
static bool verdict_given;

kern_return_t
catch_exception_raise(mach_port_t port, mach_port_t thread, mach_port_t task, integer_t exception,
                      integer_t code, integer_t subcode)
{
	mach_port_t self = mach_task_self();

	(void)port;
	/* refused: the rights stay in the message, for exc_dispatch to destroy */
	if (task != verdict_task)
		return KERN_FAILURE;
	*verdict = exc_fault_of(exception, code, subcode);
	verdict_given = true;
	/* the whole task ends, as a process does on Linux when a thread faults */
	(void)task_terminate(task);
	(void)syscall_mach_port_deallocate(self, thread);
	(void)syscall_mach_port_deallocate(self, task);
	return KERN_SUCCESS;
}

bool
exc_dispatch(mach_msg_header_t *msg, mach_port_t task, struct exit_fault *fault)
{
	mig_reply_header_t reply;
	struct exit_fault f = {.reason = EXIT_REASON_UNKNOWN};

	verdict = &f;
	verdict_task = task;
	verdict_given = false;
	if (!exc_server(msg, &reply.Head)) {
		mach_msg_destroy(msg);
		return false;
	}
	/* nobody waits for the answer (a forger neither): drop the reply right */
	if (reply.Head.msgh_remote_port != MACH_PORT_NULL)
		(void)syscall_mach_port_deallocate(mach_task_self(), reply.Head.msgh_remote_port);
	if (!verdict_given) {
		/* malformed (the stub refused it) or forged: its rights are still in it */
		msg->msgh_remote_port = MACH_PORT_NULL;
		mach_msg_destroy(msg);
		return false;
	}
	*fault = f;
	return true;
}

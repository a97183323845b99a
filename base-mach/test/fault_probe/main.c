/*
 * \brief  test-mach_fault: each fault of test_fault as core's exception server names it
 *
 * A bootstrap task alone. Each test_fault function (base-mach/test/test_fault)
 * runs in a raw kernel thread whose exception port is ours; the exception
 * message that arrives goes through core's own mapping (exc_fault_of,
 * base-mach/core/exc.c, compiled in) and must give the reason the run
 * scenario fault_detection expects. The thread is ended before the
 * message's reply right is destroyed (base-mach/test/component/fault.c
 * says why). Ending the task unreported cannot be probed in the own task;
 * run/fault_detection.run checks it.
 */

#include <base/ep_mach.h>
#include <mach/exception.h>
#include <mach/i386/thread_status.h>
#include <mach/thread_special_ports.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <util/format.h>

#include "../../../os/test/fault_detection/fault.h"
#include "../../core/exc.h"
#include "../core/test.h"

/* a fault function: declared _Noreturn where defined, a parameter cannot be */
typedef void (*probe_fn)(void);

enum { PROBE_STACK = 16384, EXC_RAISE_ID = 2400, WAIT_MS = 10000 };

struct exc_raise_msg {
	mach_msg_header_t head;
	mach_msg_type_t thread_type;
	mach_port_t thread;
	mach_msg_type_t task_type;
	mach_port_t task;
	mach_msg_type_t exception_type;
	integer_t exception;
	mach_msg_type_t code_type;
	integer_t code;
	mach_msg_type_t subcode_type;
	integer_t subcode;
};

static union {
	struct exc_raise_msg raise;
	char bytes[512];
} exc_msg;

static _Noreturn void
breakpoint(void)
{
	for (;;)
		__asm__ volatile("int3");
}

/* a thread at fn on a stack of its own, its exceptions sent to exc; not resumed */
static kern_return_t
probe_create(probe_fn fn, mach_port_t exc, mach_port_t *thread)
{
	static vm_address_t stack;
	struct i386_thread_state st;
	mach_msg_type_number_t count = i386_THREAD_STATE_COUNT;
	kern_return_t kr =
	        stack ? KERN_SUCCESS : vm_allocate(mach_task_self(), &stack, PROBE_STACK, TRUE);

	if (kr == KERN_SUCCESS)
		kr = mach_thread_create(mach_task_self(), thread);
	if (kr == KERN_SUCCESS)
		kr = thread_get_state(*thread, i386_THREAD_STATE, (thread_state_t)&st, &count);
	if (kr != KERN_SUCCESS)
		return kr;
	uint32_t *sp = (uint32_t *)(stack + PROBE_STACK - 16);
	sp[0] = 0; /* the return address of a function called from nowhere */
	st.eip = (unsigned)(uintptr_t)fn;
	st.uesp = (unsigned)(uintptr_t)sp;
	kr = thread_set_state(*thread, i386_THREAD_STATE, (thread_state_t)&st, count);
	return kr ? kr : thread_set_special_port(*thread, THREAD_EXCEPTION_PORT, exc);
}

/* run fn in a probe; true and *f if its exception came */
static bool
probe(probe_fn fn, struct exit_fault *f, char *seen, size_t size)
{
	mach_port_t self = mach_task_self(), exc = MACH_PORT_NULL, thread = MACH_PORT_NULL;
	struct exc_raise_msg *m = &exc_msg.raise;
	bool received = false;

	format_string(seen, size, "no exception");
	if (mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &exc) != KERN_SUCCESS)
		return false;
	if (mach_port_insert_right(self, exc, exc, MACH_MSG_TYPE_MAKE_SEND) == KERN_SUCCESS &&
	    probe_create(fn, exc, &thread) == KERN_SUCCESS && thread_resume(thread) == KERN_SUCCESS)
		received = mach_msg(&m->head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof(exc_msg),
		                    exc, WAIT_MS, MACH_PORT_NULL) == MACH_MSG_SUCCESS &&
		           m->head.msgh_id == EXC_RAISE_ID;
	if (thread != MACH_PORT_NULL) {
		(void)thread_terminate(thread);
		(void)mach_port_deallocate(self, thread);
	}
	if (received) {
		*f = exc_fault_of(m->exception, m->code, m->subcode);
		format_string(seen, size, "exception %d code %d subcode %d: %s", m->exception,
		              m->code, m->subcode, exit_reason_name(f->reason));
		mach_msg_destroy(&m->head);
	}
	(void)mach_port_destroy(self, exc);
	return received;
}

static void
expect(probe_fn fn, enum exit_reason want, const char *what)
{
	struct exit_fault f = {.reason = EXIT_REASON_UNKNOWN};
	char seen[96];
	bool got = probe(fn, &f, seen, sizeof(seen));

	check(got && f.reason == want, what, seen);
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	/* boot script: test-mach_fault ${host-port} ${device-port} */
	for (const char *p = argc > 2 ? argv[2] : ""; *p >= '0' && *p <= '9'; p++)
		test_device_master = test_device_master * 10 + (mach_port_t)(*p - '0');
	console_line("test-mach_fault: the faults of test_fault as core names them\n");
	expect(test_fault_abort, EXIT_REASON_ABORTED, "test_fault_abort is aborted");
	expect(test_fault_illegal_instruction, EXIT_REASON_ILLEGAL_INSTRUCTION,
	       "test_fault_illegal_instruction is an illegal instruction");
	expect(test_fault_arithmetic, EXIT_REASON_ARITHMETIC,
	       "test_fault_arithmetic is an arithmetic fault");
	expect(breakpoint, EXIT_REASON_BREAKPOINT, "int3 stays a breakpoint, not an abort");
	check(test_fault_process_id() == 0, "a task has no process id", "");
	verdict_exit();
}

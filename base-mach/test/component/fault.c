/*
 * \brief  Does an access fault? A probe thread with an exception port of ours
 *
 * The probe is a raw kernel thread (not one of the thread library's: it
 * may never return, so it could not be joined) on a stack of its own. Its
 * exception port is a port of ours, so a fault it takes arrives here as an
 * exception_raise message; the probe is then ended with thread_terminate,
 * and only then the message's rights are released: the exception is never
 * answered. A
 * probe that got through says so in a flag and yields until ended.
 */

#include <base/ep_mach.h>
#include <mach/exception.h>
#include <mach/i386/thread_status.h>
#include <mach/thread_special_ports.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "test.h"

enum { PROBE_STACK = 16384, EXC_RAISE_ID = 2400, PROBE_TRIES = 100 };

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

static volatile uint32_t probe_through;

static void
probe_entry(volatile uint8_t *addr, int write)
{
	if (write)
		*addr = 0x5a;
	else
		(void)*addr;
	probe_through = 1;
	for (;;)
		(void)swtch_pri(0);
}

/* a thread at probe_entry(addr, write), its exceptions sent to exc; not resumed yet */
static kern_return_t
probe_create(uintptr_t addr, bool write, mach_port_t exc, mach_port_t *thread)
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
	sp[1] = (uint32_t)addr;
	sp[2] = write;
	st.eip = (unsigned)(uintptr_t)probe_entry;
	st.uesp = (unsigned)(uintptr_t)sp;
	kr = thread_set_state(*thread, i386_THREAD_STATE, (thread_state_t)&st, count);
	return kr ? kr : thread_set_special_port(*thread, THREAD_EXCEPTION_PORT, exc);
}

static union {
	struct exc_raise_msg raise;
	char bytes[512];
} exc_msg;

/* wait for the probe's exception (left in exc_msg) or its flag; true if an exception came */
static bool
probe_wait(mach_port_t exc, uintptr_t *fault_addr)
{
	mach_msg_header_t *head = &exc_msg.raise.head;

	for (unsigned i = 0; i < PROBE_TRIES && !probe_through; i++) {
		if (mach_msg(head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof(exc_msg), exc, 100,
		             MACH_PORT_NULL) != MACH_MSG_SUCCESS)
			continue;
		bool bad =
		        head->msgh_id == EXC_RAISE_ID && exc_msg.raise.exception == EXC_BAD_ACCESS;
		*fault_addr = bad ? (uintptr_t)exc_msg.raise.subcode : 0;
		return true;
	}
	return false;
}

bool
fault_probe(uintptr_t addr, bool write, uintptr_t *fault_addr)
{
	mach_port_t self = mach_task_self(), exc = MACH_PORT_NULL, thread = MACH_PORT_NULL;
	bool faulted, received = false;

	*fault_addr = 0;
	probe_through = 0;
	if (mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &exc) != KERN_SUCCESS)
		return false;
	if (mach_port_insert_right(self, exc, exc, MACH_MSG_TYPE_MAKE_SEND) == KERN_SUCCESS &&
	    probe_create(addr, write, exc, &thread) == KERN_SUCCESS &&
	    thread_resume(thread) == KERN_SUCCESS)
		received = probe_wait(exc, fault_addr);
	if (thread != MACH_PORT_NULL) {
		(void)thread_terminate(thread);
		(void)mach_port_deallocate(self, thread);
	}
	/*
	 * Only now: the reply right destroyed while the probe still waited
	 * for the answer would make the kernel look for the next exception
	 * server, and with none it terminates the whole task (seen: 1 boot
	 * in 10 ended silently when the order was the other way round).
	 */
	if (received)
		mach_msg_destroy(&exc_msg.raise.head);
	faulted = received && *fault_addr != 0;
	(void)mach_port_destroy(self, exc);
	return faulted;
}

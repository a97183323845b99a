/*
 * \brief  The test's pager thread: what core's entrypoint will do later
 *
 * core's checks read and write their own mappings of the objects core
 * serves, so the objects are served on a second thread (no entrypoint
 * exists yet). Each memory object's port sits in one port set with the
 * record as its protected payload; the default manager's port has none.
 * Each thread has its own MIG reply port (mach_rt_reply_slot, by stack).
 */

#include <mach/i386/thread_status.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "../../core/core_mach.h"
#include "test.h"

enum { PAGER_STACK = 64 * 1024 };

static mach_port_t pager_set;
static vm_address_t pager_stack;
static mach_port_t reply_slot[2];

mach_port_t *
mach_rt_reply_slot(void)
{
	vm_address_t sp = (vm_address_t)__builtin_frame_address(0);
	bool pager = pager_stack && sp >= pager_stack && sp < pager_stack + PAGER_STACK;

	return &reply_slot[pager];
}

status_t
core_mach_memobj_serve(struct memobj *obj)
{
	mach_port_t self = mach_task_self(), port = memobj_port(obj);

	if (mach_port_set_protected_payload(self, port, (unsigned long)(uintptr_t)obj) != 0 ||
	    mach_port_move_member(self, port, pager_set) != 0)
		return STATUS_OUT_OF_MEMORY;
	return STATUS_OK;
}

static void
adopt(struct memobj *obj)
{
	if (core_mach_memobj_serve(obj) != STATUS_OK)
		memobj_destroy(obj);
	test_default_objects++;
}

static _Noreturn void
pager_loop(void)
{
	static union {
		mach_msg_header_t head;
		char bytes[2048];
	} msg;

	for (;;) {
		if (mach_msg(&msg.head, MACH_RCV_MSG, 0, sizeof(msg), pager_set, 0, MACH_PORT_NULL))
			continue;
		unsigned local = MACH_MSGH_BITS_LOCAL(msg.head.msgh_bits);
		if (local == MACH_MSG_TYPE_PROTECTED_PAYLOAD)
			memobj_dispatch((struct memobj *)(uintptr_t)msg.head.msgh_protected_payload,
			                &msg.head);
		else
			memobj_default_dispatch(&msg.head);
	}
}

/* the thread on its own stack, entered as a function called from nowhere */
static kern_return_t
pager_thread_start(void)
{
	mach_port_t thread;
	struct i386_thread_state st;
	mach_msg_type_number_t count = i386_THREAD_STATE_COUNT;
	kern_return_t kr = vm_allocate(mach_task_self(), &pager_stack, PAGER_STACK, TRUE);

	if (kr == 0)
		kr = mach_thread_create(mach_task_self(), &thread);
	if (kr == 0)
		kr = thread_get_state(thread, i386_THREAD_STATE, (thread_state_t)&st, &count);
	if (kr != 0)
		return kr;
	st.eip = (unsigned)(uintptr_t)pager_loop;
	st.uesp = (unsigned)(pager_stack + PAGER_STACK - 16 - 4); /* as after a call */
	kr = thread_set_state(thread, i386_THREAD_STATE, (thread_state_t)&st, count);
	return kr ? kr : thread_resume(thread);
}

kern_return_t
pager_start(mach_port_t host_priv)
{
	mach_port_t self = mach_task_self(), manager;
	kern_return_t kr = mach_port_allocate(self, MACH_PORT_RIGHT_PORT_SET, &pager_set);

	if (kr)
		return kr;
	/* first of all: no task may reach a proxy before core manages memory */
	if (memobj_default_register(host_priv, adopt, &manager) != STATUS_OK)
		return KERN_FAILURE;
	kr = mach_port_move_member(self, manager, pager_set);
	return kr ? kr : pager_thread_start();
}

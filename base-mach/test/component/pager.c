/*
 * \brief  core's part in this test: the default memory manager and the
 *         memory objects, served on a thread of their own
 *
 * The checks map these objects and touch the mappings, and the thread
 * that serves an object must never touch a mapping of it (memobj.h), so
 * a pager thread hears them, as test-mach_core does. Each object's port
 * sits in one port set with the record as its protected payload; the
 * default manager's port has none.
 */

#include <base/thread.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "test.h"

static mach_port_t pager_set;

status_t
pager_serve(struct memobj *obj)
{
	mach_port_t self = mach_task_self(), port = memobj_port(obj);

	if (mach_port_set_protected_payload(self, port, (unsigned long)(uintptr_t)obj) != 0 ||
	    mach_port_move_member(self, port, pager_set) != 0)
		return STATUS_OUT_OF_MEMORY;
	return STATUS_OK;
}

/* an object the kernel made for anonymous memory (a proxy of it: backing_from_bytes) */
static void
adopt(struct memobj *obj)
{
	if (pager_serve(obj) != STATUS_OK)
		memobj_destroy(obj);
}

static void
pager_loop(void *arg)
{
	static union {
		mach_msg_header_t head;
		char bytes[2048];
	} msg;

	(void)arg;
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

kern_return_t
pager_start(mach_port_t host_priv)
{
	mach_port_t self = mach_task_self(), manager;
	struct thread *thread;
	kern_return_t kr = mach_port_allocate(self, MACH_PORT_RIGHT_PORT_SET, &pager_set);

	if (kr)
		return kr;
	/* before any proxy of anonymous memory: without a manager that panics the kernel */
	if (memobj_default_register(host_priv, adopt, &manager) != STATUS_OK)
		return KERN_FAILURE;
	kr = mach_port_move_member(self, manager, pager_set);
	if (kr)
		return kr;
	if (thread_create("pager", 0, pager_loop, 0, &thread) != STATUS_OK ||
	    thread_start(thread) != STATUS_OK)
		return KERN_RESOURCE_SHORTAGE;
	return KERN_SUCCESS;
}

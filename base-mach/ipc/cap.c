/*
 * \brief  Capabilities as send rights; the selector is the port name
 *
 * A task has one name per port, whatever number of send rights it holds:
 * copies of a capability are user references of the same name, so the
 * name itself is the key, and two names are the same object only if they
 * are equal. A dissolved object leaves a dead name, which still counts
 * its references until each owner closed its copy.
 */

#include <base/capability.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "internal.h"

mach_port_t
ipc_task(void)
{
	static mach_port_t task;

	if (task == MACH_PORT_NULL)
		__atomic_store_n(&task, mach_task_self(), __ATOMIC_RELAXED);
	return task;
}

void
cap_close(cap_t c)
{
	if (ipc_sel_name(c.sel))
		(void)syscall_mach_port_deallocate(ipc_task(), (mach_port_t)c.sel);
}

status_t
cap_dup(cap_t c, cap_t *out)
{
	kern_return_t kr;

	if (!ipc_sel_name(c.sel))
		return STATUS_INVALID_CAP;
	kr = mach_port_mod_refs(ipc_task(), (mach_port_t)c.sel, MACH_PORT_RIGHT_SEND, 1);
	if (kr == KERN_INVALID_RIGHT) /* the object was dissolved: a dead name */
		kr = mach_port_mod_refs(ipc_task(), (mach_port_t)c.sel, MACH_PORT_RIGHT_DEAD_NAME,
		                        1);
	if (kr == KERN_UREFS_OVERFLOW || kr == KERN_RESOURCE_SHORTAGE)
		return STATUS_OUT_OF_MEMORY;
	if (kr != KERN_SUCCESS)
		return STATUS_INVALID_CAP;
	*out = c;
	return STATUS_OK;
}

bool
cap_same(cap_t a, cap_t b)
{
	return cap_valid(a) && a.sel == b.sel;
}

/* one kernel call, like Linux's fstat: a closed name has no key */
status_t
cap_key_get(cap_t c, struct cap_key *key)
{
	mach_port_type_t type;

	if (!ipc_sel_name(c.sel) ||
	    mach_port_type(ipc_task(), (mach_port_t)c.sel, &type) != KERN_SUCCESS ||
	    !(type & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_DEAD_NAME)))
		return STATUS_INVALID_CAP;
	key->hi = 0;
	key->lo = (uint64_t)c.sel;
	return STATUS_OK;
}

void
rpc_msg_close_caps(struct rpc_msg *msg)
{
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++) {
		if (msg->hdr.cap_mask & (1u << i))
			cap_close(msg->caps[i]);
		msg->caps[i] = cap_invalid();
	}
	msg->hdr.cap_mask = 0;
}

/*
 * \brief  Entrypoint on GNU Mach: objects as receive rights in one port set
 */

#include <base/entrypoint.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "ep.h"
#include "internal.h"

status_t
ep_port_join(struct entrypoint *ep, mach_port_t port, uintptr_t payload)
{
	if (mach_port_set_protected_payload(ipc_task(), port, payload) != KERN_SUCCESS ||
	    mach_port_move_member(ipc_task(), port, ep->set) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	return STATUS_OK;
}

void
ep_port_destroy(mach_port_t port)
{
	(void)mach_port_mod_refs(ipc_task(), port, MACH_PORT_RIGHT_RECEIVE, -1);
}

/* a port of its own that entrypoint_stop sends to: a stop wakes a blocked receive */
static status_t
wake_init(struct entrypoint *ep)
{
	mach_port_t task = ipc_task();

	if (syscall_mach_port_allocate(task, MACH_PORT_RIGHT_RECEIVE, &ep->wake) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	if (syscall_mach_port_insert_right(task, ep->wake, ep->wake, MACH_MSG_TYPE_MAKE_SEND) !=
	            KERN_SUCCESS ||
	    ep_port_join(ep, ep->wake, (uintptr_t)ep | EP_TAG_WAKE) != STATUS_OK) {
		(void)mach_port_destroy(task, ep->wake);
		return STATUS_OUT_OF_MEMORY;
	}
	return STATUS_OK;
}

status_t
entrypoint_create(struct entrypoint **out)
{
	vm_address_t addr = 0;
	struct entrypoint *ep;

	/* fresh pages are zeroed: every field starts empty */
	if (syscall_vm_allocate(ipc_task(), &addr, sizeof(*ep), TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	ep = (struct entrypoint *)addr;
	if (mach_port_allocate(ipc_task(), MACH_PORT_RIGHT_PORT_SET, &ep->set) != KERN_SUCCESS)
		goto fail;
	if (wake_init(ep) != STATUS_OK) {
		(void)mach_port_destroy(ipc_task(), ep->set);
		goto fail;
	}
	*out = ep;
	return STATUS_OK;
fail:
	(void)syscall_vm_deallocate(ipc_task(), addr, sizeof(*ep));
	return STATUS_OUT_OF_MEMORY;
}

/*
 * Watches and async reply ports are their owners' and stay theirs; the
 * port set's end takes them out of it.
 */
void
entrypoint_destroy(struct entrypoint *ep)
{
	while (ep->count)
		entrypoint_dissolve(ep, ep->objects[ep->count - 1].obj);
	ep_objects_free(ep);
	ep_watches_free(ep);
	(void)mach_port_destroy(ipc_task(), ep->wake);
	(void)mach_port_destroy(ipc_task(), ep->set);
	(void)syscall_vm_deallocate(ipc_task(), (vm_address_t)ep, sizeof(*ep));
}

status_t
entrypoint_manage(struct entrypoint *ep, struct rpc_object *obj, rpc_dispatch_fn dispatch,
                  cap_t *cap)
{
	mach_port_t task = ipc_task(), port;

	if (obj->ep)
		return STATUS_CONFLICT;
	if (syscall_mach_port_allocate(task, MACH_PORT_RIGHT_RECEIVE, &port) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	/* the longest queue Mach allows: async senders see a full one as WOULD_BLOCK */
	(void)mach_port_set_qlimit(task, port, MACH_PORT_QLIMIT_MAX);
	if (ep_port_join(ep, port, (uintptr_t)obj | EP_TAG_OBJECT) != STATUS_OK ||
	    syscall_mach_port_insert_right(task, port, port, MACH_MSG_TYPE_MAKE_SEND) !=
	            KERN_SUCCESS ||
	    ep_objects_add(ep, obj, port) != STATUS_OK) {
		(void)mach_port_destroy(task, port);
		return STATUS_OUT_OF_MEMORY;
	}
	obj->dispatch = dispatch;
	obj->ep = ep;
	cap->sel = (long)port;
	return STATUS_OK;
}

/*
 * Destroying the receive right turns every send right into a dead name
 * (calls fail with MACH_SEND_INVALID_DEST) and destroys the queued calls,
 * whose callers get the kernel's send-once notification. Our own send
 * references stay as a dead name until their owners close them. A call
 * being dispatched, or deferred, holds its own send-once right.
 */
void
entrypoint_dissolve(struct entrypoint *ep, struct rpc_object *obj)
{
	uint32_t index = (uint32_t)obj->ep_id;

	if (obj->ep != ep || index >= ep->count || ep->objects[index].obj != obj)
		return;
	ep_port_destroy(ep->objects[index].port);
	ep_objects_remove(ep, index);
	obj->ep = NULL;
}

status_t
entrypoint_run(struct entrypoint *ep)
{
	/* a stop requested before run started counts: it is consumed here */
	while (!__atomic_exchange_n(&ep->stop, false, __ATOMIC_ACQ_REL)) {
		status_t st = entrypoint_wait_and_dispatch_one(ep);
		if (st != STATUS_OK)
			return st;
	}
	return STATUS_OK;
}

void
entrypoint_stop(struct entrypoint *ep)
{
	mach_msg_header_t h = {
	        .msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0),
	        .msgh_size = sizeof(h),
	        .msgh_remote_port = ep->wake,
	};

	__atomic_store_n(&ep->stop, true, __ATOMIC_RELEASE);
	/* a full queue already holds a wake-up */
	(void)mach_msg(&h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof(h), 0, MACH_PORT_NULL, 0,
	               MACH_PORT_NULL);
}

mach_port_t
entrypoint_port_set(const struct entrypoint *ep)
{
	return ep->set;
}

/*
 * \brief  Replies over the caller's send-once right; deferred replies
 *
 * The send-once right is the whole reply channel: a deferred reply keeps
 * it in the handle, answerable from any thread whatever the entrypoint
 * does meanwhile. A send to a send-once right never waits for queue
 * space, and MACH_SEND_TIMEOUT 0 makes sure nothing else can block it.
 */

#include <base/rpc_server.h>
#include <mach_rt.h>

#include "internal.h"

static mach_msg_return_t
reply_send(mach_port_t so, struct wire_msg *w)
{
	w->head.msgh_bits |= MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
	w->head.msgh_remote_port = so;
	w->head.msgh_local_port = MACH_PORT_NULL;
	w->head.msgh_id = WIRE_ID_REPLY;
	return mach_msg(&w->head, MACH_SEND_MSG | MACH_SEND_TIMEOUT, w->head.msgh_size, 0,
	                MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

status_t
ipc_reply_over(mach_port_t so, struct rpc_msg *msg)
{
	struct wire_msg w;
	mach_msg_return_t mr;

	if (wire_pack(&w, msg) != STATUS_OK) {
		/* the handler put a capability in that is none: say so, not hang */
		rpc_reply_finish(msg, msg->hdr.iface, msg->hdr.opcode, STATUS_PROTOCOL);
		(void)wire_pack(&w, msg);
	}
	mr = reply_send(so, &w);
	if (mr == MACH_MSG_SUCCESS)
		return STATUS_OK;
	/*
	 * A dead destination is refused before anything is taken: the dead
	 * name is still ours. Any later failure destroyed the right, and
	 * the caller got the kernel's notification instead.
	 */
	if (mr == MACH_SEND_INVALID_DEST)
		(void)syscall_mach_port_deallocate(ipc_task(), so);
	return STATUS_PEER_GONE;
}

status_t
rpc_reply_defer(struct rpc_call *call, struct rpc_reply_handle *handle)
{
	handle->channel.sel = call->channel;
	handle->iface = call->in->hdr.iface;
	handle->opcode = call->in->hdr.opcode;
	call->deferred = true;
	return STATUS_OK;
}

status_t
rpc_reply_send(struct rpc_reply_handle *handle, status_t status, struct rpc_msg *msg)
{
	struct rpc_msg empty;
	status_t st;

	if (!ipc_sel_name(handle->channel.sel))
		return STATUS_INVALID_ARGS;
	if (!msg) {
		rpc_msg_start(&empty, RPC_KIND_REPLY, handle->iface, handle->opcode);
		msg = &empty;
	}
	rpc_reply_finish(msg, handle->iface, handle->opcode, status);
	st = ipc_reply_over((mach_port_t)handle->channel.sel, msg);
	handle->channel = cap_invalid();
	return st;
}

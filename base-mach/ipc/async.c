/*
 * \brief  Calls whose reply the entrypoint receives (GNU Mach)
 *
 * Each call in flight has a reply port of its own in the entrypoint's
 * set, its protected payload the struct ipc_async, which the caller keeps
 * in place until the call ends. The reply or the kernel's send-once
 * notification (server gone, object dissolved) ends the call, once;
 * destroying the port cancels it, and the server's later reply then meets
 * a dead name. The send is MACH_SEND_TIMEOUT 0: a full queue is
 * STATUS_WOULD_BLOCK, never a wait.
 */

#include <base/ipc_async.h>
#include <mach_rt.h>

#include "ep.h"
#include "internal.h"

static void
async_port_drop(struct ipc_async *call)
{
	ep_port_destroy((mach_port_t)call->channel.sel);
	call->channel = cap_invalid();
	call->pending = false;
}

void
ep_async_reply(struct ipc_async *call, mach_msg_header_t *h)
{
	struct rpc_msg msg;
	status_t st;

	if (!call->pending) {
		mach_msg_destroy(h);
		return;
	}
	msg.reply_caps = call->reply_caps;
	st = ipc_reply_decode(h, &msg, call->iface, call->opcode);
	async_port_drop(call); /* before fn, which may start the next call with it */
	call->fn(call->arg, st, &msg);
}

/* the request to dst with a send-once right to port; on failure nothing is left */
static status_t
async_send(cap_t dst, const struct rpc_msg *msg, mach_port_t port)
{
	struct wire_msg w;
	mach_msg_return_t mr;
	status_t st;

	if ((st = wire_pack(&w, msg)) != STATUS_OK)
		return st;
	w.head.msgh_bits |= MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MAKE_SEND_ONCE);
	w.head.msgh_remote_port = (mach_port_t)dst.sel;
	w.head.msgh_local_port = port;
	w.head.msgh_id = WIRE_ID_CALL;
	mr = mach_msg(&w.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT, w.head.msgh_size, 0,
	              MACH_PORT_NULL, 0, MACH_PORT_NULL);
	if (mr == MACH_MSG_SUCCESS)
		return STATUS_OK;
	/* a full queue hands the message back as if received: release its rights */
	if (mr == MACH_SEND_TIMED_OUT || mr == MACH_SEND_INTERRUPTED) {
		wire_destroy_header(&w.head, true);
		wire_destroy_body(&w.head);
	}
	return ipc_send_status(mr);
}

status_t
ipc_call_async(struct entrypoint *ep, cap_t dst, const struct rpc_msg *msg, ipc_async_fn fn,
               void *arg, struct ipc_async *call)
{
	mach_port_t port;
	status_t st;

	if (!ipc_sel_name(dst.sel))
		return STATUS_INVALID_CAP;
	if (msg->hdr.kind != RPC_KIND_CALL)
		return STATUS_PROTOCOL;
	*call = (struct ipc_async){.channel = cap_invalid(),
	                           .dst_sel = dst.sel,
	                           .ep = ep,
	                           .iface = msg->hdr.iface,
	                           .opcode = msg->hdr.opcode,
	                           .reply_caps = msg->reply_caps,
	                           .fn = fn,
	                           .arg = arg};
	if (syscall_mach_port_allocate(ipc_task(), MACH_PORT_RIGHT_RECEIVE, &port) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	st = ep_port_join(ep, port, (uintptr_t)call | EP_TAG_ASYNC);
	if (st == STATUS_OK)
		st = async_send(dst, msg, port);
	if (st != STATUS_OK) {
		ep_port_destroy(port);
		return st;
	}
	call->channel.sel = (long)port;
	call->pending = true;
	return STATUS_OK;
}

void
ipc_async_cancel(struct ipc_async *call)
{
	if (call->pending)
		async_port_drop(call);
}

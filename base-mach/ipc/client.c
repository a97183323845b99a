/*
 * \brief  Client side of a call: one mach_msg that sends and receives
 *
 * The reply comes to the calling thread's MIG reply port, over the
 * send-once right the request carries. Exactly one message answers a
 * send-once right: the reply, or the kernel's send-once notification
 * when the right died unused (server gone, object dissolved with the call
 * queued). So a reply port that received its one message is clean for
 * the next call; after any failure it is replaced, because a message for
 * the failed call might still come.
 */

#include <base/ipc.h>
#include <base/rpc_server.h>
#include <mach/mig_support.h>
#include <mach/notify.h>
#include <mach_rt.h>

#include "internal.h"

status_t
ipc_send_status(mach_msg_return_t mr)
{
	switch (mr) {
	case MACH_SEND_INVALID_DEST:
		return STATUS_INVALID_CAP;
	case MACH_SEND_INVALID_RIGHT:
	case MACH_SEND_INVALID_TYPE:
		return STATUS_INVALID_ARGS;
	case MACH_SEND_TIMED_OUT:
		return STATUS_WOULD_BLOCK;
	case MACH_SEND_NO_BUFFER:
		return STATUS_OUT_OF_MEMORY;
	default:
		return STATUS_PROTOCOL;
	}
}

status_t
ipc_reply_decode(mach_msg_header_t *h, struct rpc_msg *msg, uint32_t iface, uint16_t opcode)
{
	/* cppcheck-suppress ctuuninitvar ; callers set reply_caps, the reply fills the rest */
	bool reply_caps = msg->reply_caps;
	bool notified = h->msgh_id == MACH_NOTIFY_SEND_ONCE;
	size_t received;
	status_t st;

	/* a reply carries no reply right of its own */
	wire_destroy_header(h, false);
	if (notified || h->msgh_id != WIRE_ID_REPLY) {
		wire_destroy_body(h);
		/* msg still holds the request's caps, which are the caller's */
		msg->hdr.cap_mask = 0;
		for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
			msg->caps[i] = cap_invalid();
		return notified ? STATUS_PEER_GONE : STATUS_PROTOCOL;
	}
	if (wire_unpack(h, msg, RPC_KIND_REPLY, &received) != STATUS_OK)
		return STATUS_PROTOCOL;
	if (msg->hdr.iface != iface || msg->hdr.opcode != opcode ||
	    (!reply_caps && msg->hdr.cap_mask)) {
		rpc_msg_close_caps(msg);
		return STATUS_PROTOCOL;
	}
	st = rpc_status_from_wire(msg->hdr.status);
	if (st != STATUS_OK)
		rpc_msg_close_caps(msg);
	return st;
}

/* a receive error after the send: the reply, if any, is lost */
static status_t
call_rcv_status(mach_msg_return_t mr, mach_msg_header_t *h)
{
	if ((mr & ~MACH_MSG_MASK) == MACH_RCV_BODY_ERROR) {
		wire_destroy_header(h, false);
		wire_destroy_body(h);
	}
	return STATUS_PROTOCOL;
}

status_t
ipc_call(cap_t dst, struct rpc_msg *msg)
{
	struct wire_msg w;
	mach_port_t reply;
	mach_msg_return_t mr;
	status_t st;

	if (!ipc_sel_name(dst.sel))
		return STATUS_INVALID_CAP;
	if (msg->hdr.kind != RPC_KIND_CALL)
		return STATUS_PROTOCOL;
	if ((st = wire_pack(&w, msg)) != STATUS_OK)
		return st;
	if ((reply = mig_get_reply_port()) == MACH_PORT_NULL)
		return STATUS_OUT_OF_MEMORY;
	w.head.msgh_bits |= MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MAKE_SEND_ONCE);
	w.head.msgh_remote_port = (mach_port_t)dst.sel;
	w.head.msgh_local_port = reply;
	w.head.msgh_id = WIRE_ID_CALL;
	mr = mach_msg(&w.head, MACH_SEND_MSG | MACH_RCV_MSG, w.head.msgh_size, sizeof(w), reply,
	              MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL);
	if (mr == MACH_MSG_SUCCESS)
		return ipc_reply_decode(&w.head, msg, msg->hdr.iface, msg->hdr.opcode);
	mig_dealloc_reply_port(reply);
	if ((mr & ~MACH_MSG_MASK) < MACH_RCV_IN_PROGRESS) /* the send failed */
		return ipc_send_status(mr);
	return call_rcv_status(mr, &w.head);
}

void
ipc_thread_exit(void)
{
	mach_port_t *slot = mach_rt_reply_slot();

	if (*slot != MACH_PORT_NULL)
		mig_dealloc_reply_port(*slot);
}

/*
 * \brief  Receiving on the entrypoint's port set and dispatching
 *
 * Nothing a client sends can make the entrypoint block, crash or keep a
 * right: a message too large for the buffer is destroyed by the kernel
 * (received without MACH_RCV_LARGE), a malformed call is answered with
 * STATUS_PROTOCOL if it carries a reply right and dropped otherwise, and
 * replies go out without waiting.
 */

#include <base/entrypoint.h>
#include <base/ipc_async.h>

#include "ep.h"
#include "internal.h"

/* a malformed call: the error reply names the call if its header came */
static void
call_refuse(struct entrypoint *ep, mach_port_t reply, size_t received)
{
	struct rpc_msg *out = &ep->out;
	bool have_hdr = received >= RPC_HEADER_SIZE;
	uint32_t iface = have_hdr ? ep->in.hdr.iface : 0;
	uint16_t opcode = have_hdr ? ep->in.hdr.opcode : 0;

	rpc_msg_start(out, RPC_KIND_REPLY, iface, opcode);
	rpc_reply_finish(out, iface, opcode, STATUS_PROTOCOL);
	(void)ipc_reply_over(reply, out);
}

void
ep_serve_call(struct entrypoint *ep, struct rpc_object *obj, mach_msg_header_t *h)
{
	struct rpc_call call = {.in = &ep->in, .out = &ep->out};
	mach_port_t reply = h->msgh_remote_port;
	size_t received;

	if (MACH_MSGH_BITS_REMOTE(h->msgh_bits) != MACH_MSG_TYPE_PORT_SEND_ONCE) {
		/* nobody to answer: a raw peer's message, dropped */
		mach_msg_destroy(h);
		return;
	}
	if (h->msgh_id != WIRE_ID_CALL ||
	    wire_unpack(h, &ep->in, RPC_KIND_CALL, &received) != STATUS_OK) {
		if (h->msgh_id != WIRE_ID_CALL) {
			wire_destroy_body(h);
			received = 0;
		}
		call_refuse(ep, reply, received);
		return;
	}
	call.channel = (long)reply;
	bool reply_now = rpc_object_serve(obj, &call);
	if (!call.caps_taken)
		rpc_msg_close_caps(&ep->in);
	if (reply_now)
		(void)ipc_reply_over(reply, &ep->out);
}

static void
watch_serve(struct ep_port_watch *w, mach_msg_header_t *h)
{
	/* the watcher sees the message as if received on its port itself */
	h->msgh_bits = MACH_MSGH_BITS_OTHER(h->msgh_bits) |
	               MACH_MSGH_BITS(MACH_MSGH_BITS_REMOTE(h->msgh_bits), MACH_MSG_TYPE_PORT_SEND);
	h->msgh_local_port = w->port;
	w->fn(w->arg, h);
}

static void
serve(struct entrypoint *ep, mach_msg_header_t *h)
{
	uintptr_t payload = h->msgh_protected_payload;
	void *record = (void *)(payload & ~(uintptr_t)EP_TAG_MASK);

	if (MACH_MSGH_BITS_LOCAL(h->msgh_bits) != MACH_MSG_TYPE_PROTECTED_PAYLOAD) {
		/* the kernel's exception fast path names the port instead (ep.h) */
		struct ep_port_watch *w = ep_watch_of_port(ep, h->msgh_local_port);
		if (w)
			watch_serve(w, h);
		else
			mach_msg_destroy(h);
		return;
	}
	switch (payload & EP_TAG_MASK) {
	case EP_TAG_OBJECT:
		ep_serve_call(ep, record, h);
		break;
	case EP_TAG_WATCH:
		watch_serve(record, h);
		break;
	case EP_TAG_ASYNC:
		ep_async_reply(record, h);
		break;
	default: /* the wake-up of entrypoint_stop: it only ends the wait */
		mach_msg_destroy(h);
	}
}

status_t
entrypoint_wait_and_dispatch_one(struct entrypoint *ep)
{
	mach_msg_header_t *h = &ep->rcv.head;
	mach_msg_return_t mr;

	mr = mach_msg(h, MACH_RCV_MSG, 0, sizeof(ep->rcv), ep->set, MACH_MSG_TIMEOUT_NONE,
	              MACH_PORT_NULL);
	if (mr == MACH_RCV_TOO_LARGE)
		return STATUS_OK; /* the kernel destroyed it and its rights */
	if ((mr & ~MACH_MSG_MASK) == MACH_RCV_BODY_ERROR) {
		mach_msg_destroy(h);
		return STATUS_OK;
	}
	if (mr != MACH_MSG_SUCCESS)
		return STATUS_UNAVAILABLE;
	serve(ep, h);
	return STATUS_OK;
}

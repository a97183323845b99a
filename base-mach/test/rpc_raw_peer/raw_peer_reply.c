/*
 * \brief  test-rpc's misbehaving peer on GNU Mach: the answer on a channel
 *
 * A channel's reply port receives exactly what a caller's would: the
 * server's reply over the send-once right the packet carried, or the
 * kernel's send-once notification if the server destroyed that right
 * unanswered (which is no reply: STATUS_PROTOCOL).
 */

#include <mach_rt.h>

#include "../../../os/test/rpc/raw_peer.h"
#include "../../ipc/internal.h"

enum { REPLY_TIMEOUT_MS = 5000 };

status_t
raw_peer_reply(cap_t chan, int32_t *wire_status)
{
	union {
		mach_msg_header_t h;
		struct wire_msg w;
	} m;
	struct rpc_msg msg;
	size_t received;

	if (!ipc_sel_name(chan.sel))
		return STATUS_INVALID_ARGS;
	mach_msg_return_t mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof(m),
	                                (mach_port_t)chan.sel, REPLY_TIMEOUT_MS, MACH_PORT_NULL);
	if (mr == MACH_RCV_TIMED_OUT)
		return STATUS_TIMEOUT;
	if (mr == MACH_RCV_INVALID_NAME)
		return STATUS_INVALID_ARGS;
	if (mr != MACH_MSG_SUCCESS) /* too large: the kernel destroyed it */
		return STATUS_PROTOCOL;
	wire_destroy_header(&m.h, false);
	if (m.h.msgh_id != WIRE_ID_REPLY) {
		wire_destroy_body(&m.h);
		return STATUS_PROTOCOL;
	}
	if (wire_unpack(&m.h, &msg, RPC_KIND_REPLY, &received) != STATUS_OK)
		return STATUS_PROTOCOL;
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		cap_close(msg.caps[i]); /* a reply to garbage carries none; drop any */
	*wire_status = msg.hdr.status;
	return STATUS_OK;
}

/*
 * \brief  The platform-independent part of serving one call
 *
 * What a reply looks like for a given handler result is the same on every
 * kernel, so it is decided here once; the platform's entrypoint only moves
 * messages.
 */

#include <base/rpc_server.h>

status_t
rpc_status_to_wire(status_t s)
{
	if ((unsigned)s >= STATUS_COUNT)
		return STATUS_PROTOCOL;
	/* a client must be able to trust these two to mean the transport */
	if (s == STATUS_INVALID_CAP)
		return STATUS_INVALID_ARGS;
	if (s == STATUS_PEER_GONE)
		return STATUS_UNAVAILABLE;
	return s;
}

status_t
rpc_status_from_wire(int32_t wire)
{
	if (wire < 0 || wire >= STATUS_COUNT)
		return STATUS_PROTOCOL;
	if (wire == STATUS_INVALID_CAP || wire == STATUS_PEER_GONE)
		return STATUS_PROTOCOL;
	return (status_t)wire;
}

void
rpc_reply_finish(struct rpc_msg *msg, uint32_t iface, uint16_t opcode, status_t status)
{
	status = rpc_status_to_wire(status);
	msg->hdr.version = RPC_PROTOCOL_VERSION;
	msg->hdr.kind = RPC_KIND_REPLY;
	msg->hdr.reserved = 0;
	msg->hdr.opcode = opcode;
	msg->hdr.iface = iface;
	msg->hdr.status = (int32_t)status;
	if (status != STATUS_OK) {
		msg->hdr.length = 0;
		msg->hdr.cap_mask = 0;
	}
}

bool
rpc_object_serve(struct rpc_object *obj, struct rpc_call *call)
{
	const struct rpc_header *in = &call->in->hdr;
	status_t status;

	rpc_msg_start(call->out, RPC_KIND_REPLY, in->iface, in->opcode);
	call->caps_taken = false;
	call->deferred = false;
	status = obj->dispatch(obj, call);
	if (call->deferred)
		return false;
	rpc_reply_finish(call->out, in->iface, in->opcode, status);
	return true;
}

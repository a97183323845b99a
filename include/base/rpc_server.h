/*
 * \brief  Server side of an RPC: objects, calls, deferred replies
 *
 * A server embeds a struct rpc_object in each object it serves (a session,
 * a dataspace, a root) and lets an entrypoint manage it. For every call
 * the entrypoint hands the object's dispatch function a struct rpc_call.
 * Generated dispatch functions (tool/rpcgen) decode and validate the
 * request and only then call the interface's handler from an ops table.
 *
 * Replies: normally the handler's return status and out-parameters are
 * the reply, sent when dispatch returns. A handler that cannot answer yet
 * (a timer alarm, a signal that has not come) takes the reply handle with
 * rpc_reply_defer and answers later with the generated <iface>_<method>_reply
 * (or rpc_reply_send). Meanwhile the entrypoint serves other clients; the
 * deferred client stays blocked.
 */

#ifndef _INCLUDE__BASE__RPC_SERVER_H_
#define _INCLUDE__BASE__RPC_SERVER_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/rpc_msg.h>
#include <base/status.h>

struct entrypoint;
struct rpc_object;

/*
 * One call being dispatched; valid only until dispatch returns.
 *
 * Capability arguments: in->caps holds the capabilities that came with
 * the request. They belong to the entrypoint until dispatch sets
 * caps_taken, which generated code does right before it calls the
 * handler: from then on the HANDLER OWNS them and must keep or close each
 * one, also when it fails. Caps nobody took are closed by the entrypoint.
 * Capabilities put into the reply (out->caps) are BORROWED: they are
 * copied when the reply is sent and stay the server's.
 */
struct rpc_call {
	struct rpc_msg *in;  /* request, validated header */
	struct rpc_msg *out; /* reply payload being built */
	long channel;        /* transport-private: where the reply goes */
	bool caps_taken;     /* ownership of in->caps moved to the handler */
	bool deferred;       /* rpc_reply_defer was called */
};

/*
 * The object-specific dispatch: decode in, run the handler, encode out.
 * Returns the call's status, which is sent in the reply header. On a
 * status other than STATUS_OK the reply has no payload and no caps.
 */
typedef status_t (*rpc_dispatch_fn)(struct rpc_object *obj, struct rpc_call *call);

/*
 * An object served by an entrypoint. The server sets ops and ctx (what
 * generated dispatch functions pass to the handlers); entrypoint_manage
 * sets the rest, which is private to the entrypoint.
 */
/*
 * How many client threads may hold a line to one object at a time (on
 * Linux: a kernel channel each, see doc/rpc.md). A server keeps a slot per
 * line, so the bound is what lets a session's fixed quota charge cover
 * them; a caller beyond it gets STATUS_QUOTA_EXCEEDED. CALLER_COST bounds
 * what an entrypoint keeps per line (checked by each platform).
 */
enum { RPC_OBJECT_CALLERS_DEFAULT = 32, RPC_OBJECT_CALLER_COST = 64 };

struct rpc_object {
	const void *ops;
	void *ctx;
	uint32_t max_callers; /* 0: RPC_OBJECT_CALLERS_DEFAULT */
	rpc_dispatch_fn dispatch;
	struct entrypoint *ep; /* NULL while not managed */
	unsigned long ep_id;
};

/* a caller's pending reply, taken out of a call with rpc_reply_defer */
struct rpc_reply_handle {
	cap_t channel; /* owned by the handle until the reply is sent */
	uint32_t iface;
	uint16_t opcode;
};

/*
 * Take the reply of call out of the entrypoint's hands: no reply is sent
 * when dispatch returns, and the handler's return value and out-parameters
 * are ignored. The caller owns *handle and must answer exactly once with
 * rpc_reply_send (even if only to report an error): the client stays
 * blocked until then. Returns STATUS_OUT_OF_MEMORY if no selector is left
 * to hold the handle (then the call is answered normally).
 */
status_t rpc_reply_defer(struct rpc_call *call, struct rpc_reply_handle *handle);

/*
 * Answer a deferred call. CONSUMES the handle. msg holds the payload and
 * the caps (BORROWED) of a successful reply and is ignored for any other
 * status; NULL means an empty payload. The header is set here. Never
 * blocks; returns STATUS_PEER_GONE if the client is no longer there, which
 * the server may ignore.
 *
 * May be called from another thread than the entrypoint's.
 */
status_t rpc_reply_send(struct rpc_reply_handle *handle, status_t status, struct rpc_msg *msg);

/*
 * The status that goes on the wire for a handler's result. Transport
 * kinds must never look like a delivered result, so a handler's
 * STATUS_INVALID_CAP becomes STATUS_INVALID_ARGS (a capability argument
 * was not acceptable) and STATUS_PEER_GONE STATUS_UNAVAILABLE; values
 * outside the enum become STATUS_PROTOCOL.
 */
status_t rpc_status_to_wire(status_t handler_status);

/* the status a client reports for a reply header's status field */
status_t rpc_status_from_wire(int32_t wire_status);

/*
 * For entrypoint implementations: run obj's dispatch on call (whose
 * header the transport validated) and finish call->out as the reply.
 * Returns false if no reply is to be sent now (the call was deferred).
 * Closing the caps a handler did not take is left to the caller.
 */
bool rpc_object_serve(struct rpc_object *obj, struct rpc_call *call);

/*
 * Make msg the reply to iface/opcode with the given handler status. For
 * a status other than STATUS_OK the payload and caps are dropped (not
 * closed: reply caps are borrowed).
 */
void rpc_reply_finish(struct rpc_msg *msg, uint32_t iface, uint16_t opcode, status_t status);

#endif /* _INCLUDE__BASE__RPC_SERVER_H_ */

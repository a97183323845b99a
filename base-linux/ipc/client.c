/*
 * \brief  Client side of a call: channel set-up, send, wait for the reply
 */

#define _GNU_SOURCE
#include <base/internal/lx_socket.h>
#include <base/ipc.h>
#include <base/rpc_server.h>

#include "internal.h"
#include "slot.h"

/*
 * Open the calling thread's channel to the object behind sel: a fresh
 * socketpair whose server end goes to the object's entrypoint over the
 * capability itself. Only a holder of the capability can do this, and
 * the kernel tells the entrypoint which object the channel is for.
 */
static status_t
chan_open(long sel, int *chan)
{
	uint32_t gen = cap_gen_get(sel);
	uint64_t object;
	int obj, sv[2];
	status_t st;

	if (!cap_sel_fd(sel, &obj) || !sock_is_channel(obj))
		return STATUS_INVALID_CAP;
	*chan = chan_cache_share(sel, gen, &object);
	if (*chan >= 0)
		return STATUS_OK;
	if (lx_socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return STATUS_OUT_OF_MEMORY;
	st = sock_send_connect(obj, sv[0], 0);
	lx_close(sv[0]);
	if (st != STATUS_OK) {
		lx_close(sv[1]);
		return STATUS_INVALID_CAP;
	}
	chan_cache_insert(sel, gen, sv[1], object);
	*chan = sv[1];
	return STATUS_OK;
}

bool
ipc_reply_valid(const struct rpc_msg *msg, size_t received, uint32_t iface, uint16_t opcode)
{
	return rpc_header_valid(&msg->hdr, RPC_KIND_REPLY, received) && msg->hdr.iface == iface &&
	       msg->hdr.opcode == opcode;
}

/*
 * The entrypoint turned the channel down (too many callers of the
 * object): its refusal answers no call in particular (iface and opcode 0)
 * and carries the reason.
 */
static bool
refusal(const struct rpc_msg *msg, size_t received, status_t *why)
{
	if (!rpc_header_valid(&msg->hdr, RPC_KIND_REPLY, received) || msg->hdr.iface != 0 ||
	    msg->hdr.opcode != 0 || msg->hdr.status == 0)
		return false;
	*why = rpc_status_from_wire(msg->hdr.status);
	return true;
}

/* a send that failed because the server closed at once: read why, if it said */
static status_t
send_failed(int chan, struct rpc_msg *msg, status_t st)
{
	size_t received;
	status_t why;
	/* with caps, so that MSG_DONTWAIT holds: a refusal carries none */
	if (sock_msg_recv(chan, msg, MSG_DONTWAIT, true, &received) != STATUS_OK)
		return st;
	rpc_msg_close_caps(msg);
	return refusal(msg, received, &why) ? why : st;
}

/*
 * A call whose reply carries no capabilities goes through the slot, once
 * the server took it; one with capability arguments only if the server
 * also took the lane their descriptors travel through.
 */
/*
 * Capability arguments take the slot only where the server serves it
 * straight away: it listens on it right now, or it answered the last
 * call through it in the slot (a busy caller; it listens again once it
 * replied). Otherwise the call would need the doorbell beside the lane's
 * packet, dearer than the socket alone: a parent's close of a session
 * every so often, which init defers, cost 15 us more that way
 * (bench-spawn's session figure). The page is the server's to write as
 * well: a lie only picks this client's path.
 */
static bool
slot_serves_caps(const struct rpc_slot *slot)
{
	return __atomic_load_n(&slot->listening, __ATOMIC_ACQUIRE) ||
	       __atomic_load_n(&slot->state, __ATOMIC_ACQUIRE) == RPC_SLOT_REPLY;
}

static bool
slot_usable(const struct rpc_slot *slot, int lane, const struct rpc_msg *msg)
{
	if (!slot || msg->reply_caps)
		return false;
	uint32_t accepted = __atomic_load_n(&slot->accepted, __ATOMIC_ACQUIRE);
	if (msg->hdr.cap_mask)
		return lane >= 0 && accepted == RPC_SLOT_ACCEPTED_LANE && slot_serves_caps(slot);
	return accepted == RPC_SLOT_ACCEPTED || accepted == RPC_SLOT_ACCEPTED_LANE;
}

static status_t
slot_call(long sel, int chan, int lane, struct rpc_slot *slot, struct rpc_msg *msg)
{
	bool drop;
	status_t st = rpc_slot_call(chan, lane, slot, msg, &drop);

	if (drop)
		chan_cache_drop(sel);
	return st;
}

status_t
ipc_call(cap_t dst, struct rpc_msg *msg)
{
	uint32_t iface = msg->hdr.iface;
	uint16_t opcode = msg->hdr.opcode;
	bool caps = msg->hdr.cap_mask != 0;
	struct rpc_slot *slot;
	size_t received;
	status_t st;
	int chan, lane;

	if (!cap_valid(dst))
		return STATUS_INVALID_CAP;
	if (msg->hdr.kind != RPC_KIND_CALL)
		return STATUS_PROTOCOL;
	chan = chan_cache_lookup(dst.sel, &slot, &lane);
	if (chan < 0 && (st = chan_open(dst.sel, &chan)) != STATUS_OK)
		return st;
	if (slot_usable(slot, lane, msg))
		return slot_call(dst.sel, chan, lane, slot, msg);

	st = sock_msg_send(chan, msg, 0);
	if (st != STATUS_OK) {
		/* a bad argument is the caller's error; the channel is fine */
		if (st != STATUS_INVALID_ARGS) {
			st = send_failed(chan, msg, st);
			chan_cache_drop(dst.sel);
		}
		return st;
	}
	if (slot)
		rpc_slot_poke(slot); /* a server waiting on the slot would not see the packet */
	st = sock_msg_recv(chan, msg, 0, msg->reply_caps, &received);
	if (st != STATUS_OK) {
		/* the channel may hold a stray packet now: never reuse it */
		chan_cache_drop(dst.sel);
		return st == STATUS_PEER_GONE ? STATUS_PEER_GONE : STATUS_PROTOCOL;
	}
	if (!ipc_reply_valid(msg, received, iface, opcode))
		chan_cache_drop(dst.sel);
	else if (!slot && rpc_slots_enabled())
		chan_cache_slot_offer(dst.sel);
	else if (slot && caps && lane < 0)
		chan_cache_lane_offer(dst.sel);
	return ipc_reply_status(msg, received, iface, opcode);
}

status_t
ipc_reply_status(struct rpc_msg *msg, size_t received, uint32_t iface, uint16_t opcode)
{
	if (!ipc_reply_valid(msg, received, iface, opcode)) {
		rpc_msg_close_caps(msg);
		status_t why;
		return refusal(msg, received, &why) ? why : STATUS_PROTOCOL;
	}
	status_t st = rpc_status_from_wire(msg->hdr.status);
	if (st != STATUS_OK)
		rpc_msg_close_caps(msg);
	return st;
}

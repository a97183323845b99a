/*
 * \brief  What the entrypoint does with a packet on one of its sockets
 *
 * Nothing a client sends can make the entrypoint block, crash or keep a
 * descriptor: malformed calls get an error reply on the sender's own
 * channel, malformed packets on an object's socket are dropped, and
 * replies are sent without waiting, so a client that does not read (or
 * is gone) only loses its own reply.
 */

#define _GNU_SOURCE
#include <base/internal/lx_poll.h>
#include <base/internal/lx_socket.h>

#include "ep.h"
#include "internal.h"
#include "slot.h"

enum { REPLY_FLAGS = MSG_DONTWAIT | MSG_NOSIGNAL };

/*
 * Hang-ups of the object's channels that epoll has not reported yet (a
 * client that closes and reopens quickly) must not count against it.
 */
static void
callers_reap(struct entrypoint *ep, uint32_t index)
{
	for (uint32_t i = 0; i < ep->count; i++) {
		struct ep_slot *c = &ep->slots[i];
		if (c->kind != SLOT_CHANNEL || c->link != index || i == ep->current)
			continue;
		struct pollfd p = {.fd = c->fd, .events = POLLRDHUP};
		if (lx_poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)))
			ep_slot_free(ep, i);
	}
}

static bool
callers_full(struct entrypoint *ep, uint32_t index)
{
	struct ep_slot *s = &ep->slots[index];
	uint32_t max = s->obj->max_callers ? s->obj->max_callers : RPC_OBJECT_CALLERS_DEFAULT;
	if (s->channels >= max)
		callers_reap(ep, index);
	return ep->slots[index].channels >= max;
}

/*
 * One caller too many: the refusal (a reply to no call in particular,
 * iface and opcode 0) waits in the channel for the caller's first call,
 * which then fails with STATUS_QUOTA_EXCEEDED instead of a vague hang-up.
 */
static void
refuse_channel(int fd, struct rpc_msg *out)
{
	rpc_msg_start(out, RPC_KIND_REPLY, 0, 0);
	rpc_reply_finish(out, 0, 0, STATUS_QUOTA_EXCEEDED);
	sock_msg_send(fd, out, REPLY_FLAGS);
	/*
	 * Closing a socket with unread packets makes the peer's next recv
	 * fail with ECONNRESET before it gets the refusal. So no more may
	 * come in, and what came (the caller's call) is dropped first.
	 */
	lx_shutdown(fd, SHUT_RDWR);
	char drop;
	while (lx_recv(fd, &drop, 1, MSG_DONTWAIT) > 0)
		;
	lx_close(fd);
}

/* a packet on A: only a well-formed connect carrying one channel counts */
void
ep_serve_object(struct entrypoint *ep, uint32_t index)
{
	struct rpc_msg *in = &ep->in;
	uint32_t chan;
	size_t received;
	status_t st;
	int fd;

	st = sock_msg_recv(ep->slots[index].fd, in, MSG_DONTWAIT, true, &received);
	if (st == STATUS_PEER_GONE) {
		/* every copy of the capability is closed: no connect can come */
		ep_slot_unwatch(ep, index);
		return;
	}
	if (st != STATUS_OK)
		return;
	if (!rpc_header_valid(&in->hdr, RPC_KIND_CONNECT, received) || in->hdr.cap_mask != 1 ||
	    !cap_sel_fd(in->caps[0].sel, &fd) || !sock_is_channel(fd)) {
		rpc_msg_close_caps(in);
		return;
	}
	if (callers_full(ep, index)) {
		refuse_channel(fd, &ep->out);
		return;
	}
	if (ep_slot_alloc(ep, SLOT_CHANNEL, fd, &chan) == STATUS_OK) {
		ep->slots[chan].link = index;
		ep->slots[index].channels++;
	}
}

static void
reply_error(int fd, struct rpc_msg *out, const struct rpc_msg *in, size_t received, status_t st)
{
	bool have_hdr = received >= RPC_HEADER_SIZE;

	rpc_msg_start(out, RPC_KIND_REPLY, have_hdr ? in->hdr.iface : 0,
	              have_hdr ? in->hdr.opcode : 0);
	rpc_reply_finish(out, out->hdr.iface, out->hdr.opcode, st);
	sock_msg_send(fd, out, REPLY_FLAGS);
}

/*
 * Dispatch one call. The handler may manage or dissolve objects, which
 * may move the slot table: only the index, the fd and the page (which a
 * dissolve leaves mapped while its channel is being served) are kept
 * across it.
 */
void
ep_dispatch_call(struct entrypoint *ep, uint32_t index, int fd, struct rpc_slot *page)
{
	struct rpc_object *obj = ep->slots[ep->slots[index].link].obj;
	struct rpc_call call = {.in = &ep->in, .out = &ep->out, .channel = fd};
	bool reply_now;

	ep->current = index;
	reply_now = rpc_object_serve(obj, &call);
	ep->current = SLOT_NONE;
	if (!call.caps_taken)
		rpc_msg_close_caps(&ep->in);
	if (page)
		ep_slot_answer(page, reply_now ? &ep->out : NULL);
	else if (reply_now)
		sock_msg_send(fd, &ep->out, REPLY_FLAGS);
	if (ep->slots[index].closing)
		ep_slot_free(ep, index);
}

void
ep_serve_channel(struct entrypoint *ep, uint32_t index)
{
	int fd = ep->slots[index].fd;
	size_t received;
	status_t st;

	st = sock_msg_recv(fd, &ep->in, MSG_DONTWAIT, true, &received);
	if (st == STATUS_WOULD_BLOCK)
		return;
	if (st == STATUS_PEER_GONE) {
		ep_slot_free(ep, index);
		return;
	}
	if (st == STATUS_OK && rpc_header_valid(&ep->in.hdr, RPC_KIND_CONNECT, received)) {
		ep_slot_connect(ep, index);
		return;
	}
	if (st != STATUS_OK || !rpc_header_valid(&ep->in.hdr, RPC_KIND_CALL, received)) {
		if (st == STATUS_OK)
			rpc_msg_close_caps(&ep->in);
		reply_error(fd, &ep->out, &ep->in, received, STATUS_PROTOCOL);
		return;
	}
	ep_dispatch_call(ep, index, fd, NULL);
}

/*
 * \brief  Calls whose reply the entrypoint receives (Linux)
 *
 * Each call in flight has a channel of its own, never a thread's cached
 * one: the reply must come back to the entrypoint, and a channel that is
 * abandoned with a call in flight must not be reused. The entrypoint
 * watches the channel; the reply or the hang-up of a server that died
 * ends the call. Nothing here blocks: the connect and the request are
 * sent with MSG_DONTWAIT, and an empty channel always has room for one
 * request.
 *
 * A channel whose call was answered cleanly is empty again and goes to a
 * small pool of idle channels (async_pool.c) instead of being closed: a
 * fresh socketpair, its pass to the server and the server's taking it up
 * and hanging it up again cost about as much as the call itself, and a
 * parent forwards sessions to the same few servers over and over
 * (bench-spawn: two such calls per session created and closed).
 */

#define _GNU_SOURCE
#include <sys/socket.h>
#include <unistd.h>

#include <base/ipc_async.h>

#include "ep_watch.h"
#include "internal.h"

/* end the call; its channel goes idle to the pool if it was answered cleanly */
static void
async_finish(struct ipc_async *call, status_t st, struct rpc_msg *reply, bool clean)
{
	int fd;
	if (clean && cap_sel_fd(call->channel.sel, &fd)) {
		call->pending = false;
		entrypoint_unwatch(call->ep, call->watch);
		async_pool_put(call->dst_sel, call->dst_gen, fd);
		call->channel = cap_invalid();
	} else {
		ipc_async_cancel(call);
	}
	call->fn(call->arg, st, reply);
}

/* the channel is readable: the reply, or the server's end */
static void
async_ready(void *arg)
{
	struct ipc_async *call = arg;
	struct rpc_msg msg = {.hdr = {0}}; /* recv fills it; cppcheck cannot tell */
	size_t received;
	int fd;

	if (!call->pending || !cap_sel_fd(call->channel.sel, &fd))
		return;
	status_t st = sock_msg_recv(fd, &msg, MSG_DONTWAIT, call->reply_caps, &received);
	if (st == STATUS_WOULD_BLOCK)
		return;
	/* a reply that answers the call leaves the channel empty and usable */
	bool clean = st == STATUS_OK && ipc_reply_valid(&msg, received, call->iface, call->opcode);
	if (st == STATUS_OK)
		st = ipc_reply_status(&msg, received, call->iface, call->opcode);
	else if (st != STATUS_PEER_GONE)
		st = STATUS_PROTOCOL;
	async_finish(call, st, &msg, clean);
}

/* a channel to the object behind dst whose request is on its way */
static status_t
async_send(cap_t dst, const struct rpc_msg *msg, int *chan)
{
	int obj, sv[2];

	if (!cap_valid(dst) || msg->hdr.kind != RPC_KIND_CALL)
		return cap_valid(dst) ? STATUS_PROTOCOL : STATUS_INVALID_CAP;
	/* an idle channel of the same capability: dst was checked when it was opened */
	*chan = async_pool_take(dst.sel, cap_gen_get(dst.sel));
	if (*chan >= 0 && sock_msg_send(*chan, msg, MSG_DONTWAIT) == STATUS_OK)
		return STATUS_OK;
	/* a pooled channel the server dropped (or its end): a fresh one says why */
	if (*chan >= 0)
		close(*chan);
	if (!cap_sel_fd(dst.sel, &obj) || !sock_is_channel(obj))
		return STATUS_INVALID_CAP;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return STATUS_OUT_OF_MEMORY;
	status_t st = sock_send_connect(obj, sv[0], MSG_DONTWAIT);
	close(sv[0]);
	if (st == STATUS_OK)
		st = sock_msg_send(sv[1], msg, MSG_DONTWAIT);
	if (st != STATUS_OK) {
		close(sv[1]);
		return st == STATUS_WOULD_BLOCK || st == STATUS_INVALID_ARGS ? st
		                                                             : STATUS_INVALID_CAP;
	}
	*chan = sv[1];
	return STATUS_OK;
}

status_t
ipc_call_async(struct entrypoint *ep, cap_t dst, const struct rpc_msg *msg, ipc_async_fn fn,
               void *arg, struct ipc_async *call)
{
	int chan;
	status_t st = async_send(dst, msg, &chan);

	if (st != STATUS_OK)
		return st;
	*call = (struct ipc_async){
	        .pending = true,
	        .channel = {.sel = chan},
	        .dst_sel = dst.sel,
	        .dst_gen = cap_gen_get(dst.sel),
	        .ep = ep,
	        .iface = msg->hdr.iface,
	        .opcode = msg->hdr.opcode,
	        .reply_caps = msg->reply_caps,
	        .fn = fn,
	        .arg = arg,
	};
	if (entrypoint_watch(ep, chan, async_ready, call, &call->watch) != STATUS_OK) {
		close(chan);
		call->pending = false;
		return STATUS_OUT_OF_MEMORY;
	}
	return STATUS_OK;
}

void
ipc_async_cancel(struct ipc_async *call)
{
	int fd;

	if (!call->pending)
		return;
	call->pending = false;
	entrypoint_unwatch(call->ep, call->watch);
	if (cap_sel_fd(call->channel.sel, &fd))
		close(fd);
	call->channel = cap_invalid();
}

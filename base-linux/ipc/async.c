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
#include <base/internal/lx_socket.h>

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
		async_pool_put(call->dst_sel, call->dst_gen, call->ep,
		               (struct async_channel){.fd = fd, .watch = call->watch});
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

/* a fresh channel to the object behind dst with the request on its way */
static status_t
async_send_fresh(cap_t dst, const struct rpc_msg *msg, int *chan)
{
	int obj, sv[2];

	if (!cap_sel_fd(dst.sel, &obj) || !sock_is_channel(obj))
		return STATUS_INVALID_CAP;
	if (lx_socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return STATUS_OUT_OF_MEMORY;
	status_t st = sock_send_connect(obj, sv[0], MSG_DONTWAIT);
	lx_close(sv[0]);
	if (st == STATUS_OK)
		st = sock_msg_send(sv[1], msg, MSG_DONTWAIT);
	if (st != STATUS_OK) {
		lx_close(sv[1]);
		return st == STATUS_WOULD_BLOCK || st == STATUS_INVALID_ARGS ? st
		                                                             : STATUS_INVALID_CAP;
	}
	*chan = sv[1];
	return STATUS_OK;
}

/*
 * The request on its way over an idle channel of the same capability
 * (dst was checked when it was opened; the channel stays watched), or
 * over a fresh one, which the entrypoint then watches.
 */
static status_t
async_send(struct entrypoint *ep, cap_t dst, const struct rpc_msg *msg, struct ipc_async *call)
{
	struct async_channel idle;
	if (async_pool_take(dst.sel, cap_gen_get(dst.sel), ep, &idle)) {
		/* retarget first: a request sent must never go out a second time */
		if (entrypoint_watch_retarget(ep, idle.watch, async_ready, call) &&
		    sock_msg_send(idle.fd, msg, MSG_DONTWAIT) == STATUS_OK) {
			call->channel = (cap_t){.sel = idle.fd};
			call->watch = idle.watch;
			return STATUS_OK;
		}
		/* the server dropped it (or its end): a fresh channel says why */
		entrypoint_unwatch(ep, idle.watch);
	}
	int chan;
	status_t st = async_send_fresh(dst, msg, &chan);
	if (st != STATUS_OK)
		return st;
	if (entrypoint_watch_owned(ep, chan, async_ready, call, &call->watch) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY; /* closed with the failed watch */
	call->channel = (cap_t){.sel = chan};
	return STATUS_OK;
}

status_t
ipc_call_async(struct entrypoint *ep, cap_t dst, const struct rpc_msg *msg, ipc_async_fn fn,
               void *arg, struct ipc_async *call)
{
	if (!cap_valid(dst) || msg->hdr.kind != RPC_KIND_CALL)
		return cap_valid(dst) ? STATUS_PROTOCOL : STATUS_INVALID_CAP;
	*call = (struct ipc_async){
	        .pending = false,
	        .channel = cap_invalid(),
	        .dst_sel = dst.sel,
	        .dst_gen = cap_gen_get(dst.sel),
	        .ep = ep,
	        .iface = msg->hdr.iface,
	        .opcode = msg->hdr.opcode,
	        .reply_caps = msg->reply_caps,
	        .fn = fn,
	        .arg = arg,
	};
	status_t st = async_send(ep, dst, msg, call);
	call->pending = st == STATUS_OK;
	return st;
}

void
ipc_async_cancel(struct ipc_async *call)
{
	if (!call->pending)
		return;
	call->pending = false;
	entrypoint_unwatch(call->ep, call->watch); /* closes the channel */
	call->channel = cap_invalid();
}

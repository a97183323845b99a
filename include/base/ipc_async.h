/*
 * \brief  A call whose reply the caller's entrypoint receives later
 *
 * A parent forwards requests of one client to servers that are its
 * children. If it waited for the reply as ipc_call does, one server that
 * stops answering would stop the parent and everyone else it serves. With
 * ipc_call_async the request goes out at once over a channel of its own
 * and the entrypoint calls back when the reply (or the server's end)
 * arrives, between the calls it dispatches, so the parent keeps serving.
 */

#ifndef _INCLUDE__BASE__IPC_ASYNC_H_
#define _INCLUDE__BASE__IPC_ASYNC_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/entrypoint.h>
#include <base/rpc_msg.h>
#include <base/status.h>

/*
 * Called once on the entrypoint's thread: status as ipc_call would return
 * it; on STATUS_OK reply holds the payload and the caps (OWNED by fn). fn
 * may start another call with the same handle.
 */
typedef void (*ipc_async_fn)(void *arg, status_t status, struct rpc_msg *reply);

/* one call in flight; must stay at its address until answered or cancelled */
struct ipc_async {
	bool pending;
	cap_t channel; /* while pending: this call's own channel, owned by its watch */
	long dst_sel;  /* what the channel leads to, for its reuse once idle */
	uint32_t dst_gen;
	uint64_t watch;
	struct entrypoint *ep;
	uint32_t iface;
	uint16_t opcode;
	bool reply_caps;
	ipc_async_fn fn;
	void *arg;
};

/*
 * Send the request in msg (built like for ipc_call; BORROWS dst and
 * msg's caps) without waiting. Never blocks: a server whose queue is full
 * refuses with STATUS_WOULD_BLOCK. Other results as ipc_call's transport
 * errors; on anything but STATUS_OK fn is never called.
 */
status_t ipc_call_async(struct entrypoint *ep, cap_t dst, const struct rpc_msg *msg,
                        ipc_async_fn fn, void *arg, struct ipc_async *call);

/*
 * Give up a pending call: fn is not called, the server sees the caller
 * gone when it answers. A call not pending is ignored.
 */
void ipc_async_cancel(struct ipc_async *call);

#endif /* _INCLUDE__BASE__IPC_ASYNC_H_ */

/*
 * \brief  Client side of the IPC transport: one synchronous call
 *
 * Generated client stubs (tool/rpcgen) build a request in a struct rpc_msg
 * on their stack and hand it to ipc_call, which sends it to the object
 * named by a capability, blocks until the reply arrives and leaves the
 * reply in the same buffer. Nothing is allocated per call.
 *
 * The return value keeps the transport apart from the call's own result:
 * STATUS_INVALID_CAP and STATUS_PEER_GONE only ever come from the
 * transport (an entrypoint never lets a handler send them), STATUS_PROTOCOL
 * means a malformed message on either side, and everything else is the
 * status the server's handler returned.
 */

#ifndef _INCLUDE__BASE__IPC_H_
#define _INCLUDE__BASE__IPC_H_

#include <base/capability.h>
#include <base/rpc_msg.h>
#include <base/status.h>

/*
 * Call the object dst with the request in msg (kind RPC_KIND_CALL, built
 * with rpc_msg_start). BORROWS dst and the capabilities in msg->caps.
 * On return msg holds the reply: on STATUS_OK its payload and the caps it
 * carries, which the caller then owns; on any other result no caps.
 *
 * Returns
 *   STATUS_INVALID_CAP  dst is invalid, not an object capability, or its
 *                       object was dissolved or its server is gone
 *   STATUS_PEER_GONE    the server vanished while the call was in flight
 *   STATUS_PROTOCOL     the request or the reply was malformed
 *   STATUS_INVALID_ARGS a capability argument is not an open selector
 *                       (nothing was sent)
 *   STATUS_OUT_OF_MEMORY no selector left for the reply channel
 *   otherwise           the server's status for the call
 */
status_t ipc_call(cap_t dst, struct rpc_msg *msg);

/*
 * Forget the calling thread's reply channels (they are per thread and
 * per capability). A thread library calls this when a thread ends so that
 * the servers free their side of the channels; POSIX threads get it
 * automatically.
 */
void ipc_thread_exit(void);

#endif /* _INCLUDE__BASE__IPC_H_ */

/*
 * \brief  Deferred replies
 *
 * The handle holds its own descriptor of the caller's channel (a dup),
 * not a reference into the entrypoint's tables. So it stays answerable
 * whatever the entrypoint does meanwhile, it can be answered from any
 * thread without a lock, and if the client is gone the send just fails.
 */

#define _GNU_SOURCE
#include <fcntl.h>

#include <base/internal/lx_socket.h>
#include <base/rpc_server.h>

#include "internal.h"

status_t
rpc_reply_defer(struct rpc_call *call, struct rpc_reply_handle *handle)
{
	int fd = lx_fcntl((int)call->channel, F_DUPFD_CLOEXEC, 0);

	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	handle->channel.sel = fd;
	handle->iface = call->in->hdr.iface;
	handle->opcode = call->in->hdr.opcode;
	call->deferred = true;
	return STATUS_OK;
}

status_t
rpc_reply_send(struct rpc_reply_handle *handle, status_t status, struct rpc_msg *msg)
{
	struct rpc_msg empty;
	status_t st;
	int fd;

	if (!cap_sel_fd(handle->channel.sel, &fd))
		return STATUS_INVALID_ARGS;
	if (!msg) {
		rpc_msg_start(&empty, RPC_KIND_REPLY, handle->iface, handle->opcode);
		msg = &empty;
	}
	rpc_reply_finish(msg, handle->iface, handle->opcode, status);
	st = sock_msg_send(fd, msg, MSG_DONTWAIT | MSG_NOSIGNAL);
	lx_close(fd);
	handle->channel = cap_invalid();
	return st == STATUS_OK ? STATUS_OK : STATUS_PEER_GONE;
}

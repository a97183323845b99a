/*
 * \brief  test-rpc's misbehaving peer on Linux: raw SEQPACKET sockets
 *
 * A capability is a descriptor of an object's socket, so the peer just
 * sends on it, or on a channel it opened with the transport's own
 * connect packet. Descriptors for floods are copies of an epoll instance
 * (a sandboxed component may create those, not pipes or eventfds):
 * nothing the server could mistake for one of its sockets, and once the
 * server closed every copy, nothing is left of them.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../../../os/test/rpc/raw_peer.h"
#include "../../ipc/internal.h"

enum { REPLY_TIMEOUT_MS = 5000 };

status_t
raw_peer_channel(cap_t obj, cap_t *chan)
{
	int sv[2];
	status_t st;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return STATUS_OUT_OF_MEMORY;
	st = sock_send_connect((int)obj.sel, sv[0], 0);
	close(sv[0]);
	if (st != STATUS_OK) {
		close(sv[1]);
		return st;
	}
	chan->sel = sv[1];
	return STATUS_OK;
}

static status_t
send_with_fds(int sock, const void *bytes, size_t len, int fd, unsigned nfds)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int) * RAW_PEER_FDS_MAX)];
	} space;
	struct iovec iov = {(void *)bytes, len};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};

	if (nfds) {
		mh.msg_control = space.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
		struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
		for (unsigned i = 0; i < nfds; i++)
			memcpy(CMSG_DATA(cm) + i * sizeof(int), &fd, sizeof(fd));
	}
	if (sendmsg(sock, &mh, MSG_NOSIGNAL) != (ssize_t)len)
		return errno == EBADF ? STATUS_INVALID_CAP : STATUS_UNAVAILABLE;
	return STATUS_OK;
}

status_t
raw_peer_send(cap_t sock, const void *bytes, size_t len, unsigned nfds)
{
	status_t st;

	if (nfds > RAW_PEER_FDS_MAX)
		return STATUS_INVALID_ARGS;
	int foreign = epoll_create1(EPOLL_CLOEXEC);
	if (foreign < 0)
		return STATUS_OUT_OF_MEMORY;
	st = send_with_fds((int)sock.sel, bytes, len, foreign, nfds);
	close(foreign);
	return st;
}

status_t
raw_peer_reply(cap_t chan, int32_t *wire_status)
{
	struct pollfd pfd = {.fd = (int)chan.sel, .events = POLLIN};
	struct rpc_msg msg;
	ssize_t r;

	if (poll(&pfd, 1, REPLY_TIMEOUT_MS) != 1)
		return STATUS_TIMEOUT;
	/* plain recv: descriptors sent along would be dropped by the kernel */
	r = recv(pfd.fd, &msg, RPC_MSG_MAX, MSG_DONTWAIT);
	if (r < (ssize_t)RPC_HEADER_SIZE || msg.hdr.kind != RPC_KIND_REPLY)
		return STATUS_PROTOCOL;
	*wire_status = msg.hdr.status;
	return STATUS_OK;
}

void
raw_peer_close(cap_t chan)
{
	if (cap_valid(chan))
		close((int)chan.sel);
}

/* probe each descriptor number: /proc is out of reach inside the sandbox */
unsigned
raw_peer_fd_count(void)
{
	struct rlimit lim;
	unsigned n = 0;

	if (getrlimit(RLIMIT_NOFILE, &lim) != 0)
		return 0;
	for (rlim_t fd = 0; fd < lim.rlim_cur && fd < 65536; fd++)
		if (fcntl((int)fd, F_GETFD) >= 0)
			n++;
	return n;
}

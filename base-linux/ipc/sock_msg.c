/*
 * \brief  One RPC message as one SOCK_SEQPACKET packet with SCM_RIGHTS
 *
 * SEQPACKET keeps message boundaries and is connection-oriented, so a
 * packet can be neither merged with another one nor read by anyone but
 * the holder of the other end. Descriptors a peer attaches beyond what
 * the header announces are closed right here: a component never keeps a
 * descriptor it did not ask for. A call in a shared slot (slot.h) has
 * its descriptors here too: one datagram on the slot's lane.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <string.h>

#include <base/internal/lx_poll.h>
#include <base/internal/lx_socket.h>

#include "internal.h"

/* room to receive, and then close, more descriptors than a message may carry */
enum { FD_SLACK = 16 };

union cmsg_space {
	struct lx_cmsghdr align;
	char buf[LX_CMSG_SPACE(sizeof(int) * FD_SLACK)];
};

static void
attach_fds(struct lx_msghdr *mh, union cmsg_space *space, const int *fds, unsigned n)
{
	struct lx_cmsghdr *cm = &space->align;

	mh->control = space->buf;
	mh->controllen = LX_CMSG_SPACE(sizeof(int) * n);
	cm->level = SOL_SOCKET;
	cm->type = SCM_RIGHTS;
	cm->len = LX_CMSG_LEN(sizeof(int) * n);
	memcpy(LX_CMSG_DATA(cm), fds, sizeof(int) * n);
}

static status_t
send_status(int err)
{
	switch (err) {
	case EAGAIN:
		return STATUS_WOULD_BLOCK;
	case EBADF: /* our channel is open, so it is a capability argument */
		return STATUS_INVALID_ARGS;
	default: /* EPIPE, ECONNRESET, ENOTCONN, ENOTSOCK, ... */
		return STATUS_INVALID_CAP;
	}
}

static status_t
send_packet(int fd, struct lx_msghdr *mh, size_t len, int flags)
{
	long r;

	do
		r = lx_sendmsg(fd, mh, flags | MSG_NOSIGNAL);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return send_status(errno);
	return (size_t)r == len ? STATUS_OK : STATUS_PROTOCOL;
}

static status_t
send_plain(int fd, const void *buf, size_t len, int flags)
{
	long r;

	do
		r = lx_send(fd, buf, len, flags | MSG_NOSIGNAL);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return send_status(errno);
	return (size_t)r == len ? STATUS_OK : STATUS_PROTOCOL;
}

/* the descriptors behind msg's capability arguments, in cap_mask order */
static status_t
caps_fds(const struct rpc_msg *msg, int *fds, unsigned *n)
{
	*n = 0;
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++) {
		if (!(msg->hdr.cap_mask & (1u << i)))
			continue;
		if (!cap_sel_fd(msg->caps[i].sel, &fds[*n]))
			return STATUS_INVALID_ARGS;
		(*n)++;
	}
	return STATUS_OK;
}

status_t
sock_msg_send(int fd, const struct rpc_msg *msg, int flags)
{
	size_t len = RPC_HEADER_SIZE + msg->hdr.length;
	struct lx_iovec iov = {(void *)msg, len}; /* header, then payload */
	struct lx_msghdr mh = {.iov = &iov, .iovlen = 1};
	union cmsg_space space;
	int fds[RPC_CAPS_MAX];
	unsigned n;

	if (msg->hdr.length > RPC_PAYLOAD_MAX)
		return STATUS_PROTOCOL;
	if (caps_fds(msg, fds, &n) != STATUS_OK)
		return STATUS_INVALID_ARGS;
	if (!n) /* the common case: send() spares the kernel the msghdr */
		return send_plain(fd, msg, len, flags);
	attach_fds(&mh, &space, fds, n);
	return send_packet(fd, &mh, len, flags);
}

/*
 * Only the header goes with the descriptors: the call itself is in the
 * shared slot (slot.h). Nobody sleeps on a lane, so the send wakes no one.
 */
status_t
sock_caps_send(int lane, const struct rpc_msg *msg)
{
	struct lx_iovec iov = {(void *)&msg->hdr, RPC_HEADER_SIZE};
	struct lx_msghdr mh = {.iov = &iov, .iovlen = 1};
	union cmsg_space space;
	int fds[RPC_CAPS_MAX];
	unsigned n;

	if (caps_fds(msg, fds, &n) != STATUS_OK || !n)
		return STATUS_INVALID_ARGS;
	attach_fds(&mh, &space, fds, n);
	return send_packet(lane, &mh, RPC_HEADER_SIZE, MSG_DONTWAIT);
}

status_t
sock_send_connect_fds(int fd, const int *fds, unsigned n, uint8_t mask, int flags)
{
	struct rpc_header hdr = {
	        .version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CONNECT, .cap_mask = mask};
	struct lx_iovec iov = {&hdr, sizeof(hdr)};
	struct lx_msghdr mh = {.iov = &iov, .iovlen = 1};
	union cmsg_space space;

	attach_fds(&mh, &space, fds, n);
	return send_packet(fd, &mh, sizeof(hdr), flags);
}

status_t
sock_send_connect(int obj_fd, int chan_fd, int flags)
{
	return sock_send_connect_fds(obj_fd, &chan_fd, 1, 1, flags);
}

/*
 * Take every descriptor out of the control data: the first max into
 * fds, the rest closed at once. Returns how many there were.
 */
static unsigned
collect_fds(struct lx_msghdr *mh, int *fds, unsigned max)
{
	unsigned total = 0;

	for (struct lx_cmsghdr *cm = lx_cmsg_first(mh); cm; cm = lx_cmsg_next(mh, cm)) {
		if (cm->level != SOL_SOCKET || cm->type != SCM_RIGHTS || cm->len < LX_CMSG_LEN(0))
			continue;
		size_t n = (cm->len - LX_CMSG_LEN(0)) / sizeof(int);
		for (size_t i = 0; i < n; i++, total++) {
			int fd;
			memcpy(&fd, LX_CMSG_DATA(cm) + i * sizeof(int), sizeof(fd));
			if (total < max)
				fds[total] = fd;
			else
				lx_close(fd);
		}
	}
	return total;
}

static void
close_fds(const int *fds, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		lx_close(fds[i]);
}

/*
 * A packet of zero bytes reads like end of file. Only a peer that has
 * shut down, with no packet left queued, counts as gone: an empty packet
 * from a live peer must not make the server give up a socket.
 */
static bool
peer_closed(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLRDHUP};
	char c;

	if (lx_poll(&p, 1, 0) < 0)
		return true;
	if (!(p.revents & (POLLRDHUP | POLLHUP | POLLERR)))
		return false;
	/* shut down, but a real packet may still wait behind the empty one */
	return lx_recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
}

static void
caps_clear(struct rpc_msg *msg)
{
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		msg->caps[i] = cap_invalid();
}

/* hand the received descriptors to msg->caps as the header's cap_mask says */
static status_t
caps_distribute(struct rpc_msg *msg, const int *fds, unsigned n, int flags, long r)
{
	unsigned mask = msg->hdr.cap_mask, k = 0;

	if ((flags & (MSG_TRUNC | MSG_CTRUNC)) || n > RPC_CAPS_MAX || r < (long)RPC_HEADER_SIZE ||
	    (mask >> RPC_CAPS_MAX) || rpc_cap_mask_count(mask) != n) {
		close_fds(fds, n < RPC_CAPS_MAX ? n : RPC_CAPS_MAX);
		if (r >= (long)RPC_HEADER_SIZE)
			msg->hdr.cap_mask = 0;
		return STATUS_PROTOCOL;
	}
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++) {
		if (!(mask & (1u << i)))
			continue;
		msg->caps[i].sel = fds[k++];
		cap_gen_bump(msg->caps[i].sel);
	}
	return STATUS_OK;
}

/*
 * The receive path of a packet that must carry no capability: recv()
 * spares the kernel the msghdr and the control data. Descriptors a
 * server attaches anyway are discarded by the kernel, and the reply's
 * cap_mask then does not match: STATUS_PROTOCOL.
 */
static status_t
recv_plain(int fd, struct rpc_msg *msg, size_t *received)
{
	long r;

	do
		r = lx_recv(fd, msg, RPC_MSG_MAX, MSG_TRUNC);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return errno == EAGAIN ? STATUS_WOULD_BLOCK : STATUS_PEER_GONE;
	if (r == 0 && peer_closed(fd))
		return STATUS_PEER_GONE;
	*received = (size_t)r;
	if (r < (long)RPC_HEADER_SIZE || r > (long)RPC_MSG_MAX || msg->hdr.cap_mask)
		return STATUS_PROTOCOL;
	return STATUS_OK;
}

/* one packet into mh and the descriptors it carries into fds (*n; 0 on an error) */
static long
recv_fds(int fd, struct lx_msghdr *mh, int flags, int *fds, unsigned *n)
{
	long r;

	do
		r = lx_recvmsg(fd, mh, flags | MSG_CMSG_CLOEXEC);
	while (r < 0 && errno == EINTR);
	*n = r < 0 ? 0 : collect_fds(mh, fds, RPC_CAPS_MAX);
	return r;
}

status_t
sock_msg_recv(int fd, struct rpc_msg *msg, int flags, bool caps, size_t *received)
{
	struct lx_iovec iov = {msg, RPC_MSG_MAX};
	union cmsg_space space;
	struct lx_msghdr mh = {
	        .iov = &iov, .iovlen = 1, .control = space.buf, .controllen = sizeof(space.buf)};
	int fds[RPC_CAPS_MAX];
	unsigned n;
	long r;

	caps_clear(msg);
	*received = 0;
	if (!caps)
		return recv_plain(fd, msg, received);
	r = recv_fds(fd, &mh, flags, fds, &n);
	if (r < 0)
		return errno == EAGAIN ? STATUS_WOULD_BLOCK : STATUS_PEER_GONE;
	if (r == 0 && n == 0 && peer_closed(fd))
		return STATUS_PEER_GONE;
	*received = (size_t)r;
	return caps_distribute(msg, fds, n, (int)mh.flags, r);
}

/*
 * The descriptors of a call that came through a shared slot: one datagram
 * of the lane, taken without waiting (the client sends it before it puts
 * the call into the slot), must carry exactly what msg's cap_mask (of the
 * server's own copy) announces. Otherwise all are closed, cap_mask is
 * cleared and the call is refused.
 */
status_t
sock_caps_recv(int lane, struct rpc_msg *msg)
{
	struct rpc_header hdr;
	struct lx_iovec iov = {&hdr, sizeof(hdr)};
	union cmsg_space space;
	struct lx_msghdr mh = {
	        .iov = &iov, .iovlen = 1, .control = space.buf, .controllen = sizeof(space.buf)};
	int fds[RPC_CAPS_MAX];
	unsigned n;
	long r;

	caps_clear(msg);
	r = recv_fds(lane, &mh, MSG_DONTWAIT, fds, &n);
	if (r != (long)sizeof(hdr)) {
		close_fds(fds, n < RPC_CAPS_MAX ? n : RPC_CAPS_MAX);
		msg->hdr.cap_mask = 0;
		return STATUS_PROTOCOL;
	}
	return caps_distribute(msg, fds, n, (int)mh.flags, r);
}

static bool
sock_is_unix(int fd, int want)
{
	int type = 0, domain = 0;
	unsigned len = sizeof(type);

	if (lx_getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0 || type != want)
		return false;
	len = sizeof(domain);
	return lx_getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0 && domain == AF_UNIX;
}

bool
sock_is_channel(int fd)
{
	return sock_is_unix(fd, SOCK_SEQPACKET);
}

bool
sock_is_lane(int fd)
{
	return sock_is_unix(fd, SOCK_DGRAM);
}

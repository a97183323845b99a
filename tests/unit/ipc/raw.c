/*
 * \brief  Raw socket helpers for tests that play a misbehaving peer
 */

#define _DEFAULT_SOURCE
#include <dirent.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "raw.h"

enum { RAW_FDS_MAX = 32 };

bool
raw_send(int sock, const void *data, size_t len, const int *fds, unsigned nfds)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int) * RAW_FDS_MAX)];
	} space;
	struct iovec iov = {(void *)data, len};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};

	if (nfds > RAW_FDS_MAX)
		return false;
	if (nfds) {
		mh.msg_control = space.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
		struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
		memcpy(CMSG_DATA(cm), fds, sizeof(int) * nfds);
	}
	return sendmsg(sock, &mh, MSG_NOSIGNAL) == (ssize_t)len;
}

long
raw_recv(int sock, void *data, size_t size, int *fds, unsigned *nfds)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int) * RAW_FDS_MAX)];
	} space;
	struct iovec iov = {data, size};
	struct msghdr mh = {.msg_iov = &iov,
	                    .msg_iovlen = 1,
	                    .msg_control = space.buf,
	                    .msg_controllen = sizeof(space.buf)};
	unsigned max = *nfds, n = 0;
	ssize_t r = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);

	*nfds = 0;
	if (r < 0)
		return -1;
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
		size_t k = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (size_t i = 0; i < k; i++) {
			int fd;
			memcpy(&fd, CMSG_DATA(cm) + i * sizeof(int), sizeof(fd));
			if (n < max)
				fds[n++] = fd;
			else
				close(fd);
		}
	}
	*nfds = n;
	return r;
}

int
raw_channel_open(int cap_fd)
{
	struct rpc_header hdr = {
	        .version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CONNECT, .cap_mask = 1};
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	bool ok = raw_send(cap_fd, &hdr, sizeof(hdr), &sv[0], 1);
	close(sv[0]);
	if (!ok) {
		close(sv[1]);
		return -1;
	}
	return sv[1];
}

int
raw_reply_status(int chan)
{
	struct rpc_msg msg = {0};
	int fds[RPC_CAPS_MAX];
	unsigned n = RPC_CAPS_MAX;
	long r = raw_recv(chan, &msg, RPC_MSG_MAX, fds, &n);

	for (unsigned i = 0; i < n; i++)
		close(fds[i]);
	if (r < (long)RPC_HEADER_SIZE || msg.hdr.kind != RPC_KIND_REPLY)
		return -1;
	return msg.hdr.status;
}

bool
raw_pipe_hangs_up(int read_fd, int ms)
{
	struct pollfd p = {.fd = read_fd, .events = POLLIN};
	char c;

	if (poll(&p, 1, ms) != 1)
		return false;
	return read(read_fd, &c, 1) == 0;
}

unsigned
raw_fd_count(void)
{
	DIR *d = opendir("/proc/self/fd");
	unsigned n = 0;

	if (!d)
		return 0;
	while (readdir(d))
		n++;
	closedir(d);
	/* ".", ".." and the descriptor of d itself */
	return n - 3;
}

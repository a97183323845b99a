/*
 * \brief  C runtime: socket calls, dispatched to the plugin that made the socket
 */

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "file.h"

#define OP(open, op, ...) ((open)->plugin->op ? (open)->plugin->op(__VA_ARGS__) : -EOPNOTSUPP)

long
libc_socket_create(int domain, int type, int protocol)
{
	int kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	const struct libc_plugin *p = libc_plugin_for_socket(domain, kind, protocol);
	if (!p || !p->socket)
		return -EAFNOSUPPORT;
	struct libc_file *f = NULL;
	long r = p->socket(domain, kind, protocol, &f);
	if (r < 0)
		return r;
	if ((type & SOCK_NONBLOCK) && p->set_nonblock)
		(void)p->set_nonblock(f, true);
	int status = O_RDWR | ((type & SOCK_NONBLOCK) ? O_NONBLOCK : 0);
	r = libc_fd_alloc(p, f, status, 0, type & SOCK_CLOEXEC);
	if (r < 0 && p->close)
		p->close(f);
	return r;
}

long
libc_socket_accept(int fd, struct sockaddr *addr, uint32_t *len, int flags)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	struct libc_file *f = NULL;
	r = OP(o, accept, o->file, addr, len, &f);
	if (r >= 0) {
		if ((flags & SOCK_NONBLOCK) && o->plugin->set_nonblock)
			(void)o->plugin->set_nonblock(f, true);
		int status = O_RDWR | ((flags & SOCK_NONBLOCK) ? O_NONBLOCK : 0);
		r = libc_fd_alloc(o->plugin, f, status, 0, flags & SOCK_CLOEXEC);
		if (r < 0 && o->plugin->close)
			o->plugin->close(f);
	}
	libc_fd_put(o);
	return r;
}

/* sendmsg and recvmsg: one buffer, no control data (what lwIP offers too) */
static long
msg_transfer(struct libc_open *o, struct msghdr *m, int flags, bool send)
{
	if (m->msg_iovlen != 1 || m->msg_controllen)
		return -EOPNOTSUPP;
	if (send)
		return OP(o, sendto, o->file, m->msg_iov[0].iov_base, m->msg_iov[0].iov_len, flags,
		          m->msg_name, m->msg_namelen);
	uint32_t len = m->msg_namelen;
	long r = OP(o, recvfrom, o->file, m->msg_iov[0].iov_base, m->msg_iov[0].iov_len, flags,
	            m->msg_name, m->msg_name ? &len : NULL);
	m->msg_namelen = len;
	m->msg_flags = 0;
	return r;
}

static long
socket_op(struct libc_open *o, long nr, long b, long c, long d, long e, long f)
{
	struct libc_file *h = o->file;
	switch (nr) {
	case SYS_bind:
		return OP(o, bind, h, (const struct sockaddr *)b, (uint32_t)c);
	case SYS_connect:
		return OP(o, connect, h, (const struct sockaddr *)b, (uint32_t)c);
	case SYS_listen:
		return OP(o, listen, h, (int)b);
	case SYS_sendto:
		return OP(o, sendto, h, (const void *)b, (size_t)c, (int)d,
		          (const struct sockaddr *)e, (uint32_t)f);
	case SYS_recvfrom:
		return OP(o, recvfrom, h, (void *)b, (size_t)c, (int)d, (struct sockaddr *)e,
		          (uint32_t *)f);
	case SYS_sendmsg:
		return msg_transfer(o, (struct msghdr *)b, (int)c, true);
	case SYS_recvmsg:
		return msg_transfer(o, (struct msghdr *)b, (int)c, false);
	case SYS_shutdown:
		return OP(o, shutdown, h, (int)b);
	case SYS_getsockopt:
		return OP(o, getsockopt, h, (int)b, (int)c, (void *)d, (uint32_t *)e);
	case SYS_setsockopt:
		return OP(o, setsockopt, h, (int)b, (int)c, (const void *)d, (uint32_t)e);
	case SYS_getsockname:
		return OP(o, getsockname, h, (struct sockaddr *)b, (uint32_t *)c);
	case SYS_getpeername:
		return OP(o, getpeername, h, (struct sockaddr *)b, (uint32_t *)c);
	default:
		return -ENOSYS;
	}
}

/* every socket call on a descriptor (a: the descriptor) but accept */
long
libc_socket_call(long nr, long a, long b, long c, long d, long e, long f)
{
	struct libc_open *o;
	long r = libc_fd_get((int)a, &o);
	if (r < 0)
		return r;
	/* a file of a plugin without sockets */
	r = o->plugin->supports_socket ? socket_op(o, nr, b, c, d, e, f) : -ENOTSOCK;
	libc_fd_put(o);
	return r;
}

/*
 * \brief  libc_lwip: AF_INET sockets of the C runtime served by lwIP
 *
 * The libc plugin (include/libc-plugin/plugin.h) for TCP and UDP over
 * IPv4: each libc socket is one lwIP socket, whose number is the plugin's
 * file handle. The C library's socket structures and constants are
 * translated here into glue.h's neutral ones; lwIP itself is called in
 * glue.c. Nothing is shared between files beyond lwIP's own state, so
 * no lock is needed here: lwIP's sockets are thread-safe.
 */

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <libc-plugin/plugin.h>

#include "glue.h"
#include "libc_lwip_internal.h"

struct libc_file {
	int socket; /* lwIP's socket number, OWNED */
};

static bool
supports_socket(int domain, int type, int protocol)
{
	if (domain != AF_INET)
		return false;
	if (type == SOCK_STREAM)
		return protocol == 0 || protocol == IPPROTO_TCP;
	if (type == SOCK_DGRAM)
		return protocol == 0 || protocol == IPPROTO_UDP;
	return false;
}

static long
file_new(long socket, struct libc_file **file)
{
	if (socket < 0)
		return socket;
	struct libc_file *f = malloc(sizeof(*f));
	if (!f) {
		glue_close((int)socket);
		return -ENOMEM;
	}
	f->socket = (int)socket;
	*file = f;
	return 0;
}

static long
lwip_socket_create(int domain, int type, int protocol, struct libc_file **file)
{
	(void)domain;
	(void)protocol;
	return file_new(glue_socket(type == SOCK_STREAM ? GLUE_STREAM : GLUE_DGRAM), file);
}

static void
lwip_file_close(struct libc_file *f)
{
	glue_close(f->socket);
	free(f);
}

static long
lwip_accept_call(struct libc_file *f, struct sockaddr *addr, uint32_t *len, struct libc_file **file)
{
	struct glue_addr peer;
	long r = file_new(glue_accept(f->socket, &peer), file);
	if (r == 0 && addr && len)
		libc_lwip_addr_out(&peer, addr, len);
	return r;
}

static long
lwip_bind_call(struct libc_file *f, const struct sockaddr *addr, uint32_t len)
{
	struct glue_addr a;
	long r = libc_lwip_addr_in(addr, len, &a);
	return r < 0 ? r : glue_bind(f->socket, &a);
}

static long
lwip_connect_call(struct libc_file *f, const struct sockaddr *addr, uint32_t len)
{
	if (addr && len >= sizeof(sa_family_t) && addr->sa_family == AF_UNSPEC)
		return glue_connect(f->socket, NULL);
	struct glue_addr a;
	long r = libc_lwip_addr_in(addr, len, &a);
	return r < 0 ? r : glue_connect(f->socket, &a);
}

static long
lwip_listen_call(struct libc_file *f, int backlog)
{
	return glue_listen(f->socket, backlog);
}

static long
lwip_sendto_call(struct libc_file *f, const void *buf, size_t len, int flags,
                 const struct sockaddr *addr, uint32_t addr_len)
{
	int gf = libc_lwip_msg_flags(flags);
	if (gf < 0)
		return gf;
	if (!addr)
		return glue_send(f->socket, buf, len, gf, NULL);
	struct glue_addr to;
	long r = libc_lwip_addr_in(addr, addr_len, &to);
	return r < 0 ? r : glue_send(f->socket, buf, len, gf, &to);
}

static long
lwip_recvfrom_call(struct libc_file *f, void *buf, size_t len, int flags, struct sockaddr *addr,
                   uint32_t *addr_len)
{
	int gf = libc_lwip_msg_flags(flags);
	if (gf < 0)
		return gf;
	struct glue_addr from;
	bool from_set;
	long r = glue_recv(f->socket, buf, len, gf, &from, &from_set);
	if (r >= 0 && addr && addr_len) {
		if (from_set)
			libc_lwip_addr_out(&from, addr, addr_len);
		else
			*addr_len = 0;
	}
	return r;
}

static long
lwip_read_call(struct libc_file *f, void *buf, size_t len)
{
	return lwip_recvfrom_call(f, buf, len, 0, NULL, NULL);
}

static long
lwip_write_call(struct libc_file *f, const void *buf, size_t len)
{
	return glue_send(f->socket, buf, len, 0, NULL);
}

static long
lwip_shutdown_call(struct libc_file *f, int how)
{
	if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
		return -EINVAL;
	return glue_shutdown(f->socket, how);
}

static long
lwip_name_call(struct libc_file *f, bool peer, struct sockaddr *addr, uint32_t *len)
{
	struct glue_addr a;
	long r = glue_name(f->socket, peer, &a);
	if (r >= 0)
		libc_lwip_addr_out(&a, addr, len);
	return r;
}

static long
lwip_getsockname_call(struct libc_file *f, struct sockaddr *addr, uint32_t *len)
{
	return lwip_name_call(f, false, addr, len);
}

static long
lwip_getpeername_call(struct libc_file *f, struct sockaddr *addr, uint32_t *len)
{
	return lwip_name_call(f, true, addr, len);
}

static long
lwip_fstat_call(struct libc_file *f, struct stat *st)
{
	(void)f;
	*st = (struct stat){.st_mode = S_IFSOCK | 0777, .st_blksize = 1460};
	return 0;
}

static long
lwip_ioctl_call(struct libc_file *f, unsigned long request, void *arg)
{
	if ((request == FIONREAD || request == FIONBIO) && !arg)
		return -EFAULT;
	if (request == FIONREAD)
		return glue_bytes_readable(f->socket, arg);
	if (request == FIONBIO)
		return glue_set_nonblock(f->socket, *(int *)arg != 0);
	return -ENOTTY;
}

static long
lwip_set_nonblock_call(struct libc_file *f, bool nonblock)
{
	return glue_set_nonblock(f->socket, nonblock);
}

static short
lwip_poll_ready(struct libc_file *f, short events)
{
	int ready = glue_ready(f->socket, ((events & POLLIN) ? GLUE_IN : 0) |
	                                          ((events & POLLOUT) ? GLUE_OUT : 0));
	return (short)(((ready & GLUE_IN) ? POLLIN : 0) | ((ready & GLUE_OUT) ? POLLOUT : 0) |
	               ((ready & GLUE_ERR) ? POLLERR : 0) | ((ready & GLUE_HUP) ? POLLHUP : 0));
}

static const struct libc_plugin lwip_plugin = {
        .name = "lwip",
        .supports_socket = supports_socket,
        .socket = lwip_socket_create,
        .accept = lwip_accept_call,
        .close = lwip_file_close,
        .read = lwip_read_call,
        .write = lwip_write_call,
        .fstat = lwip_fstat_call,
        .ioctl = lwip_ioctl_call,
        .set_nonblock = lwip_set_nonblock_call,
        .bind = lwip_bind_call,
        .connect = lwip_connect_call,
        .listen = lwip_listen_call,
        .sendto = lwip_sendto_call,
        .recvfrom = lwip_recvfrom_call,
        .shutdown = lwip_shutdown_call,
        .getsockopt = libc_lwip_getsockopt,
        .setsockopt = libc_lwip_setsockopt,
        .getsockname = lwip_getsockname_call,
        .getpeername = lwip_getpeername_call,
        .poll_ready = lwip_poll_ready,
};

const struct libc_plugin *
libc_lwip_plugin(void)
{
	return &lwip_plugin;
}

int
libc_lwip_socket_of(const struct libc_file *f)
{
	return f->socket;
}

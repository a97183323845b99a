/*
 * \brief  libc_lwip: the lwIP side of the socket calls (glue.h)
 *
 * Only lwIP's definitions are in scope here. lwIP reports failures in
 * errno, whose values are the C library's (arch/cc.h), so they pass on
 * unchanged.
 */

#include <errno.h>
#include <lwip/sockets.h>

#include "glue.h"

static long
result(long r)
{
	return r < 0 ? -(errno ? errno : EIO) : r;
}

static void
to_sockaddr(const struct glue_addr *a, struct sockaddr_in *sin)
{
	*sin = (struct sockaddr_in){.sin_len = sizeof(*sin), .sin_family = AF_INET};
	sin->sin_port = a->port;
	sin->sin_addr.s_addr = a->ip;
}

static void
from_sockaddr(const struct sockaddr_in *sin, struct glue_addr *a)
{
	a->ip = sin->sin_addr.s_addr;
	a->port = sin->sin_port;
}

static int
lwip_flags(int flags)
{
	return ((flags & GLUE_MSG_PEEK) ? MSG_PEEK : 0) |
	       ((flags & GLUE_MSG_DONTWAIT) ? MSG_DONTWAIT : 0) |
	       ((flags & GLUE_MSG_MORE) ? MSG_MORE : 0);
}

long
glue_socket(enum glue_type type)
{
	return result(lwip_socket(AF_INET, type == GLUE_STREAM ? SOCK_STREAM : SOCK_DGRAM, 0));
}

void
glue_close(int s)
{
	(void)lwip_close(s);
}

long
glue_bind(int s, const struct glue_addr *a)
{
	struct sockaddr_in sin;
	to_sockaddr(a, &sin);
	return result(lwip_bind(s, (struct sockaddr *)&sin, sizeof(sin)));
}

long
glue_connect(int s, const struct glue_addr *a)
{
	struct sockaddr_in sin;
	if (a) {
		to_sockaddr(a, &sin);
	} else {
		sin = (struct sockaddr_in){.sin_len = sizeof(sin), .sin_family = AF_UNSPEC};
	}
	long r = result(lwip_connect(s, (struct sockaddr *)&sin, sizeof(sin)));
	/* lwIP reports a reset answer to its SYN as ECONNRESET; POSIX calls it refused */
	return r == -ECONNRESET ? -ECONNREFUSED : r;
}

long
glue_listen(int s, int backlog)
{
	return result(lwip_listen(s, backlog));
}

long
glue_accept(int s, struct glue_addr *peer)
{
	struct sockaddr_in sin = {0};
	socklen_t len = sizeof(sin);
	long r = result(lwip_accept(s, (struct sockaddr *)&sin, &len));
	if (r >= 0)
		from_sockaddr(&sin, peer);
	return r;
}

long
glue_send(int s, const void *buf, size_t len, int flags, const struct glue_addr *to)
{
	if (!to)
		return result(lwip_send(s, buf, len, lwip_flags(flags)));
	struct sockaddr_in sin;
	to_sockaddr(to, &sin);
	return result(
	        lwip_sendto(s, buf, len, lwip_flags(flags), (struct sockaddr *)&sin, sizeof(sin)));
}

long
glue_recv(int s, void *buf, size_t len, int flags, struct glue_addr *from, bool *from_set)
{
	struct sockaddr_in sin = {0};
	socklen_t sin_len = sizeof(sin);
	long r = result(
	        lwip_recvfrom(s, buf, len, lwip_flags(flags), (struct sockaddr *)&sin, &sin_len));
	*from_set = r >= 0 && sin.sin_family == AF_INET;
	if (*from_set)
		from_sockaddr(&sin, from);
	return r;
}

long
glue_shutdown(int s, int how)
{
	return result(lwip_shutdown(s, how));
}

long
glue_name(int s, bool peer, struct glue_addr *a)
{
	struct sockaddr_in sin = {0};
	socklen_t len = sizeof(sin);
	long r = result(peer ? lwip_getpeername(s, (struct sockaddr *)&sin, &len)
	                     : lwip_getsockname(s, (struct sockaddr *)&sin, &len));
	if (r >= 0)
		from_sockaddr(&sin, a);
	return r;
}

long
glue_set_nonblock(int s, bool nonblock)
{
	u32_t on = nonblock;
	return result(lwip_ioctl(s, (long)FIONBIO, &on));
}

long
glue_bytes_readable(int s, int *bytes)
{
	return result(lwip_ioctl(s, (long)FIONREAD, bytes));
}

static long
option_timeout(int s, int name, bool set, int *ms)
{
	struct timeval tv = {.tv_sec = *ms / 1000, .tv_usec = (*ms % 1000) * 1000};
	socklen_t len = sizeof(tv);
	if (set)
		return result(lwip_setsockopt(s, SOL_SOCKET, name, &tv, len));
	long r = result(lwip_getsockopt(s, SOL_SOCKET, name, &tv, &len));
	if (r >= 0)
		*ms = (int)(tv.tv_sec * 1000 + tv.tv_usec / 1000);
	return r;
}

long
glue_option(int s, enum glue_option option, bool set, int *value)
{
	int level = SOL_SOCKET, name;
	switch (option) {
	case GLUE_SO_REUSEADDR:
		name = SO_REUSEADDR;
		break;
	case GLUE_SO_KEEPALIVE:
		name = SO_KEEPALIVE;
		break;
	case GLUE_SO_ERROR:
		name = SO_ERROR;
		break;
	case GLUE_SO_TYPE:
		name = SO_TYPE;
		break;
	case GLUE_SO_RCVTIMEO_MS:
		return option_timeout(s, SO_RCVTIMEO, set, value);
	case GLUE_SO_SNDTIMEO_MS:
		return option_timeout(s, SO_SNDTIMEO, set, value);
	case GLUE_TCP_NODELAY:
		level = IPPROTO_TCP;
		name = TCP_NODELAY;
		break;
	default:
		return -ENOPROTOOPT;
	}
	socklen_t len = sizeof(*value);
	if (set)
		return result(lwip_setsockopt(s, level, name, value, len));
	long r = result(lwip_getsockopt(s, level, name, value, &len));
	/* lwIP's SO_TYPE values are SOCK_STREAM 1 and SOCK_DGRAM 2, as Linux's */
	return r;
}

int
glue_ready(int s, int events)
{
	struct pollfd p = {.fd = s,
	                   .events = (short)(((events & GLUE_IN) ? POLLIN : 0) |
	                                     ((events & GLUE_OUT) ? POLLOUT : 0))};
	if (lwip_poll(&p, 1, 0) < 0)
		return GLUE_ERR;
	return ((p.revents & POLLIN) ? GLUE_IN : 0) | ((p.revents & POLLOUT) ? GLUE_OUT : 0) |
	       ((p.revents & (POLLERR | POLLNVAL)) ? GLUE_ERR : 0) |
	       ((p.revents & POLLHUP) ? GLUE_HUP : 0);
}

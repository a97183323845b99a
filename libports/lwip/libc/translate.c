/*
 * \brief  libc_lwip: the C library's addresses, flags and options in glue terms
 */

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "libc_lwip_internal.h"

long
libc_lwip_addr_in(const struct sockaddr *addr, uint32_t len, struct glue_addr *a)
{
	if (!addr || len < sizeof(sa_family_t))
		return -EINVAL;
	if (addr->sa_family != AF_INET)
		return -EAFNOSUPPORT;
	if (len < sizeof(struct sockaddr_in))
		return -EINVAL;
	struct sockaddr_in sin;
	memcpy(&sin, addr, sizeof(sin));
	a->ip = sin.sin_addr.s_addr;
	a->port = sin.sin_port;
	return 0;
}

void
libc_lwip_addr_out(const struct glue_addr *a, struct sockaddr *addr, uint32_t *len)
{
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = a->port};
	sin.sin_addr.s_addr = a->ip;
	if (addr)
		memcpy(addr, &sin, *len < sizeof(sin) ? *len : sizeof(sin));
	*len = sizeof(sin);
}

int
libc_lwip_msg_flags(int flags)
{
	/* no signals exist here: MSG_NOSIGNAL asks for nothing */
	int known = MSG_PEEK | MSG_DONTWAIT | MSG_MORE | MSG_NOSIGNAL;
	if (flags & ~known)
		return -EOPNOTSUPP;
	return ((flags & MSG_PEEK) ? GLUE_MSG_PEEK : 0) |
	       ((flags & MSG_DONTWAIT) ? GLUE_MSG_DONTWAIT : 0) |
	       ((flags & MSG_MORE) ? GLUE_MSG_MORE : 0);
}

/* the options lwIP serves; -ENOPROTOOPT for every other one */
static const struct {
	int level, name;
	enum glue_option option;
	bool timeval; /* a struct timeval in the C library's terms */
} options[] = {
        {SOL_SOCKET, SO_REUSEADDR, GLUE_SO_REUSEADDR, false},
        {SOL_SOCKET, SO_KEEPALIVE, GLUE_SO_KEEPALIVE, false},
        {SOL_SOCKET, SO_ERROR, GLUE_SO_ERROR, false},
        {SOL_SOCKET, SO_TYPE, GLUE_SO_TYPE, false},
        {SOL_SOCKET, SO_RCVTIMEO, GLUE_SO_RCVTIMEO_MS, true},
        {SOL_SOCKET, SO_SNDTIMEO, GLUE_SO_SNDTIMEO_MS, true},
        {IPPROTO_TCP, TCP_NODELAY, GLUE_TCP_NODELAY, false},
};

static long
option_of(int level, int name, enum glue_option *o, bool *timeval)
{
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		if (options[i].level == level && options[i].name == name) {
			*o = options[i].option;
			*timeval = options[i].timeval;
			return 0;
		}
	}
	return -ENOPROTOOPT;
}

long
libc_lwip_setsockopt(struct libc_file *f, int level, int name, const void *val, uint32_t len)
{
	enum glue_option o;
	bool timeval;
	long r = option_of(level, name, &o, &timeval);
	if (r < 0)
		return r;
	int v;
	if (timeval) {
		struct timeval tv;
		if (!val || len < sizeof(tv))
			return -EINVAL;
		memcpy(&tv, val, sizeof(tv));
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000 || tv.tv_sec > 2000000)
			return -EDOM;
		v = (int)(tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000);
	} else {
		if (!val || len < sizeof(int))
			return -EINVAL;
		memcpy(&v, val, sizeof(v));
	}
	return glue_option(libc_lwip_socket_of(f), o, true, &v);
}

long
libc_lwip_getsockopt(struct libc_file *f, int level, int name, void *val, uint32_t *len)
{
	enum glue_option o;
	bool timeval;
	long r = option_of(level, name, &o, &timeval);
	if (r < 0)
		return r;
	if (!val || !len)
		return -EFAULT;
	int v = 0;
	r = glue_option(libc_lwip_socket_of(f), o, false, &v);
	if (r < 0)
		return r;
	if (timeval) {
		struct timeval tv = {.tv_sec = v / 1000, .tv_usec = (v % 1000) * 1000};
		memcpy(val, &tv, *len < sizeof(tv) ? *len : sizeof(tv));
		*len = *len < sizeof(tv) ? *len : sizeof(tv);
	} else {
		memcpy(val, &v, *len < sizeof(v) ? *len : sizeof(v));
		*len = *len < sizeof(v) ? *len : sizeof(v);
	}
	return 0;
}

/*
 * \brief  Local sockets without the C library
 *
 * Conventions: lx_syscall.h. Both architectures make the socket calls
 * directly (i386 since Linux 4.3, not through socketcall), which the
 * sandbox's filter can check by their arguments (doc/sandbox.md).
 *
 * The message header and control header are the kernel's: musl's
 * msghdr and cmsghdr have 32-bit lengths with padding beside them on
 * 64-bit hosts, which the kernel reads as part of a 64-bit length. The
 * LX_CMSG_* helpers follow the kernel's alignment (to a long).
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_SOCKET_H_
#define _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_SOCKET_H_

#include <stddef.h>
#include <sys/socket.h> /* constants only: AF_*, SOCK_*, MSG_*, SOL_*, SO_*, SCM_*, SHUT_* */

#include <base/internal/lx_fd.h>

struct lx_msghdr {
	void *name;
	int namelen;
	struct lx_iovec *iov;
	size_t iovlen;
	void *control;
	size_t controllen;
	unsigned flags;
};

struct lx_cmsghdr {
	size_t len;
	int level;
	int type;
};

#define LX_CMSG_ALIGN(n) (((n) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define LX_CMSG_LEN(n)   (LX_CMSG_ALIGN(sizeof(struct lx_cmsghdr)) + (n))
#define LX_CMSG_SPACE(n) (LX_CMSG_ALIGN(sizeof(struct lx_cmsghdr)) + LX_CMSG_ALIGN(n))
#define LX_CMSG_DATA(cm) ((unsigned char *)(cm) + LX_CMSG_ALIGN(sizeof(struct lx_cmsghdr)))

/* the first control message, or NULL */
static inline struct lx_cmsghdr *
lx_cmsg_first(const struct lx_msghdr *mh)
{
	return mh->controllen >= sizeof(struct lx_cmsghdr) ? mh->control : NULL;
}

/* the message after cm, or NULL where the control data ends */
static inline struct lx_cmsghdr *
lx_cmsg_next(const struct lx_msghdr *mh, struct lx_cmsghdr *cm)
{
	size_t at = (size_t)((char *)cm - (char *)mh->control);

	if (cm->len < sizeof(struct lx_cmsghdr))
		return NULL; /* malformed: would never advance */
	at += LX_CMSG_ALIGN(cm->len);
	if (at + sizeof(struct lx_cmsghdr) > mh->controllen)
		return NULL;
	return (struct lx_cmsghdr *)(void *)((char *)mh->control + at);
}

static inline int
lx_socketpair(int domain, int type, int protocol, int sv[2])
{
	return (int)lx_result(lx_syscall4(SYS_socketpair, domain, type, protocol, LX_ARG(sv)));
}

static inline long
lx_send(int fd, const void *buf, size_t len, int flags)
{
	return lx_result(lx_syscall6(SYS_sendto, fd, LX_ARG(buf), LX_ARG(len), flags, 0, 0));
}

static inline long
lx_recv(int fd, void *buf, size_t len, int flags)
{
	return lx_result(lx_syscall6(SYS_recvfrom, fd, LX_ARG(buf), LX_ARG(len), flags, 0, 0));
}

static inline long
lx_sendmsg(int fd, const struct lx_msghdr *mh, int flags)
{
	return lx_result(lx_syscall3(SYS_sendmsg, fd, LX_ARG(mh), flags));
}

static inline long
lx_recvmsg(int fd, struct lx_msghdr *mh, int flags)
{
	return lx_result(lx_syscall3(SYS_recvmsg, fd, LX_ARG(mh), flags));
}

static inline int
lx_shutdown(int fd, int how)
{
	return (int)lx_result(lx_syscall2(SYS_shutdown, fd, how));
}

static inline int
lx_getsockopt(int fd, int level, int name, void *value, unsigned *len)
{
	return (int)lx_result(
	        lx_syscall5(SYS_getsockopt, fd, level, name, LX_ARG(value), LX_ARG(len)));
}

#endif /* _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_SOCKET_H_ */

/*
 * \brief  Waiting without the C library: poll, epoll, eventfd, timerfd
 *
 * Conventions: lx_syscall.h. struct pollfd and struct epoll_event are
 * the kernel's in glibc and musl (epoll_event packed on x86_64, as the
 * kernel has it), checked below. timerfd_settime takes 64-bit times on
 * i386 (timerfd_settime64): base-linux/arch/<arch>/lx_abi.c.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_POLL_H_
#define _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_POLL_H_

#include <poll.h>
#include <sys/epoll.h>

#include <base/internal/lx_syscall.h>
#include <base/internal/lx_time.h>

_Static_assert(sizeof(struct pollfd) == 8, "struct pollfd is not the kernel's");
_Static_assert(sizeof(struct epoll_event) == 12, "struct epoll_event is not the kernel's");

static inline int
lx_poll(struct pollfd *fds, unsigned long n, int timeout_ms)
{
	return (int)lx_result(lx_syscall3(SYS_poll, LX_ARG(fds), LX_ARG(n), timeout_ms));
}

static inline int
lx_epoll_create1(int flags)
{
	return (int)lx_result(lx_syscall1(SYS_epoll_create1, flags));
}

static inline int
lx_epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev)
{
	return (int)lx_result(lx_syscall4(SYS_epoll_ctl, epfd, op, fd, LX_ARG(ev)));
}

static inline int
lx_epoll_wait(int epfd, struct epoll_event *events, int max, int timeout_ms)
{
	return (int)lx_result(lx_syscall4(SYS_epoll_wait, epfd, LX_ARG(events), max, timeout_ms));
}

static inline int
lx_eventfd(unsigned initval, int flags)
{
	return (int)lx_result(lx_syscall2(SYS_eventfd2, LX_ARG(initval), flags));
}

static inline int
lx_timerfd_create(int clock, int flags)
{
	return (int)lx_result(lx_syscall2(SYS_timerfd_create, clock, flags));
}

/* the kernel's struct itimerspec with 64-bit times (__kernel_itimerspec) */
struct lx_itimerspec {
	struct lx_timespec interval;
	struct lx_timespec value;
};

/* set the timer (flags: TFD_TIMER_ABSTIME); the old setting is not asked for */
int lx_timerfd_settime(int fd, int flags, const struct lx_itimerspec *its);

#endif /* _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_POLL_H_ */

/*
 * \brief  Linux only: an entrypoint as part of a larger poll loop
 *
 * A component's main loop waits for RPC calls and, in a parent, for its
 * children (their pidfds and captured output). Both are served by one
 * thread, so the parent's handlers and its child-exit callbacks never run
 * concurrently: the process library polls the entrypoint's epoll
 * descriptor together with its own and lets the entrypoint dispatch what
 * is ready.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__ENTRYPOINT_LINUX_H_
#define _BASE_LINUX__INCLUDE__BASE__ENTRYPOINT_LINUX_H_

#include <base/entrypoint.h>

/* the descriptor that becomes readable when ep has work; ep keeps it */
int entrypoint_linux_fd(const struct entrypoint *ep);

/* dispatch every call or event that is ready now, without blocking */
void entrypoint_linux_dispatch_ready(struct entrypoint *ep);

/*
 * Wait until ep has work, then dispatch every call or event that the
 * wait fetched: a main loop's wake-up in one system call, where a poll of
 * the descriptor and the fetch took two (per RPC a server serves, which a
 * parent that forwards a session does several times). STATUS_OK, also
 * when a signal interrupted the wait; STATUS_UNAVAILABLE if waiting failed.
 */
status_t entrypoint_linux_wait_dispatch(struct entrypoint *ep);

#endif /* _BASE_LINUX__INCLUDE__BASE__ENTRYPOINT_LINUX_H_ */

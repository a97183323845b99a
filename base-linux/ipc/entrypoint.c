/*
 * \brief  Entrypoint on Linux: objects as socketpairs, one epoll loop
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>

#include <base/entrypoint_linux.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_process.h>
#include <base/internal/lx_socket.h>

#include "ep.h"
#include "ep_watch.h"
#include "internal.h"

/*
 * Every object and every client channel costs the server a descriptor,
 * so the soft limit (often 1024) is lifted to the hard one.
 */
static void
raise_fd_limit(void)
{
	struct lx_rlimit rl;

	if (lx_prlimit(LX_RLIMIT_NOFILE, NULL, &rl) == 0 && rl.cur < rl.max) {
		rl.cur = rl.max;
		lx_prlimit(LX_RLIMIT_NOFILE, &rl, NULL);
	}
}

/* the stop request was seen; drain the socket so the wait blocks again */
static void
cancel_consume(void *arg)
{
	struct entrypoint *ep = arg;
	char bytes[64];

	while (lx_recv(ep->cancel_fd, bytes, sizeof(bytes), MSG_DONTWAIT) > 0)
		;
}

/*
 * A stop from another thread must wake an entrypoint blocked in
 * epoll_wait: the cancellable blocking of Genode's entrypoint. The socket
 * is one more watched descriptor, so waiting needs no extra system call.
 * A socket pair, not an eventfd: entrypoints are created by sandboxed
 * components, which may not make eventfds (those are core's signal
 * contexts, doc/signals.md).
 */
static status_t
cancel_init(struct entrypoint *ep)
{
	int sv[2];

	if (lx_socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) < 0)
		return STATUS_OUT_OF_MEMORY;
	ep->cancel_fd = sv[0];
	ep->cancel_wr = sv[1];
	status_t st = entrypoint_watch(ep, ep->cancel_fd, cancel_consume, ep, &ep->cancel_watch);
	if (st != STATUS_OK) {
		lx_close(sv[0]);
		lx_close(sv[1]);
	}
	return st;
}

status_t
entrypoint_create(struct entrypoint **out)
{
	struct entrypoint *ep = calloc(1, sizeof(*ep));

	if (!ep)
		return STATUS_OUT_OF_MEMORY;
	ep->epfd = lx_epoll_create1(EPOLL_CLOEXEC);
	if (ep->epfd < 0) {
		free(ep);
		return STATUS_OUT_OF_MEMORY;
	}
	ep->free_head = SLOT_NONE;
	ep->current = SLOT_NONE;
	ep->hot = SLOT_NONE;
	if (cancel_init(ep) != STATUS_OK) {
		lx_close(ep->epfd);
		free(ep->slots);
		free(ep);
		return STATUS_OUT_OF_MEMORY;
	}
	raise_fd_limit();
	*out = ep;
	return STATUS_OK;
}

void
entrypoint_destroy(struct entrypoint *ep)
{
	async_pool_forget(ep);           /* its idle channels are watches, closed below */
	ep_bell_stop(ep, ep->cancel_wr); /* before the epoll it watches is closed */
	for (uint32_t i = 0; i < ep->count; i++) {
		if (ep->slots[i].kind == SLOT_OBJECT)
			ep->slots[i].obj->ep = NULL;
		ep_slot_free(ep, i);
	}
	lx_close(ep->epfd);
	lx_close(ep->cancel_fd);
	lx_close(ep->cancel_wr);
	free(ep->slots);
	free(ep);
}

status_t
entrypoint_manage(struct entrypoint *ep, struct rpc_object *obj, rpc_dispatch_fn dispatch,
                  cap_t *cap)
{
	uint32_t index;
	int sv[2];

	if (obj->ep)
		return STATUS_CONFLICT;
	if (lx_socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return STATUS_OUT_OF_MEMORY;
	if (ep_slot_alloc(ep, SLOT_OBJECT, sv[0], &index) != STATUS_OK) {
		lx_close(sv[1]);
		return STATUS_OUT_OF_MEMORY;
	}
	ep->slots[index].obj = obj;
	obj->dispatch = dispatch;
	obj->ep = ep;
	obj->ep_id = index;
	cap_gen_bump(sv[1]);
	cap->sel = sv[1];
	return STATUS_OK;
}

/*
 * Closing A makes every send on a copy of the capability fail; closing
 * the channels makes every send on them fail. The channel being served
 * is closed only after its reply went out.
 */
void
entrypoint_dissolve(struct entrypoint *ep, struct rpc_object *obj)
{
	uint32_t index = (uint32_t)obj->ep_id;

	if (obj->ep != ep || index >= ep->count || ep->slots[index].obj != obj ||
	    ep->slots[index].kind != SLOT_OBJECT)
		return;
	for (uint32_t i = 0; i < ep->count; i++) {
		struct ep_slot *s = &ep->slots[i];

		if (s->kind != SLOT_CHANNEL || s->link != index)
			continue;
		if (i == ep->current) {
			/* callers fail from now on; our reply can still go out */
			lx_shutdown(s->fd, SHUT_RD);
			s->closing = true;
			s->link = SLOT_NONE; /* the object's slot is freed below */
		} else
			ep_slot_free(ep, i);
	}
	ep_slot_free(ep, index);
	obj->ep = NULL;
}

static status_t
dispatch_one(struct entrypoint *ep, int timeout_ms)
{
	struct ep_slot *s;
	uint32_t index;

	if (ep->next_event >= ep->nevents) {
		/* a blocking wait prefers the slot of a busy caller (ep_slot_serve.c) */
		if (timeout_ms < 0 && ep->hot != SLOT_NONE && ep_slot_listen(ep))
			return STATUS_OK;
		if (ep->hot != SLOT_NONE)
			timeout_ms = 0;
		int n = lx_epoll_wait(ep->epfd, ep->events, EP_EVENTS, timeout_ms);

		if (n < 0)
			return errno == EINTR ? STATUS_OK : STATUS_UNAVAILABLE;
		ep->nevents = n;
		ep->next_event = 0;
		if (n == 0)
			return STATUS_OK;
	}
	s = ep_slot_of_event(ep, ep->events[ep->next_event++].data.u64, &index);
	if (!s)
		return STATUS_OK;
	if (s->kind == SLOT_OBJECT)
		ep_serve_object(ep, index);
	else if (s->kind == SLOT_WATCH)
		s->watch_fn(s->watch_arg); /* may free the slot or move the table */
	else
		ep_serve_channel(ep, index);
	return STATUS_OK;
}

status_t
entrypoint_wait_and_dispatch_one(struct entrypoint *ep)
{
	return dispatch_one(ep, -1);
}

int
entrypoint_linux_fd(const struct entrypoint *ep)
{
	return ep->epfd;
}

void
entrypoint_linux_dispatch_ready(struct entrypoint *ep)
{
	do {
		if (dispatch_one(ep, 0) != STATUS_OK)
			return;
	} while (ep->next_event < ep->nevents);
}

status_t
entrypoint_linux_wait_dispatch(struct entrypoint *ep)
{
	status_t st = dispatch_one(ep, -1);
	while (st == STATUS_OK && ep->next_event < ep->nevents)
		st = dispatch_one(ep, 0);
	return st;
}

status_t
entrypoint_run(struct entrypoint *ep)
{
	/* a stop requested before run started counts: it is consumed here */
	while (!__atomic_exchange_n(&ep->stop, false, __ATOMIC_ACQ_REL)) {
		status_t st = entrypoint_wait_and_dispatch_one(ep);
		if (st != STATUS_OK)
			return st;
	}
	return STATUS_OK;
}

void
entrypoint_stop(struct entrypoint *ep)
{
	char one = 1;

	__atomic_store_n(&ep->stop, true, __ATOMIC_RELEASE);
	/* a full socket already has a wake-up pending */
	(void)!lx_send(ep->cancel_wr, &one, sizeof(one), MSG_DONTWAIT | MSG_NOSIGNAL);
}

/*
 * \brief  The bell: the entrypoint's epoll, made a futex it can wait on
 *
 * An entrypoint that serves a busy caller's shared call slot waits on the
 * slot's futex, not in its epoll (ep_slot_serve.c). Everything else it
 * serves arrives in the epoll: packets of other channels, connects,
 * signals and watches, a stop. One thread cannot wait for both, so a
 * helper thread watches the epoll for it while it waits on the slot:
 * armed by the entrypoint before each such wait, it polls the epoll
 * descriptor (which only looks, it takes no event), and when the epoll
 * has something it rings the bell, a private futex word the entrypoint
 * waits on beside the slot's (futex_waitv). The entrypoint then goes back
 * to its epoll. So nothing waits for a timeout: an event costs one more
 * wake-up (the helper's) while the entrypoint listens on a slot, and
 * nothing otherwise.
 *
 * The helper is made at the first wait on a slot, one per entrypoint,
 * with a small stack (BELL_STACK); it keeps nothing a client could grow.
 * It is a plain POSIX thread outside the framework's threads: it never
 * calls into the framework, only poll and futexes. A fork (test programs
 * only: components may not fork) leaves the child without it: the child
 * then never waits on a slot.
 */

#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include <base/internal/lx_poll.h>
#include <base/internal/lx_socket.h>
#include <base/internal/lx_time.h>

#include "ep.h"

enum { BELL_STACK = 64 * 1024 };

struct ep_bell {
	_Atomic uint32_t ring;   /* 1: the epoll has something; the entrypoint's futex */
	_Atomic uint32_t armed;  /* counts the entrypoint's requests to watch; the helper's futex */
	_Atomic uint32_t parked; /* 1 while the helper waits for a request */
	_Atomic bool quit;
	int epfd;     /* BORROWED: the entrypoint's */
	unsigned gen; /* fork_gen when the helper started */
	pthread_t thread;
};

/* counts forks: a helper of an older generation runs in the parent only */
static _Atomic unsigned fork_gen;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static void
bell_forked(void)
{
	atomic_fetch_add(&fork_gen, 1);
}

static void
bell_atfork(void)
{
	pthread_atfork(NULL, NULL, bell_forked);
}

static void
bell_park(struct ep_bell *b, uint32_t seen)
{
	atomic_store(&b->parked, 1);
	while (atomic_load(&b->armed) == seen && !atomic_load(&b->quit))
		lx_futex_wait((uint32_t *)&b->armed, seen, NULL);
	atomic_store(&b->parked, 0);
}

static void *
bell_run(void *arg)
{
	struct ep_bell *b = arg;
	uint32_t seen = 0;

	for (;;) {
		bell_park(b, seen);
		if (atomic_load(&b->quit))
			return NULL;
		seen = atomic_load(&b->armed);
		struct pollfd p = {b->epfd, POLLIN, 0};
		/*
		 * Whatever poll returns (an event, EINTR, ENOMEM), ring: a
		 * spurious ring only sends the entrypoint back to its epoll, and
		 * a helper that ended here would leave it asleep on the slot.
		 */
		(void)lx_poll(&p, 1, -1);
		/*
		 * Parked again until the next request after this ring: a request
		 * made before it clears the ring first, so it hears this one; and
		 * the events stay in the epoll until the entrypoint takes them, so
		 * polling again at once would only spin.
		 */
		seen = atomic_load(&b->armed);
		atomic_store(&b->ring, 1);
		lx_futex_wake((uint32_t *)&b->ring, 1);
	}
}

static bool
bell_thread(struct ep_bell *b)
{
	pthread_attr_t attr;

	if (pthread_attr_init(&attr) != 0)
		return false;
	int err = pthread_attr_setstacksize(&attr, BELL_STACK);
	if (!err)
		err = pthread_create(&b->thread, &attr, bell_run, b);
	pthread_attr_destroy(&attr);
	return err == 0;
}

static struct ep_bell *
bell_start(int epfd)
{
	struct ep_bell *b = calloc(1, sizeof(*b));

	if (!b)
		return NULL;
	b->epfd = epfd;
	pthread_once(&atfork_once, bell_atfork);
	b->gen = atomic_load(&fork_gen);
	if (bell_thread(b))
		return b;
	free(b);
	return NULL;
}

uint32_t *
ep_bell_arm(struct entrypoint *ep)
{
	struct ep_bell *b = ep->bell;

	if (!b && !ep->bell_failed) {
		b = ep->bell = bell_start(ep->epfd);
		ep->bell_failed = !b;
	}
	/* after a fork the helper stayed behind in the parent */
	if (!b || b->gen != atomic_load(&fork_gen))
		return NULL;
	/* ring cleared first: a ring for this request always lands after it */
	atomic_store(&b->ring, 0);
	atomic_fetch_add(&b->armed, 1);
	if (atomic_load(&b->parked))
		lx_futex_wake((uint32_t *)&b->armed, 1);
	return (uint32_t *)&b->ring;
}

/*
 * The helper leaves its poll when the epoll becomes readable: the byte a
 * stop sends to the entrypoint's cancel socket, which the epoll watches,
 * does that without a descriptor of the helper's own.
 */
void
ep_bell_stop(struct entrypoint *ep, int cancel_wr)
{
	struct ep_bell *b = ep->bell;
	char one = 1;

	ep->bell = NULL;
	if (!b)
		return;
	if (b->gen == atomic_load(&fork_gen)) {
		atomic_store(&b->quit, true);
		atomic_fetch_add(&b->armed, 1);
		lx_futex_wake((uint32_t *)&b->armed, 1);
		(void)!lx_send(cancel_wr, &one, 1, MSG_DONTWAIT | MSG_NOSIGNAL);
		pthread_join(b->thread, NULL);
	}
	free(b);
}

/*
 * \brief  Idle channels of answered async calls, for the next call (Linux)
 *
 * An idle channel still holds one of the at most 32 caller lines of its
 * object at the server (doc/rpc.md), so the pool is small: a parent
 * forwards to few servers at a time, and a line kept idle must not keep
 * a sibling from calling the same object. Entries are valid only under
 * the selector generation they were put with (cap_gen_get), so a closed
 * and reused selector never reaches the old object's channel. A reply
 * that arrives on a reused channel can only come from the server of the
 * same object, which may answer the call in any way it likes anyway.
 *
 * An idle channel stays watched by its entrypoint (the watch owns its
 * descriptor): the next call over it retargets the watch instead of
 * duplicating the descriptor and registering it with epoll again, and a
 * server that drops the idle channel is seen right away (pool_idle_gone).
 * That saves four system calls per forwarded call (bench-spawn: two per
 * session created and closed through init).
 *
 * At most one idle channel per object (async_pool_put).
 *
 * Per thread, like the channel cache: async calls are made and answered
 * on their entrypoint's thread, and no lock is needed. An entrypoint that
 * made async calls is destroyed on that thread (entrypoint_destroy calls
 * async_pool_forget), or outlives it.
 */

#include <base/internal/lx_fd.h>

#include "ep_watch.h"
#include "internal.h"

enum { ASYNC_POOL_SIZE = 4 };

struct pool_entry {
	long sel;
	uint32_t gen;
	int fd; /* BORROWED from the watch; -1: free */
	struct entrypoint *ep;
	uint64_t watch; /* OWNS the channel */
};

static _Thread_local struct pool_entry pool[ASYNC_POOL_SIZE] = {
        {.fd = -1}, {.fd = -1}, {.fd = -1}, {.fd = -1}};

static void
entry_drop(struct pool_entry *e)
{
	e->fd = -1;
	entrypoint_unwatch(e->ep, e->watch); /* closes the channel */
}

/* an idle channel became readable: its server dropped it (or misbehaves) */
static void
pool_idle_gone(void *arg)
{
	struct pool_entry *e = arg;
	if (e->fd >= 0)
		entry_drop(e);
}

bool
async_pool_take(long sel, uint32_t gen, struct entrypoint *ep, struct async_channel *out)
{
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++) {
		struct pool_entry *e = &pool[i];
		if (e->fd < 0 || e->sel != sel || e->ep != ep)
			continue;
		if (e->gen != gen || gen != cap_gen_get(sel)) {
			entry_drop(e); /* the selector names another capability now */
			continue;
		}
		*out = (struct async_channel){.fd = e->fd, .watch = e->watch};
		e->fd = -1;
		return true;
	}
	return false;
}

/*
 * One idle channel per object: a second one (left by calls that overlapped)
 * is closed, so that with nothing in flight a component holds exactly one
 * idle channel for each object it called asynchronously, however its calls
 * overlapped before. Descriptor counts then compare between two quiet
 * moments (run/bomb, run/session_loop) and a leak stays visible.
 */
void
async_pool_put(long sel, uint32_t gen, struct entrypoint *ep, struct async_channel chan)
{
	struct pool_entry *free_entry = NULL;
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++) {
		struct pool_entry *e = &pool[i];
		if (e->fd >= 0 && e->gen != cap_gen_get(e->sel))
			entry_drop(e); /* stale: its capability is gone */
		if (e->fd >= 0 && e->sel == sel && e->gen == gen && e->ep == ep) {
			entrypoint_unwatch(ep, chan.watch);
			return;
		}
		if (e->fd < 0 && !free_entry)
			free_entry = e;
	}
	if (!free_entry || !entrypoint_watch_retarget(ep, chan.watch, pool_idle_gone, free_entry)) {
		entrypoint_unwatch(ep, chan.watch);
		return;
	}
	*free_entry = (struct pool_entry){
	        .sel = sel, .gen = gen, .fd = chan.fd, .ep = ep, .watch = chan.watch};
}

void
async_pool_clear(void)
{
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++)
		if (pool[i].fd >= 0)
			entry_drop(&pool[i]);
}

void
async_pool_forget(const struct entrypoint *ep)
{
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++)
		if (pool[i].fd >= 0 && (pool[i].ep == ep || !ep))
			pool[i].fd = -1; /* the entrypoint closes it with the watch */
}

void
async_pool_forked(void)
{
	/* the watches are the parent's entrypoint's: only our copies go */
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++)
		if (pool[i].fd >= 0)
			lx_close(pool[i].fd);
	async_pool_forget(NULL);
}

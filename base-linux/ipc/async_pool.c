/*
 * \brief  Idle channels of answered async calls, for the next call (Linux)
 *
 * An idle channel still holds one of the at most 32 caller lines of its
 * object at the server (doc/rpc.md), so the pool is small: a parent
 * forwards to few servers at a time, and a line kept idle must not keep
 * a sibling from calling the same object. Entries are valid only under
 * the selector generation they were put with (cap_gen_get), so a closed
 * and reused selector never reaches the old object's channel. A server
 * that drops an idle channel is seen at the next send on it (async.c
 * then opens a fresh one). A reply that arrives on a reused channel can
 * only come from the server of the same object, which may answer the
 * call in any way it likes anyway.
 *
 * At most one idle channel per object (async_pool_put).
 *
 * Per thread, like the channel cache: async calls are made and answered
 * on their entrypoint's thread, and no lock is needed.
 */

#include <unistd.h>

#include "internal.h"

enum { ASYNC_POOL_SIZE = 4 };

struct pool_entry {
	long sel;
	uint32_t gen;
	int fd; /* OWNED; -1: free */
};

static _Thread_local struct pool_entry pool[ASYNC_POOL_SIZE] = {
        {.fd = -1}, {.fd = -1}, {.fd = -1}, {.fd = -1}};

int
async_pool_take(long sel, uint32_t gen)
{
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++) {
		struct pool_entry *e = &pool[i];
		if (e->fd < 0 || e->sel != sel)
			continue;
		int fd = e->fd;
		e->fd = -1;
		if (e->gen == gen && gen == cap_gen_get(sel))
			return fd;
		close(fd); /* the selector names another capability now */
	}
	return -1;
}

/*
 * One idle channel per object: a second one (left by calls that overlapped)
 * is closed, so that with nothing in flight a component holds exactly one
 * idle channel for each object it called asynchronously, however its calls
 * overlapped before. Descriptor counts then compare between two quiet
 * moments (run/bomb, run/session_loop) and a leak stays visible.
 */
void
async_pool_put(long sel, uint32_t gen, int fd)
{
	struct pool_entry *free_entry = NULL;
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++) {
		struct pool_entry *e = &pool[i];
		if (e->fd >= 0 && e->gen != cap_gen_get(e->sel)) {
			close(e->fd); /* stale: its capability is gone */
			e->fd = -1;
		}
		if (e->fd >= 0 && e->sel == sel && e->gen == gen) {
			close(fd);
			return;
		}
		if (e->fd < 0 && !free_entry)
			free_entry = e;
	}
	if (!free_entry) {
		close(fd);
		return;
	}
	*free_entry = (struct pool_entry){.sel = sel, .gen = gen, .fd = fd};
}

void
async_pool_clear(void)
{
	for (unsigned i = 0; i < ASYNC_POOL_SIZE; i++) {
		if (pool[i].fd >= 0)
			close(pool[i].fd);
		pool[i].fd = -1;
	}
}

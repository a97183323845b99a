/*
 * \brief  Per-thread cache of reply channels, one per capability used
 *
 * A thread's call goes over a channel only that thread holds, so a reply
 * can only ever reach the thread that asked, and no client can see or
 * answer another one's call. Opening a channel costs a socketpair and a
 * descriptor pass; the cache makes that a one-time cost per thread and
 * capability, which keeps the per-call path at one send and one receive.
 *
 * Entries are direct-mapped by selector. An entry is valid only under the
 * selector generation it was made with (see cap_gen_get), so closing a
 * capability and getting a different one under the same number can never
 * route a call to the old object. A collision just closes the older
 * channel; the server frees its side when it sees the hang-up.
 */

#define _GNU_SOURCE
#include <pthread.h>
#include <unistd.h>

#include <base/ipc.h>

#include "internal.h"

enum { CHAN_CACHE_SIZE = 64 };

struct chan_entry {
	long sel;
	uint32_t gen;
	int fd;
	bool used;
};

static _Thread_local struct chan_entry cache[CHAN_CACHE_SIZE];
static _Thread_local bool thread_registered;

static pthread_once_t process_once = PTHREAD_ONCE_INIT;
static pthread_key_t exit_key;

static struct chan_entry *
entry_of(long sel)
{
	return &cache[(unsigned long)sel % CHAN_CACHE_SIZE];
}

static void
entry_clear(struct chan_entry *e)
{
	if (e->used)
		close(e->fd);
	e->used = false;
}

void
ipc_thread_exit(void)
{
	for (unsigned i = 0; i < CHAN_CACHE_SIZE; i++)
		entry_clear(&cache[i]);
}

static void
thread_gone(void *unused)
{
	(void)unused;
	ipc_thread_exit();
}

/*
 * A forked child inherits the forking thread's cache, but the channels
 * in it are the parent's: a call over them could take the parent's
 * reply. The child therefore starts with an empty cache.
 */
static void
forked_child(void)
{
	ipc_thread_exit();
}

static void
process_init(void)
{
	pthread_atfork(NULL, NULL, forked_child);
	pthread_key_create(&exit_key, thread_gone);
}

static void
thread_register(void)
{
	pthread_once(&process_once, process_init);
	/* any non-NULL value makes the key's destructor run at thread exit */
	pthread_setspecific(exit_key, &thread_registered);
	thread_registered = true;
}

int
chan_cache_lookup(long sel)
{
	struct chan_entry *e = entry_of(sel);

	if (e->used && e->sel == sel && e->gen == cap_gen_get(sel))
		return e->fd;
	return -1;
}

void
chan_cache_insert(long sel, uint32_t gen, int fd)
{
	struct chan_entry *e = entry_of(sel);

	if (!thread_registered)
		thread_register();
	entry_clear(e);
	e->sel = sel;
	e->gen = gen;
	e->fd = fd;
	e->used = true;
}

void
chan_cache_drop(long sel)
{
	struct chan_entry *e = entry_of(sel);

	if (e->used && e->sel == sel)
		entry_clear(e);
}

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
 *
 * Copies of one capability (a dup kept per attachment, say) are different
 * selectors of one socket. They share the thread's channel to the object
 * (a dup of its descriptor), so that the server keeps one line per thread
 * and object however many copies the thread calls through, and a client
 * does not run into the object's bound of callers (doc/rpc.md) by itself.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>

#include <base/internal/lx_fd.h>
#include <base/ipc.h>

#include "internal.h"
#include "slot.h"

enum { CHAN_CACHE_SIZE = 64 };

struct chan_entry {
	long sel;
	uint32_t gen;
	int fd;
	bool used;
	uint64_t object;       /* inode of the capability's socket: which object */
	struct rpc_slot *slot; /* shared call slot offered over fd, or NULL */
	int lane;              /* the slot's lane for descriptors (slot.h), or -1 */
	bool slot_tried;       /* offered once (or a shared channel, which never offers) */
	bool lane_tried;       /* the lane offered once */
	unsigned answered;     /* calls answered over fd while it has no slot (slot.h) */
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
	if (e->used) {
		rpc_slot_release(e->slot);
		if (e->lane >= 0)
			lx_close(e->lane);
		lx_close(e->fd);
	}
	e->slot = NULL;
	e->lane = -1;
	e->used = false;
}

void
ipc_thread_exit(void)
{
	for (unsigned i = 0; i < CHAN_CACHE_SIZE; i++)
		entry_clear(&cache[i]);
	async_pool_clear(); /* the same holds for idle async channels */
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
	for (unsigned i = 0; i < CHAN_CACHE_SIZE; i++)
		entry_clear(&cache[i]);
	async_pool_forked();
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
chan_cache_lookup(long sel, struct rpc_slot **slot, int *lane)
{
	struct chan_entry *e = entry_of(sel);

	if (e->used && e->sel == sel && e->gen == cap_gen_get(sel)) {
		*slot = e->slot;
		*lane = e->lane;
		return e->fd;
	}
	*slot = NULL;
	*lane = -1;
	return -1;
}

/*
 * Offered once per channel, after RPC_SLOT_OFFER_AFTER calls over it were
 * answered (so a channel the entrypoint refused never gets one). A channel shared by
 * copies of a capability keeps the socket path: two slots for one
 * server-side channel would leave one of them unserved.
 */
void
chan_cache_slot_offer(long sel)
{
	struct chan_entry *e = entry_of(sel);

	if (!e->used || e->sel != sel || e->slot_tried)
		return;
	if (++e->answered < RPC_SLOT_OFFER_AFTER)
		return;
	e->slot_tried = true;
	e->slot = rpc_slot_offer(e->fd);
}

/*
 * Only channels that carry capabilities get a lane, after their first
 * such call (over the socket): every other channel keeps one descriptor
 * on each side.
 */
void
chan_cache_lane_offer(long sel)
{
	struct chan_entry *e = entry_of(sel);

	if (!e->used || e->sel != sel || !e->slot || e->lane_tried)
		return;
	e->lane_tried = true;
	e->lane = rpc_slot_lane_offer(e->fd);
}

/* the inode of the socket behind sel, 0 if there is none */
static uint64_t
object_of(long sel)
{
	struct lx_file_id id;
	int fd;
	if (!cap_sel_fd(sel, &fd) || lx_fstat_id(fd, &id) != 0)
		return 0;
	return id.ino;
}

void
chan_cache_insert(long sel, uint32_t gen, int fd, uint64_t object)
{
	struct chan_entry *e = entry_of(sel);

	if (!thread_registered)
		thread_register();
	entry_clear(e);
	e->sel = sel;
	e->gen = gen;
	e->fd = fd;
	e->used = true;
	e->object = object;
	e->slot = NULL;
	e->lane = -1;
	e->slot_tried = false;
	e->lane_tried = false;
	e->answered = 0;
}

/*
 * An entry for another selector that is still open under its generation
 * holds its socket alive, so an equal inode means the very same object.
 */
int
chan_cache_share(long sel, uint32_t gen, uint64_t *object_out)
{
	uint64_t object = object_of(sel);
	*object_out = object;
	if (!object)
		return -1;
	for (unsigned i = 0; i < CHAN_CACHE_SIZE; i++) {
		struct chan_entry *e = &cache[i];
		if (!e->used || e->sel == sel || e->object != object ||
		    e->gen != cap_gen_get(e->sel))
			continue;
		int fd = lx_fcntl(e->fd, F_DUPFD_CLOEXEC, 0);
		if (fd < 0)
			return -1;
		chan_cache_insert(sel, gen, fd, object);
		entry_of(sel)->slot_tried = true; /* see chan_cache_slot_offer */
		return fd;
	}
	return -1;
}

void
chan_cache_drop(long sel)
{
	struct chan_entry *e = entry_of(sel);

	if (e->used && e->sel == sel)
		entry_clear(e);
}

/*
 * \brief  Private state of a Linux entrypoint
 *
 * Every socket the entrypoint waits on (an object's end A, a client's
 * channel) is a slot. epoll reports a slot by index and generation, so an
 * event that was already fetched for a slot freed meanwhile (and maybe
 * reused) is recognised as stale and ignored.
 */

#ifndef _BASE_LINUX__IPC__EP_H_
#define _BASE_LINUX__IPC__EP_H_

#include <stdbool.h>
#include <stdint.h>
#include <sys/epoll.h>

#include <base/entrypoint.h>
#include <base/rpc_msg.h>
#include <base/rpc_server.h>

enum slot_kind { SLOT_FREE, SLOT_OBJECT, SLOT_CHANNEL, SLOT_WATCH };

#define SLOT_NONE UINT32_MAX

struct ep_slot {
	int fd;
	uint32_t gen;
	uint8_t kind;
	bool watched;           /* registered with epoll */
	bool closing;           /* channel: its object was dissolved while serving it */
	uint8_t warned;         /* channel: kinds of slot refusals logged already */
	uint32_t link;          /* free: next free slot; channel: its object's slot */
	uint32_t channels;      /* object slot: channel slots linked to it */
	int lane;               /* channel: its slot's lane for descriptors (slot.h), or -1 */
	struct rpc_object *obj; /* object slot: the object */
	struct rpc_slot *page;  /* channel: its shared call slot (slot.h), or NULL */

	/* watch slot (ep_watch.h): what to call when the descriptor is readable */
	void (*watch_fn)(void *arg);
	void *watch_arg;
};

_Static_assert(sizeof(struct ep_slot) <= RPC_OBJECT_CALLER_COST,
               "a caller line costs more than sessions are charged for it");

enum { EP_EVENTS = 16 };

struct entrypoint {
	int epfd;
	struct ep_slot *slots;
	uint32_t count;     /* slots in use or on the free list */
	uint32_t capacity;  /* slots allocated */
	uint32_t free_head; /* SLOT_NONE if empty */
	struct epoll_event events[EP_EVENTS];
	int nevents, next_event;
	uint32_t current; /* channel being served, or SLOT_NONE */
	bool stop;        /* atomic: set by entrypoint_stop from any thread */
	int cancel_fd;    /* socket that wakes a blocked wait for a stop ... */
	int cancel_wr;    /* ... when a byte is written to its peer */
	uint64_t cancel_watch;
	uint32_t hot, hot_gen; /* channel whose slot was served last, or SLOT_NONE */
	unsigned hot_turns;    /* slot calls served since the epoll was last asked */
	struct ep_bell *bell;  /* OWNED: the helper that watches the epoll (ep_bell.c) */
	bool bell_failed;      /* no helper could be made: never wait on a slot */
	struct rpc_msg in, out;
};

/*
 * Take a slot for fd (OWNED by the slot from now on, closed on failure)
 * and watch it for input. STATUS_OUT_OF_MEMORY if that fails.
 */
status_t ep_slot_alloc(struct entrypoint *ep, uint8_t kind, int fd, uint32_t *index);
/* the same with the epoll events to wait for (EPOLLIN, or EPOLLIN | EPOLLET) */
status_t ep_slot_alloc_events(struct entrypoint *ep, uint8_t kind, int fd, uint32_t events,
                              uint32_t *index);

/* close the slot's fd and make the slot free; stale events are ignored */
void ep_slot_free(struct entrypoint *ep, uint32_t index);

/* stop watching a slot without closing it */
void ep_slot_unwatch(struct entrypoint *ep, uint32_t index);

/* the slot an epoll event names, or NULL if it is stale */
struct ep_slot *ep_slot_of_event(struct entrypoint *ep, uint64_t data, uint32_t *index);

/* handle input on an object's socket (connects) or a channel (calls) */
void ep_serve_object(struct entrypoint *ep, uint32_t index);
void ep_serve_channel(struct entrypoint *ep, uint32_t index);

/*
 * Dispatch the call in ep->in that came over the channel index (fd its
 * socket); the reply goes into page if not NULL, else over the socket.
 */
struct rpc_slot;
void ep_dispatch_call(struct entrypoint *ep, uint32_t index, int fd, struct rpc_slot *page);

/*
 * Shared call slots (ep_slot_serve.c). connect: a connect packet on a
 * channel, in ep->in: with a descriptor the offer of a slot, without the
 * doorbell. listen: wait on the slot of the hot channel for a while
 * instead of the epoll; true if a call was served. release: unmap a
 * channel's slot (when the channel goes).
 */
void ep_slot_connect(struct entrypoint *ep, uint32_t index);
bool ep_slot_listen(struct entrypoint *ep);
void ep_slot_release(struct ep_slot *s);

/*
 * The bell (ep_bell.c). arm: before a wait on a slot, have the helper
 * watch the epoll; returns the word (private futex, expected 0) it rings
 * when the epoll has something, or NULL if there is no helper (then do
 * not wait on a slot). stop: end and free the helper (entrypoint_destroy;
 * a byte to cancel_wr wakes it).
 */
struct ep_bell;
uint32_t *ep_bell_arm(struct entrypoint *ep);
void ep_bell_stop(struct entrypoint *ep, int cancel_wr);

/* put a reply (NULL: the call was deferred, its reply comes as a packet) into a slot */
void ep_slot_answer(struct rpc_slot *page, const struct rpc_msg *reply);

#endif /* _BASE_LINUX__IPC__EP_H_ */

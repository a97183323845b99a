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
	uint32_t link;          /* free: next free slot; channel: its object's slot */
	uint32_t channels;      /* object slot: channel slots linked to it */
	struct rpc_object *obj; /* object slot: the object */

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
	struct rpc_msg in, out;
};

/*
 * Take a slot for fd (OWNED by the slot from now on, closed on failure)
 * and watch it for input. STATUS_OUT_OF_MEMORY if that fails.
 */
status_t ep_slot_alloc(struct entrypoint *ep, uint8_t kind, int fd, uint32_t *index);

/* close the slot's fd and make the slot free; stale events are ignored */
void ep_slot_free(struct entrypoint *ep, uint32_t index);

/* stop watching a slot without closing it */
void ep_slot_unwatch(struct entrypoint *ep, uint32_t index);

/* the slot an epoll event names, or NULL if it is stale */
struct ep_slot *ep_slot_of_event(struct entrypoint *ep, uint64_t data, uint32_t *index);

/* handle input on an object's socket (connects) or a channel (calls) */
void ep_serve_object(struct entrypoint *ep, uint32_t index);
void ep_serve_channel(struct entrypoint *ep, uint32_t index);

#endif /* _BASE_LINUX__IPC__EP_H_ */

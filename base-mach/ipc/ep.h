/*
 * \brief  Private state of a GNU Mach entrypoint
 *
 * Everything the entrypoint receives on is a port in one port set, and
 * each port's protected payload says what it is: the address of the
 * record that handles it, its two low bits the kind of record (all of
 * them are at least 4-aligned). So a received message finds its object,
 * watch or async call without a lookup.
 */

#ifndef _BASE_MACH__IPC__EP_H_
#define _BASE_MACH__IPC__EP_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/ep_mach.h>
#include <base/rpc_msg.h>
#include <base/rpc_server.h>

enum ep_tag {
	EP_TAG_OBJECT = 0, /* struct rpc_object */
	EP_TAG_WATCH = 1,  /* struct ep_port_watch */
	EP_TAG_ASYNC = 2,  /* struct ipc_async: the reply port of an async call */
	EP_TAG_WAKE = 3,   /* the entrypoint itself: entrypoint_stop's wake-up */
	EP_TAG_MASK = 3,
};

/* a managed object: its receive right; obj->ep_id is the index */
struct ep_object {
	struct rpc_object *obj;
	mach_port_t port;
};

/* its entrypoint is in the head of the page it was carved from (watch.c) */
struct ep_port_watch {
	mach_port_t port;
	ep_port_fn fn;
	void *arg;
	/* free: the free list; active: the list for ep_watch_of_port */
	union {
		struct ep_port_watch *next_free;
		struct ep_port_watch *next_active;
	};
	struct ep_port_watch *prev_active;
};

struct entrypoint {
	mach_port_t set;
	mach_port_t wake; /* receive right in the set and a send right, one name */
	bool stop;        /* atomic: set by entrypoint_stop from any thread */
	struct ep_object *objects;
	uint32_t count, capacity;
	struct ep_port_watch *watch_free;
	struct ep_port_watch *watch_active; /* the list of ep_watch_of_port */
	void *watch_pages; /* pages the watches are carved from, linked by their heads */
	struct rpc_msg in, out;
	union {
		mach_msg_header_t head;
		uint8_t bytes[EP_MACH_MSG_MAX];
	} rcv;
};

/*
 * Put the receive right port into ep's set with payload (a record's
 * address | its tag). STATUS_OUT_OF_MEMORY if the kernel refuses.
 */
status_t ep_port_join(struct entrypoint *ep, mach_port_t port, uintptr_t payload);

/* destroy a receive right we own (queued messages are destroyed with it) */
void ep_port_destroy(mach_port_t port);

/* the table of managed objects (ep_objects.c) */
status_t ep_objects_add(struct entrypoint *ep, struct rpc_object *obj, mach_port_t port);
void ep_objects_remove(struct entrypoint *ep, uint32_t index);
void ep_objects_free(struct entrypoint *ep);

/* the records of the watches (watch.c); freed all at once with ep */
void ep_watches_free(struct entrypoint *ep);

/*
 * The active watch of the port named port, or NULL. Only for a message
 * that came without its payload: GNU Mach's fast path for exception
 * messages (exception_raise, kern/exception.c) hands the message to a
 * waiting receiver with the port's name, not its protected payload.
 */
struct ep_port_watch *ep_watch_of_port(struct entrypoint *ep, mach_port_t port);

/* handle a message received for an object / for an async call's reply port */
void ep_serve_call(struct entrypoint *ep, struct rpc_object *obj, mach_msg_header_t *h);
struct ipc_async;
void ep_async_reply(struct ipc_async *call, mach_msg_header_t *h);

#endif /* _BASE_MACH__IPC__EP_H_ */

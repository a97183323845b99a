/*
 * \brief  Private state of signals on GNU Mach
 *
 * core keeps the count of every context (doc/platform-mach.md, "Signals";
 * the messages: base-mach/include/signal_mach.h). A context here is core's
 * capability (a send right to core's port) and a wake port of our own,
 * registered at core right after the context came: core sends one WAKE
 * with the whole count when it turned non-zero, we deliver it and
 * acknowledge, and only then may core send the next. A receiver is a port
 * set of its contexts' wake ports; a handler's wake port is watched by its
 * entrypoint.
 */

#ifndef _BASE_MACH__SIGNAL__SIGNAL_MACH_LIB_H_
#define _BASE_MACH__SIGNAL__SIGNAL_MACH_LIB_H_

#include <stdint.h>

#include <base/ep_mach.h>
#include <base/lock.h>
#include <base/signal.h>
#include <base/signal_backing.h>

struct signal_context {
	cap_t cap;                            /* OWNED: core's context, from the backing */
	mach_port_t wake;                     /* OWNED receive right: core's WAKEs */
	const struct signal_backing *backing; /* where it came from, where it goes back */
	void *imprint;
	struct signal_receiver *receiver; /* NULL for a handler */
	uint32_t slot;                    /* receiver: index into its table */
	struct ep_port_watch *watch;      /* handler: the entrypoint's watch */
	signal_handler_fn fn;
	void *arg;
	struct signal_context *next_free; /* in the pool */
};

/*
 * A wake port's protected payload names its context by slot index and
 * generation, never by pointer: a WAKE one thread received while another
 * dissolves the context is recognised as stale instead of touching a
 * record that was freed or reused.
 */
struct signal_slot {
	struct signal_context *ctx; /* NULL: free */
	uint32_t gen;
	uint32_t next_free;
};

struct signal_receiver {
	mach_port_t set;  /* OWNED port set of the wake ports */
	struct lock lock; /* the slot table and every delivery */
	struct signal_slot *slots;
	uint32_t count, capacity, free_head;
};

/* records of contexts (pool.c): never unmapped, reused */
struct signal_context *signal_pool_alloc(void);
void signal_pool_free(struct signal_context *ctx);

/* the own task's name, fetched once */
mach_port_t signal_task(void);

/*
 * A context with core's port (from the backing) and a wake port of ours,
 * heard by nobody yet; the backing's status, STATUS_UNAVAILABLE without
 * one, STATUS_OUT_OF_MEMORY.
 */
status_t signal_context_alloc(void *imprint, struct signal_context **out);

/* the wake port goes, and with it a WAKE still queued; then core's context */
void signal_context_free(struct signal_context *ctx);

/*
 * Hand core the wake port, once the port is heard. core keeps the first
 * REGISTER, and nobody else holds the capability yet. Waits for core's
 * queue of the context only.
 */
void signal_context_register(struct signal_context *ctx);

/* the receiver's part of creating and dissolving a context */
status_t signal_receiver_attach(struct signal_receiver *r, struct signal_context *ctx);
void signal_receiver_detach(struct signal_receiver *r, struct signal_context *ctx);

/*
 * Deliver a WAKE received with payload and num into *out and acknowledge
 * it; false if its context was dissolved meanwhile (receiver.c).
 */
bool signal_receiver_take(struct signal_receiver *r, unsigned long payload, unsigned num,
                          struct signal *out);

/*
 * Acknowledge a delivery of ctx at core, so that core may wake us again.
 * Waits for core only (its port's queue), never for another component.
 */
void signal_ack(const struct signal_context *ctx);

#endif /* _BASE_MACH__SIGNAL__SIGNAL_MACH_LIB_H_ */

/*
 * \brief  core's part of a signal context on GNU Mach, found by the port's name
 *
 * A context is a port whose receive right core keeps, watched by core's
 * entrypoint (doc/platform-mach.md, "Signals"). What core keeps for it
 * besides the generic record (core/signal_context.h) is a slot: the
 * receiver's wake port, the watch, two flags. The port's name IS the
 * slot's address (mach_port_allocate_name), so platform_signal_wake finds
 * the slot of a record's capability without a lookup and without a tree
 * node per context: the slot and the watch together fit in what each
 * context's charge leaves beside the generic record (signal_context.c).
 */

#ifndef _BASE_MACH__CORE__SIGNAL_SLOT_H_
#define _BASE_MACH__CORE__SIGNAL_SLOT_H_

#include <stdint.h>

#include <base/capability.h>
#include <base/ep_mach.h>
#include <base/status.h>

enum {
	SIGNAL_SLOT_REGISTERED = 1,  /* wake is the receiver's port: later REGISTERs are ignored */
	SIGNAL_SLOT_OUTSTANDING = 2, /* a WAKE was sent and not acknowledged yet */
};

struct signal_slot {
	mach_port_t wake; /* send right to the receiver's wake port, or MACH_PORT_NULL */
	union {
		struct ep_port_watch *watch; /* in use: core's entrypoint hears the port */
		struct signal_slot *next;    /* free or parked */
	};
	uint32_t flags;
};

/*
 * A slot with a fresh receive right named after it (no send right yet);
 * STATUS_OUT_OF_MEMORY (core's heap, or the kernel's names).
 */
status_t signal_slot_take(struct signal_slot **out);

/* give back a slot whose port is gone (the name may linger as a dead name) */
void signal_slot_put(struct signal_slot *s);

static inline mach_port_t
signal_slot_name(const struct signal_slot *s)
{
	return (mach_port_t)(uintptr_t)s;
}

/* the slot of one of core's contexts (BORROWED; only core's own) */
static inline struct signal_slot *
signal_slot_of(cap_t ctx)
{
	return (struct signal_slot *)(uintptr_t)ctx.sel;
}

/* the watch's function: SUBMIT, REGISTER, ACK on a context's port (signal_port.c) */
void signal_port_arrived(void *arg, mach_msg_header_t *msg);

#endif /* _BASE_MACH__CORE__SIGNAL_SLOT_H_ */

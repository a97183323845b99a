/*
 * \brief  core's signal contexts on GNU Mach: ports core receives on
 *
 * A context is a receive right of core's, named after its slot
 * (signal_slot.h), with a send right under the same name: the capability
 * core keeps, of which clients get copies. core's entrypoint watches the
 * port (signal_port.c), so submits, the registration of the receiver's
 * wake port and acknowledgements run on the thread that owns the generic
 * records. Mach gives a task one name per port, so two capabilities name
 * one context exactly if their names are equal.
 */

#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "../ipc/ep.h"
#include "core_mach.h"
#include "platform.h"
#include "signal_context.h"
#include "signal_slot.h"
#include <signal_session/connection.h>

/*
 * What core keeps per context on Mach (the slot, and the watch record in
 * the entrypoint's pages) is paid by the context's charge: on i386 the
 * generic record leaves room for it (doc/porting.md, signals at core).
 */
_Static_assert(SIGNAL_RECORD_HEAP_COST + sizeof(struct signal_slot) +
                               sizeof(struct ep_port_watch) <=
                       SIGNAL_SESSION_CONTEXT_COST,
               "what core keeps per context on Mach is paid by the context's charge");

/* the port of a fresh slot: core's send right, the longest queue, the watch */
static status_t
context_serve(struct signal_slot *s)
{
	mach_port_t self = mach_task_self(), name = signal_slot_name(s);

	if (!core_mach_ep ||
	    mach_port_insert_right(self, name, name, MACH_MSG_TYPE_MAKE_SEND) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	/* submits queue while core serves a call; a full queue drops (signal_submit) */
	(void)mach_port_set_qlimit(self, name, MACH_PORT_QLIMIT_MAX);
	return entrypoint_port_watch(core_mach_ep, name, signal_port_arrived, s, &s->watch);
}

/* nothing is shared: the count stays at core (*page invalid) */
status_t
platform_signal_context_alloc(cap_t *ctx, cap_t *page)
{
	struct signal_slot *s;

	if (signal_slot_take(&s) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	s->wake = MACH_PORT_NULL;
	s->flags = 0;
	if (context_serve(s) != STATUS_OK) {
		(void)mach_port_destroy(mach_task_self(), signal_slot_name(s));
		signal_slot_put(s);
		return STATUS_OUT_OF_MEMORY;
	}
	*ctx = (cap_t){(long)signal_slot_name(s)};
	*page = cap_invalid();
	return STATUS_OK;
}

/*
 * Destroying the receive right turns every copy into a dead name: a later
 * submit through one is dropped by the sender (signal_submit). core's own
 * copy goes with one reference; others core still keeps linger under the
 * name until closed (signal_slot.c parks the slot meanwhile).
 */
void
platform_signal_context_free(cap_t ctx, cap_t page)
{
	(void)page;
	struct signal_slot *s = signal_slot_of(ctx);
	mach_port_t self = mach_task_self(), name = signal_slot_name(s);

	entrypoint_port_unwatch(s->watch);
	if (MACH_PORT_VALID(s->wake))
		(void)syscall_mach_port_deallocate(self, s->wake);
	(void)mach_port_mod_refs(self, name, MACH_PORT_RIGHT_RECEIVE, -1);
	(void)syscall_mach_port_deallocate(self, name);
	signal_slot_put(s);
}

/* names are core's own: equal names are one port, the order is the names' */
int
platform_signal_context_compare(cap_t a, cap_t b)
{
	return (a.sel > b.sel) - (a.sel < b.sel);
}

/* WAKE carried what was there; what came since waits here for the next */
unsigned
platform_signal_take(cap_t ctx, cap_t page, struct signal_count *count)
{
	(void)ctx;
	(void)page;
	return signal_count_take(count);
}

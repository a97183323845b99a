/*
 * \brief  Signal receiver: a port set of its contexts' wake ports
 *
 * Waiting happens outside the lock, so that creating and dissolving
 * contexts never waits for a signal; matching a WAKE to its context and
 * the ACK happen inside it, so that a context cannot be dissolved between
 * "received" and the delivery. Each WAKE carries the whole count core had
 * (signal_mach.h), so the delivery is the message.
 */

#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <util/string.h>

#include "signal_mach_lib.h"

enum { SLOT_NONE = UINT32_MAX, SLOTS_MAX = 1u << 16, RECEIVER_PAGE = 4096 };

_Static_assert(sizeof(struct signal_receiver) <= RECEIVER_PAGE, "a receiver fits a page");

status_t
signal_receiver_create(struct signal_receiver **out)
{
	vm_address_t addr = 0;
	struct signal_receiver *r;

	if (syscall_vm_allocate(signal_task(), &addr, RECEIVER_PAGE, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	r = (struct signal_receiver *)addr;
	if (syscall_mach_port_allocate(signal_task(), MACH_PORT_RIGHT_PORT_SET, &r->set) !=
	    KERN_SUCCESS) {
		(void)syscall_vm_deallocate(signal_task(), addr, RECEIVER_PAGE);
		return STATUS_OUT_OF_MEMORY;
	}
	lock_init(&r->lock, false);
	r->free_head = SLOT_NONE;
	*out = r;
	return STATUS_OK;
}

void
signal_receiver_destroy(struct signal_receiver *r)
{
	for (uint32_t i = 0; i < r->count; i++)
		if (r->slots[i].ctx)
			signal_context_dissolve(r->slots[i].ctx);
	(void)mach_port_destroy(signal_task(), r->set);
	if (r->slots)
		(void)syscall_vm_deallocate(signal_task(), (vm_address_t)r->slots,
		                            r->capacity * sizeof(*r->slots));
	(void)syscall_vm_deallocate(signal_task(), (vm_address_t)r, RECEIVER_PAGE);
}

/* a payload's 16 bits of index and 16 of generation */
static unsigned long
slot_payload(uint32_t index, uint32_t gen)
{
	return (unsigned long)(gen & 0xffff) << 16 | index;
}

/* the table doubles: a new mapping, the old one copied and given back */
static bool
slots_grow(struct signal_receiver *r)
{
	uint32_t cap = r->capacity ? r->capacity * 2 : 64;
	vm_address_t addr = 0;

	if (cap > SLOTS_MAX || syscall_vm_allocate(signal_task(), &addr, cap * sizeof(*r->slots),
	                                           TRUE) != KERN_SUCCESS)
		return false;
	if (r->slots) {
		mem_copy((void *)addr, r->slots, r->capacity * sizeof(*r->slots));
		(void)syscall_vm_deallocate(signal_task(), (vm_address_t)r->slots,
		                            r->capacity * sizeof(*r->slots));
	}
	r->slots = (struct signal_slot *)addr;
	r->capacity = cap;
	return true;
}

/* a free slot, reused first */
static bool
slot_take(struct signal_receiver *r, uint32_t *index)
{
	if (r->free_head != SLOT_NONE) {
		*index = r->free_head;
		r->free_head = r->slots[*index].next_free;
		return true;
	}
	if (r->count == r->capacity && !slots_grow(r))
		return false;
	*index = r->count++;
	r->slots[*index].gen = 0;
	return true;
}

static void
slot_put(struct signal_receiver *r, uint32_t index)
{
	struct signal_slot *s = &r->slots[index];

	s->ctx = 0;
	s->gen++; /* WAKEs received for the old context are stale now */
	s->next_free = r->free_head;
	r->free_head = index;
}

status_t
signal_receiver_attach(struct signal_receiver *r, struct signal_context *ctx)
{
	mach_port_t task = signal_task();
	status_t st = STATUS_OUT_OF_MEMORY;
	uint32_t i;

	lock_acquire(&r->lock);
	if (slot_take(r, &i)) {
		if (mach_port_set_protected_payload(
		            task, ctx->wake, slot_payload(i, r->slots[i].gen)) == KERN_SUCCESS &&
		    mach_port_move_member(task, ctx->wake, r->set) == KERN_SUCCESS) {
			r->slots[i].ctx = ctx;
			ctx->receiver = r;
			ctx->slot = i;
			st = STATUS_OK;
		} else
			slot_put(r, i);
	}
	lock_release(&r->lock);
	return st;
}

/* the wake port leaves the set when signal_context_free destroys it */
void
signal_receiver_detach(struct signal_receiver *r, struct signal_context *ctx)
{
	lock_acquire(&r->lock);
	slot_put(r, ctx->slot);
	lock_release(&r->lock);
}

/* turn a WAKE into a delivery; false if its context is gone meanwhile */
bool
signal_receiver_take(struct signal_receiver *r, unsigned long payload, unsigned num,
                     struct signal *out)
{
	uint32_t i = (uint32_t)(payload & 0xffff);
	bool taken = false;

	lock_acquire(&r->lock);
	if (i < r->count && r->slots[i].ctx && (r->slots[i].gen & 0xffff) == payload >> 16) {
		struct signal_context *ctx = r->slots[i].ctx;

		out->context = ctx;
		out->imprint = ctx->imprint;
		out->num = num;
		signal_ack(ctx);
		taken = num > 0;
	}
	lock_release(&r->lock);
	return taken;
}

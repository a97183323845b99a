/*
 * \brief  Slots of core's signal contexts: carved from blocks of core's heap
 *
 * A slot's address is its port's name, so a slot must not move and its
 * address must be a name core may choose: blocks are never given back
 * (the most slots core ever holds were paid by as many contexts at that
 * time), and only addresses below 2^31 are names (higher ones are no
 * selectors, base-mach/ipc/internal.h).
 *
 * A slot's name can be taken when the slot is free: a copy of a context's
 * send right that core keeps elsewhere (a fault handler, an exit signal)
 * stays a dead name under the same name after the free, and GNU Mach
 * hands freed names out again for new rights (measured: a send-once
 * reply right got a context's old name). Such a slot is parked and tried
 * again, one per take, until its name is free.
 */

#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "core_heap.h"
#include "signal_slot.h"

enum { SLOT_BLOCK = 1024, NAME_LIMIT = 0x80000000u };

static struct signal_slot *free_slots;
static struct signal_slot *parked, *parked_tail;

static status_t
slots_grow(void)
{
	void *mem;
	status_t st = heap_alloc(core_heap(), SLOT_BLOCK, &mem);

	if (st != STATUS_OK)
		return st;
	if ((uintptr_t)mem + SLOT_BLOCK > NAME_LIMIT) {
		(void)heap_free(core_heap(), mem);
		return STATUS_OUT_OF_MEMORY;
	}
	for (struct signal_slot *s = mem; (char *)(s + 1) <= (char *)mem + SLOT_BLOCK; s++) {
		s->next = free_slots;
		free_slots = s;
	}
	return STATUS_OK;
}

static void
park(struct signal_slot *s)
{
	s->next = 0;
	if (parked_tail)
		parked_tail->next = s;
	else
		parked = s;
	parked_tail = s;
}

static struct signal_slot *
unpark(void)
{
	struct signal_slot *s = parked;

	if (s) {
		parked = s->next;
		if (!parked)
			parked_tail = 0;
	}
	return s;
}

static kern_return_t
port_at(struct signal_slot *s)
{
	return mach_port_allocate_name(mach_task_self(), MACH_PORT_RIGHT_RECEIVE,
	                               signal_slot_name(s));
}

/* a parked slot first (one try per take, oldest first), then free ones */
status_t
signal_slot_take(struct signal_slot **out)
{
	struct signal_slot *s = unpark();
	kern_return_t kr;

	if (s) {
		if (port_at(s) == KERN_SUCCESS) {
			*out = s;
			return STATUS_OK;
		}
		park(s);
	}
	for (;;) {
		if (!free_slots && slots_grow() != STATUS_OK)
			return STATUS_OUT_OF_MEMORY;
		s = free_slots;
		free_slots = s->next;
		kr = port_at(s);
		if (kr == KERN_SUCCESS) {
			*out = s;
			return STATUS_OK;
		}
		if (kr != KERN_NAME_EXISTS) {
			signal_slot_put(s);
			return STATUS_OUT_OF_MEMORY;
		}
		park(s);
	}
}

void
signal_slot_put(struct signal_slot *s)
{
	s->next = free_slots;
	free_slots = s;
}

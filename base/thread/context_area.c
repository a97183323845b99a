/*
 * \brief  Thread-context area: reservation, slot allocation, self lookup
 */

#include <stdbool.h>

#include <base/internal/thread_context.h>
#include <base/lock.h>

#include "slot.h"

enum area_state { AREA_NONE, AREA_READY, AREA_FAILED };

static struct lock area_lock = LOCK_INIT_UNLOCKED;
static uint32_t area_state; /* enum area_state */
static uintptr_t area_base; /* 0 until the area is reserved */

/* one bit per slot, set while the slot is taken */
static uint32_t slot_bits[THREAD_SLOT_COUNT / 32];

status_t
thread_context_area_init(void)
{
	if (__atomic_load_n(&area_state, __ATOMIC_ACQUIRE) == AREA_READY)
		return STATUS_OK;

	lock_acquire(&area_lock);
	if (__atomic_load_n(&area_state, __ATOMIC_RELAXED) == AREA_NONE) {
		uintptr_t base = platform_context_area_reserve(THREAD_AREA_BASE, THREAD_AREA_SIZE);
		if (base) {
			platform_context_fault_init();
			__atomic_store_n(&area_base, base, __ATOMIC_RELAXED);
		}
		__atomic_store_n(&area_state, base ? AREA_READY : AREA_FAILED, __ATOMIC_RELEASE);
	}
	status_t s = __atomic_load_n(&area_state, __ATOMIC_RELAXED) == AREA_READY
	                     ? STATUS_OK
	                     : STATUS_OUT_OF_MEMORY;
	lock_release(&area_lock);
	return s;
}

struct thread *
thread_myself(void)
{
	/*
	 * The frame address lies on the stack we run on, also under sanitizers
	 * that move locals elsewhere, and needs no architecture-specific code.
	 */
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	uintptr_t base = __atomic_load_n(&area_base, __ATOMIC_RELAXED);

	if (!base || sp - base >= THREAD_AREA_SIZE)
		return NULL;
	return thread_context_control(sp);
}

struct thread *
thread_context_overflowed(uintptr_t fault_addr, uintptr_t sp)
{
	uintptr_t base = __atomic_load_n(&area_base, __ATOMIC_RELAXED);
	uintptr_t slot_mask = ~(uintptr_t)(THREAD_SLOT_SIZE - 1);

	if (!base || fault_addr - base >= THREAD_AREA_SIZE || sp - base >= THREAD_AREA_SIZE)
		return NULL;

	/* a wild access into another thread's guard is no overflow */
	if ((fault_addr & slot_mask) != (sp & slot_mask))
		return NULL;

	/* sp lies in this slot, so its control block is mapped */
	struct thread *t = thread_context_control(sp);
	return fault_addr < t->stack_lo ? t : NULL;
}

uintptr_t
slot_base(unsigned index)
{
	return __atomic_load_n(&area_base, __ATOMIC_RELAXED) + (uintptr_t)index * THREAD_SLOT_SIZE;
}

unsigned
slot_index(const struct thread *t)
{
	return (unsigned)(((uintptr_t)t - __atomic_load_n(&area_base, __ATOMIC_RELAXED)) /
	                  THREAD_SLOT_SIZE);
}

bool
slot_take(unsigned index)
{
	uint32_t bit = 1u << (index % 32);
	return !(__atomic_fetch_or(&slot_bits[index / 32], bit, __ATOMIC_ACQ_REL) & bit);
}

int
slot_take_any(unsigned first)
{
	for (unsigned i = first; i < THREAD_SLOT_COUNT; i++)
		if (slot_take(i))
			return (int)i;
	return -1;
}

void
slot_put(unsigned index)
{
	__atomic_fetch_and(&slot_bits[index / 32], ~(1u << (index % 32)), __ATOMIC_RELEASE);
}

/*
 * \brief  Layout of the thread-context area and its platform interface
 *
 * Internal to the thread library (generic part in base/thread, platform
 * part in base-<platform>/thread). Slot layout, from high to low addresses:
 *
 *   slot top    +--------------------------+
 *               | struct thread (1 page)   |  control block / thread-local data
 *               +--------------------------+
 *               | platform reserve         |  e.g. signal stack, libc TLS
 *    stack_hi   +--------------------------+
 *               | stack, growing down      |
 *    stack_lo   +--------------------------+
 *               | guard, never accessible  |  at least THREAD_GUARD_MIN
 *   slot base   +--------------------------+
 *
 * Slots are aligned to their size, so masking any address inside a slot
 * (such as the stack pointer) yields the slot base and, at a fixed offset,
 * the control block.
 */

#ifndef _INCLUDE__BASE__INTERNAL__THREAD_CONTEXT_H_
#define _INCLUDE__BASE__INTERNAL__THREAD_CONTEXT_H_

#include <stddef.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/status.h>
#include <base/thread.h>

/*
 * Wanted at 1.25 GiB: above the heap of a static binary, which x86_64
 * Linux starts at random up to 1 GiB above the binary (0x40000000 collided
 * about once in 200 starts); below 0x60000000, which Genode's sub_rm test
 * attaches at; below 2 GiB, where ASan's shadow begins; and far below the
 * mappings a 32-bit process stacks down from 3 GiB.
 */
#define THREAD_AREA_BASE    0x50000000u
#define THREAD_AREA_SIZE    0x10000000u
#define THREAD_SLOT_SIZE    0x00100000u
#define THREAD_SLOT_COUNT   (THREAD_AREA_SIZE / THREAD_SLOT_SIZE)
#define THREAD_SLOT_MAIN    0u
#define THREAD_PAGE_SIZE    4096u
#define THREAD_CONTROL_SIZE THREAD_PAGE_SIZE

/*
 * A function whose frame exceeds the guard could jump over it into the
 * neighbouring slot's control block; a generous guard makes that unlikely
 * without compiler stack probing.
 */
#define THREAD_GUARD_MIN (64u * 1024u)

/* bytes of the control block the platform may use for its own state */
#define THREAD_PLATFORM_DATA 64u

enum thread_state {
	THREAD_CREATED, /* slot set up, entry not yet running */
	THREAD_STARTED, /* handed to the platform, must be joined */
	THREAD_MAIN,    /* the main thread, inside thread_main_enter() */
};

struct thread {
	_Alignas(16) unsigned char platform[THREAD_PLATFORM_DATA];
	char name[THREAD_NAME_MAX + 1];
	uint32_t state; /* enum thread_state, changed atomically */
	thread_entry_t entry;
	void *arg;
	void *tls;
	cap_t cpu;          /* the thread's object at core, OWNED by the hooks; or invalid */
	uintptr_t stack_lo; /* lowest stack byte; below it lies the guard */
	uintptr_t stack_hi; /* initial stack pointer, 16-byte aligned */
};

_Static_assert(sizeof(struct thread) <= THREAD_CONTROL_SIZE, "control block exceeds its page");

/* control block of the slot containing addr (addr must lie in the area) */
static inline struct thread *
thread_context_control(uintptr_t addr)
{
	uintptr_t slot_base = addr & ~(uintptr_t)(THREAD_SLOT_SIZE - 1);
	return (struct thread *)(slot_base + THREAD_SLOT_SIZE - THREAD_CONTROL_SIZE);
}

/* generic services for the platform part */

/* reserve the area once; later calls just report the outcome */
status_t thread_context_area_init(void);

/*
 * The thread whose guard region contains fault_addr, provided sp (a stack
 * pointer of the faulting thread, e.g. its signal stack) lies in the same
 * slot; NULL otherwise. Safe to call from a signal handler.
 */
struct thread *thread_context_overflowed(uintptr_t fault_addr, uintptr_t sp);

/* platform hooks */

/*
 * Reserve size inaccessible bytes at wanted; if that range is taken,
 * anywhere else aligned to THREAD_SLOT_SIZE (with a warning). Returns the
 * base, or 0 if nothing could be reserved.
 */
uintptr_t platform_context_area_reserve(uintptr_t wanted, size_t size);

/* report faults in guard regions (see thread_context_overflowed) */
void platform_context_fault_init(void);

/* make [addr, addr + size) of the area accessible, backed on demand */
status_t platform_context_map(uintptr_t addr, size_t size);

/* make it inaccessible again and drop its contents */
void platform_context_unmap(uintptr_t addr, size_t size);

/* bytes between stack_hi and the control block kept by the platform */
size_t platform_thread_reserve(void);

/* set up the platform part of a freshly mapped slot */
status_t platform_thread_prepare(struct thread *thread);

/* run thread->entry(thread->arg) in a new thread on the slot's stack */
status_t platform_thread_start(struct thread *thread);

/* wait until a started thread has finished and left its slot */
void platform_thread_join(struct thread *thread);

/* run thread->entry(thread->arg) in the calling thread on the slot's stack */
void platform_thread_main_run(struct thread *thread);

#endif /* _INCLUDE__BASE__INTERNAL__THREAD_CONTEXT_H_ */

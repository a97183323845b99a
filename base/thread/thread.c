/*
 * \brief  Thread life cycle on top of the context area
 */

#include <base/internal/thread_context.h>
#include <base/internal/thread_cpu.h>
#include <util/string.h>

#include "slot.h"

/* set once by the component's environment, read by every thread after */
static const struct thread_cpu_hooks *cpu_hooks;

void
thread_cpu_hooks_set(const struct thread_cpu_hooks *hooks)
{
	__atomic_store_n(&cpu_hooks, hooks, __ATOMIC_RELEASE);
}

void
thread_cpu_started(struct thread *t)
{
	const struct thread_cpu_hooks *h = __atomic_load_n(&cpu_hooks, __ATOMIC_ACQUIRE);
	if (h && cap_valid(t->cpu))
		h->bind(t);
}

/* largest stack that leaves the control block, reserve and guard in place */
static size_t
stack_max(void)
{
	return THREAD_SLOT_SIZE - THREAD_CONTROL_SIZE - platform_thread_reserve() -
	       THREAD_GUARD_MIN;
}

static void
slot_release(unsigned index)
{
	platform_context_unmap(slot_base(index), THREAD_SLOT_SIZE);
	slot_put(index);
}

/* map the used part of a taken slot and fill in its control block */
static status_t
slot_setup(unsigned index, const char *name, size_t stack_size, thread_entry_t entry, void *arg,
           struct thread **out)
{
	uintptr_t top = slot_base(index) + THREAD_SLOT_SIZE;
	struct thread *t = (struct thread *)(top - THREAD_CONTROL_SIZE);
	uintptr_t stack_hi = (uintptr_t)t - platform_thread_reserve();
	uintptr_t stack_lo = stack_hi - stack_size;

	if (platform_context_map(stack_lo, top - stack_lo) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;

	/* freshly mapped memory is zero, so only the non-zero fields are set */
	str_copy(t->name, name, sizeof(t->name));
	t->entry = entry;
	t->arg = arg;
	t->stack_lo = stack_lo;
	t->stack_hi = stack_hi & ~(uintptr_t)15;
	t->cpu = cap_invalid();

	status_t s = platform_thread_prepare(t);
	if (s != STATUS_OK) {
		platform_context_unmap(stack_lo, top - stack_lo);
		return s;
	}
	*out = t;
	return STATUS_OK;
}

status_t
thread_create(const char *name, size_t stack_size, thread_entry_t entry, void *arg,
              struct thread **out)
{
	if (!name || !entry || !out)
		return STATUS_INVALID_ARGS;

	status_t s = thread_context_area_init();
	if (s != STATUS_OK)
		return s;

	size_t max = stack_max();
	if (stack_size == 0)
		stack_size = THREAD_STACK_DEFAULT;
	if (stack_size > max)
		return STATUS_INVALID_ARGS;
	stack_size = (stack_size + THREAD_PAGE_SIZE - 1) & ~(size_t)(THREAD_PAGE_SIZE - 1);

	/* the main slot is kept for thread_main_enter() */
	int index = slot_take_any(THREAD_SLOT_MAIN + 1);
	if (index < 0)
		return STATUS_OUT_OF_MEMORY;

	s = slot_setup((unsigned)index, name, stack_size, entry, arg, out);
	if (s != STATUS_OK) {
		slot_put((unsigned)index);
		return s;
	}
	/* the thread's object at core, if the component has a CPU session */
	const struct thread_cpu_hooks *h = __atomic_load_n(&cpu_hooks, __ATOMIC_ACQUIRE);
	s = h ? h->create(*out) : STATUS_OK;
	if (s != STATUS_OK)
		slot_release((unsigned)index);
	return s;
}

status_t
thread_start(struct thread *thread)
{
	if (!thread)
		return STATUS_INVALID_ARGS;

	uint32_t expected = THREAD_CREATED;
	if (!__atomic_compare_exchange_n(&thread->state, &expected, THREAD_STARTED, false,
	                                 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return STATUS_CONFLICT;

	status_t s = platform_thread_start(thread);
	if (s != STATUS_OK)
		__atomic_store_n(&thread->state, THREAD_CREATED, __ATOMIC_RELEASE);
	return s;
}

status_t
thread_join(struct thread *thread)
{
	if (!thread || thread == thread_myself())
		return STATUS_INVALID_ARGS;

	uint32_t state = __atomic_load_n(&thread->state, __ATOMIC_ACQUIRE);
	if (state == THREAD_MAIN)
		return STATUS_INVALID_ARGS;
	if (state == THREAD_STARTED)
		platform_thread_join(thread);

	const struct thread_cpu_hooks *h = __atomic_load_n(&cpu_hooks, __ATOMIC_ACQUIRE);
	if (h && cap_valid(thread->cpu))
		h->destroy(thread);
	slot_release(slot_index(thread));
	return STATUS_OK;
}

const char *
thread_name(const struct thread *thread)
{
	return thread ? thread->name : "";
}

void *
thread_tls_get(const struct thread *thread)
{
	return thread ? thread->tls : NULL;
}

void
thread_tls_set(struct thread *thread, void *tls)
{
	if (thread)
		thread->tls = tls;
}

status_t
thread_main_enter(thread_entry_t fn, void *arg)
{
	if (!fn)
		return STATUS_INVALID_ARGS;

	status_t s = thread_context_area_init();
	if (s != STATUS_OK)
		return s;
	if (!slot_take(THREAD_SLOT_MAIN))
		return STATUS_CONFLICT;

	/* main gets the largest stack a slot can hold */
	struct thread *t;
	s = slot_setup(THREAD_SLOT_MAIN, "main", stack_max(), fn, arg, &t);
	if (s != STATUS_OK) {
		slot_put(THREAD_SLOT_MAIN);
		return s;
	}
	t->state = THREAD_MAIN;
	platform_thread_main_run(t);
	slot_release(THREAD_SLOT_MAIN);
	return STATUS_OK;
}

/*
 * \brief  Reservation and mapping of the thread-context area with mmap
 */

#define _GNU_SOURCE
#include <stdio.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <base/internal/thread_context.h>

/* reserved, not committed: the area costs address space only */
#define AREA_PROT  PROT_NONE
#define AREA_FLAGS (MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)

static void
report(const char *level, uintptr_t wanted, size_t size, const char *outcome)
{
	char msg[160];
	int n = snprintf(msg, sizeof(msg), "%s: thread-context area 0x%lx..0x%lx is taken, %s\n",
	                 level, (unsigned long)wanted, (unsigned long)(wanted + size), outcome);
	if (n > 0)
		(void)!lx_write(LX_STDERR, msg, (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg));
}

/* anywhere, aligned to a slot, so that sp masking still finds the slot */
static uintptr_t
reserve_elsewhere(size_t size)
{
	size_t span = size + THREAD_SLOT_SIZE;
	void *p = lx_mmap(NULL, span, AREA_PROT, AREA_FLAGS, -1, 0);
	if (p == MAP_FAILED)
		return 0;

	uintptr_t start = (uintptr_t)p;
	uintptr_t base = (start + THREAD_SLOT_SIZE - 1) & ~(uintptr_t)(THREAD_SLOT_SIZE - 1);
	if (base > start)
		lx_munmap(p, base - start);
	if (base + size < start + span)
		lx_munmap((void *)(base + size), start + span - (base + size));
	return base;
}

uintptr_t
platform_context_area_reserve(uintptr_t wanted, size_t size)
{
	/* NOREPLACE: never clobber a mapping that happens to be there */
	void *p = lx_mmap((void *)wanted, size, AREA_PROT, AREA_FLAGS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == (void *)wanted)
		return wanted;

	/* kernels before 4.17 treat the flag as a mere hint */
	if (p != MAP_FAILED)
		lx_munmap(p, size);

	uintptr_t base = reserve_elsewhere(size);
	if (base) {
		char where[64];
		snprintf(where, sizeof(where), "using 0x%lx instead", (unsigned long)base);
		report("Warning", wanted, size, where);
	} else {
		report("Error", wanted, size, "and no other range is free: threads unavailable");
	}
	return base;
}

status_t
platform_context_map(uintptr_t addr, size_t size)
{
	return lx_mprotect((void *)addr, size, PROT_READ | PROT_WRITE) == 0 ? STATUS_OK
	                                                                    : STATUS_OUT_OF_MEMORY;
}

void
platform_context_unmap(uintptr_t addr, size_t size)
{
	/*
	 * Mapping fresh PROT_NONE pages over the range drops the old pages and
	 * restores the reservation in one step, with no window in which
	 * another mmap could take the range.
	 */
	(void)lx_mmap((void *)addr, size, AREA_PROT, AREA_FLAGS | MAP_FIXED, -1, 0);
}

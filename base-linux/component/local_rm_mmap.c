/*
 * \brief  The local region map's mapping calls on Linux: mmap
 *
 * A reservation is an anonymous PROT_NONE mapping without swap
 * reservation; a region replaces part of it with MAP_FIXED, a hole puts
 * the anonymous PROT_NONE mapping back. Regions are always MAP_SHARED,
 * so what one view writes every other view and every other component
 * sees; a read-only backing (a ROM module, a sealed memfd) is mapped
 * PROT_READ and cannot be made writable afterwards.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>

#include <base/internal/local_rm_platform.h>
#include <base/internal/lx_mem.h>

enum { RESERVE_FLAGS = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE };

status_t
local_rm_platform_reserve(uint64_t size, bool at, uint64_t addr, uint64_t *base)
{
	void *want = at ? (void *)(uintptr_t)addr : NULL;
	int flags = RESERVE_FLAGS | (at ? MAP_FIXED_NOREPLACE : 0);
	void *p = lx_mmap(want, (size_t)size, PROT_NONE, flags, -1, 0);
	if (p == MAP_FAILED)
		return errno == EEXIST ? STATUS_CONFLICT : STATUS_OUT_OF_MEMORY;
	if (at && p != want) {
		/* a kernel without MAP_FIXED_NOREPLACE took it as a hint */
		lx_munmap(p, (size_t)size);
		return STATUS_CONFLICT;
	}
	*base = (uintptr_t)p;
	return STATUS_OK;
}

status_t
local_rm_platform_map(uint64_t addr, uint64_t size, cap_t backing, uint64_t offset, bool writable)
{
	int prot = PROT_READ | (writable ? PROT_WRITE : 0);
	void *p = lx_mmap((void *)(uintptr_t)addr, (size_t)size, prot, MAP_SHARED | MAP_FIXED,
	                  (int)backing.sel, offset);
	return p == MAP_FAILED ? STATUS_INVALID_ARGS : STATUS_OK;
}

status_t
local_rm_platform_clear(uint64_t addr, uint64_t size)
{
	void *p = lx_mmap((void *)(uintptr_t)addr, (size_t)size, PROT_NONE,
	                  RESERVE_FLAGS | MAP_FIXED, -1, 0);
	return p == MAP_FAILED ? STATUS_OUT_OF_MEMORY : STATUS_OK;
}

void
local_rm_platform_release(uint64_t base, uint64_t size)
{
	lx_munmap((void *)(uintptr_t)base, (size_t)size);
}

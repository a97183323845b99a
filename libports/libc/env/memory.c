/*
 * \brief  C runtime: anonymous memory on RAM dataspaces
 *
 * Every anonymous mmap of the component (musl's malloc, thread stacks) is
 * a RAM dataspace of the component's own RAM session, so it is paid from
 * the component's quota like everything else, and an exhausted quota is
 * ENOMEM for malloc instead of a kill. Until the environment exists (the
 * framework's own start already runs on musl) the platform lends its
 * memory (libc-plugin/platform.h); those first mappings are the
 * framework's, never freed through RAM.
 *
 * The records of the mappings live in pages taken the same way, chained,
 * never returned: malloc cannot be used here, since malloc calls us.
 * munmap releases a mapping when the range covers it whole; a part of
 * one stays mapped (musl's allocator never asks for that).
 */

#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include <base/lock.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <libc-plugin/platform.h>
#include <ram_session/client.h>

#include "libc_env.h"

enum { PAGE = 4096 };

struct mapping {
	uintptr_t addr;
	size_t size;
	dataspace_cap_t ds;
	struct mapping *next;
};

enum { RECORDS_PER_PAGE = PAGE / sizeof(struct mapping) };

static struct lock memory_lock = LOCK_INIT_UNLOCKED;
static struct mapping *used, *spare;

/* a RAM dataspace of size bytes mapped read-write; under memory_lock */
static long
ram_map(size_t size, dataspace_cap_t *ds, void **addr)
{
	ram_session_cap_t ram = env_ram(libc_env);
	if (ram_session_alloc(ram, size, ds) != STATUS_OK)
		return -ENOMEM;
	size_t mapped = 0;
	if (dataspace_map_writable(*ds, addr, &mapped) != STATUS_OK) {
		(void)ram_session_free(ram, *ds);
		cap_close(cap_raw(*ds));
		return -ENOMEM;
	}
	return 0;
}

/* a free record, with a fresh page of them if none is left; under memory_lock */
static struct mapping *
record_take(void)
{
	if (!spare) {
		dataspace_cap_t ds;
		void *page;
		if (ram_map(PAGE, &ds, &page) < 0)
			return NULL;
		struct mapping *m = page;
		for (unsigned i = 0; i < RECORDS_PER_PAGE; i++) {
			m[i].next = spare;
			spare = &m[i];
		}
	}
	struct mapping *m = spare;
	spare = m->next;
	return m;
}

static long
memory_map(size_t len, int prot, int flags)
{
	if (!len || (flags & MAP_FIXED) || !(flags & MAP_ANONYMOUS) || (prot & PROT_EXEC))
		return (prot & PROT_EXEC) ? -EPERM
		                          : -ENODEV; /* files map through plugins: none do yet */
	size_t size = (len + PAGE - 1) & ~(size_t)(PAGE - 1);
	if (size < len)
		return -ENOMEM;
	lock_acquire(&memory_lock);
	struct mapping *m = record_take();
	void *addr = NULL;
	long r = m ? ram_map(size, &m->ds, &addr) : -ENOMEM;
	if (r == 0) {
		m->addr = (uintptr_t)addr;
		m->size = size;
		m->next = used;
		used = m;
		r = (long)addr;
	} else if (m) {
		m->next = spare;
		spare = m;
	}
	lock_release(&memory_lock);
	return r;
}

/* 2: a mapping inside the range released, 1: one only overlaps it, 0: none of ours */
static int
memory_unmap(uintptr_t addr, size_t len)
{
	lock_acquire(&memory_lock);
	struct mapping **at = &used;
	while (*at && !(addr <= (*at)->addr && (*at)->addr + (*at)->size <= addr + len) &&
	       !((*at)->addr <= addr && addr < (*at)->addr + (*at)->size))
		at = &(*at)->next;
	struct mapping *m = *at;
	bool whole = m && addr <= m->addr && m->addr + m->size <= addr + len;
	if (whole) {
		*at = m->next;
		dataspace_unmap((void *)m->addr, m->size);
		(void)ram_session_free(env_ram(libc_env), m->ds);
		cap_close(cap_raw(m->ds));
		m->next = spare;
		spare = m;
	}
	lock_release(&memory_lock);
	return whole ? 2 : m ? 1 : 0;
}

long
libc_memory_syscall(long nr, long a, long b, long c, long d, long e, long f, bool *served)
{
	*served = true;
	switch (nr) {
#ifdef SYS_mmap2 /* 32-bit architectures: offset in pages, none for anonymous memory */
	case SYS_mmap2:
#endif
	case SYS_mmap:
		if (libc_env)
			return memory_map((size_t)b, (int)c, (int)d);
		break; /* before the environment: the platform's */
	case SYS_munmap:
		/* a range may cover several mappings: release each */
		if (libc_env) {
			int r, any = 0;
			while ((r = memory_unmap((uintptr_t)a, (size_t)b)) == 2)
				any = 1;
			if (any || r)
				return 0;
		}
		break;
	case SYS_mremap:
		return -ENOMEM; /* musl's realloc then copies */
	case SYS_madvise:
		return 0; /* advice only */
	default:
		break;
	}
	*served = false;
	return -ENOSYS;
}

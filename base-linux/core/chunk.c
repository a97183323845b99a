/*
 * \brief  Chunks of core's heap on Linux: anonymous private mappings
 *
 * Private to core: no descriptor, so no component can ever map them.
 */

#define _GNU_SOURCE
#include <sys/mman.h>

#include "platform.h"

status_t
platform_chunk_alloc(size_t size, void **addr)
{
	void *p = mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return STATUS_OUT_OF_MEMORY;
	*addr = p;
	return STATUS_OK;
}

void
platform_chunk_free(void *addr, size_t size)
{
	(void)munmap(addr, size);
}

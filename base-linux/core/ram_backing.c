/*
 * \brief  core's RAM on Linux: one memfd per dataspace
 *
 * A memfd is anonymous memory with a descriptor, so a client maps exactly
 * the dataspace it got the descriptor of (map_handle) and nothing else.
 *
 * At the free core truncates it to 0 before closing its descriptor: every
 * mapping of it, in any process, faults (SIGBUS) from then on and its
 * pages return at once, although clients still hold descriptors and
 * mappings. Closing alone would leave the memory to whoever kept a
 * mapping, while the quota read as returned.
 *
 * Sealed against growing (a write() past the end by a client would take
 * memory nobody pays for) and against further seals (a client must not
 * stop core's truncation). Shrinking is core's alone: the sandbox forbids
 * ftruncate and fallocate, and madvise(MADV_REMOVE) (doc/sandbox.md), so a
 * client cannot take the pages from under another component that maps
 * the dataspace too (a server mapping a client's packet-stream region).
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <base/log.h>

#include "platform.h"

status_t
platform_ram_alloc(void *ctx, uint64_t size, uint64_t *handle)
{
	(void)ctx;
	int fd = memfd_create("ram", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	if (ftruncate(fd, (off_t)size) != 0 ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SEAL) != 0) {
		close(fd);
		return STATUS_OUT_OF_MEMORY;
	}
	*handle = (uint64_t)fd;
	return STATUS_OK;
}

void
platform_ram_free(void *ctx, uint64_t handle, uint64_t size)
{
	(void)ctx;
	/* the pages go now, not when the last client unmaps */
	if (ftruncate((int)handle, 0) != 0)
		log_error("core: cannot truncate a freed dataspace of %llu bytes",
		          (unsigned long long)size);
	close((int)handle);
}

/* core keeps nothing of its own per dataspace: the memfd's pages are the dataspace */
uint64_t
platform_ram_meta(uint64_t size)
{
	(void)size;
	return 0;
}

cap_t
platform_ram_backing(uint64_t handle)
{
	return (cap_t){(long)handle};
}

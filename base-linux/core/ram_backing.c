/*
 * \brief  core's RAM on Linux: one memfd per dataspace
 *
 * A memfd is anonymous memory with a descriptor, so a client maps exactly
 * the dataspace it got the descriptor of (map_handle) and nothing else.
 * The memory goes away when core closes its descriptor at the free and
 * every client unmapped it. Its size is sealed: a client holding the
 * descriptor cannot shrink it under another component that maps it too
 * (a server mapping a client's packet-stream region would fault on the
 * lost pages), nor add seals of its own.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "platform.h"

status_t
platform_ram_alloc(void *ctx, uint64_t size, uint64_t *handle)
{
	(void)ctx;
	int fd = memfd_create("ram", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	if (ftruncate(fd, (off_t)size) != 0 ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0) {
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
	(void)size;
	close((int)handle);
}

cap_t
platform_ram_backing(uint64_t handle)
{
	return (cap_t){(long)handle};
}

/*
 * \brief  Dataspaces on Linux: the backing is a file descriptor
 *
 * core backs a ROM dataspace with the boot module's file, opened
 * read-only; init backs a child's config with a sealed memfd. Both are
 * mapped with PROT_READ, so a write faults.
 */

#define _GNU_SOURCE
#include <fcntl.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <dataspace/client.h>
#include <dataspace/map.h>

status_t
dataspace_map_readonly(dataspace_cap_t ds, const char **addr, size_t *size)
{
	uint64_t bytes = 0;
	cap_t backing = cap_invalid();
	status_t s = dataspace_size(ds, &bytes);
	if (s != STATUS_OK)
		return s;
	if (bytes == 0) {
		static const char empty[1];
		*addr = empty;
		*size = 0;
		return STATUS_OK;
	}
	s = dataspace_map_handle(ds, &backing);
	if (s != STATUS_OK)
		return s;
	void *p = lx_mmap(NULL, (size_t)bytes, PROT_READ, MAP_PRIVATE, (int)backing.sel, 0);
	cap_close(backing); /* the mapping keeps the memory */
	if (p == MAP_FAILED)
		return STATUS_INVALID_ARGS;
	*addr = p;
	*size = (size_t)bytes;
	return STATUS_OK;
}

status_t
dataspace_map_writable(dataspace_cap_t ds, void **addr, size_t *size)
{
	uint64_t bytes = 0;
	bool writable = false;
	cap_t backing = cap_invalid();
	status_t s = dataspace_size(ds, &bytes);
	if (s == STATUS_OK)
		s = dataspace_writable(ds, &writable);
	if (s == STATUS_OK && (!writable || bytes == 0))
		s = STATUS_DENIED;
	if (s == STATUS_OK)
		s = dataspace_map_handle(ds, &backing);
	if (s != STATUS_OK)
		return s;
	void *p = lx_mmap(NULL, (size_t)bytes, PROT_READ | PROT_WRITE, MAP_SHARED, (int)backing.sel,
	                  0);
	cap_close(backing); /* the mapping keeps the memory */
	if (p == MAP_FAILED)
		return STATUS_OUT_OF_MEMORY;
	*addr = p;
	*size = (size_t)bytes;
	return STATUS_OK;
}

void
dataspace_unmap(void *addr, size_t size)
{
	lx_munmap(addr, size);
}

status_t
dataspace_backing_from_bytes(const char *bytes, size_t len, cap_t *backing)
{
	int fd = lx_memfd_create("rom", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	for (size_t done = 0; done < len;) {
		long n = lx_write(fd, bytes + done, len - done);
		if (n <= 0) {
			lx_close(fd);
			return STATUS_OUT_OF_MEMORY;
		}
		done += (size_t)n;
	}
	/* nobody, not even we, can change what the clients see */
	lx_fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
	backing->sel = fd;
	return STATUS_OK;
}

/*
 * \brief  Pages shared with an untrusted process: memfds of sealed size
 */

#define _GNU_SOURCE
#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>

#include "sealed_page.h"

enum { ZERO_CHUNK = 4096 };

int
sealed_page_create(const char *name, size_t size)
{
	static const char zero[ZERO_CHUNK];
	int fd = lx_memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	size_t done = 0;

	if (fd < 0)
		return -1;
	while (done < size) {
		size_t n = size - done < ZERO_CHUNK ? size - done : ZERO_CHUNK;
		if (lx_write(fd, zero, n) != (long)n)
			break;
		done += n;
	}
	if (done < size || lx_fcntl(fd, F_ADD_SEALS, SEALED_PAGE_SEALS) < 0) {
		lx_close(fd);
		return -1;
	}
	return fd;
}

const char *
sealed_page_refusal(int fd, size_t size)
{
	struct lx_file_id id;
	int seals = lx_fcntl(fd, F_GET_SEALS, 0);

	if (seals < 0)
		return "not a memfd";
	if ((seals & SEALED_PAGE_SEALS) != SEALED_PAGE_SEALS)
		return "its size is not sealed";
	if (lx_fstat_id(fd, &id) != 0 || id.size < size)
		return "too small";
	return NULL;
}

void *
sealed_page_map(int fd, size_t size)
{
	void *p;

	if (sealed_page_refusal(fd, size))
		return NULL;
	p = lx_mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	return p == MAP_FAILED ? NULL : p;
}

/*
 * \brief  Memory mappings without the C library
 *
 * Conventions: lx_syscall.h. i386 maps by mmap2, whose offset counts
 * pages: base-linux/arch/<arch>/lx_abi.c. The constants (PROT_*, MAP_*,
 * MFD_*) are the kernel's in every C library.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_MEM_H_
#define _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_MEM_H_

#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h> /* constants only */

#include <base/internal/lx_syscall.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* the mapping's address, or MAP_FAILED with errno set */
void *lx_mmap(void *addr, size_t len, int prot, int flags, int fd, uint64_t offset);

static inline int
lx_munmap(void *addr, size_t len)
{
	return (int)lx_result(lx_syscall2(SYS_munmap, LX_ARG(addr), LX_ARG(len)));
}

static inline int
lx_mprotect(void *addr, size_t len, int prot)
{
	return (int)lx_result(lx_syscall3(SYS_mprotect, LX_ARG(addr), LX_ARG(len), prot));
}

static inline int
lx_memfd_create(const char *name, unsigned flags)
{
	return (int)lx_result(lx_syscall2(SYS_memfd_create, LX_ARG(name), LX_ARG(flags)));
}

#endif /* _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_MEM_H_ */

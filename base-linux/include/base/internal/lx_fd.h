/*
 * \brief  Descriptors without the C library: close, read, write, fcntl, fstat
 *
 * Conventions: lx_syscall.h. fcntl and fstat have other numbers and
 * structures on i386 (fcntl64, fstat64): base-linux/arch/<arch>/lx_abi.c.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_FD_H_
#define _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_FD_H_

#include <stddef.h>
#include <stdint.h>

#include <base/internal/lx_syscall.h>

/* the kernel's struct iovec (the same in every C library, but not its type) */
struct lx_iovec {
	void *base;
	size_t len;
};

/* what the framework takes from fstat: which file, and its type */
struct lx_file_id {
	uint64_t dev;
	uint64_t ino;
	uint32_t mode;
	uint64_t size; /* bytes (a memfd's length, which a shared slot must have) */
};

#define LX_S_IFMT 0170000u /* the file-type bits of mode */

enum { LX_STDOUT = 1, LX_STDERR = 2 };

/* preadv2's flag (linux/fs.h; musl 1.2.3's headers lack it) */
#define LX_RWF_NOWAIT 0x00000008

static inline int
lx_close(int fd)
{
	return (int)lx_result(lx_syscall1(SYS_close, fd));
}

static inline long
lx_read(int fd, void *buf, size_t len)
{
	return lx_result(lx_syscall3(SYS_read, fd, LX_ARG(buf), LX_ARG(len)));
}

static inline long
lx_write(int fd, const void *buf, size_t len)
{
	return lx_result(lx_syscall3(SYS_write, fd, LX_ARG(buf), LX_ARG(len)));
}

/*
 * preadv2 at offset pos (-1: the file position), split into two longs
 * as the kernel wants it: on 64-bit the high half is shifted out.
 */
static inline long
lx_preadv2(int fd, const struct lx_iovec *iov, int count, int64_t pos, int flags)
{
	return lx_result(lx_syscall6(SYS_preadv2, fd, LX_ARG(iov), count, (long)pos,
	                             (long)((uint64_t)pos >> 32), flags));
}

/* fcntl with an integer argument (the only kind the framework uses) */
int lx_fcntl(int fd, int cmd, long arg);

/* fstat, reduced to the identity of the file and its type */
int lx_fstat_id(int fd, struct lx_file_id *id);

#endif /* _BASE_LINUX__INCLUDE__BASE__INTERNAL__LX_FD_H_ */

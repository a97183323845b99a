/*
 * \brief  C runtime: the file and socket system calls musl makes
 *
 * Decodes one call into the operation on the descriptor table or the
 * plugin that serves it. *served is false for a call that is not about
 * files or sockets at all: the caller (syscall.c) asks the other parts of
 * the runtime. Numbers are the kernel's (<sys/syscall.h>); where an
 * architecture lacks a call (SYS_open on newer ones) its case is left out.
 */

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "file.h"

static long
dispatch_path(long nr, long a, long b, long c, long d, long e, bool *served)
{
	switch (nr) {
#ifdef SYS_open
	case SYS_open:
		return libc_file_open(AT_FDCWD, (const char *)a, (int)b);
#endif
	case SYS_openat:
		return libc_file_open((int)a, (const char *)b, (int)c);
#ifdef SYS_stat
	case SYS_stat:
	case SYS_lstat:
		return libc_file_stat(AT_FDCWD, (const char *)a, (struct stat *)b);
#endif
#ifdef SYS_newfstatat
	case SYS_newfstatat:
#endif
#ifdef SYS_fstatat64
	case SYS_fstatat64:
#endif
		if ((d & AT_EMPTY_PATH) && b && !*(const char *)b)
			return libc_file_fstat((int)a, (struct stat *)c);
		return libc_file_stat((int)a, (const char *)b, (struct stat *)c);
#ifdef SYS_access
	case SYS_access:
		return libc_file_access(AT_FDCWD, (const char *)a, (int)b);
#endif
	case SYS_faccessat:
		return libc_file_access((int)a, (const char *)b, (int)c);
	case SYS_statx:
		return libc_file_statx((int)a, (const char *)b, (int)c, (void *)e);
	default:
		*served = false;
		return -ENOSYS;
	}
}

#ifdef SYS__llseek
/* 32-bit architectures: the offset in two halves, the result through a pointer */
static long
llseek_call(int fd, long high, long low, int64_t *result, int whence)
{
	int64_t offset = (int64_t)(((uint64_t)(unsigned long)high << 32) | (unsigned long)low);
	long r = libc_file_lseek(fd, offset, whence);
	if (r >= 0)
		*result = r;
	return r < 0 ? r : 0;
}
#endif

static long
dispatch_fd(long nr, long a, long b, long c, long d, long e, bool *served)
{
	switch (nr) {
	case SYS_close:
		return libc_fd_close((int)a);
	case SYS_read:
		return libc_file_read((int)a, (void *)b, (size_t)c);
	case SYS_write:
		return libc_file_write((int)a, (const void *)b, (size_t)c);
	case SYS_readv:
		return libc_file_rwv((int)a, (const struct iovec *)b, (int)c, false);
	case SYS_writev:
		return libc_file_rwv((int)a, (const struct iovec *)b, (int)c, true);
	case SYS_lseek:
		return libc_file_lseek((int)a, (int64_t)b, (int)c);
#ifdef SYS__llseek
	case SYS__llseek:
		return llseek_call((int)a, b, c, (int64_t *)d, (int)e);
#endif
#ifdef SYS_fstat
	case SYS_fstat:
		return libc_file_fstat((int)a, (struct stat *)b);
#endif
	case SYS_ioctl:
		return libc_file_ioctl((int)a, (unsigned long)b, (void *)c);
#ifdef SYS_fcntl64
	case SYS_fcntl64:
#endif
	case SYS_fcntl:
		return libc_file_fcntl((int)a, (int)b, c);
	case SYS_dup:
		return libc_fd_dup((int)a, 0, 0, false, false);
#ifdef SYS_dup2
	case SYS_dup2:
		return libc_fd_dup((int)a, (int)b, 0, false, true);
#endif
	case SYS_dup3:
		if ((c & ~O_CLOEXEC) || a == b)
			return -EINVAL;
		return libc_fd_dup((int)a, (int)b, 0, c & O_CLOEXEC, true);
	case SYS_fsync:
	case SYS_fdatasync: {
		struct stat st;
		return libc_file_fstat((int)a, &st) < 0 ? -EBADF : 0;
	}
	default:
		return dispatch_path(nr, a, b, c, d, e, served);
	}
}

static long
dispatch_socket(long nr, long a, long b, long c, long d, long e, long f, bool *served)
{
	switch (nr) {
	case SYS_socket:
		return libc_socket_create((int)a, (int)b, (int)c);
#ifdef SYS_accept
	case SYS_accept:
		return libc_socket_accept((int)a, (struct sockaddr *)b, (uint32_t *)c, 0);
#endif
	case SYS_accept4:
		return libc_socket_accept((int)a, (struct sockaddr *)b, (uint32_t *)c, (int)d);
	case SYS_bind:
	case SYS_connect:
	case SYS_listen:
	case SYS_sendto:
	case SYS_recvfrom:
	case SYS_sendmsg:
	case SYS_recvmsg:
	case SYS_shutdown:
	case SYS_getsockopt:
	case SYS_setsockopt:
	case SYS_getsockname:
	case SYS_getpeername:
		return libc_socket_call(nr, a, b, c, d, e, f);
	case SYS_socketpair:
		return -EOPNOTSUPP;
#ifdef SYS_poll
	case SYS_poll:
		return libc_poll((struct pollfd *)a, (unsigned long)b, (int)c);
#endif
	default:
		return dispatch_fd(nr, a, b, c, d, e, served);
	}
}

long
libc_dispatch(long nr, long a, long b, long c, long d, long e, long f, bool *served)
{
	*served = true;
	return dispatch_socket(nr, a, b, c, d, e, f, served);
}

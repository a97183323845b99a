/*
 * \brief  C runtime: file and socket calls of the dispatcher
 *
 * Kernel-style results (>= 0 or -errno), arguments as the system call
 * has them.
 */

#ifndef _LIBPORTS__LIBC__FILE_H_
#define _LIBPORTS__LIBC__FILE_H_

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

struct iovec;
struct pollfd;

long libc_file_open(int dirfd, const char *path, int flags);
long libc_file_read(int fd, void *buf, size_t len);
long libc_file_write(int fd, const void *buf, size_t len);
long libc_file_rwv(int fd, const struct iovec *iov, int count, bool write);
long libc_file_lseek(int fd, int64_t offset, int whence);
long libc_file_fstat(int fd, struct stat *st);
long libc_file_stat(int dirfd, const char *path, struct stat *st);
long libc_file_statx(int dirfd, const char *path, int flags, void *out);
long libc_file_access(int dirfd, const char *path, int mode);
long libc_file_ioctl(int fd, unsigned long request, void *arg);
long libc_file_fcntl(int fd, int cmd, long arg);

long libc_socket_create(int domain, int type, int protocol);
long libc_socket_accept(int fd, struct sockaddr *addr, uint32_t *len, int flags);
long libc_socket_call(long nr, long a, long b, long c, long d, long e, long f);
long libc_poll(struct pollfd *fds, unsigned long count, int timeout_ms);

#endif /* _LIBPORTS__LIBC__FILE_H_ */

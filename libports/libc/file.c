/*
 * \brief  C runtime: file calls, dispatched to the plugin of a descriptor
 *
 * Every function answers like the kernel (>= 0 or -errno). Paths are
 * absolute as plugins see them: the working directory is always "/".
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include "file.h"

/* what a plugin answers for an operation it does not offer */
#define OP(open, op, missing, ...) \
	((open)->plugin->op ? (open)->plugin->op(__VA_ARGS__) : (missing))

static long
path_absolute(const char *path, char *buf, size_t size)
{
	if (!path)
		return -EFAULT;
	size_t len = strnlen(path, LIBC_PATH_MAX);
	if (len == 0)
		return -ENOENT;
	if (len >= LIBC_PATH_MAX || len + 2 > size)
		return -ENAMETOOLONG;
	size_t at = 0;
	if (path[0] != '/')
		buf[at++] = '/';
	memcpy(buf + at, path, len + 1);
	return 0;
}

long
libc_file_open(int dirfd, const char *path, int flags)
{
	char abs[LIBC_PATH_MAX];
	long r = path_absolute(path, abs, sizeof(abs));
	if (r < 0)
		return r;
	if (path[0] != '/' && dirfd != AT_FDCWD)
		return -ENOTDIR; /* no directories are descriptors here */
	const struct libc_plugin *p = libc_plugin_for_path(abs);
	if (!p || !p->open)
		return (flags & O_CREAT) ? -EROFS : -ENOENT;
	struct libc_file *f = NULL;
	r = p->open(abs, flags, &f);
	if (r < 0)
		return r;
	int status = flags & (O_ACCMODE | O_APPEND | O_NONBLOCK);
	r = libc_fd_alloc(p, f, status, 0, flags & O_CLOEXEC);
	if (r < 0 && p->close)
		p->close(f);
	return r;
}

long
libc_file_read(int fd, void *buf, size_t len)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	r = (o->status_flags & O_ACCMODE) == O_WRONLY ? -EBADF
	                                              : OP(o, read, -EINVAL, o->file, buf, len);
	libc_fd_put(o);
	return r;
}

long
libc_file_write(int fd, const void *buf, size_t len)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	r = (o->status_flags & O_ACCMODE) == O_RDONLY ? -EBADF
	                                              : OP(o, write, -EINVAL, o->file, buf, len);
	libc_fd_put(o);
	return r;
}

/* readv and writev: one plugin call per vector entry, stopping short like the kernel */
long
libc_file_rwv(int fd, const struct iovec *iov, int count, bool write)
{
	if (count < 0 || count > 1024)
		return -EINVAL;
	long total = 0;
	for (int i = 0; i < count; i++) {
		if (!iov[i].iov_len)
			continue;
		long r = write ? libc_file_write(fd, iov[i].iov_base, iov[i].iov_len)
		               : libc_file_read(fd, iov[i].iov_base, iov[i].iov_len);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((size_t)r < iov[i].iov_len)
			break;
	}
	return total;
}

long
libc_file_lseek(int fd, int64_t offset, int whence)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	r = OP(o, lseek, -ESPIPE, o->file, offset, whence);
	libc_fd_put(o);
	return r;
}

long
libc_file_fstat(int fd, struct stat *st)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	memset(st, 0, sizeof(*st));
	r = OP(o, fstat, 0, o->file, st);
	libc_fd_put(o);
	return r;
}

/* stat of a path: open it read-only for a moment */
long
libc_file_stat(int dirfd, const char *path, struct stat *st)
{
	long fd = libc_file_open(dirfd, path, O_RDONLY);
	if (fd < 0)
		return fd;
	long r = libc_file_fstat((int)fd, st);
	(void)libc_fd_close((int)fd);
	return r;
}

long
libc_file_access(int dirfd, const char *path, int mode)
{
	char abs[LIBC_PATH_MAX];
	long r = path_absolute(path, abs, sizeof(abs));
	if (r < 0)
		return r;
	if (path[0] != '/' && dirfd != AT_FDCWD)
		return -ENOTDIR;
	if (!libc_plugin_for_path(abs))
		return -ENOENT;
	return (mode & (W_OK | X_OK)) ? -EACCES : 0;
}

long
libc_file_ioctl(int fd, unsigned long request, void *arg)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	r = OP(o, ioctl, -ENOTTY, o->file, request, arg);
	libc_fd_put(o);
	return r;
}

/*
 * statx, the kernel's own layout (stable on every architecture): musl on
 * 32-bit architectures with a 64-bit time_t asks for it first. Built from
 * the plugin's struct stat.
 */
struct kernel_statx_time {
	int64_t sec;
	uint32_t nsec;
	int32_t pad;
};

struct kernel_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct kernel_statx_time atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t spare[14];
};

long
libc_file_statx(int dirfd, const char *path, int flags, void *out)
{
	struct stat st;
	long r = (flags & AT_EMPTY_PATH) && path && !*path ? libc_file_fstat(dirfd, &st)
	                                                   : libc_file_stat(dirfd, path, &st);
	if (r < 0)
		return r;
	struct kernel_statx *x = out;
	*x = (struct kernel_statx){
	        .mask = 0x7ff, /* the basic fields */
	        .blksize = (uint32_t)st.st_blksize,
	        .nlink = (uint32_t)st.st_nlink,
	        .mode = (uint16_t)st.st_mode,
	        .size = (uint64_t)st.st_size,
	        .blocks = (uint64_t)st.st_blocks,
	};
	return 0;
}

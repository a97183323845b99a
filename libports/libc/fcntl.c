/*
 * \brief  C runtime: fcntl, the descriptor and status flags
 */

#include <errno.h>
#include <fcntl.h>

#include "file.h"

static long
status_set(int fd, long flags)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	bool nonblock = flags & O_NONBLOCK;
	if (nonblock != (bool)(o->status_flags & O_NONBLOCK) && o->plugin->set_nonblock)
		r = o->plugin->set_nonblock(o->file, nonblock);
	if (r >= 0) {
		/* only these two may change (POSIX): the access mode stays */
		o->status_flags = (o->status_flags & ~(O_NONBLOCK | O_APPEND)) |
		                  (int)(flags & (O_NONBLOCK | O_APPEND));
		r = 0;
	}
	libc_fd_put(o);
	return r;
}

static long
status_get(int fd)
{
	struct libc_open *o;
	long r = libc_fd_get(fd, &o);
	if (r < 0)
		return r;
	r = o->status_flags;
	libc_fd_put(o);
	return r;
}

long
libc_file_fcntl(int fd, int cmd, long arg)
{
	switch (cmd) {
	case F_DUPFD:
		return libc_fd_dup(fd, 0, (int)arg, false, false);
	case F_DUPFD_CLOEXEC:
		return libc_fd_dup(fd, 0, (int)arg, true, false);
	case F_GETFD:
		return libc_fd_cloexec(fd, -1);
	case F_SETFD:
		return libc_fd_cloexec(fd, (arg & FD_CLOEXEC) ? 1 : 0) < 0 ? -EBADF : 0;
	case F_GETFL:
		return status_get(fd);
	case F_SETFL:
		return status_set(fd, arg);
	default:
		return libc_fd_cloexec(fd, -1) < 0 ? -EBADF : -EINVAL;
	}
}

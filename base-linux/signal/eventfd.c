/*
 * \brief  The eventfd behind every signal context
 */

#define _GNU_SOURCE
#include <errno.h>
#include <sys/eventfd.h> /* constants only */

#include <base/internal/lx_fd.h>
#include <base/internal/lx_poll.h>

#include "signal_linux.h"

int
signal_eventfd_create(void)
{
	return lx_eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

/*
 * RWF_NOWAIT makes this one read non-blocking whatever the file's flags
 * say: they are shared with every holder of the capability, any of which
 * may change them. Kernels before 5.12 refuse the flag for eventfds; the
 * plain read is then non-blocking as long as nobody meddles.
 */
static uint64_t
read_nowait(int fd)
{
	uint64_t v = 0;
	struct lx_iovec io = {&v, sizeof(v)};
	long n;

	do
		n = lx_preadv2(fd, &io, 1, -1, LX_RWF_NOWAIT);
	while (n < 0 && errno == EINTR);
	if (n < 0 && errno == EOPNOTSUPP)
		n = lx_read(fd, &v, sizeof(v));
	return n == sizeof(v) ? v : 0;
}

uint64_t
signal_eventfd_drain(int fd)
{
	return read_nowait(fd);
}

/*
 * How eventfds look to fstat. They carry no file type of their own: they
 * live on the kernel's anonymous-inode file system (with epoll, timerfd,
 * signalfd, ...), which no other kind of file shares. Of those, only an
 * eventfd accepts an 8-byte write, so checking the file system here and
 * the write's result in signal_submit tells an eventfd apart. The
 * reference is an epoll instance, which lives on the same file system
 * with the same file type: a component may create those, but not an
 * eventfd (its contexts come from core). Learning the reference needs a
 * spare descriptor: if there is none, the check fails this time and is
 * tried again next time.
 */
static struct {
	struct lock lock;
	bool known; /* atomic; dev and type are set before */
	uint64_t dev;
	uint32_t type;
} reference = {.lock = LOCK_INIT_UNLOCKED};

static bool
reference_learn(void)
{
	int fd = lx_epoll_create1(EPOLL_CLOEXEC);
	struct lx_file_id id;
	bool ok;

	if (fd < 0)
		return false;
	ok = lx_fstat_id(fd, &id) == 0;
	lx_close(fd);
	if (ok) {
		reference.dev = id.dev;
		reference.type = id.mode & LX_S_IFMT;
		__atomic_store_n(&reference.known, true, __ATOMIC_RELEASE);
	}
	return ok;
}

static bool
reference_known(void)
{
	bool known;

	if (__atomic_load_n(&reference.known, __ATOMIC_ACQUIRE))
		return true;
	lock_acquire(&reference.lock);
	known = __atomic_load_n(&reference.known, __ATOMIC_RELAXED) || reference_learn();
	lock_release(&reference.lock);
	return known;
}

bool
signal_fd_is_eventfd(int fd)
{
	struct lx_file_id id;

	return reference_known() && lx_fstat_id(fd, &id) == 0 && id.dev == reference.dev &&
	       (id.mode & LX_S_IFMT) == reference.type;
}

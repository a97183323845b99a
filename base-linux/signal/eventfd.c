/*
 * \brief  The eventfd behind every signal context
 */

#define _GNU_SOURCE
#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "signal_linux.h"

int
signal_eventfd_create(void)
{
	return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
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
	struct iovec io = {&v, sizeof(v)};
	ssize_t n;

	do
		n = preadv2(fd, &io, 1, -1, RWF_NOWAIT);
	while (n < 0 && errno == EINTR);
	if (n < 0 && errno == EOPNOTSUPP)
		n = read(fd, &v, sizeof(v));
	return n == sizeof(v) ? v : 0;
}

/*
 * A delivery's num saturates at UINT_MAX (doc/signals.md): the whole
 * count is taken, as on a platform whose core keeps a 32-bit saturating
 * count, so that a receiver sees the same on every platform. Splitting a
 * count into several deliveries instead would make one that sat at the
 * eventfd's limit take 2^32 wake-ups to drain.
 */
unsigned
signal_eventfd_take(int fd)
{
	return signal_count_num(read_nowait(fd));
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
	dev_t dev;
	mode_t type;
} reference = {.lock = LOCK_INIT_UNLOCKED};

static bool
reference_learn(void)
{
	int fd = epoll_create1(EPOLL_CLOEXEC);
	struct stat st;
	bool ok;

	if (fd < 0)
		return false;
	ok = fstat(fd, &st) == 0;
	close(fd);
	if (ok) {
		reference.dev = st.st_dev;
		reference.type = st.st_mode & S_IFMT;
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
	struct stat st;

	return reference_known() && fstat(fd, &st) == 0 && st.st_dev == reference.dev &&
	       (st.st_mode & S_IFMT) == reference.type;
}

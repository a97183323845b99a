/*
 * \brief  The system calls whose numbers or structures are i386's own
 *
 * - fcntl64 (the sandbox admits only it, with the commands it checks);
 * - fstat64, whose struct stat64 has the 64-bit inode at its end;
 * - mmap2, whose offset counts pages;
 * - the 64-bit-time calls (Linux 5.1 on: clock_gettime64, futex_time64,
 *   timerfd_settime64), which take lx_timespec as it is; a kernel
 *   without them answers ENOSYS, and the 32-bit call is made instead,
 *   whose seconds suffice for CLOCK_MONOTONIC (time since boot) and for
 *   a relative timeout up to 68 years.
 */

#include <limits.h>
#include <stddef.h>
#include <sys/mman.h>

#include <base/internal/lx_sysnr.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_time.h>


/* the kernel's struct stat64 of i386 (asm/stat.h), 4-byte aligned */
struct kernel_stat64 {
	uint64_t dev;
	uint32_t pad0;
	uint32_t ino_low;
	uint32_t mode;
	uint32_t nlink;
	uint32_t uid;
	uint32_t gid;
	uint64_t rdev;
	uint32_t pad3;
	int64_t size;
	uint32_t blksize;
	uint64_t blocks;
	uint32_t times[6];
	uint64_t ino;
} __attribute__((packed, aligned(4)));

_Static_assert(sizeof(struct kernel_stat64) == 96, "not the kernel's struct stat64");
_Static_assert(offsetof(struct kernel_stat64, ino) == 88, "not the kernel's struct stat64");

/* the kernel's 32-bit timespec and itimerspec of the old calls */
struct timespec32 {
	int32_t sec;
	int32_t nsec;
};

struct itimerspec32 {
	struct timespec32 interval;
	struct timespec32 value;
};

static struct timespec32
timespec32_of(const struct lx_timespec *ts)
{
	struct timespec32 t = {ts->sec > INT32_MAX ? INT32_MAX : (int32_t)ts->sec,
	                       (int32_t)ts->nsec};
	return t;
}

int
lx_fcntl(int fd, int cmd, long arg)
{
	return (int)lx_result(lx_syscall3(SYS_fcntl64, fd, cmd, arg));
}

int
lx_fstat_id(int fd, struct lx_file_id *id)
{
	struct kernel_stat64 st;

	if (lx_result(lx_syscall2(SYS_fstat64, fd, LX_ARG(&st))) < 0)
		return -1;
	id->dev = st.dev;
	id->ino = st.ino;
	id->mode = st.mode;
	id->size = (uint64_t)st.size;
	return 0;
}

void *
lx_mmap(void *addr, size_t len, int prot, int flags, int fd, uint64_t offset)
{
	enum { PAGE_SHIFT = 12 };

	if ((offset & ((1u << PAGE_SHIFT) - 1)) || (offset >> PAGE_SHIFT) > ULONG_MAX) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	long r = lx_syscall6(SYS_mmap2, LX_ARG(addr), LX_ARG(len), prot, flags, fd,
	                     (long)(offset >> PAGE_SHIFT));
	if (lx_failed(r)) {
		lx_result(r); /* sets errno */
		return MAP_FAILED;
	}
	return (void *)r;
}

int
lx_clock_gettime(int clock, struct lx_timespec *ts)
{
	long r = lx_syscall2(SYS_clock_gettime64, clock, LX_ARG(ts));
	struct timespec32 t;

	if (r != -ENOSYS)
		return (int)lx_result(r);
	r = lx_syscall2(SYS_clock_gettime, clock, LX_ARG(&t));
	if (!lx_failed(r)) {
		ts->sec = t.sec;
		ts->nsec = t.nsec;
	}
	return (int)lx_result(r);
}

static int
futex_wait_op(uint32_t *word, int op, uint32_t expected, const struct lx_timespec *rel)
{
	long r;

	if (!rel)
		return (int)lx_result(
		        lx_syscall4(SYS_futex, LX_ARG(word), op, LX_ARG(expected), 0));
	r = lx_syscall4(SYS_futex_time64, LX_ARG(word), op, LX_ARG(expected), LX_ARG(rel));
	if (r != -ENOSYS)
		return (int)lx_result(r);
	struct timespec32 t = timespec32_of(rel);
	return (int)lx_result(
	        lx_syscall4(SYS_futex, LX_ARG(word), op, LX_ARG(expected), LX_ARG(&t)));
}

int
lx_futex_wait(uint32_t *word, uint32_t expected, const struct lx_timespec *rel)
{
	return futex_wait_op(word, LX_FUTEX_WAIT_PRIVATE, expected, rel);
}

int
lx_futex_wait_shared(uint32_t *word, uint32_t expected, const struct lx_timespec *rel)
{
	return futex_wait_op(word, LX_FUTEX_WAIT_SHARED, expected, rel);
}

int
lx_timerfd_settime(int fd, int flags, const struct lx_itimerspec *its)
{
	long r = lx_syscall4(SYS_timerfd_settime64, fd, flags, LX_ARG(its), 0);

	if (r != -ENOSYS)
		return (int)lx_result(r);
	struct itimerspec32 t = {timespec32_of(&its->interval), timespec32_of(&its->value)};
	return (int)lx_result(lx_syscall4(SYS_timerfd_settime, fd, flags, LX_ARG(&t), 0));
}

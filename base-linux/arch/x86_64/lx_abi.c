/*
 * \brief  The system calls whose numbers or structures are x86_64's own
 *
 * x86_64 has one name for each: fcntl, fstat (with the kernel's struct
 * stat below), mmap with a byte offset, and 64-bit times throughout, so
 * the kernel's timespec is lx_timespec. i386 differs in all of these
 * (base-linux/arch/x86_32/lx_abi.c).
 */

#include <stddef.h>
#include <sys/mman.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_time.h>

/* the kernel's struct stat of x86_64 (asm/stat.h), up to what is read */
struct kernel_stat {
	unsigned long dev;
	unsigned long ino;
	unsigned long nlink;
	unsigned int mode;
	unsigned int uid;
	unsigned int gid;
	unsigned int pad0;
	unsigned long rdev;
	long size;
	long blksize;
	long blocks;
	unsigned long times[6];
	long unused[3];
};

_Static_assert(sizeof(struct kernel_stat) == 144, "not the kernel's struct stat");

int
lx_fcntl(int fd, int cmd, long arg)
{
	return (int)lx_result(lx_syscall3(SYS_fcntl, fd, cmd, arg));
}

int
lx_fstat_id(int fd, struct lx_file_id *id)
{
	struct kernel_stat st;

	if (lx_result(lx_syscall2(SYS_fstat, fd, LX_ARG(&st))) < 0)
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
	long r = lx_syscall6(SYS_mmap, LX_ARG(addr), LX_ARG(len), prot, flags, fd, (long)offset);

	if (lx_failed(r)) {
		lx_result(r); /* sets errno */
		return MAP_FAILED;
	}
	return (void *)r;
}

int
lx_clock_gettime(int clock, struct lx_timespec *ts)
{
	return (int)lx_result(lx_syscall2(SYS_clock_gettime, clock, LX_ARG(ts)));
}

int
lx_futex_wait(uint32_t *word, uint32_t expected, const struct lx_timespec *rel)
{
	return (int)lx_result(lx_syscall4(SYS_futex, LX_ARG(word), LX_FUTEX_WAIT_PRIVATE,
	                                  LX_ARG(expected), LX_ARG(rel)));
}

int
lx_futex_wait_shared(uint32_t *word, uint32_t expected, const struct lx_timespec *rel)
{
	return (int)lx_result(lx_syscall4(SYS_futex, LX_ARG(word), LX_FUTEX_WAIT_SHARED,
	                                  LX_ARG(expected), LX_ARG(rel)));
}

int
lx_timerfd_settime(int fd, int flags, const struct lx_itimerspec *its)
{
	return (int)lx_result(lx_syscall4(SYS_timerfd_settime, fd, flags, LX_ARG(its), 0));
}

/*
 * \brief  Unit test of base-linux's own system calls (lx_syscall.h)
 *
 * Each call is checked against what the C library's wrapper gives for
 * the same object, on the architecture the test is built for: the
 * structures that differ per architecture (stat64, mmap2's page offset,
 * the 64-bit times of i386) are the point. This file: descriptors,
 * files, memory, limits, and the list of cases.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <base/internal/lx_process.h>

#include "../../../tests/harness/harness.h"
#include "cases.h"

enum { PAGE = 4096 };

void
lx_errno_convention(void)
{
	char c;

	errno = 0;
	CHECK_EQ(lx_close(-1), -1);
	CHECK_EQ(errno, EBADF);
	errno = 0;
	CHECK_EQ(lx_read(-1, &c, 1), -1);
	CHECK_EQ(errno, EBADF);
	CHECK_EQ(lx_fcntl(-1, F_GETFD, 0), -1);
	CHECK_EQ(errno, EBADF);
}

static void
check_same_file(int fd)
{
	struct lx_file_id id;
	struct stat st;

	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(lx_fstat_id(fd, &id), 0);
	CHECK_EQ((long long)id.dev, (long long)st.st_dev);
	CHECK_EQ((long long)id.ino, (long long)st.st_ino);
	CHECK_EQ((long long)id.mode, (long long)st.st_mode);
}

void
lx_fstat_matches_libc(void)
{
	int sv[2], mfd = memfd_create("lx", MFD_CLOEXEC);
	struct lx_file_id a, b;

	CHECK(mfd >= 0);
	CHECK_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	check_same_file(mfd);
	check_same_file(sv[0]);
	CHECK_EQ(lx_fstat_id(sv[0], &a), 0);
	CHECK_EQ(lx_fstat_id(sv[1], &b), 0);
	CHECK(a.ino != b.ino); /* two sockets, two inodes */
	CHECK_EQ(lx_fstat_id(-1, &a), -1);
	CHECK_EQ(errno, EBADF);
	close(mfd);
	close(sv[0]);
	close(sv[1]);
}

void
lx_mmap_offset(void)
{
	int fd = memfd_create("lx", MFD_CLOEXEC);
	char page[PAGE];

	CHECK(fd >= 0);
	memset(page, 'A', sizeof(page));
	CHECK_EQ(write(fd, page, sizeof(page)), PAGE);
	memset(page, 'B', sizeof(page));
	CHECK_EQ(write(fd, page, sizeof(page)), PAGE);

	/* the second page, by a byte offset (mmap2 counts pages on i386) */
	char *p = lx_mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		CHECK_EQ(p[0], 'B');
		CHECK_EQ(p[PAGE - 1], 'B');
		CHECK_EQ(lx_munmap(p, PAGE), 0);
	}
	errno = 0;
	CHECK_PTR_EQ(lx_mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 100), MAP_FAILED);
	CHECK_EQ(errno, EINVAL);
	close(fd);
}

void
lx_prlimit_matches_libc(void)
{
	struct lx_rlimit lx;
	struct rlimit rl;

	CHECK_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
	CHECK_EQ(lx_prlimit(LX_RLIMIT_NOFILE, NULL, &lx), 0);
	CHECK_EQ((long long)lx.cur, (long long)rl.rlim_cur);
	CHECK_EQ(lx_getpid(), getpid());
}

TEST_MAIN(TEST_CASE(lx_errno_convention), TEST_CASE(lx_fstat_matches_libc),
          TEST_CASE(lx_mmap_offset), TEST_CASE(lx_prlimit_matches_libc), TEST_CASE(lx_fds_passed),
          TEST_CASE(lx_clock_matches_libc), TEST_CASE(lx_futex_times_out),
          TEST_CASE(lx_timerfd_absolute))

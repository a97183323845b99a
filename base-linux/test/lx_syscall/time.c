/*
 * \brief  test-lx-syscall: clock, futex and timerfd with 64-bit times
 */

#define _GNU_SOURCE
#include <errno.h>
#include <sys/timerfd.h>
#include <time.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_time.h>

#include "../../../tests/harness/harness.h"
#include "cases.h"

static uint64_t
libc_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void
lx_clock_matches_libc(void)
{
	uint64_t before = libc_us();
	uint64_t now = lx_monotonic_us();
	uint64_t after = libc_us();
	struct lx_timespec ts;

	CHECK(before <= now && now <= after);
	CHECK_EQ(lx_clock_gettime(LX_CLOCK_MONOTONIC, &ts), 0);
	CHECK(ts.nsec >= 0 && ts.nsec < 1000000000);
}

void
lx_futex_times_out(void)
{
	uint32_t word = 0;
	struct lx_timespec rel = {0, 20 * 1000 * 1000};
	uint64_t start = lx_monotonic_us();

	errno = 0;
	CHECK_EQ(lx_futex_wait(&word, 0, &rel), -1);
	CHECK_EQ(errno, ETIMEDOUT);
	CHECK(lx_monotonic_us() - start >= 20000);
	/* a word that no longer holds the expected value returns at once */
	CHECK_EQ(lx_futex_wait(&word, 1, NULL), -1);
	CHECK_EQ(errno, EAGAIN);
	CHECK_EQ(lx_futex_wake(&word, 1), 0);
}

void
lx_timerfd_absolute(void)
{
	int fd = lx_timerfd_create(LX_CLOCK_MONOTONIC, TFD_CLOEXEC);
	uint64_t due = lx_monotonic_us() + 20000, expirations = 0;
	struct lx_itimerspec its = {{0, 0},
	                            {(int64_t)(due / 1000000u), (int64_t)(due % 1000000u) * 1000}};

	CHECK(fd >= 0);
	CHECK_EQ(lx_timerfd_settime(fd, TFD_TIMER_ABSTIME, &its), 0);
	struct pollfd p = {.fd = fd, .events = POLLIN};
	CHECK_EQ(lx_poll(&p, 1, 5000), 1);
	CHECK(lx_monotonic_us() >= due);
	CHECK_EQ(lx_read(fd, &expirations, sizeof(expirations)), 8);
	CHECK_EQ((long long)expirations, 1);
	lx_close(fd);
}

/*
 * \brief  Checks of the clock and of gsync waits in one thread
 *
 * Time bounds: a wait must not end before its time (the platform rounds
 * up to milliseconds, the kernel up to ticks); the clock advances in
 * ticks of 10 ms, so a measured wait may look up to one tick short. The
 * upper bounds are generous: QEMU's TCG shares two host cores with a CI
 * run that keeps both busy, and a guest that is not scheduled sees its
 * timers late; what is checked is "timed out, not woken at once, not hung".
 */

#include <base/internal/futex.h>
#include <base/semaphore.h>

#include "test_thread.h"

#define TICK_US 10000u

/* read the clock until it advanced by three ticks: it must never step back */
static void
clock_checks(void)
{
	uint64_t first = platform_time_us(), last = first;
	unsigned backwards = 0, reads = 0;

	while (last - first < 3 * TICK_US && reads < 5000000) {
		uint64_t now = platform_time_us();
		if (now < last)
			backwards++;
		last = now;
		reads++;
	}
	check(backwards == 0 && last - first >= 3 * TICK_US, "clock: monotonic, advancing",
	      "%u reads, %u steps back, %llu us advanced", reads, backwards,
	      (unsigned long long)(last - first));
}

static void
futex_timeout_checks(void)
{
	uint32_t word = 0;
	uint64_t t0 = platform_time_us();
	status_t s = platform_futex_wait(&word, 0, 300000);
	uint64_t waited = platform_time_us() - t0;

	check(s == STATUS_TIMEOUT && waited + TICK_US >= 300000 && waited < 10000000,
	      "futex: a 300 ms wait times out after about 300 ms", "status %d after %llu us",
	      (int)s, (unsigned long long)waited);

	check(platform_futex_wait(&word, 0, 0) == STATUS_TIMEOUT, "futex: a wait of 0 us times out",
	      "at once");

	word = 1;
	t0 = platform_time_us();
	s = platform_futex_wait(&word, 0, 5000000);
	waited = platform_time_us() - t0;
	check(s == STATUS_OK && waited < 2000000, "futex: a word that differs returns at once",
	      "status %d after %llu us", (int)s, (unsigned long long)waited);
}

static void
semaphore_timeout_checks(void)
{
	struct semaphore sem;
	semaphore_init(&sem, 0);

	uint64_t t0 = platform_time_us();
	status_t s = semaphore_down_timeout(&sem, 100000);
	uint64_t waited = platform_time_us() - t0;
	check(s == STATUS_TIMEOUT && waited + TICK_US >= 100000 && waited < 10000000,
	      "semaphore: down with 100 ms times out", "status %d after %llu us", (int)s,
	      (unsigned long long)waited);
}

void
lock_checks(void)
{
	clock_checks();
	futex_timeout_checks();
	semaphore_timeout_checks();
}

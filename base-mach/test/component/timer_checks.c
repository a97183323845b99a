/*
 * \brief  timer_platform: one alarm per entrypoint, fired on its thread
 *
 * Bounds: the clock and the kernel's timeouts advance in 10 ms ticks, so
 * an alarm fires at the first tick at or after its deadline; under TCG on
 * a machine that runs other work too, a thread may wait a few scheduling
 * quanta more. An alarm is therefore expected not before its deadline and
 * within LATE_US after it: a generous bound that still tells a fired
 * alarm from a lost one or one fired for a replaced deadline.
 */

#include <base/internal/futex.h>
#include <base/thread.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <timer/platform.h>
#include <util/format.h>
#include <util/string.h>

#include "test.h"

enum { LATE_US = 700000 };

static struct timer_platform *tp, *doomed;
static uint32_t fired;    /* expiries seen on ep's thread */
static uint64_t fired_at; /* the clock at the last one */
static bool fired_on_ep;  /* ... and whether it ran on the entrypoint's thread */
static status_t setup_status;
static unsigned threads_before;

static unsigned
thread_count(void)
{
	thread_array_t threads;
	mach_msg_type_number_t count = 0;

	if (task_threads(mach_task_self(), &threads, &count) != KERN_SUCCESS)
		return 0;
	for (unsigned i = 0; i < count; i++)
		(void)syscall_mach_port_deallocate(mach_task_self(), threads[i]);
	(void)syscall_vm_deallocate(mach_task_self(), (vm_address_t)threads,
	                            count * sizeof(*threads));
	return count;
}

static void
on_expiry(void *arg)
{
	(void)arg;
	fired_at = platform_time_us();
	fired_on_ep = str_equal(thread_name(thread_myself()), "ep");
	__atomic_add_fetch(&fired, 1, __ATOMIC_RELEASE);
	platform_futex_wake(&fired, PLATFORM_FUTEX_WAKE_ALL);
}

void
timer_setup(void)
{
	threads_before = thread_count();
	setup_status = timer_platform_create(test_ep, on_expiry, 0, &tp);
	if (setup_status == STATUS_OK)
		setup_status = timer_platform_create(test_ep, on_expiry, 0, &doomed);
}

/* microseconds from now until t, 0 if past */
static uint64_t
until(uint64_t t)
{
	uint64_t now = platform_time_us();

	return t > now ? t - now : 0;
}

/* the number of expiries after waiting for more than seen, at most us */
static uint32_t
wait_fired(uint32_t seen, uint64_t us)
{
	uint64_t end = platform_time_us() + us;

	for (;;) {
		uint32_t now = __atomic_load_n(&fired, __ATOMIC_ACQUIRE);
		uint64_t t = platform_time_us();
		if (now != seen || t >= end)
			return now;
		(void)platform_futex_wait(&fired, now, end - t);
	}
}

/*
 * Program first (if not 0), then deadline: one expiry, not before the
 * deadline, within LATE_US after it, on ep's thread, and no second one
 * until 300 ms after it.
 */
static void
alarm_check(uint64_t deadline, uint64_t first, uint64_t programmed, const char *what)
{
	uint32_t seen = __atomic_load_n(&fired, __ATOMIC_ACQUIRE);
	char detail[80];

	fired_on_ep = false;
	if (first)
		timer_platform_program(tp, first);
	timer_platform_program(tp, deadline);
	uint32_t now = wait_fired(seen, until(deadline + LATE_US));
	uint64_t at = fired_at, from = deadline > programmed ? deadline : programmed;
	uint32_t later = wait_fired(now, until(deadline + 300000));
	if (now == seen)
		format_string(detail, sizeof(detail), "not fired");
	else
		format_string(detail, sizeof(detail), "fired %u time(s), %ld ms after the deadline",
		              later - seen, (long)((int64_t)(at - deadline) / 1000));
	check(now == seen + 1 && later == now && at >= deadline && at - from < LATE_US &&
	              fired_on_ep,
	      what, detail);
}

static void
disarm_checks(void)
{
	uint32_t seen = __atomic_load_n(&fired, __ATOMIC_ACQUIRE);
	uint64_t t = timer_platform_now_us(tp);
	char detail[48];

	timer_platform_program(tp, t + 100000);
	timer_platform_program(tp, TIMER_PLATFORM_NEVER);
	check(wait_fired(seen, 500000) == seen, "timer: NEVER disarms", "");
	unsigned n0 = thread_count();
	timer_platform_destroy(doomed);
	unsigned n1 = thread_count();
	timer_platform_program(tp, timer_platform_now_us(tp) + 200000);
	timer_platform_destroy(tp);
	unsigned n2 = thread_count();
	format_string(detail, sizeof(detail), "threads %u, %u, %u", n0, n1, n2);
	check(n1 == n0 - 1 && n2 == n1 - 1 && wait_fired(seen, 500000) == seen,
	      "timer: destroy ends the helper (join), an armed alarm never fires", detail);
}

void
timer_checks(void)
{
	uint64_t t;

	check(setup_status == STATUS_OK, "timer: two alarms on the entrypoint", "");
	if (setup_status != STATUS_OK)
		return;
	t = timer_platform_now_us(tp);
	alarm_check(t + 200000, 0, t, "timer: an alarm fires once, near its deadline");
	t = timer_platform_now_us(tp);
	alarm_check(t + 600000, t + 100000, t, "timer: a later deadline replaces an earlier one");
	t = timer_platform_now_us(tp);
	alarm_check(t + 150000, t + 5000000, t, "timer: an earlier deadline replaces a later one");
	t = timer_platform_now_us(tp);
	alarm_check(t - 1000, 0, t, "timer: a past deadline fires at once");
	disarm_checks();
}

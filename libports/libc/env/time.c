/*
 * \brief  C runtime: time from the Timer service
 *
 * clock_gettime, gettimeofday and time read the Timer session's elapsed
 * time; nanosleep and its kin sleep on the Timer session
 * (timer_session/sleep.h: woken by the kernel where it can). Genode
 * 10.02 has no real-time clock service, so CLOCK_REALTIME counts from the
 * timer server's start too (doc/libc.md). The session is opened on first
 * use, so a component that never asks the time needs no Timer route. A
 * Timer session has one sleeper at a time: each concurrent sleeper takes
 * a session of a small pool (opened when needed, each paid by this
 * component's quota as every session is).
 */

#include <errno.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>

#include <base/lock.h>
#include <base/log.h>
#include <timer_session/connection.h>
#include <timer_session/sleep.h>

#include "../internal.h"
#include "libc_env.h"

/*
 * 32-bit architectures with a 64-bit time_t (musl on i386) make the
 * *_time64 calls, whose struct timespec is musl's; their old calls
 * (32-bit times) stay unserved, musl does not make them when the new work
 */
#ifdef SYS_clock_gettime64
#define CALL_CLOCK_GETTIME   SYS_clock_gettime64
#define CALL_CLOCK_GETRES    SYS_clock_getres_time64
#define CALL_CLOCK_NANOSLEEP SYS_clock_nanosleep_time64
#else
#define CALL_CLOCK_GETTIME   SYS_clock_gettime
#define CALL_CLOCK_GETRES    SYS_clock_getres
#define CALL_CLOCK_NANOSLEEP SYS_clock_nanosleep
#endif

struct sleeper {
	timer_session_cap_t timer;
	struct timer_sleeper wake; /* the kernel wakes it where it can */
	struct sleeper *next;
};

static struct lock time_lock = LOCK_INIT_UNLOCKED;
static struct sleeper *idle;
static timer_session_cap_t clock_session;
static bool clock_open, clock_missing;

/* a session for one caller; under time_lock */
static long
session_take(struct sleeper **out)
{
	if (idle) {
		*out = idle;
		idle = idle->next;
		return 0;
	}
	struct sleeper *s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	if (timer_connection_open(env_parent(libc_env), &s->timer) != STATUS_OK) {
		free(s);
		if (!clock_missing)
			log_warning("libc: no Timer session: time functions answer ENOSYS");
		clock_missing = true;
		return -ENOSYS;
	}
	timer_sleeper_init(&s->wake, s->timer);
	*out = s;
	return 0;
}

static long
clock_now_us(uint64_t *us)
{
	if (!libc_env)
		return -ENOSYS;
	lock_acquire(&time_lock);
	long r = 0;
	if (!clock_open) {
		struct sleeper *s;
		r = session_take(&s);
		if (r == 0) {
			clock_session = s->timer; /* kept for the component's life */
			free(s);
			clock_open = true;
		}
	}
	lock_release(&time_lock);
	if (r == 0 && timer_session_elapsed_us(clock_session, us) != STATUS_OK)
		r = -EIO;
	return r;
}

static long
sleep_ms(uint64_t ms)
{
	struct sleeper *s;
	lock_acquire(&time_lock);
	long r = libc_env ? session_take(&s) : -ENOSYS;
	lock_release(&time_lock);
	if (r < 0)
		return r;
	while (ms && r == 0) {
		uint32_t part = ms > 86400000 ? 86400000 : (uint32_t)ms;
		r = timer_sleeper_msleep(&s->wake, part) == STATUS_OK ? 0 : -EIO;
		ms -= part;
	}
	lock_acquire(&time_lock);
	s->next = idle;
	idle = s;
	lock_release(&time_lock);
	return r;
}

static long
gettime(clockid_t id, struct timespec *ts)
{
	if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC && id != CLOCK_BOOTTIME &&
	    id != CLOCK_MONOTONIC_RAW && id != CLOCK_REALTIME_COARSE &&
	    id != CLOCK_MONOTONIC_COARSE)
		return -EINVAL;
	uint64_t us;
	long r = clock_now_us(&us);
	if (r == 0)
		*ts = (struct timespec){.tv_sec = (time_t)(us / 1000000),
		                        .tv_nsec = (long)(us % 1000000) * 1000};
	return r;
}

/* relative sleeps and absolute ones on our clocks, in whole milliseconds rounded up */
static long
nanosleep_call(clockid_t id, int flags, const struct timespec *req)
{
	if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000 || req->tv_sec < 0)
		return -EINVAL;
	uint64_t want_us = (uint64_t)req->tv_sec * 1000000 + (uint64_t)req->tv_nsec / 1000;
	if (flags & TIMER_ABSTIME) {
		struct timespec now;
		long r = gettime(id, &now);
		if (r < 0)
			return r;
		uint64_t now_us = (uint64_t)now.tv_sec * 1000000 + (uint64_t)now.tv_nsec / 1000;
		want_us = want_us > now_us ? want_us - now_us : 0;
	}
	return sleep_ms((want_us + 999) / 1000);
}

#ifdef SYS_clock_gettime64
/* musl's sleeps of 32-bit seconds on such architectures: two longs */
static long
nanosleep_call32(clockid_t id, int flags, const long *req)
{
	struct timespec ts = {.tv_sec = req[0], .tv_nsec = req[1]};
	return nanosleep_call(id, flags, &ts);
}
#endif

long
libc_time_syscall(long nr, long a, long b, long c, long d, bool *served)
{
	*served = true;
	switch (nr) {
	case CALL_CLOCK_GETTIME:
		if (!libc_env)
			break; /* the framework's start: the platform's clock */
		return gettime((clockid_t)a, (struct timespec *)b);
	case CALL_CLOCK_GETRES:
		if (b)
			*(struct timespec *)b = (struct timespec){.tv_nsec = 1000};
		return 0;
#ifdef SYS_clock_gettime64
	case SYS_nanosleep:
		return nanosleep_call32(CLOCK_MONOTONIC, 0, (const long *)a);
	case SYS_clock_nanosleep_time32:
		return nanosleep_call32((clockid_t)a, (int)b, (const long *)c);
#else
	case SYS_nanosleep:
		return nanosleep_call(CLOCK_MONOTONIC, 0, (const struct timespec *)a);
#endif
	case CALL_CLOCK_NANOSLEEP:
		return nanosleep_call((clockid_t)a, (int)b, (const struct timespec *)c);
	default:
		break;
	}
	*served = false;
	return -ENOSYS;
}

static uint64_t
poll_now_ms(void)
{
	uint64_t us = 0;
	(void)clock_now_us(&us);
	return us / 1000;
}

static void
poll_pause(void)
{
	(void)sleep_ms(1);
}

void
libc_time_init(void)
{
	static const struct libc_clock clock = {poll_now_ms, poll_pause};
	libc_clock_set(&clock);
}

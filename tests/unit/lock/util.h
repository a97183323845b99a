/*
 * \brief  Helpers shared by the lock unit tests (plain POSIX threads)
 *
 * The lock library is tested with pthreads rather than the thread library
 * so that it stays testable, sanitizers included, independently of the
 * thread-context area.
 */

#ifndef _TESTS__UNIT__LOCK__UTIL_H_
#define _TESTS__UNIT__LOCK__UTIL_H_

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

static inline uint64_t
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static inline void
sleep_us(uint64_t us)
{
	struct timespec ts = {(time_t)(us / 1000000u), (long)(us % 1000000u) * 1000};
	while (nanosleep(&ts, &ts) != 0)
		;
}

static inline pthread_t
spawn(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	if (pthread_create(&t, NULL, fn, arg) != 0)
		abort();
	return t;
}

#endif /* _TESTS__UNIT__LOCK__UTIL_H_ */

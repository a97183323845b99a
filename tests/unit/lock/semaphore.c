/*
 * \brief  Unit test of the counting semaphore
 */

#define _POSIX_C_SOURCE 200809L
#include <sched.h>
#include <stdio.h>

#include <base/semaphore.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "util.h"

void
semaphore_counting(void)
{
	struct semaphore s = SEMAPHORE_INIT(2);

	CHECK(semaphore_try_down(&s));
	CHECK(semaphore_try_down(&s));
	CHECK(!semaphore_try_down(&s));
	semaphore_up(&s);
	semaphore_down(&s);
	CHECK_EQ(semaphore_down_timeout(&s, 0), STATUS_TIMEOUT);

	semaphore_init(&s, 1);
	CHECK_EQ(semaphore_down_timeout(&s, 0), STATUS_OK);
	CHECK(!semaphore_try_down(&s));
}

enum { PING_PONGS = 100000 };

struct ping_pong {
	struct semaphore ping, pong;
	unsigned long seen;
};

static void *
pong_side(void *arg)
{
	struct ping_pong *pp = arg;
	for (int i = 0; i < PING_PONGS; i++) {
		semaphore_down(&pp->ping);
		pp->seen++;
		semaphore_up(&pp->pong);
	}
	return NULL;
}

void
semaphore_ping_pong(void)
{
	struct ping_pong pp = {SEMAPHORE_INIT(0), SEMAPHORE_INIT(0), 0};
	uint64_t start = now_us();
	pthread_t t = spawn(pong_side, &pp);

	for (int i = 0; i < PING_PONGS; i++) {
		semaphore_up(&pp.ping);
		semaphore_down(&pp.pong);
		if (!CHECK_EQ(pp.seen, (unsigned long)i + 1))
			break;
	}
	pthread_join(t, NULL);
	uint64_t us = now_us() - start;
	printf("  info: semaphore ping-pong %d round trips in %llu ms (%.2f us each)\n", PING_PONGS,
	       (unsigned long long)us / 1000, (double)us / PING_PONGS);
}

void
semaphore_timeout_expires(void)
{
	/*
	 * Never early (the futex wait's timeout is absolute on our clock);
	 * late by at most 2 s: on a loaded 2-core machine or in the i386 VM
	 * under TCG this thread waits for a core after its timeout (some
	 * 100 ms seen in the VM), and 2 s still catch a timeout ignored or
	 * taken in the wrong unit (ms for us: 1000 x, 50 s).
	 */
	enum { TIMEOUT_US = 50000, TOLERANCE_US = 2000000 };
	struct semaphore s = SEMAPHORE_INIT(0);

	uint64_t start = now_us();
	CHECK_EQ(semaphore_down_timeout(&s, TIMEOUT_US), STATUS_TIMEOUT);
	uint64_t took = now_us() - start;

	CHECK(took >= TIMEOUT_US);
	CHECK(took < TIMEOUT_US + TOLERANCE_US);
	printf("  info: %u us timeout took %llu us\n", (unsigned)TIMEOUT_US,
	       (unsigned long long)took);
}

static void *
up_later(void *arg)
{
	sleep_us(20000);
	semaphore_up(arg);
	return NULL;
}

void
semaphore_timeout_woken(void)
{
	struct semaphore s = SEMAPHORE_INIT(0);
	uint64_t start = now_us();
	pthread_t t = spawn(up_later, &s);

	/*
	 * The up comes 20 ms after the spawn at the earliest: a down that
	 * returns before has not waited. STATUS_OK says it was woken before
	 * its 5 s timeout; 4 s bound the wake-up's delay on a loaded machine
	 * or in the VM, where a thread may wait some 100 ms for a core.
	 */
	CHECK_EQ(semaphore_down_timeout(&s, 5000000), STATUS_OK);
	uint64_t took = now_us() - start;
	CHECK(took >= 20000);
	CHECK(took < 4000000);
	pthread_join(t, NULL);
	CHECK(!semaphore_try_down(&s));
}

/*
 * Ups race with the short timeouts of two waiters. Every up must end up
 * either in a successful down or still in the semaphore, never vanish.
 */
enum { RACE_UPS = 20000, RACE_DOWNS = 15000 };

struct race_waiter {
	struct semaphore *sem;
	unsigned long taken, timeouts;
};

static void *
race_down(void *arg)
{
	struct race_waiter *w = arg;
	for (int i = 0; i < RACE_DOWNS; i++) {
		if (semaphore_down_timeout(w->sem, (uint64_t)(i % 7) * 10) == STATUS_OK)
			w->taken++;
		else
			w->timeouts++;
	}
	return NULL;
}

static void *
race_up(void *arg)
{
	for (int i = 0; i < RACE_UPS; i++) {
		semaphore_up(arg);
		if (i % 3 == 0)
			sched_yield();
	}
	return NULL;
}

void
semaphore_timeout_race(void)
{
	struct semaphore s = SEMAPHORE_INIT(0);
	struct race_waiter w[2] = {{&s, 0, 0}, {&s, 0, 0}};
	pthread_t t[3] = {spawn(race_down, &w[0]), spawn(race_down, &w[1]), spawn(race_up, &s)};

	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);

	unsigned long left = 0;
	while (semaphore_try_down(&s))
		left++;
	CHECK_EQ(w[0].taken + w[1].taken + left, RACE_UPS);
	printf("  info: race: %lu taken, %lu timeouts, %lu left over\n", w[0].taken + w[1].taken,
	       w[0].timeouts + w[1].timeouts, left);
}

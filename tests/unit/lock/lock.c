/*
 * \brief  Unit test of the futex lock
 */

#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <base/lock.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "util.h"

void
lock_uncontended(void)
{
	struct lock l = LOCK_INIT_UNLOCKED;
	enum { ROUNDS = 10000000 };

	CHECK(lock_try_acquire(&l));
	CHECK(!lock_try_acquire(&l));
	lock_release(&l);

	uint64_t start = now_us();
	for (int i = 0; i < ROUNDS; i++) {
		lock_acquire(&l);
		lock_release(&l);
	}
	uint64_t us = now_us() - start;
	printf("  info: uncontended acquire+release %.1f ns\n", us * 1000.0 / ROUNDS);
	CHECK(lock_try_acquire(&l));
}

void
lock_initially_locked(void)
{
	struct lock l = LOCK_INIT_LOCKED;
	CHECK(!lock_try_acquire(&l));
	lock_release(&l);
	CHECK(lock_try_acquire(&l));

	lock_init(&l, false);
	CHECK(lock_try_acquire(&l));
	lock_init(&l, true);
	CHECK(!lock_try_acquire(&l));
}

enum { COUNTERS = 8, INCREMENTS = 200000 };

static struct lock counter_lock = LOCK_INIT_UNLOCKED;
static unsigned long counter; /* deliberately not atomic */

static void *
count_up(void *arg)
{
	for (int i = 0; i < INCREMENTS; i++) {
		lock_acquire(&counter_lock);
		counter++;
		lock_release(&counter_lock);
	}
	return arg;
}

void
lock_contended_counter(void)
{
	pthread_t t[COUNTERS];
	uint64_t start = now_us();

	for (int i = 0; i < COUNTERS; i++)
		t[i] = spawn(count_up, NULL);
	for (int i = 0; i < COUNTERS; i++)
		pthread_join(t[i], NULL);

	CHECK_EQ(counter, (unsigned long)COUNTERS * INCREMENTS);
	printf("  info: %d threads x %d contended increments in %llu ms\n", COUNTERS, INCREMENTS,
	       (unsigned long long)(now_us() - start) / 1000);
}

/*
 * Ping-pong with two initially locked locks used as signals: each side
 * releases the other's lock and blocks on its own. A lost wake-up would
 * hang the test (and the runner's timeout would fail it).
 */
enum { PING_PONGS = 100000 };

struct ping_pong {
	struct lock ping, pong;
	unsigned long seen;
};

static void *
pong_side(void *arg)
{
	struct ping_pong *pp = arg;
	for (int i = 0; i < PING_PONGS; i++) {
		lock_acquire(&pp->ping);
		pp->seen++;
		lock_release(&pp->pong);
	}
	return NULL;
}

void
lock_ping_pong(void)
{
	struct ping_pong pp = {LOCK_INIT_LOCKED, LOCK_INIT_LOCKED, 0};
	uint64_t start = now_us();
	pthread_t t = spawn(pong_side, &pp);

	for (int i = 0; i < PING_PONGS; i++) {
		lock_release(&pp.ping);
		lock_acquire(&pp.pong);
		CHECK_EQ(pp.seen, (unsigned long)i + 1);
		if (pp.seen != (unsigned long)i + 1)
			break;
	}
	pthread_join(t, NULL);
	uint64_t us = now_us() - start;
	printf("  info: lock ping-pong %d round trips in %llu ms (%.2f us each)\n", PING_PONGS,
	       (unsigned long long)us / 1000, (double)us / PING_PONGS);
}

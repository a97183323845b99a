/*
 * \brief  Unit test of the saturating count core keeps of a signal context
 *
 * include/base/internal/signal_count.h is what a platform without a
 * counting kernel object (GNU Mach) keeps at core; these cases pin down
 * the contract every platform shares (doc/signals.md): a wake-up exactly
 * at 0 -> pending, a take that empties, no wrap and no failure at the
 * maximum, exact sums under concurrent submits.
 */

#include <base/internal/signal_count.h>
#include <pthread.h>

#include "../../harness/harness.h"

static void
wake_once_per_pending(void)
{
	struct signal_count c = {0};

	CHECK(!signal_count_add(&c, 0)); /* submits nothing, wakes nobody */
	CHECK_EQ(signal_count_take(&c), 0);
	CHECK(signal_count_add(&c, 3));  /* 0 -> pending: wake */
	CHECK(!signal_count_add(&c, 4)); /* pending already: only adds */
	CHECK_EQ(signal_count_take(&c), 7);
	CHECK_EQ(signal_count_take(&c), 0);
	CHECK(signal_count_add(&c, 1)); /* pending again after the take: wake again */
	CHECK_EQ(signal_count_take(&c), 1);
}

static void
saturates_instead_of_wrapping(void)
{
	struct signal_count c = {0};

	CHECK(signal_count_add(&c, SIGNAL_COUNT_MAX - 1));
	CHECK(!signal_count_add(&c, 1));
	CHECK_EQ(c.value, SIGNAL_COUNT_MAX);
	CHECK(!signal_count_add(&c, 5)); /* a wrapping sum would be 4 */
	CHECK(!signal_count_add(&c, SIGNAL_COUNT_MAX));
	CHECK_EQ(signal_count_take(&c), SIGNAL_COUNT_MAX);
	CHECK(signal_count_add(&c, 2)); /* from 0 again */
	CHECK_EQ(signal_count_take(&c), 2);
}

static void
num_of_platform_counts(void)
{
	CHECK_EQ(signal_count_num(0), 0);
	CHECK_EQ(signal_count_num(12), 12);
	CHECK_EQ(signal_count_num(SIGNAL_COUNT_MAX), SIGNAL_COUNT_MAX);
	CHECK_EQ(signal_count_num((uint64_t)SIGNAL_COUNT_MAX + 1), SIGNAL_COUNT_MAX);
	CHECK_EQ(signal_count_num(UINT64_MAX - 1), SIGNAL_COUNT_MAX); /* eventfd's limit */
}

enum { SUBMITTERS = 4, SUBMITS = 200000 };

struct shared {
	struct signal_count count;
	unsigned wakes[SUBMITTERS];
};

struct submitter {
	struct shared *shared;
	unsigned index;
};

static void *
submit_many(void *arg)
{
	struct submitter *s = arg;

	for (unsigned i = 0; i < SUBMITS; i++)
		s->shared->wakes[s->index] += signal_count_add(&s->shared->count, 1);
	return NULL;
}

/*
 * Four submitters against one taker: the taken counts sum up to every
 * submit, and each take of a non-zero count matches exactly one wake-up
 * (the receiver is woken once per time it found the count pending).
 */
static void
concurrent_sums_exact(void)
{
	static struct shared sh;
	struct submitter sub[SUBMITTERS];
	pthread_t t[SUBMITTERS];
	unsigned long long taken = 0, takes = 0, wakes = 0;
	unsigned got;

	for (unsigned i = 0; i < SUBMITTERS; i++) {
		sub[i] = (struct submitter){&sh, i};
		CHECK_EQ(pthread_create(&t[i], NULL, submit_many, &sub[i]), 0);
	}
	while (taken < (unsigned long long)SUBMITTERS * SUBMITS) {
		got = signal_count_take(&sh.count);
		taken += got;
		takes += got > 0;
	}
	for (unsigned i = 0; i < SUBMITTERS; i++) {
		pthread_join(t[i], NULL);
		wakes += sh.wakes[i];
	}
	CHECK_EQ(taken, (unsigned long long)SUBMITTERS * SUBMITS);
	CHECK_EQ(signal_count_take(&sh.count), 0);
	CHECK_EQ(wakes, takes);
}

TEST_MAIN(TEST_CASE(wake_once_per_pending), TEST_CASE(saturates_instead_of_wrapping),
          TEST_CASE(num_of_platform_counts), TEST_CASE(concurrent_sums_exact))

/*
 * \brief  test-thread: join returns only after the thread's entry finished
 *
 * Each thread waits a different time before it marks itself finished;
 * whatever the delay, the mark must be there when join returns.
 */

#include <base/log.h>

#include "test.h"

enum { JOINERS = 4 };

struct join_probe {
	uint64_t delay_us;
	int finished; /* written atomically, last thing the entry does */
};

static void
late_entry(void *arg)
{
	struct join_probe *p = arg;

	if (p->delay_us)
		pause_us(p->delay_us);
	__atomic_store_n(&p->finished, 1, __ATOMIC_RELEASE);
}

void
check_join(void)
{
	static const uint64_t delays[JOINERS] = {0, 5000, 20000, 100000};
	struct join_probe probes[JOINERS] = {{0}};
	struct thread *t[JOINERS];
	unsigned created = 0;

	for (; created < JOINERS; created++) {
		probes[created].delay_us = delays[created];
		if (!EXPECT_OK(
		            thread_create("joinee", 0, late_entry, &probes[created], &t[created])))
			break;
		EXPECT_OK(thread_start(t[created]));
	}
	/* in order of delay, so that all but the first join have to wait */
	for (unsigned i = 0; i < created; i++) {
		EXPECT_OK(thread_join(t[i]));
		EXPECT(__atomic_load_n(&probes[i].finished, __ATOMIC_ACQUIRE) == 1);
	}
	log_print("join returned after the entry finished, %u times", created);
}

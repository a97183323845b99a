/*
 * \brief  A wake-up across threads: blockade and semaphore
 */

#include <base/blockade.h>
#include <base/internal/futex.h>
#include <base/semaphore.h>
#include <base/thread.h>

#include "test_thread.h"

struct sleeper {
	struct blockade b;
	struct semaphore done;
	uint32_t entered;
	status_t got;
};

static void
sleeper_run(void *arg)
{
	struct sleeper *s = arg;

	__atomic_store_n(&s->entered, 1, __ATOMIC_RELEASE);
	s->got = blockade_block(&s->b, BLOCKADE_FOREVER);
	semaphore_up(&s->done);
}

/* let the other thread run into its wait: 200 ms of doing nothing */
static void
pause_ms(unsigned ms)
{
	uint32_t never = 0;

	(void)platform_futex_wait(&never, 0, (uint64_t)ms * 1000u);
}

void
wake_checks(void)
{
	struct sleeper s = {.got = STATUS_INVALID_ARGS};
	struct thread *t = NULL;

	blockade_init(&s.b);
	semaphore_init(&s.done, 0);
	if (thread_create("sleeper", 0, sleeper_run, &s, &t) != STATUS_OK ||
	    thread_start(t) != STATUS_OK) {
		check(false, "blockade: a wake-up across threads", "no thread");
		return;
	}
	for (unsigned i = 0; i < 100 && !__atomic_load_n(&s.entered, __ATOMIC_ACQUIRE); i++)
		pause_ms(20);
	pause_ms(200);
	bool slept = !semaphore_try_down(&s.done);

	blockade_wakeup(&s.b);
	status_t done = semaphore_down_timeout(&s.done, 10000000);
	thread_join(t);
	check(slept && done == STATUS_OK && s.got == STATUS_OK,
	      "blockade: a thread blocked until another woke it", "slept %d, woken %d, block %d",
	      slept, (int)done, (int)s.got);
}

/*
 * \brief  Unit test of the cancellable blockade
 */

#define _POSIX_C_SOURCE 200809L
#include <stdatomic.h>
#include <stdio.h>

#include <base/blockade.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "util.h"

void
blockade_wakeup_counted(void)
{
	struct blockade b = BLOCKADE_INIT;

	CHECK_EQ(blockade_block(&b, 0), STATUS_TIMEOUT);
	CHECK_EQ(blockade_block(&b, 1000), STATUS_TIMEOUT);

	/* wake-ups given ahead of time are kept, one per block */
	blockade_wakeup(&b);
	blockade_wakeup(&b);
	CHECK_EQ(blockade_block(&b, BLOCKADE_FOREVER), STATUS_OK);
	CHECK_EQ(blockade_block(&b, 0), STATUS_OK);
	CHECK_EQ(blockade_block(&b, 0), STATUS_TIMEOUT);
	CHECK(!blockade_cancelled(&b));
}

struct blocker {
	struct blockade *blockade;
	status_t result;
	uint64_t blocked_us;
	atomic_bool started; /* set after its clock started, before the block */
};

static void *
block_forever(void *arg)
{
	struct blocker *b = arg;
	uint64_t start = now_us();
	atomic_store(&b->started, true);
	b->result = blockade_block(b->blockade, BLOCKADE_FOREVER);
	b->blocked_us = now_us() - start;
	return NULL;
}

void
blockade_cancel_blocked(void)
{
	struct blockade b = BLOCKADE_INIT;
	struct blocker blocker = {&b, STATUS_OK, 0, false};
	pthread_t t = spawn(block_forever, &blocker);

	/*
	 * The cancel comes 20 ms after the blocker's clock started, however
	 * late the scheduler runs it (a loaded machine): a block that returns
	 * at once shows far less than 10 ms, one that waits for the cancel
	 * 20 ms or more. A fixed sleep after the spawn failed when the
	 * blocker ran only after it.
	 */
	while (!atomic_load(&blocker.started))
		sleep_us(1000);
	sleep_us(20000);
	blockade_cancel(&b);
	pthread_join(t, NULL);

	CHECK_EQ(blocker.result, STATUS_UNAVAILABLE);
	CHECK(blocker.blocked_us >= 10000); /* it really was blocked */
	CHECK(blockade_cancelled(&b));
}

void
blockade_cancel_many(void)
{
	enum { BLOCKERS = 6 };
	struct blockade b = BLOCKADE_INIT;
	struct blocker blocker[BLOCKERS];
	pthread_t t[BLOCKERS];

	for (int i = 0; i < BLOCKERS; i++) {
		blocker[i] = (struct blocker){&b, STATUS_OK, 0, false};
		t[i] = spawn(block_forever, &blocker[i]);
	}
	sleep_us(20000);
	blockade_cancel(&b);
	for (int i = 0; i < BLOCKERS; i++) {
		pthread_join(t[i], NULL);
		CHECK_EQ(blocker[i].result, STATUS_UNAVAILABLE);
	}
}

void
blockade_cancel_before(void)
{
	struct blockade b = BLOCKADE_INIT;

	blockade_wakeup(&b);
	blockade_cancel(&b);

	/* cancellation is sticky and wins over pending wake-ups */
	CHECK_EQ(blockade_block(&b, BLOCKADE_FOREVER), STATUS_UNAVAILABLE);
	CHECK_EQ(blockade_block(&b, 0), STATUS_UNAVAILABLE);
	blockade_wakeup(&b);
	CHECK_EQ(blockade_block(&b, 1000), STATUS_UNAVAILABLE);

	blockade_init(&b);
	CHECK(!blockade_cancelled(&b));
	CHECK_EQ(blockade_block(&b, 0), STATUS_TIMEOUT);
}

/*
 * \brief  Cancellable blocking wait
 *
 * A blockade is a point where threads block until another thread wakes
 * them, with one extra way out: blockade_cancel() releases every current
 * and future waiter with STATUS_UNAVAILABLE, which in this API means
 * "cancelled". This is how a server loop is stopped from outside: its
 * thread blocks here between jobs, the stopper cancels and joins it.
 *
 * Wake-ups are counted, so a wake-up given before the waiter arrives is not
 * lost: the next block returns at once. Cancellation is sticky until
 * blockade_init() is called again (with no thread blocked).
 */

#ifndef _INCLUDE__BASE__BLOCKADE_H_
#define _INCLUDE__BASE__BLOCKADE_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/internal/counter.h>
#include <base/status.h>

struct blockade {
	struct counter counter;
};

/* clang-format off */
#define BLOCKADE_INIT {.counter = {.value = 0}}
/* clang-format on */

#define BLOCKADE_FOREVER UINT64_MAX

void blockade_init(struct blockade *b);

/*
 * Block until woken (STATUS_OK), until timeout_us passed (STATUS_TIMEOUT;
 * 0 only polls, BLOCKADE_FOREVER never expires) or until cancelled
 * (STATUS_UNAVAILABLE, also returned at once if cancelled before).
 */
status_t blockade_block(struct blockade *b, uint64_t timeout_us);

/* let one blocked (or the next arriving) thread pass */
void blockade_wakeup(struct blockade *b);

/* release every waiter with STATUS_UNAVAILABLE, now and in future */
void blockade_cancel(struct blockade *b);

bool blockade_cancelled(const struct blockade *b);

#endif /* _INCLUDE__BASE__BLOCKADE_H_ */

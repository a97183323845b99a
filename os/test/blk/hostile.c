/*
 * \brief  test-blk as a hostile client: it corrupts its shared queues
 *
 * Writes into the region what a well-behaved source never would, behind
 * the back of its own source state, and pokes the server. The server must
 * answer by cutting the session off: a later call on the session fails.
 */

#include <base/log.h>
#include <util/string.h>

#include "test_blk.h"

/* a head 2^31 - 1 entries past the tail: more than any queue holds */
static void
test_blk_corrupt_head(struct test_blk *t)
{
	atomic_store(&t->src.submit.queue->head.value, 0x7fffffffu);
}

/* one packet whose offset + size wraps around 2^64, published properly */
static void
test_blk_corrupt_descriptor(struct test_blk *t)
{
	struct packet_stream_slot *slot = &t->src.submit.slots[0];

	atomic_store(&slot->word[0], UINT64_MAX - 8); /* offset */
	atomic_store(&slot->word[1], 512);            /* size */
	atomic_store(&slot->word[2], BLOCK_OPERATION_READ);
	atomic_store(&slot->word[3], 0);
	atomic_store(&slot->word[4], 1);
	atomic_store(&t->src.submit.queue->head.value, 1);
}

/* the session is cut off once a call on it fails; give the server 2 s */
static bool
test_blk_cut_off(struct test_blk *t, status_t *st)
{
	struct signal sig;
	uint64_t count;
	uint32_t size, ops;

	for (unsigned i = 0; i < 20; i++) {
		*st = block_session_info(t->session, &count, &size, &ops);
		if (*st != STATUS_OK)
			return true;
		/* nothing arrives here: the wait is a pause */
		(void)signal_receiver_wait_timeout(t->receiver, 100000u, &sig);
	}
	return false;
}

bool
test_blk_hostile(struct test_blk *t, const char *mode)
{
	status_t st = STATUS_OK;

	if (str_equal(mode, "head"))
		test_blk_corrupt_head(t);
	else if (str_equal(mode, "descriptor"))
		test_blk_corrupt_descriptor(t);
	else {
		log_error("test-blk: unknown hostile mode \"%s\"", mode);
		return false;
	}
	(void)signal_submit(t->server_sigh, 1);
	if (!test_blk_cut_off(t, &st)) {
		log_error("test-blk: hostile client (%s) was not cut off", mode);
		return false;
	}
	log_print("test-blk: hostile client (%s) cut off (%s)", mode, status_name(st));
	return true;
}

/*
 * \brief  test-blk: a Block session client over its packet stream
 */

#ifndef _OS__TEST__BLK__TEST_BLK_H_
#define _OS__TEST__BLK__TEST_BLK_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/component.h>
#include <block_session/connection.h>
#include <os/packet_stream.h>

enum {
	TEST_BLK_QUEUE_SIZE = 16,
	TEST_BLK_PAYLOAD = 64 * 1024,
	TEST_BLK_REGION = 4096 + TEST_BLK_PAYLOAD, /* header and queues fit in a page */
};

struct test_blk {
	block_session_cap_t session;
	uint64_t block_count;
	uint32_t block_size;
	uint32_t operations;
	struct packet_stream_source src;
	struct signal_receiver *receiver;
	signal_context_cap_t server_sigh; /* OWNED */
	uint8_t *region;
};

/* open the session, allocate and format the region, hand it over with tx */
status_t test_blk_open(struct env *env, struct test_blk *t);

/*
 * One request: op, first block, count; on success of the transport,
 * *ok is the server's verdict and, for a read, data (count * block_size
 * bytes) gets the payload.
 */
status_t test_blk_request(struct test_blk *t, uint64_t op, uint64_t block, uint64_t count,
                          void *data, bool *ok);

/*
 * Read every block rounds times, up to a queue's worth in flight; *bad
 * counts the acks that failed or differ from the module rom.
 */
status_t test_blk_read_pipelined(struct test_blk *t, const char *rom, size_t rom_size,
                                 unsigned rounds, unsigned *bad);

/*
 * Corrupt the submit queue as mode says ("head": a head far past the
 * tail, "descriptor": a packet whose offset + size overflows), signal the
 * server and check that it cut the session off. Logs the outcome.
 */
bool test_blk_hostile(struct test_blk *t, const char *mode);

#endif /* _OS__TEST__BLK__TEST_BLK_H_ */

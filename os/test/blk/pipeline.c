/*
 * \brief  test-blk: many reads in flight at once
 *
 * Keeps up to a queue's worth of one-block reads in flight, so that the
 * server sees bursts (several packets per signal) and acks arrive while
 * the client still submits. Never more in flight than the queue holds:
 * that is the one deadlock of the packet stream (doc/packet_stream.md).
 */

#include <util/string.h>

#include "test_blk.h"

/* is the acked packet p the right block of the module, zero-padded? */
static bool
test_blk_ack_valid(struct test_blk *t, const struct packet_descriptor *p, const char *rom,
                   size_t rom_size)
{
	const uint8_t *got = packet_stream_source_packet_content(&t->src, p);
	uint64_t from = p->op[BLOCK_PACKET_BLOCK] * t->block_size;

	if (!got || p->op[BLOCK_PACKET_SUCCESS] != 1)
		return false;
	for (uint64_t i = 0; i < t->block_size; i++) {
		uint8_t want = from + i < rom_size ? (uint8_t)rom[from + i] : 0;
		if (got[i] != want)
			return false;
	}
	return true;
}

static status_t
test_blk_submit_read(struct test_blk *t, uint64_t block)
{
	struct packet_descriptor p;
	status_t st = packet_stream_source_alloc_packet(&t->src, t->block_size, 0, &p);

	if (st != STATUS_OK)
		return st;
	p.op[BLOCK_PACKET_OPERATION] = BLOCK_OPERATION_READ;
	p.op[BLOCK_PACKET_BLOCK] = block;
	p.op[BLOCK_PACKET_COUNT] = 1;
	p.op[BLOCK_PACKET_SUCCESS] = 0;
	return packet_stream_source_submit_blocking(&t->src, &p);
}

status_t
test_blk_read_pipelined(struct test_blk *t, const char *rom, size_t rom_size, unsigned rounds,
                        unsigned *bad)
{
	uint64_t total = (uint64_t)rounds * t->block_count, submitted = 0;
	struct packet_descriptor p;
	status_t st = STATUS_OK;

	*bad = 0;
	while (st == STATUS_OK && (submitted < total || packet_stream_source_in_flight(&t->src))) {
		if (submitted < total &&
		    packet_stream_source_in_flight(&t->src) < TEST_BLK_QUEUE_SIZE) {
			st = test_blk_submit_read(t, submitted % t->block_count);
			submitted++;
			continue;
		}
		st = packet_stream_source_get_acked_blocking(&t->src, &p);
		if (st != STATUS_OK)
			break;
		if (!test_blk_ack_valid(t, &p, rom, rom_size))
			(*bad)++;
		st = packet_stream_source_release(&t->src, &p);
	}
	return st;
}

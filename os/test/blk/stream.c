/*
 * \brief  test-blk: setting up the packet stream and one request on it
 *
 * The client is the source: it allocates the region from its own RAM
 * session (so the client, not the server, pays for it), formats it, and
 * only then hands it to the server with tx, whose sink checks the format.
 * The server's signal context comes back in tx's reply, after the source
 * was initialised, so it is set into the source's signals afterwards.
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "test_blk.h"

static struct env *test_blk_env;

static status_t
test_blk_chunk_alloc(void *ctx, size_t size, void **addr)
{
	return heap_alloc(env_heap(test_blk_env), size, addr);
}

static void
test_blk_chunk_free(void *ctx, void *addr, size_t size)
{
	heap_free(env_heap(test_blk_env), addr);
}

/* the receiver with our ack_avail and ready_to_submit contexts */
static status_t
test_blk_signals_create(struct test_blk *t, struct signal_context **ack,
                        struct signal_context **ready)
{
	status_t st = signal_receiver_create(&t->receiver);

	if (st == STATUS_OK)
		st = signal_context_create(t->receiver, 0, ack);
	if (st == STATUS_OK)
		st = signal_context_create(t->receiver, 0, ready);
	return st;
}

status_t
test_blk_open(struct env *env, struct test_blk *t)
{
	static const struct heap_backing backing = {.alloc_chunk = test_blk_chunk_alloc,
	                                            .free_chunk = test_blk_chunk_free};
	struct signal_context *ack = 0, *ready = 0;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	size_t size = 0;
	void *base = 0;

	test_blk_env = env;
	status_t st = block_connection_open(env_parent(env), &t->session);
	if (st == STATUS_OK)
		st = block_session_info(t->session, &t->block_count, &t->block_size,
		                        &t->operations);
	if (st == STATUS_OK)
		st = test_blk_signals_create(t, &ack, &ready);
	if (st == STATUS_OK)
		st = ram_session_alloc(env_ram(env), TEST_BLK_REGION, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(ds, &base, &size);
	if (st == STATUS_OK) {
		struct packet_stream_source_signals sig = {
		        .packet_avail = CAP_TYPED_INVALID(signal_context_cap_t),
		        .ready_to_ack = CAP_TYPED_INVALID(signal_context_cap_t),
		        .receiver = t->receiver};
		st = packet_stream_source_init(&t->src, base, size, TEST_BLK_QUEUE_SIZE, &backing,
		                               &sig);
	}
	if (st == STATUS_OK)
		st = block_session_tx(t->session, ds, TEST_BLK_QUEUE_SIZE, signal_context_cap(ack),
		                      signal_context_cap(ready), &t->server_sigh);
	if (st != STATUS_OK)
		return st;
	t->region = base;
	/* one context of the server stands for both of its signals */
	t->src.sig.packet_avail = t->server_sigh;
	t->src.sig.ready_to_ack = t->server_sigh;
	return STATUS_OK;
}

status_t
test_blk_request(struct test_blk *t, uint64_t op, uint64_t block, uint64_t count, void *data,
                 bool *ok)
{
	struct packet_descriptor p;
	uint64_t bytes = count ? count * t->block_size : t->block_size;
	status_t st = packet_stream_source_alloc_packet(&t->src, bytes, 0, &p);

	if (st != STATUS_OK)
		return st;
	mem_set(packet_stream_source_packet_content(&t->src, &p), 0, (size_t)bytes);
	p.op[BLOCK_PACKET_OPERATION] = op;
	p.op[BLOCK_PACKET_BLOCK] = block;
	p.op[BLOCK_PACKET_COUNT] = count;
	p.op[BLOCK_PACKET_SUCCESS] = 0;
	st = packet_stream_source_submit_blocking(&t->src, &p);
	if (st == STATUS_OK)
		st = packet_stream_source_get_acked_blocking(&t->src, &p);
	if (st != STATUS_OK)
		return st;
	*ok = p.op[BLOCK_PACKET_SUCCESS] == 1;
	if (*ok && data && op == BLOCK_OPERATION_READ)
		mem_copy(data, packet_stream_source_packet_content(&t->src, &p), (size_t)bytes);
	return packet_stream_source_release(&t->src, &p);
}

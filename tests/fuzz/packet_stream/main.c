/*
 * \brief  Fuzz target: arbitrary bytes as the shared queue area
 *
 * A stream is set up and used legitimately for a few packets, so that
 * positions and descriptors are not all zero. Then the input is XORed
 * over the header and both queues (a zero byte leaves a byte alone, so
 * the fuzzer can aim at single words), and both ends are driven through
 * every call, by the rest of the input or by a fixed script. Neither
 * may crash, and every packet either end hands out must lie inside the
 * payload area: each one is written in full, and the region is heap
 * memory of exactly its size, so ASan sees a byte outside it.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <os/packet_stream.h>

enum { REGION = 16 * 1024, QUEUE = 8, HELD = 64, SCRIPT = 96 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct world {
	uint8_t *region;
	struct packet_stream_source src;
	struct packet_stream_sink sink;
	struct packet_descriptor held[HELD];
	unsigned nheld;
};

static status_t
chunk_alloc(void *ctx, size_t size, void **addr)
{
	*addr = aligned_alloc(16, (size + 15) & ~(size_t)15);
	return *addr ? STATUS_OK : STATUS_OUT_OF_MEMORY;
}

static void
chunk_free(void *ctx, void *addr, size_t size)
{
	free(addr);
}

/* a packet handed out must lie in the payload area; touch all of it */
static void
touch(struct world *w, uint8_t *c, uint64_t size)
{
	uint8_t *lo = w->region + w->src.layout.payload_offset, *hi = w->region + REGION;

	if (!c || c < lo || c > hi || size > (uint64_t)(hi - c))
		abort();
	memset(c, 0x5a, size);
}

static void
source_send(struct world *w, unsigned param)
{
	struct packet_descriptor p;

	if (packet_stream_source_alloc_packet(&w->src, 1 + param * 37, param & 7, &p) != STATUS_OK)
		return;
	touch(w, packet_stream_source_packet_content(&w->src, &p), p.size);
	p.op[0] = param;
	/* odd params defer the signal: flushed by the next even one, or a wait */
	status_t s = param & 1 ? packet_stream_source_submit_deferred(&w->src, &p)
	                       : packet_stream_source_submit(&w->src, &p);
	if (!(param & 1))
		packet_stream_source_flush(&w->src);
	if (s != STATUS_OK)
		(void)packet_stream_source_release(&w->src, &p);
}

static void
source_take(struct world *w)
{
	struct packet_descriptor p;

	if (packet_stream_source_get_acked(&w->src, &p) != STATUS_OK)
		return;
	touch(w, packet_stream_source_packet_content(&w->src, &p), p.size);
	if (packet_stream_source_release(&w->src, &p) != STATUS_OK)
		abort();
}

static void
sink_take(struct world *w)
{
	struct packet_descriptor p;

	if (packet_stream_sink_get_packet(&w->sink, &p) != STATUS_OK)
		return;
	touch(w, packet_stream_sink_packet_content(&w->sink, &p), p.size);
	if (w->nheld < HELD)
		w->held[w->nheld++] = p;
}

static void
sink_ack(struct world *w, unsigned param)
{
	if (w->nheld == 0)
		return;
	unsigned i = param % w->nheld;
	/* odd params defer the signal, as for submits: flushed by the next even one */
	status_t s = param & 1 ? packet_stream_sink_acknowledge_deferred(&w->sink, &w->held[i])
	                       : packet_stream_sink_acknowledge(&w->sink, &w->held[i]);
	if (!(param & 1))
		packet_stream_sink_flush(&w->sink);
	if (s == STATUS_OK)
		w->held[i] = w->held[--w->nheld];
}

static void
step(struct world *w, uint8_t op)
{
	switch (op & 7) {
	case 0:
	case 1:
		source_send(w, op >> 3);
		break;
	case 2:
		sink_take(w);
		break;
	case 3:
		sink_ack(w, op >> 3);
		break;
	case 4:
		source_take(w);
		break;
	case 5:
		(void)packet_stream_source_ready_to_submit(&w->src);
		(void)packet_stream_source_ack_avail(&w->src);
		/* no receiver: leaves a wish for op >> 3 acks and returns (or spins first) */
		(void)packet_stream_source_wait_acks(&w->src, op >> 3, NULL);
		break;
	default:
		(void)packet_stream_sink_packet_avail(&w->sink);
		(void)packet_stream_sink_ready_to_ack(&w->sink);
	}
}

static bool
world_open(struct world *w)
{
	struct heap_backing backing = {chunk_alloc, chunk_free, NULL};
	struct packet_stream_source_signals ss = {CAP_TYPED_INVALID(signal_context_cap_t),
	                                          CAP_TYPED_INVALID(signal_context_cap_t), NULL};
	struct packet_stream_sink_signals ks = {CAP_TYPED_INVALID(signal_context_cap_t),
	                                        CAP_TYPED_INVALID(signal_context_cap_t), NULL};

	memset(w, 0, sizeof(*w));
	w->region = aligned_alloc(4096, REGION);
	if (!w->region)
		return false;
	if (packet_stream_source_init(&w->src, w->region, REGION, QUEUE, &backing, &ss) !=
	            STATUS_OK ||
	    packet_stream_sink_init(&w->sink, w->region, REGION, QUEUE, &ks) != STATUS_OK)
		abort();
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t prelude[] = {0x08, 0x10, 0x18, 2, 2, 3, 4, 0x20};
	struct world w;

	if (!world_open(&w))
		return 0;
	for (size_t i = 0; i < sizeof(prelude); i++)
		step(&w, prelude[i]);
	/* the header and both queues, not the padding before the payload */
	size_t area = w.src.layout.ack_offset + sizeof(struct packet_stream_queue) +
	              QUEUE * sizeof(struct packet_stream_slot);
	size_t n = size < area ? size : area;
	for (size_t i = 0; i < n; i++)
		w.region[i] ^= data[i];
	for (size_t i = n; i < size; i++)
		step(&w, data[i]);
	for (unsigned i = 0; i < SCRIPT; i++)
		step(&w, (uint8_t)(i * 0x9d + (i >> 2)));
	packet_stream_source_destroy(&w.src);
	free(w.region);
	return 0;
}

/*
 * \brief  test-packet_stream: the two ends of a verified stream
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <base/signal_page_linux.h>

#include "../ipc/raw.h"
#include "stream.h"

enum { SIZE_MAX_PACKET = 3000 };

static uint64_t
packet_size(unsigned i)
{
	return 1 + (uint64_t)(i * 2654435761u) % SIZE_MAX_PACKET;
}

/* fill packet i, returning its byte sum */
static uint64_t
fill(uint8_t *c, uint64_t size, unsigned i)
{
	uint64_t sum = 0;

	memset(c, (uint8_t)i, size);
	memcpy(c, &i, size < sizeof(i) ? size : sizeof(i));
	for (uint64_t j = 0; j < size; j++)
		sum += c[j];
	return sum;
}

/*
 * Batched: out of acks, wait for all that is in flight (one ack_avail
 * for them), as the bench does; otherwise the blocking call.
 */
static status_t
get_ack(struct packet_stream_source *src, bool batched, struct packet_descriptor *p)
{
	uint32_t n;
	status_t s;

	if (!batched)
		return packet_stream_source_get_acked_blocking(src, p);
	s = packet_stream_source_wait_acks(src, 0, &n);
	if (s == STATUS_OK && n == 0)
		s = packet_stream_source_wait_acks(src, packet_stream_source_in_flight(src), &n);
	return s == STATUS_OK ? packet_stream_source_get_acked(src, p) : s;
}

static bool
take_ack(struct packet_stream_source *src, bool batched, unsigned *next)
{
	struct packet_descriptor p;
	status_t s = get_ack(src, batched, &p);

	if (s != STATUS_OK) {
		printf("  source: get_acked %s %s\n", status_name(s),
		       packet_stream_source_error(src));
		return false;
	}
	uint8_t *c = packet_stream_source_packet_content(src, &p);
	uint8_t inverted = (uint8_t) ~(*next & 0xff);
	bool ok = c && p.op[0] == *next && p.size == packet_size(*next) && p.op[2] == p.op[3] &&
	          c[0] == inverted;
	if (!ok)
		printf("  source: bad ack %u (op %llu)\n", *next, (unsigned long long)p.op[0]);
	(*next)++;
	return packet_stream_source_release(src, &p) == STATUS_OK && ok;
}

/* allocate packet i, taking acks while we must */
static bool
alloc_next(struct packet_stream_source *src, unsigned i, uint32_t queue_size, bool batched,
           unsigned *next, struct packet_descriptor *p)
{
	for (;;) {
		status_t s = STATUS_WOULD_BLOCK;
		if (packet_stream_source_in_flight(src) < queue_size)
			s = packet_stream_source_alloc_packet(src, packet_size(i), 3, p);
		if (s == STATUS_OK)
			return true;
		if ((s != STATUS_WOULD_BLOCK && s != STATUS_OUT_OF_MEMORY) ||
		    packet_stream_source_in_flight(src) == 0 || !take_ack(src, batched, next))
			return false;
	}
}

bool
stream_source(struct packet_stream_source *src, unsigned count, uint32_t queue_size, bool batched)
{
	struct packet_descriptor p;
	unsigned next = 0;

	for (unsigned i = 0; i < count; i++) {
		if (!alloc_next(src, i, queue_size, batched, &next, &p))
			return false;
		p.op[0] = i;
		p.op[3] = fill(packet_stream_source_packet_content(src, &p), p.size, i);
		/* batched: a flush every 7, out of step with the queue; waits flush too */
		status_t s = batched ? packet_stream_source_submit_deferred(src, &p)
		                     : packet_stream_source_submit_blocking(src, &p);
		if (batched && i % 7 == 6)
			packet_stream_source_flush(src);
		if (s != STATUS_OK) {
			printf("  source: submit %s %s\n", status_name(s),
			       packet_stream_source_error(src));
			return false;
		}
	}
	while (packet_stream_source_in_flight(src) > 0)
		if (!take_ack(src, batched, &next))
			return false;
	return next == count;
}

static bool
check_packet(struct packet_stream_sink *sink, struct packet_descriptor *p, unsigned i)
{
	uint8_t *c = packet_stream_sink_packet_content(sink, p);
	unsigned seq = i;
	uint64_t sum = 0;

	if (!c || p->op[0] != i || p->size != packet_size(i))
		return false;
	if (memcmp(c, &seq, p->size < sizeof(seq) ? p->size : sizeof(seq)) != 0)
		return false;
	for (uint64_t j = 0; j < p->size; j++) {
		if (j >= sizeof(seq) && c[j] != (uint8_t)i)
			return false;
		sum += c[j];
	}
	p->op[2] = sum;
	c[0] = (uint8_t)~c[0];
	return true;
}

bool
stream_sink(struct packet_stream_sink *sink, unsigned count, bool batched)
{
	struct packet_descriptor p;

	for (unsigned i = 0; i < count; i++) {
		status_t s = packet_stream_sink_get_packet_blocking(sink, &p);
		if (s == STATUS_OK && !check_packet(sink, &p, i)) {
			printf("  sink: packet %u is wrong\n", i);
			return false;
		}
		/* batched: deferred acks, a flush every 5; the blocking get flushes too */
		if (s == STATUS_OK && batched)
			s = packet_stream_sink_acknowledge_deferred(sink, &p);
		else if (s == STATUS_OK)
			s = packet_stream_sink_acknowledge_blocking(sink, &p);
		if (batched && i % 5 == 4)
			packet_stream_sink_flush(sink);
		if (s != STATUS_OK) {
			printf("  sink: %s %s\n", status_name(s), packet_stream_sink_error(sink));
			return false;
		}
	}
	packet_stream_sink_flush(sink); /* the last acks */
	return true;
}

bool
stream_signals_create(struct stream_signals *s)
{
	return signal_receiver_create(&s->r) == STATUS_OK &&
	       signal_context_create(s->r, NULL, &s->ctx[0]) == STATUS_OK &&
	       signal_context_create(s->r, NULL, &s->ctx[1]) == STATUS_OK;
}

void
stream_signals_destroy(struct stream_signals *s)
{
	signal_receiver_destroy(s->r);
}

signal_context_cap_t
stream_signals_cap(const struct stream_signals *s, unsigned i)
{
	return signal_context_cap(s->ctx[i]);
}

/*
 * Hand our two capabilities over and take the peer's two, each with its
 * count page, which outside the component world nobody else can tell the
 * peer (signal_page_linux.h)
 */
bool
stream_signals_swap(int sock, const struct stream_signals *mine, signal_context_cap_t *theirs)
{
	int fds[4];
	unsigned nfds = 4;
	char c = 0;

	for (unsigned i = 0; i < 2; i++) {
		fds[i] = (int)stream_signals_cap(mine, i).raw.sel;
		fds[2 + i] = (int)signal_context_page(mine->ctx[i]).raw.sel;
	}
	if (!raw_send(sock, "c", 1, fds, 4) || raw_recv(sock, &c, 1, fds, &nfds) != 1 || nfds != 4)
		return false;
	bool ok = true;
	for (unsigned i = 0; i < 2; i++) {
		theirs[i] = CAP_TYPED(signal_context_cap_t, ((cap_t){fds[i]}));
		ok = signal_page_adopt(theirs[i], CAP_TYPED(signal_page_cap_t,
		                                            ((cap_t){fds[2 + i]}))) == STATUS_OK &&
		     ok;
		close(fds[2 + i]);
	}
	return ok;
}

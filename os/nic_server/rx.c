/*
 * \brief  nic_server: received frames into the connected session's RX stream
 *
 * Called by the platform's driver for each frame it read, on a thread of
 * its own. The frame goes into the RX stream of the connected session,
 * after taking the acks its client gave back meanwhile; a frame that
 * finds no session, no room in the region or a full queue is dropped, as
 * a NIC would. The stream's packet_avail signal goes to the client only
 * when it found its queue empty and asked for the next frame, so a burst
 * costs the client one wake-up. A
 * client that broke the stream is not touched again: the entrypoint
 * cuts it off (it owns the session's signal context), woken by our
 * submit.
 */

#include <util/string.h>

#include "nic_server_internal.h"

/* take back what the client acknowledged */
static status_t
nic_server_rx_reap(struct nic_session_state *s)
{
	struct packet_descriptor p;
	status_t st;

	while ((st = packet_stream_source_get_acked(&s->rx, &p)) == STATUS_OK)
		(void)packet_stream_source_release(&s->rx, &p);
	return st == STATUS_WOULD_BLOCK ? STATUS_OK : st;
}

/* hand frame to s; false if dropped */
static bool
nic_server_rx_deliver(struct nic_session_state *s, const void *frame, size_t size)
{
	struct packet_descriptor p;
	status_t st = nic_server_rx_reap(s);

	if (st == STATUS_OK && packet_stream_source_in_flight(&s->rx) >= NIC_SESSION_QUEUE_SIZE)
		return false; /* the ack queue must never fill (doc/packet_stream.md) */
	if (st == STATUS_OK)
		st = packet_stream_source_alloc_packet(&s->rx, size, 0, &p);
	if (st == STATUS_OK) {
		mem_copy(packet_stream_source_packet_content(&s->rx, &p), frame, size);
		st = packet_stream_source_submit(&s->rx, &p);
		if (st == STATUS_WOULD_BLOCK)
			(void)packet_stream_source_release(&s->rx, &p);
	}
	if (st == STATUS_PROTOCOL || s->rx.broken) {
		s->rx_broken = true;
		(void)signal_submit(signal_context_cap(s->sigh), 1);
	}
	return st == STATUS_OK;
}

bool
nic_server_rx(const void *frame, size_t size)
{
	struct nic_server *srv = &nic_server;
	bool ok = false;

	if (size >= NIC_FRAME_MIN && size <= NIC_FRAME_MAX) {
		lock_acquire(&srv->lock);
		struct nic_session_state *s = srv->active;
		ok = s && s->rx_on && !s->rx_broken && nic_server_rx_deliver(s, frame, size);
		lock_release(&srv->lock);
	}
	if (!ok)
		srv->rx_dropped++;
	return ok;
}

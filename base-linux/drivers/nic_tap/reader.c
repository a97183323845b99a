/*
 * \brief  nic_drv's reader thread: frames from the TAP device to RX
 *
 * Blocks in read on the device (the only call it makes there) and puts
 * each frame into the RX stream of the active session, after taking the
 * acks the client gave back meanwhile. A frame that finds no session, no
 * room in the region or a full queue is dropped, as a NIC would. The
 * stream's packet_avail signal goes to the client only when its queue
 * was empty, so a burst costs the client one wake-up. A client that broke
 * the stream is not touched again: the entrypoint cuts it off (it owns
 * the session's signal context), woken by our submit.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include <base/log.h>
#include <base/thread.h>
#include <util/string.h>

#include "nic_tap.h"

/* take back what the client acknowledged */
static status_t
nic_tap_rx_reap(struct nic_tap_session *s)
{
	struct packet_descriptor p;
	status_t st;

	while ((st = packet_stream_source_get_acked(&s->rx, &p)) == STATUS_OK)
		(void)packet_stream_source_release(&s->rx, &p);
	return st == STATUS_WOULD_BLOCK ? STATUS_OK : st;
}

/* hand frame to s; false if dropped */
static bool
nic_tap_rx_deliver(struct nic_tap_session *s, const uint8_t *frame, size_t size)
{
	struct packet_descriptor p;
	status_t st = nic_tap_rx_reap(s);

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

static void
nic_tap_reader(void *arg)
{
	static uint8_t frame[NIC_FRAME_MAX + 64];
	struct nic_tap *drv = arg;

	for (;;) {
		ssize_t n = read(drv->fd, frame, sizeof(frame));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			log_error("nic_drv: reading the TAP device failed (errno %d): RX stopped", errno);
			return;
		}
		if (n < NIC_FRAME_MIN || n > NIC_FRAME_MAX) {
			drv->rx_dropped++;
			continue;
		}
		lock_acquire(&drv->lock);
		struct nic_tap_session *s = drv->active;
		bool ok = s && s->rx_on && !s->rx_broken && nic_tap_rx_deliver(s, frame, (size_t)n);
		lock_release(&drv->lock);
		if (!ok)
			drv->rx_dropped++;
	}
}

status_t
nic_tap_reader_start(struct nic_tap *drv)
{
	struct thread *t = 0;
	status_t st = thread_create("tap_reader", 0, nic_tap_reader, drv, &t);

	return st == STATUS_OK ? thread_start(t) : st;
}

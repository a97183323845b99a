/*
 * \brief  Packet stream: signals to the peer, waiting, failure reports
 */

#include "internal.h"

void
packet_stream_notify(signal_context_cap_t cap)
{
	/*
	 * A failed submit changes nothing for us: the peer gave a bad
	 * capability and will wait in vain, which it could do anyway.
	 */
	if (cap_valid(cap_raw(cap)))
		(void)signal_submit(cap, 1);
}

void
packet_stream_flush_side(struct packet_stream_ring *r, const char *name, char *err, bool *broken,
                         signal_context_cap_t cap)
{
	bool wake = false;

	if (*broken)
		return;
	if (packet_stream_ring_flush(r, name, err, &wake) == STATUS_PROTOCOL)
		*broken = true;
	if (wake)
		packet_stream_notify(cap);
}

status_t
packet_stream_wait(struct signal_receiver *r)
{
	struct signal s;

	if (!r)
		return STATUS_WOULD_BLOCK;
	return signal_receiver_wait(r, &s) == STATUS_OK ? STATUS_OK : STATUS_UNAVAILABLE;
}

status_t
packet_stream_fail(char *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format_vstring(err, PACKET_STREAM_ERROR_MAX, fmt, ap);
	va_end(ap);
	return STATUS_PROTOCOL;
}

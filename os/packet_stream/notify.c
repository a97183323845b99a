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

/*
 * \brief  Packet stream: where header, queues and payload lie in the region
 *
 * Both sides compute the layout from their own arguments (region size and
 * queue size, agreed on at session setup) and never from the region, so a
 * peer cannot move the parts under us by rewriting the header.
 */

#include "internal.h"

/* size of one queue: control block and slots, rounded to a cache line */
static size_t
queue_bytes(uint32_t queue_size)
{
	size_t bytes = sizeof(struct packet_stream_queue) +
	               (size_t)queue_size * sizeof(struct packet_stream_slot);

	return (bytes + PACKET_STREAM_CACHE_LINE - 1) & ~(size_t)(PACKET_STREAM_CACHE_LINE - 1);
}

status_t
packet_stream_layout(size_t region_size, uint32_t queue_size, struct packet_stream_layout *out)
{
	if (queue_size == 0 || queue_size > PACKET_STREAM_QUEUE_MAX ||
	    (queue_size & (queue_size - 1)) != 0)
		return STATUS_INVALID_ARGS;

	/* at most 6.3 MiB for two queues of QUEUE_MAX: no overflow in size_t */
	size_t submit = sizeof(struct packet_stream_header);
	size_t ack = submit + queue_bytes(queue_size);
	size_t end = ack + queue_bytes(queue_size);
	size_t payload = (end + PACKET_STREAM_PAYLOAD_ALIGN - 1) &
	                 ~(size_t)(PACKET_STREAM_PAYLOAD_ALIGN - 1);

	if (region_size <= payload)
		return STATUS_INVALID_ARGS;
	out->queue_size = queue_size;
	out->submit_offset = submit;
	out->ack_offset = ack;
	out->payload_offset = payload;
	out->payload_size = region_size - payload;
	return STATUS_OK;
}

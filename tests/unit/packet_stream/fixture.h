/*
 * \brief  test-packet_stream: a source and a sink over one region
 */

#ifndef _TESTS__UNIT__PACKET_STREAM__FIXTURE_H_
#define _TESTS__UNIT__PACKET_STREAM__FIXTURE_H_

#include <stdbool.h>
#include <stddef.h>

#include <os/packet_stream.h>

#include "../heap/test_backing.h"

struct pair {
	void *region;
	size_t size;
	bool mapped; /* MAP_SHARED (survives fork) instead of the heap (ASan sees overruns) */
	uint32_t queue_size;
	struct test_backing backing;
	struct packet_stream_source src;
	struct packet_stream_sink sink;
};

/*
 * A formatted region of size bytes with both ends attached, without
 * signals (the blocking calls return STATUS_WOULD_BLOCK). With shared,
 * the region is a shared mapping; the sink is attached anyway.
 */
bool pair_open(struct pair *p, size_t size, uint32_t queue_size, bool shared);
void pair_close(struct pair *p);

/* the source's view of the payload area */
static inline uint8_t *
pair_payload(struct pair *p)
{
	return (uint8_t *)p->region + p->src.layout.payload_offset;
}

/* allocate size bytes, fill with byte, submit; false on any failure */
bool pair_submit(struct pair *p, uint64_t size, uint8_t byte, struct packet_descriptor *out);

/* the same with packet_stream_source_submit_deferred (no signal until a flush) */
bool pair_submit_deferred(struct pair *p, uint64_t size, uint8_t byte,
                          struct packet_descriptor *out);

/* whether content lies inside the payload area of the region (size bytes) */
bool pair_in_payload(struct pair *p, const void *content, uint64_t size);

/* whether s is PROTOCOL and the side's error message contains word */
bool error_names(status_t s, const char *error, const char *word);

#endif /* _TESTS__UNIT__PACKET_STREAM__FIXTURE_H_ */

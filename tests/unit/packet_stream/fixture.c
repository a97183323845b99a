/*
 * \brief  test-packet_stream: a source and a sink over one region
 */

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "../../harness/harness.h"
#include "fixture.h"

bool
pair_open(struct pair *p, size_t size, uint32_t queue_size, bool shared)
{
	struct packet_stream_source_signals ss = {.receiver = NULL};
	struct packet_stream_sink_signals ks = {.receiver = NULL};

	memset(p, 0, sizeof(*p));
	ss.packet_avail = ss.ready_to_ack = CAP_TYPED_INVALID(signal_context_cap_t);
	ks.ack_avail = ks.ready_to_submit = CAP_TYPED_INVALID(signal_context_cap_t);
	p->size = size;
	p->mapped = shared;
	p->queue_size = queue_size;
	if (shared) {
		p->region =
		        mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (p->region == MAP_FAILED)
			return false;
	} else {
		/* whole pages, exactly size bytes used: ASan flags a byte past the end */
		p->region = aligned_alloc(4096, size);
		if (!p->region)
			return false;
	}
	test_backing_init(&p->backing, SIZE_MAX);
	struct heap_backing ops = test_backing_ops(&p->backing);
	return CHECK_EQ(packet_stream_source_init(&p->src, p->region, size, queue_size, &ops, &ss),
	                STATUS_OK) &&
	       CHECK_EQ(packet_stream_sink_init(&p->sink, p->region, size, queue_size, &ks),
	                STATUS_OK);
}

void
pair_close(struct pair *p)
{
	packet_stream_source_destroy(&p->src);
	CHECK_EQ(p->backing.chunks, 0);
	test_backing_fini(&p->backing);
	if (p->mapped)
		munmap(p->region, p->size);
	else
		free(p->region);
}

static bool
submit(struct pair *p, uint64_t size, uint8_t byte, struct packet_descriptor *out, bool defer)
{
	if (packet_stream_source_alloc_packet(&p->src, size, 0, out) != STATUS_OK)
		return false;
	uint8_t *c = packet_stream_source_packet_content(&p->src, out);
	if (!c)
		return false;
	memset(c, byte, size);
	return (defer ? packet_stream_source_submit_deferred(&p->src, out)
	              : packet_stream_source_submit(&p->src, out)) == STATUS_OK;
}

bool
pair_submit(struct pair *p, uint64_t size, uint8_t byte, struct packet_descriptor *out)
{
	return submit(p, size, byte, out, false);
}

bool
pair_submit_deferred(struct pair *p, uint64_t size, uint8_t byte, struct packet_descriptor *out)
{
	return submit(p, size, byte, out, true);
}

bool
pair_in_payload(struct pair *p, const void *content, uint64_t size)
{
	uintptr_t lo = (uintptr_t)pair_payload(p), hi = (uintptr_t)p->region + p->size;
	uintptr_t c = (uintptr_t)content;

	return c >= lo && c <= hi && size <= hi - c;
}

bool
error_names(status_t s, const char *error, const char *word)
{
	if (s != STATUS_PROTOCOL || !strstr(error, word)) {
		printf("  status %s, error \"%s\", expected PROTOCOL naming \"%s\"\n",
		       status_name(s), error, word);
		return false;
	}
	return true;
}

/*
 * \brief  rom_blk sessions: the packet stream and the requests on it
 *
 * The server is the sink. Requests are served in the signal handler of
 * the session's context, on the entrypoint's thread, never blocking: a
 * full ack queue ends the round, and the client's ready_to_ack signal
 * (same context) starts the next. A stream that breaks the protocol cuts
 * its session off; other sessions are not affected.
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <util/string.h>

#include "rom_blk.h"

/* requests served per signal, so that one busy client cannot starve others */
enum { ROM_BLK_ROUND_MAX = 64 };

static void
rom_blk_cap_drop(signal_context_cap_t *cap)
{
	if (cap_valid(cap_raw(*cap)))
		cap_close(cap_raw(*cap));
	*cap = CAP_TYPED_INVALID(signal_context_cap_t);
}

/* the number of requested blocks if the request lies on the device and fits p */
static bool
rom_blk_request_valid(const struct rom_blk_device *dev, const struct packet_descriptor *p)
{
	uint64_t block = p->op[BLOCK_PACKET_BLOCK], count = p->op[BLOCK_PACKET_COUNT];

	/* written as differences and quotients: no product or sum can overflow */
	return count >= 1 && block < dev->block_count && count <= dev->block_count - block &&
	       count <= p->size / dev->block_size;
}

/* read the blocks of p into its payload; bytes past the module's end are zero */
static bool
rom_blk_read(struct rom_blk_session *s, const struct packet_descriptor *p)
{
	const struct rom_blk_device *dev = s->dev;
	uint8_t *dst = packet_stream_sink_packet_content(&s->sink, p);

	if (!dst || p->op[BLOCK_PACKET_OPERATION] != BLOCK_OPERATION_READ ||
	    !rom_blk_request_valid(dev, p))
		return false;
	uint64_t from = p->op[BLOCK_PACKET_BLOCK] * dev->block_size;
	uint64_t len = p->op[BLOCK_PACKET_COUNT] * dev->block_size;
	uint64_t have = from < dev->size ? dev->size - from : 0;
	uint64_t copy = have < len ? have : len;

	mem_copy(dst, dev->data + from, (size_t)copy);
	mem_set(dst + copy, 0, (size_t)(len - copy));
	return true;
}

/*
 * The stream broke the protocol: log who, stop serving the session. The
 * session's object stays until its close, refusing every call: the
 * parent's close must still find the session by its capability, and on a
 * kernel whose capabilities die with their object (GNU Mach) a dissolved
 * one names nothing any more.
 */
static void
rom_blk_session_cut_off(struct rom_blk_session *s)
{
	log_error("rom_blk: client \"%s\" broke the packet stream protocol (%s): session cut off",
	          s->base.label, packet_stream_sink_error(&s->sink));
	s->cut_off = true;
	signal_context_dissolve(s->sigh);
	s->sigh = 0;
	dataspace_unmap(s->region, s->region_size);
	s->stream = false;
	rom_blk_cap_drop(&s->ack_avail);
	rom_blk_cap_drop(&s->ready_to_submit);
}

/* serve what is queued, at most one round's worth */
static void
rom_blk_session_serve(void *arg, unsigned num)
{
	struct rom_blk_session *s = arg;
	struct packet_descriptor p;
	unsigned n = 0;

	(void)num;
	while (packet_stream_sink_ready_to_ack(&s->sink) &&
	       packet_stream_sink_packet_avail(&s->sink)) {
		if (n++ == ROM_BLK_ROUND_MAX) {
			/* come back after the other clients had their turn */
			(void)signal_submit(signal_context_cap(s->sigh), 1);
			return;
		}
		if (packet_stream_sink_get_packet(&s->sink, &p) != STATUS_OK)
			break;
		p.op[BLOCK_PACKET_SUCCESS] = rom_blk_read(s, &p) ? 1 : 0;
		if (packet_stream_sink_acknowledge(&s->sink, &p) != STATUS_OK)
			break;
	}
	if (s->sink.broken)
		rom_blk_session_cut_off(s);
}

static status_t
rom_blk_info(void *ctx, struct rpc_call *call, uint64_t *block_count, uint32_t *block_size,
             uint32_t *operations)
{
	struct rom_blk_session *s = ctx;

	if (s->cut_off)
		return STATUS_DENIED;
	*block_count = s->dev->block_count;
	*block_size = (uint32_t)s->dev->block_size;
	*operations = BLOCK_OPERATION_READ_BIT; /* a ROM: writes are refused */
	return STATUS_OK;
}

/* attach to the client's region; on failure nothing is kept */
static status_t
rom_blk_stream_attach(struct rom_blk_session *s, dataspace_cap_t ds, uint32_t queue_size)
{
	status_t st = dataspace_map_writable(ds, &s->region, &s->region_size);

	if (st != STATUS_OK)
		return STATUS_INVALID_ARGS;
	st = signal_handler_create(s->ep, rom_blk_session_serve, s, &s->sigh);
	if (st == STATUS_OK) {
		struct packet_stream_sink_signals sig = {.ack_avail = s->ack_avail,
		                                         .ready_to_submit = s->ready_to_submit};
		st = packet_stream_sink_init(&s->sink, s->region, s->region_size, queue_size, &sig);
		if (st == STATUS_OK)
			return STATUS_OK;
		log_warning("rom_blk: client \"%s\": unusable stream region (%s)", s->base.label,
		            packet_stream_sink_error(&s->sink));
		signal_context_dissolve(s->sigh);
		s->sigh = 0;
	}
	dataspace_unmap(s->region, s->region_size);
	return st == STATUS_OUT_OF_MEMORY ? st : STATUS_PROTOCOL;
}

static status_t
rom_blk_tx(void *ctx, struct rpc_call *call, dataspace_cap_t ds, uint32_t queue_size,
           signal_context_cap_t ack_avail, signal_context_cap_t ready_to_submit,
           signal_context_cap_t *sigh)
{
	struct rom_blk_session *s = ctx;
	status_t st = s->cut_off ? STATUS_DENIED : STATUS_CONFLICT;

	if (!s->stream && !s->cut_off) {
		s->ack_avail = ack_avail;
		s->ready_to_submit = ready_to_submit;
		ack_avail = ready_to_submit = CAP_TYPED_INVALID(signal_context_cap_t);
		st = rom_blk_stream_attach(s, ds, queue_size);
		if (st == STATUS_OK) {
			s->stream = true;
			*sigh = signal_context_cap(s->sigh);
		} else {
			rom_blk_cap_drop(&s->ack_avail);
			rom_blk_cap_drop(&s->ready_to_submit);
		}
	}
	/* the mapping stays without the capability */
	cap_close(cap_raw(ds));
	rom_blk_cap_drop(&ack_avail);
	rom_blk_cap_drop(&ready_to_submit);
	return st;
}

static const struct block_session_ops rom_blk_session_ops = {.info = rom_blk_info,
                                                             .tx = rom_blk_tx};

status_t
rom_blk_session_open(struct rom_blk_session *s, struct entrypoint *ep,
                     const struct rom_blk_device *dev)
{
	block_session_cap_t cap;
	s->ep = ep;
	s->dev = dev;
	s->ack_avail = CAP_TYPED_INVALID(signal_context_cap_t);
	s->ready_to_submit = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st = block_session_manage(ep, &s->rpc, &rom_blk_session_ops, s, &cap);
	if (st == STATUS_OK)
		s->base.cap = cap_raw(cap);
	return st;
}

void
rom_blk_session_close(struct rom_blk_session *s)
{
	entrypoint_dissolve(s->ep, &s->rpc);
	if (s->stream) {
		signal_context_dissolve(s->sigh);
		dataspace_unmap(s->region, s->region_size);
	}
	rom_blk_cap_drop(&s->ack_avail);
	rom_blk_cap_drop(&s->ready_to_submit);
}

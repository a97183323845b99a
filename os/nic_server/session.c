/*
 * \brief  nic_server sessions: the RPC interface, TX to the device, cut-off
 *
 * TX frames are served in the signal handler of the session's context on
 * the entrypoint, never blocking: a round takes at most a queue's worth,
 * then re-signals itself so that the entrypoint stays responsive. The
 * client's packet_avail signal only comes when its queue turned
 * non-empty, so a busy client costs one signal per burst; tx_signals
 * (signals submitted to us, coalesced into tx_wakeups handler calls) and
 * tx_frames record it (logged at the close).
 */

#include <base/log.h>
#include <util/string.h>

#include "nic_server_internal.h"

static void
nic_server_cap_drop(signal_context_cap_t *cap)
{
	if (cap_valid(cap_raw(*cap)))
		cap_close(cap_raw(*cap));
	*cap = CAP_TYPED_INVALID(signal_context_cap_t);
}

/* release the device and everything but the object and its budget */
static void
nic_session_state_release(struct nic_session_state *s)
{
	lock_acquire(&s->srv->lock);
	if (s->srv->active == s)
		s->srv->active = 0;
	s->rx_on = false;
	lock_release(&s->srv->lock);
	if (s->sigh) {
		signal_context_dissolve(s->sigh);
		s->sigh = 0;
	}
	if (s->rx.base) {
		packet_stream_source_destroy(&s->rx);
		s->rx.base = 0;
	}
	s->tx_on = false;
	nic_server_region_free(&s->tx_region);
	nic_server_region_free(&s->rx_region);
	nic_server_cap_drop(&s->tx_ack_avail);
	nic_server_cap_drop(&s->tx_ready);
	nic_server_cap_drop(&s->rx_packet_avail);
	nic_server_cap_drop(&s->rx_ready);
}

/*
 * The client broke a stream: name it and stop serving it. The object
 * stays, refusing every call, until the parent closes the session (as
 * rom_blk does, doc/block.md); the device is free for the next client.
 */
static void
nic_session_state_cut_off(struct nic_session_state *s, const char *stream, const char *why)
{
	log_error(
	        "nic_drv: client \"%s\" broke the %s packet stream protocol (%s): session cut off",
	        s->base.label, stream, why);
	s->cut_off = true;
	nic_session_state_release(s);
}

/* hand one frame to the device; what is no frame is acknowledged unsent */
static void
nic_server_send(struct nic_session_state *s, const struct packet_descriptor *p)
{
	const void *data = packet_stream_sink_packet_content(&s->tx, p);

	if (!data || p->size < NIC_FRAME_MIN || p->size > NIC_FRAME_MAX)
		return;
	s->srv->backend.send(s->srv->backend.ctx, data, (size_t)p->size);
	s->tx_frames++;
}

static void
nic_session_state_serve(void *arg, unsigned num)
{
	struct nic_session_state *s = arg;
	struct packet_descriptor p;
	unsigned n = 0;

	s->tx_wakeups++;
	s->tx_signals += num;
	if (s->rx_broken) {
		nic_session_state_cut_off(s, "RX", packet_stream_source_error(&s->rx));
		return;
	}
	while (s->tx_on && packet_stream_sink_ready_to_ack(&s->tx) &&
	       packet_stream_sink_packet_avail(&s->tx)) {
		if (n++ == NIC_SESSION_QUEUE_SIZE) {
			(void)signal_submit(signal_context_cap(s->sigh), 1);
			break;
		}
		if (packet_stream_sink_get_packet(&s->tx, &p) != STATUS_OK)
			break;
		nic_server_send(s, &p);
		/* one ack_avail for the batch, at the flush below */
		if (packet_stream_sink_acknowledge_deferred(&s->tx, &p) != STATUS_OK)
			break;
	}
	packet_stream_sink_flush(&s->tx);
	if (s->tx_on && s->tx.broken)
		nic_session_state_cut_off(s, "TX", packet_stream_sink_error(&s->tx));
}

static status_t
nic_server_mac_address(void *ctx, struct rpc_call *call, uint64_t *mac)
{
	struct nic_session_state *s = ctx;
	*mac = s->srv->mac;
	return s->cut_off ? STATUS_DENIED : STATUS_OK;
}

/* the replies' capabilities are BORROWED: the regions stay ours */
static status_t
nic_server_buffers(void *ctx, struct rpc_call *call, dataspace_cap_t *tx_ds, dataspace_cap_t *rx_ds)
{
	struct nic_session_state *s = ctx;
	if (s->cut_off)
		return STATUS_DENIED;
	*tx_ds = s->tx_region.ds;
	*rx_ds = s->rx_region.ds;
	return STATUS_OK;
}

static status_t
nic_server_tx_start(void *ctx, struct rpc_call *call, signal_context_cap_t ack_avail,
                    signal_context_cap_t ready, signal_context_cap_t *sigh)
{
	struct nic_session_state *s = ctx;
	status_t st = s->cut_off ? STATUS_DENIED : s->tx_on ? STATUS_CONFLICT : STATUS_OK;

	if (st == STATUS_OK) {
		struct packet_stream_sink_signals sig = {.ack_avail = ack_avail,
		                                         .ready_to_submit = ready};
		st = packet_stream_sink_init(&s->tx, s->tx_region.base, s->tx_region.size,
		                             NIC_SESSION_QUEUE_SIZE, &sig);
		if (st != STATUS_OK)
			log_warning("nic_drv: client \"%s\": unusable TX region (%s)",
			            s->base.label, packet_stream_sink_error(&s->tx));
	}
	if (st != STATUS_OK) {
		nic_server_cap_drop(&ack_avail);
		nic_server_cap_drop(&ready);
		return st;
	}
	s->tx_ack_avail = ack_avail;
	s->tx_ready = ready;
	s->tx_on = true;
	*sigh = signal_context_cap(s->sigh);
	return STATUS_OK;
}

static status_t
nic_server_rx_start(void *ctx, struct rpc_call *call, signal_context_cap_t packet_avail,
                    signal_context_cap_t ready)
{
	struct nic_session_state *s = ctx;
	status_t st = s->cut_off ? STATUS_DENIED : s->rx_on ? STATUS_CONFLICT : STATUS_OK;

	if (st != STATUS_OK) {
		nic_server_cap_drop(&packet_avail);
		nic_server_cap_drop(&ready);
		return st;
	}
	lock_acquire(&s->srv->lock);
	s->rx_packet_avail = packet_avail;
	s->rx_ready = ready;
	s->rx.sig.packet_avail = packet_avail;
	s->rx.sig.ready_to_ack = ready;
	s->rx_on = true;
	lock_release(&s->srv->lock);
	return STATUS_OK;
}

static const struct nic_session_ops nic_server_ops = {.mac_address = nic_server_mac_address,
                                                      .buffers = nic_server_buffers,
                                                      .tx = nic_server_tx_start,
                                                      .rx = nic_server_rx_start};

static status_t
nic_server_chunk_alloc(void *ctx, size_t size, void **addr)
{
	return root_session_alloc(ctx, size, addr);
}

static void
nic_server_chunk_free(void *ctx, void *addr, size_t size)
{
	root_session_free(ctx, addr, size);
}

/* both regions, RX formatted as source, our signal context */
static status_t
nic_session_state_streams(struct nic_session_state *s, uint64_t tx_size, uint64_t rx_size)
{
	struct heap_backing backing = {.alloc_chunk = nic_server_chunk_alloc,
	                               .free_chunk = nic_server_chunk_free,
	                               .ctx = &s->base};
	struct packet_stream_source_signals sig = {
	        .packet_avail = CAP_TYPED_INVALID(signal_context_cap_t),
	        .ready_to_ack = CAP_TYPED_INVALID(signal_context_cap_t)};
	status_t st = nic_server_region_alloc(&s->tx_region, tx_size);

	if (st == STATUS_OK)
		st = nic_server_region_alloc(&s->rx_region, rx_size);
	if (st == STATUS_OK)
		st = packet_stream_source_init(&s->rx, s->rx_region.base, s->rx_region.size,
		                               NIC_SESSION_QUEUE_SIZE, &backing, &sig);
	if (st != STATUS_OK)
		s->rx.base = 0;
	if (st == STATUS_OK)
		st = signal_handler_create(env_ep(s->srv->env), nic_session_state_serve, s,
		                           &s->sigh);
	return st;
}

status_t
nic_session_state_open(struct nic_session_state *s, uint64_t tx_size, uint64_t rx_size)
{
	nic_session_cap_t cap;

	s->srv = &nic_server;
	s->tx_region.ds = s->rx_region.ds = CAP_TYPED_INVALID(dataspace_cap_t);
	s->tx_ack_avail = s->tx_ready = CAP_TYPED_INVALID(signal_context_cap_t);
	s->rx_packet_avail = s->rx_ready = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st = nic_session_state_streams(s, tx_size, rx_size);
	if (st == STATUS_OK)
		st = nic_session_manage(env_ep(s->srv->env), &s->rpc, &nic_server_ops, s, &cap);
	if (st != STATUS_OK) {
		nic_session_state_release(s);
		return st;
	}
	s->base.cap = cap_raw(cap);
	lock_acquire(&s->srv->lock);
	s->srv->active = s;
	lock_release(&s->srv->lock);
	return STATUS_OK;
}

void
nic_session_state_close(struct nic_session_state *s)
{
	entrypoint_dissolve(env_ep(s->srv->env), &s->rpc);
	if (!s->cut_off)
		log_print("nic_drv: client \"%s\" closed: %llu frames sent, %llu signals, %llu "
		          "wake-ups",
		          s->base.label, (unsigned long long)s->tx_frames,
		          (unsigned long long)s->tx_signals, (unsigned long long)s->tx_wakeups);
	nic_session_state_release(s);
}

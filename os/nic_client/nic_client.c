/*
 * \brief  nic_client: open a NIC session and move frames over its streams
 *
 * Order matters: the driver formatted RX before it handed out the
 * session, so we attach to it at once; TX is ours to format, and only
 * then may the driver attach (tx). Our four contexts share one receiver,
 * so nic_client_wait wakes for whichever stream has news; the stream
 * calls themselves never wait (the receivers in the stream signals are
 * NULL).
 */

#include <base/heap.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <os/nic_client.h>
#include <util/string.h>

static status_t
nic_client_chunk_alloc(void *ctx, size_t size, void **addr)
{
	return heap_alloc(env_heap(ctx), size, addr);
}

static void
nic_client_chunk_free(void *ctx, void *addr, size_t size)
{
	(void)size;
	heap_free(env_heap(ctx), addr);
}

static status_t
nic_client_context(struct nic_client *c, signal_context_cap_t *cap)
{
	struct signal_context *ctx = 0;
	status_t st = signal_context_create(c->receiver, c, &ctx);

	*cap = st == STATUS_OK ? signal_context_cap(ctx) : CAP_TYPED_INVALID(signal_context_cap_t);
	return st;
}

static void
nic_client_mac_set(struct nic_client *c, uint64_t mac)
{
	for (unsigned i = 0; i < NIC_MAC_SIZE; i++)
		c->mac[i] = (uint8_t)(mac >> (8 * (NIC_MAC_SIZE - 1 - i)));
}

/*
 * Map both regions and attach RX as sink. The driver's RX source never
 * waits (it takes acks when it next needs room), so our acks signal
 * nobody.
 */
static status_t
nic_client_regions(struct nic_client *c)
{
	struct packet_stream_sink_signals rs = {
	        .ack_avail = CAP_TYPED_INVALID(signal_context_cap_t),
	        .ready_to_submit = CAP_TYPED_INVALID(signal_context_cap_t)};
	status_t st = nic_session_buffers(c->session, &c->tx_ds, &c->rx_ds);

	if (st == STATUS_OK)
		st = dataspace_map_writable(c->tx_ds, &c->tx_base, &c->tx_size);
	if (st == STATUS_OK)
		st = dataspace_map_writable(c->rx_ds, &c->rx_base, &c->rx_size);
	if (st != STATUS_OK)
		return st;
	return packet_stream_sink_init(&c->rx, c->rx_base, c->rx_size, NIC_SESSION_QUEUE_SIZE, &rs);
}

/* format TX as source and let the driver attach to it */
static status_t
nic_client_tx_start(struct nic_client *c, signal_context_cap_t ack, signal_context_cap_t ready)
{
	struct heap_backing backing = {.alloc_chunk = nic_client_chunk_alloc,
	                               .free_chunk = nic_client_chunk_free,
	                               .ctx = c->env};
	struct packet_stream_source_signals ts = {
	        .packet_avail = CAP_TYPED_INVALID(signal_context_cap_t),
	        .ready_to_ack = CAP_TYPED_INVALID(signal_context_cap_t)};
	status_t st = packet_stream_source_init(&c->tx, c->tx_base, c->tx_size,
	                                        NIC_SESSION_QUEUE_SIZE, &backing, &ts);
	if (st != STATUS_OK)
		return st;
	st = nic_session_tx(c->session, ack, ready, &c->tx_sigh);
	if (st != STATUS_OK) {
		packet_stream_source_destroy(&c->tx);
		return st;
	}
	/* one context of the driver stands for both of its signals */
	c->tx.sig.packet_avail = c->tx_sigh;
	c->tx.sig.ready_to_ack = c->tx_sigh;
	return STATUS_OK;
}

status_t
nic_client_open(struct nic_client *c, struct env *env, const char *label, uint64_t tx_buf_size,
                uint64_t rx_buf_size)
{
	signal_context_cap_t ctx[4];
	uint64_t mac = 0;

	mem_set(c, 0, sizeof(*c));
	c->env = env;
	c->tx_ds = c->rx_ds = CAP_TYPED_INVALID(dataspace_cap_t);
	c->tx_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st =
	        nic_connection_open(env_parent(env), label, tx_buf_size, rx_buf_size, &c->session);
	if (st != STATUS_OK)
		return st;
	st = nic_session_mac_address(c->session, &mac);
	if (st == STATUS_OK)
		st = signal_receiver_create(&c->receiver);
	for (unsigned i = 0; i < 4 && st == STATUS_OK; i++)
		st = nic_client_context(c, &ctx[i]);
	if (st == STATUS_OK)
		st = nic_client_regions(c);
	/* only now: the driver's rx signals must find a sink attached */
	if (st == STATUS_OK)
		st = nic_session_rx(c->session, ctx[2], ctx[3]);
	if (st == STATUS_OK)
		st = nic_client_tx_start(c, ctx[0], ctx[1]);
	if (st != STATUS_OK) {
		nic_client_close(c);
		return st;
	}
	nic_client_mac_set(c, mac);
	return STATUS_OK;
}

void
nic_client_close(struct nic_client *c)
{
	if (cap_valid(cap_raw(c->tx_sigh))) {
		packet_stream_source_destroy(&c->tx);
		cap_close(cap_raw(c->tx_sigh));
	}
	if (c->tx_base)
		dataspace_unmap(c->tx_base, c->tx_size);
	if (c->rx_base)
		dataspace_unmap(c->rx_base, c->rx_size);
	if (cap_valid(cap_raw(c->tx_ds)))
		cap_close(cap_raw(c->tx_ds));
	if (cap_valid(cap_raw(c->rx_ds)))
		cap_close(cap_raw(c->rx_ds));
	if (c->receiver)
		signal_receiver_destroy(c->receiver);
	if (cap_valid(cap_raw(c->session)))
		nic_connection_close(env_parent(c->env), c->session);
	/* closed twice is harmless: no capability looks valid any more */
	mem_set(c, 0, sizeof(*c));
	c->session = CAP_TYPED_INVALID(nic_session_cap_t);
	c->tx_ds = c->rx_ds = CAP_TYPED_INVALID(dataspace_cap_t);
	c->tx_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
}

/* release what the driver sent back */
static status_t
nic_client_tx_reap(struct nic_client *c)
{
	struct packet_descriptor p;
	status_t st;

	while ((st = packet_stream_source_get_acked(&c->tx, &p)) == STATUS_OK)
		(void)packet_stream_source_release(&c->tx, &p);
	return st == STATUS_WOULD_BLOCK ? STATUS_OK : st;
}

status_t
nic_client_tx_alloc(struct nic_client *c, size_t size, struct packet_descriptor *p, void **data)
{
	if (size < NIC_FRAME_MIN || size > NIC_FRAME_MAX)
		return STATUS_INVALID_ARGS;
	status_t st = nic_client_tx_reap(c);
	if (st == STATUS_OK)
		st = packet_stream_source_alloc_packet(&c->tx, size, 0, p);
	if (st == STATUS_OK)
		*data = packet_stream_source_packet_content(&c->tx, p);
	return st;
}

status_t
nic_client_tx_submit(struct nic_client *c, const struct packet_descriptor *p)
{
	/* more in flight than the ack queue holds could stall the driver */
	if (packet_stream_source_in_flight(&c->tx) >= NIC_SESSION_QUEUE_SIZE) {
		status_t st = nic_client_tx_reap(c);
		if (st != STATUS_OK)
			return st;
		if (packet_stream_source_in_flight(&c->tx) >= NIC_SESSION_QUEUE_SIZE)
			return STATUS_WOULD_BLOCK;
	}
	return packet_stream_source_submit(&c->tx, p);
}

status_t
nic_client_rx_get(struct nic_client *c, struct packet_descriptor *p, const uint8_t **data,
                  size_t *size)
{
	status_t st = packet_stream_sink_get_packet(&c->rx, p);

	if (st != STATUS_OK)
		return st;
	*data = packet_stream_sink_packet_content(&c->rx, p);
	*size = (size_t)p->size;
	return *data ? STATUS_OK : STATUS_PROTOCOL;
}

status_t
nic_client_rx_done(struct nic_client *c, const struct packet_descriptor *p)
{
	return packet_stream_sink_acknowledge(&c->rx, p);
}

status_t
nic_client_wait(struct nic_client *c, uint64_t timeout_us)
{
	struct signal sig;
	status_t st = signal_receiver_wait_timeout(c->receiver, timeout_us, &sig);

	if (st == STATUS_OK)
		c->signals++;
	return st;
}

const char *
nic_client_error(const struct nic_client *c)
{
	const char *e = packet_stream_source_error(&c->tx);
	return e[0] ? e : packet_stream_sink_error(&c->rx);
}

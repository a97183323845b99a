/*
 * \brief  nic_client: the client side of a NIC session in a few calls
 *
 * Opens the session, maps both stream regions (which the driver
 * allocated from the client's donation), formats TX as source, attaches
 * RX as sink, and hands out frames: tx_alloc + tx_submit to send,
 * rx_get + rx_done to receive. All calls are non-blocking; wait blocks
 * until any of the four stream signals (or a timeout) arrives. Meant
 * for test programs and for lwIP's netif; one thread uses it.
 */

#ifndef _INCLUDE__OS__NIC_CLIENT_H_
#define _INCLUDE__OS__NIC_CLIENT_H_

#include <stddef.h>
#include <stdint.h>

#include <base/env.h>
#include <base/signal.h>
#include <nic_session/connection.h>
#include <os/packet_stream.h>

struct nic_client {
	struct env *env;
	nic_session_cap_t session; /* OWNED */
	uint8_t mac[NIC_MAC_SIZE];
	struct packet_stream_source tx;
	struct packet_stream_sink rx;
	dataspace_cap_t tx_ds, rx_ds; /* OWNED */
	void *tx_base, *rx_base;      /* mapped */
	size_t tx_size, rx_size;
	struct signal_receiver *receiver; /* OWNED: our four contexts */
	signal_context_cap_t tx_sigh;     /* OWNED: the driver's */
	uint64_t signals;                 /* taken by nic_client_wait */
};

/*
 * Open a session labeled label with the given region sizes and set both
 * streams up. On failure nothing is kept (the status says why).
 */
status_t nic_client_open(struct nic_client *c, struct env *env, const char *label,
                         uint64_t tx_buf_size, uint64_t rx_buf_size);

/* give everything back, the session included */
void nic_client_close(struct nic_client *c);

/*
 * A TX packet of size bytes (NIC_FRAME_MIN .. NIC_FRAME_MAX) into *p,
 * its payload at *data. Acked packets are released first.
 * STATUS_OUT_OF_MEMORY while the region is full.
 */
status_t nic_client_tx_alloc(struct nic_client *c, size_t size, struct packet_descriptor *p,
                             void **data);

/* send p; STATUS_WOULD_BLOCK while the queue is full (p stays ours) */
status_t nic_client_tx_submit(struct nic_client *c, const struct packet_descriptor *p);

/*
 * The next received frame into *p, its bytes at *data (*size of them,
 * BORROWED until nic_client_rx_done). STATUS_WOULD_BLOCK if none.
 */
status_t nic_client_rx_get(struct nic_client *c, struct packet_descriptor *p, const uint8_t **data,
                           size_t *size);

/* give a received frame back to the driver */
status_t nic_client_rx_done(struct nic_client *c, const struct packet_descriptor *p);

/* wait up to timeout_us for any signal of the streams; STATUS_TIMEOUT */
status_t nic_client_wait(struct nic_client *c, uint64_t timeout_us);

/* what broke a stream ("" if none) */
const char *nic_client_error(const struct nic_client *c);

#endif /* _INCLUDE__OS__NIC_CLIENT_H_ */

/*
 * \brief  nic_server's state: the device and its sessions (include/os/nic_server.h)
 */

#ifndef _OS__NIC_SERVER__NIC_SERVER_INTERNAL_H_
#define _OS__NIC_SERVER__NIC_SERVER_INTERNAL_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/entrypoint.h>
#include <base/env.h>
#include <base/lock.h>
#include <base/rpc_server.h>
#include <base/signal.h>
#include <nic_session/packet.h>
#include <nic_session/server.h>
#include <os/nic_server.h>
#include <os/packet_stream.h>
#include <root/component.h>

struct nic_session_state;

struct nic_server {
	struct env *env;
	uint64_t mac;
	struct nic_server_backend backend;
	struct lock lock; /* guards active and its RX source against nic_server_rx */
	struct nic_session_state *active; /* the one connected session, or NULL */
	uint64_t rx_dropped;
};

struct nic_server_region {
	dataspace_cap_t ds; /* OWNED: a RAM dataspace of ours, paid by the client */
	void *base;
	size_t size;
};

struct nic_session_state {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	struct nic_server *srv;
	struct nic_server_region tx_region, rx_region;
	bool cut_off; /* every call refused until the close */
	bool tx_on, rx_on;
	bool rx_broken;                 /* set by nic_server_rx, acted on by the entrypoint */
	struct packet_stream_sink tx;   /* we consume the client's frames */
	struct packet_stream_source rx; /* we produce received frames */
	struct signal_context *sigh;    /* ours, on the entrypoint */
	signal_context_cap_t tx_ack_avail, tx_ready;    /* OWNED, the client's */
	signal_context_cap_t rx_packet_avail, rx_ready; /* OWNED, the client's */
	uint64_t tx_frames, tx_signals, tx_wakeups;     /* signals and wake-ups per frames */
};

extern struct nic_server nic_server;

/* set s up for tx_size/rx_size regions (charged already); STATUS_* */
status_t nic_session_state_open(struct nic_session_state *s, uint64_t tx_size, uint64_t rx_size);
void nic_session_state_close(struct nic_session_state *s);

/* a stream region (region.c) */
status_t nic_server_region_alloc(struct nic_server_region *r, uint64_t size);
void nic_server_region_free(struct nic_server_region *r);

#endif /* _OS__NIC_SERVER__NIC_SERVER_INTERNAL_H_ */

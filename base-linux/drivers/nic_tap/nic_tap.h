/*
 * \brief  nic_drv on Linux: NIC sessions over a TAP device core hands out
 *
 * The TAP descriptor is the capability of a "Tap" session at core
 * (base-linux/core/tap_service.c); the driver itself runs under the
 * normal sandbox and only reads and writes it. One client at a time is
 * connected to the device: a second session is refused while one is
 * active. A session's state and both stream regions are paid from the
 * client's donation. TX frames are taken in a signal handler on the
 * entrypoint and written to the device; a reader thread blocks in read
 * and submits each frame to the active session's RX stream (dropped if
 * the stream has no room). A client that breaks either stream is cut
 * off and named; the device is free for the next client at once.
 */

#ifndef _BASE_LINUX__DRIVERS__NIC_TAP__NIC_TAP_H_
#define _BASE_LINUX__DRIVERS__NIC_TAP__NIC_TAP_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/entrypoint.h>
#include <base/env.h>
#include <base/lock.h>
#include <base/rpc_server.h>
#include <base/signal.h>
#include <nic_session/packet.h>
#include <nic_session/server.h>
#include <os/packet_stream.h>
#include <root/component.h>

struct nic_tap_session;

struct nic_tap {
	struct env *env;
	int fd;          /* the TAP device: our Tap session's capability */
	uint64_t mac;    /* 02:00:00:00:00:01 unless the config says otherwise */
	struct lock lock; /* guards active and its RX source against the reader */
	struct nic_tap_session *active; /* the one connected session, or NULL */
	uint64_t rx_dropped;
};

struct nic_tap_region {
	dataspace_cap_t ds; /* OWNED: a RAM dataspace of ours, paid by the client */
	void *base;
	size_t size;
};

struct nic_tap_session {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	struct nic_tap *drv;
	struct nic_tap_region tx_region, rx_region;
	bool cut_off;  /* every call refused until the close */
	bool tx_on, rx_on;
	bool rx_broken; /* set by the reader, acted on by the entrypoint */
	struct packet_stream_sink tx;   /* we consume the client's frames */
	struct packet_stream_source rx; /* we produce received frames */
	struct signal_context *sigh;    /* ours, on the entrypoint */
	signal_context_cap_t tx_ack_avail, tx_ready;   /* OWNED, the client's */
	signal_context_cap_t rx_packet_avail, rx_ready; /* OWNED, the client's */
	uint64_t tx_frames, tx_signals, tx_wakeups; /* signals and wake-ups per frames */
};

extern struct nic_tap nic_tap;

/* set s up for tx_size/rx_size regions (charged already); STATUS_* */
status_t nic_tap_session_open(struct nic_tap_session *s, uint64_t tx_size, uint64_t rx_size);
void nic_tap_session_close(struct nic_tap_session *s);

/* the reader thread: frames from the device into the active session */
status_t nic_tap_reader_start(struct nic_tap *drv);

/* the region helpers (region.c) */
status_t nic_tap_region_alloc(struct nic_tap_region *r, uint64_t size);
void nic_tap_region_free(struct nic_tap_region *r);

#endif /* _BASE_LINUX__DRIVERS__NIC_TAP__NIC_TAP_H_ */

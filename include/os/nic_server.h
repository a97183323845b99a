/*
 * \brief  nic_server: the generic part of a NIC driver
 *
 * Serves "Nic" (include/nic_session/) for one device: sessions paid from
 * the client's donation (state and both stream regions), one client
 * connected at a time (a second session is refused while one is), TX
 * frames taken in a signal handler on the entrypoint and handed to the
 * backend's send, received frames put into the connected session's RX
 * stream by nic_server_rx, from any thread. A client that breaks either
 * stream is cut off and named in the log, and the device is free for
 * the next client at once. The platform's driver (base-linux/drivers/
 * nic_tap: a TAP device) supplies the device. doc/net.md.
 */

#ifndef _INCLUDE__OS__NIC_SERVER_H_
#define _INCLUDE__OS__NIC_SERVER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/env.h>
#include <base/status.h>

struct nic_server_backend {
	/* put one frame on the wire; called on the entrypoint's thread */
	void (*send)(void *ctx, const void *frame, size_t size);
	void *ctx; /* BORROWED for the server's life */
};

/* Genode's fake MAC address, 02:00:00:00:00:01 */
#define NIC_SERVER_MAC_DEFAULT 0x020000000001ull

/*
 * Serve "Nic" at env's entrypoint for a device of MAC address mac (48
 * bits) and announce it to the parent. STATUS_* (logged).
 */
status_t nic_server_start(struct env *env, uint64_t mac, const struct nic_server_backend *backend);

/*
 * A frame received from the device (size bytes, copied): into the
 * connected session's RX stream. false if dropped (no session, no room,
 * not a frame). Any thread, one at a time.
 */
bool nic_server_rx(const void *frame, size_t size);

/* "02:00:00:00:00:01" into *mac (48 bits); false if malformed */
bool nic_server_mac_parse(const char *text, uint64_t *mac);

#endif /* _INCLUDE__OS__NIC_SERVER_H_ */

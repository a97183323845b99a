/*
 * \brief  test-rpc: a misbehaving peer, provided by each platform
 *
 * Generated stubs and ipc_call can only send what the transport allows.
 * These functions bypass the framework to send what it never would:
 * packets shorter than a header or empty, far more descriptors than a
 * message may carry, garbage where only channel set-up is expected. They
 * are test code with a generic interface and a per-platform
 * implementation (Linux: base-linux/test/rpc_raw_peer).
 */

#ifndef _OS__TEST__RPC__RAW_PEER_H_
#define _OS__TEST__RPC__RAW_PEER_H_

#include <stddef.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/status.h>

enum { RAW_PEER_FDS_MAX = 32 };

/*
 * Open a reply channel to the object obj (BORROWED) the way the transport
 * does, but hand out its raw client end (OWNED, close with
 * raw_peer_close) instead of using it for calls.
 */
status_t raw_peer_channel(cap_t obj, cap_t *chan);

/*
 * Send len bytes as one packet over sock (BORROWED: an object capability
 * or a raw channel), with nfds (at most RAW_PEER_FDS_MAX) descriptors
 * attached that refer to nothing the receiver expects.
 */
status_t raw_peer_send(cap_t sock, const void *bytes, size_t len, unsigned nfds);

/*
 * Wait up to a few seconds for one packet on chan and return the status
 * field of its header in *wire_status. STATUS_TIMEOUT if none came,
 * STATUS_PROTOCOL if it is no reply.
 */
status_t raw_peer_reply(cap_t chan, int32_t *wire_status);

void raw_peer_close(cap_t chan);

/* descriptors open in this component, or 0 if the platform cannot tell */
unsigned raw_peer_fd_count(void);

#endif /* _OS__TEST__RPC__RAW_PEER_H_ */

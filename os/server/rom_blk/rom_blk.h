/*
 * \brief  rom_blk: a ROM module served as a read-only Block device
 *
 * One entrypoint serves every client. A session's state (struct
 * rom_blk_session) is a root component's session, allocated once the
 * client's donation covered it; its packet
 * stream region is the client's RAM, mapped here at tx. The device has
 * ceil(rom_size / block_size) blocks: the bytes of the last block beyond
 * the module's end read as zero.
 */

#ifndef _OS__SERVER__ROM_BLK__ROM_BLK_H_
#define _OS__SERVER__ROM_BLK__ROM_BLK_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/entrypoint.h>
#include <base/rpc_server.h>
#include <base/signal.h>
#include <block_session/packet.h>
#include <block_session/server.h>
#include <os/packet_stream.h>
#include <root/component.h>

struct rom_blk_device {
	const char *data; /* the ROM module, mapped read-only */
	size_t size;
	uint64_t block_size;
	uint64_t block_count;
};

struct rom_blk_session {
	struct root_session base; /* label, capability (the library's), donation */
	struct rpc_object rpc;
	const struct rom_blk_device *dev;
	struct entrypoint *ep;
	bool cut_off; /* broke the protocol: every call is refused until the close */
	/* the packet stream, valid once stream is set */
	bool stream;
	struct packet_stream_sink sink;
	void *region;
	size_t region_size;
	struct signal_context *sigh;          /* ours: packet_avail and ready_to_ack */
	signal_context_cap_t ack_avail;       /* OWNED, may be invalid */
	signal_context_cap_t ready_to_submit; /* OWNED, may be invalid */
};

/*
 * Start serving s (zeroed by the root component, paid from the client's
 * donation); s->base.cap is the session capability then.
 */
status_t rom_blk_session_open(struct rom_blk_session *s, struct entrypoint *ep,
                              const struct rom_blk_device *dev);

/* stop serving s and give back what it holds but s->base; s may be freed afterwards */
void rom_blk_session_close(struct rom_blk_session *s);

#endif /* _OS__SERVER__ROM_BLK__ROM_BLK_H_ */

/*
 * \brief  One received Ethernet frame into lwIP (doc/net.md)
 *
 * The receive half of a netif driver, apart from where frames come from:
 * the NIC session's netif (lwip_nic) and the fuzzer feed frames through
 * the same path. Frames come from outside the component and may be
 * anything.
 */

#ifndef _LWIP_FRAME_H_
#define _LWIP_FRAME_H_

#include <stddef.h>
#include <stdint.h>

struct netif;

/* what became of the frames given so far */
struct lwip_frame_counts {
	uint64_t taken;     /* handed to lwIP */
	uint64_t bad_size;  /* shorter than a header or longer than a tagged frame */
	uint64_t no_memory; /* lwIP's pool was empty: dropped, as a full queue drops */
};

/*
 * Copy len bytes of frame into a pbuf and hand it to netif->input, in
 * the calling thread (the netif's input function decides where lwIP
 * processes it: tcpip_input queues it for the tcpip thread). The frame
 * is BORROWED for the call only. Never fails: a frame that cannot be
 * taken is dropped and counted.
 */
void lwip_frame_input(struct netif *netif, const uint8_t *frame, size_t len,
                      struct lwip_frame_counts *counts);

#endif /* _LWIP_FRAME_H_ */

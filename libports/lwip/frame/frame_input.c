/*
 * \brief  One received Ethernet frame into lwIP (lwip_frame.h)
 */

#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip_frame.h>

enum {
	FRAME_MIN = 14,       /* an Ethernet header */
	FRAME_MAX = 1514 + 4, /* with a VLAN tag, without the FCS */
};

void
lwip_frame_input(struct netif *netif, const uint8_t *frame, size_t len,
                 struct lwip_frame_counts *counts)
{
	if (len < FRAME_MIN || len > FRAME_MAX) {
		counts->bad_size++;
		return;
	}
	struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);
	if (!p) {
		counts->no_memory++;
		return;
	}
	(void)pbuf_take(p, frame, (u16_t)len);
	counts->taken++;
	/* on success lwIP owns p; on failure it is still ours */
	if (netif->input(p, netif) != ERR_OK)
		pbuf_free(p);
}

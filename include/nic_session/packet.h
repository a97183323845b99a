/*
 * \brief  The NIC session's use of the packet stream
 *
 * One packet is one Ethernet frame, destination MAC first, without the
 * frame check sequence; the op words are not used (zero). The geometry
 * of both streams is fixed here so that both sides compute the same
 * layout from nothing but the session arguments.
 */

#ifndef _INCLUDE__NIC_SESSION__PACKET_H_
#define _INCLUDE__NIC_SESSION__PACKET_H_

enum {
	NIC_SESSION_QUEUE_SIZE = 128,    /* entries per queue, both streams */
	NIC_SESSION_BUF_MIN = 64 * 1024, /* tx_buf_size, rx_buf_size at least */
	NIC_SESSION_BUF_MAX = 64u << 20, /* and at most */
	NIC_FRAME_MAX = 1514 + 4,        /* an Ethernet frame with a VLAN tag */
	NIC_FRAME_MIN = 14,              /* a header */
	NIC_MAC_SIZE = 6,
};

#endif /* _INCLUDE__NIC_SESSION__PACKET_H_ */

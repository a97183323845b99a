/*
 * \brief  Fuzz target: arbitrary Ethernet frames into lwIP
 *
 * The frames go through lwip_frame_input, the receive path of the NIC
 * session's netif, into lwIP's Ethernet input: ARP, IPv4 (fragments
 * too), ICMP, UDP, TCP and DHCP replies. One netif has a static address
 * with a TCP server (port 80) and a UDP echo (port 7), the other runs a
 * DHCP client, so that their parsers see the frames.
 *
 * Input: a sequence of records [netif+time byte][length: 2 bytes][frame].
 * The low bit of the first byte picks the netif, the rest moves lwIP's
 * clock on by up to 12.7 s before the frame (timers: retransmission,
 * reassembly, DHCP). lwIP runs in this thread only (no tcpip thread),
 * as if NO_SYS: nothing else touches it.
 */

#include <stddef.h>
#include <stdint.h>

#include <lwip_frame.h>

#include "fuzz_lwip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lwip_frame_counts counts;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_world_init();
	while (size >= 3) {
		unsigned netif = data[0] & 1;
		uint32_t advance_ms = (uint32_t)(data[0] >> 1) * 100;
		size_t len = (size_t)data[1] | (size_t)data[2] << 8;
		data += 3;
		size -= 3;
		if (len > size)
			len = size;
		if (advance_ms)
			fuzz_world_advance(advance_ms);
		lwip_frame_input(fuzz_world_netif(netif), data, len, &counts);
		data += len;
		size -= len;
	}
	fuzz_world_reset();
	return 0;
}

/*
 * \brief  nic_server: a MAC address from its text form (a driver's config)
 */

#include <os/nic_server.h>

#include <nic_session/packet.h>

/* "02:00:00:00:00:01" into 48 bits; false if malformed */
bool
nic_server_mac_parse(const char *text, uint64_t *mac)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < NIC_MAC_SIZE; i++, text += 3) {
		unsigned byte = 0;
		for (unsigned k = 0; k < 2; k++) {
			char c = text[k];
			unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
			             : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			             : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
			                                    : 16;
			if (d == 16)
				return false;
			byte = byte * 16 + d;
		}
		if (text[2] != (i + 1 < NIC_MAC_SIZE ? ':' : 0))
			return false;
		v = v << 8 | byte;
	}
	*mac = v;
	return true;
}

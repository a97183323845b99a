/*
 * \brief  Turning fuzz bytes into an RPC call message
 */

#include <string.h>

#include "rpc_input.h"

void
fuzz_rpc_input_build(struct rpc_msg *in, uint32_t iface, uint16_t opcode, uint8_t mode,
                     uint8_t caps, const uint8_t *data, size_t size, long fake_cap_base)
{
	size_t n;

	caps &= (1u << RPC_CAPS_MAX) - 1;
	rpc_msg_start(in, RPC_KIND_CALL, iface, opcode);
	if (mode & 1) {
		n = size < RPC_MSG_MAX ? size : RPC_MSG_MAX;
		memcpy(in, data, n);
	} else {
		n = size < RPC_PAYLOAD_MAX ? size : RPC_PAYLOAD_MAX;
		memcpy(in->payload, data, n);
		in->hdr.length = (uint16_t)n;
	}
	in->hdr.cap_mask = caps;
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++) {
		in->caps[i] = cap_invalid();
		if (caps & (1u << i))
			in->caps[i].sel = fake_cap_base + (long)i;
	}
}

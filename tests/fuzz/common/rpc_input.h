/*
 * \brief  Turning fuzz bytes into an RPC call message
 *
 * Both RPC fuzzers (one interface in depth, every interface at once)
 * build their calls the same way: either the bytes are the whole message,
 * header included, or they are the payload of a well-formed header. The
 * capabilities always match the header's mask, as the transport
 * guarantees; they are fake selectors the handlers never use.
 */

#ifndef _TESTS__FUZZ__COMMON__RPC_INPUT_H_
#define _TESTS__FUZZ__COMMON__RPC_INPUT_H_

#include <stddef.h>
#include <stdint.h>

#include <base/rpc_msg.h>

/* mode bit 0: data is the whole message; caps: the mask (low RPC_CAPS_MAX bits) */
void fuzz_rpc_input_build(struct rpc_msg *in, uint32_t iface, uint16_t opcode, uint8_t mode,
                          uint8_t caps, const uint8_t *data, size_t size, long fake_cap_base);

#endif /* _TESTS__FUZZ__COMMON__RPC_INPUT_H_ */

/*
 * \brief  RPC message: wire header, size limits, payload marshalling
 *
 * Every call and every reply is one message of at most RPC_MSG_MAX bytes:
 * a fixed header followed by the payload. Capabilities do not travel in
 * the bytes; the transport moves them beside the bytes (SCM_RIGHTS on
 * Linux, port descriptors on Mach) and the header's cap_mask says which
 * of the up to RPC_CAPS_MAX capability arguments are present.
 *
 * Bulk data never goes through messages: it goes through dataspaces. The
 * small fixed size lets every buffer live on the stack and lets a server
 * reject an oversized message before looking at it.
 *
 * Payload layout (produced and checked by code that tool/rpcgen
 * generates, see doc/rpc.md): first the fixed part, a struct of the
 * scalar arguments with explicit padding so that it is the same on 32-bit
 * and 64-bit machines, then every string argument as a 16-bit byte count
 * (including the terminating NUL) followed by the bytes.
 */

#ifndef _INCLUDE__BASE__RPC_MSG_H_
#define _INCLUDE__BASE__RPC_MSG_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/status.h>

/* bumped on every incompatible change of the header or the encoding */
#define RPC_PROTOCOL_VERSION 1

#define RPC_MSG_MAX     1024u
#define RPC_CAPS_MAX    4u
#define RPC_HEADER_SIZE 16u
#define RPC_PAYLOAD_MAX (RPC_MSG_MAX - RPC_HEADER_SIZE)

enum rpc_kind {
	RPC_KIND_CALL = 1,
	RPC_KIND_REPLY = 2,
	RPC_KIND_CONNECT = 3, /* transport-internal: opens a reply channel */
};

/* every field has a fixed width; the layout is asserted below */
struct rpc_header {
	uint8_t version;  /* RPC_PROTOCOL_VERSION */
	uint8_t kind;     /* enum rpc_kind */
	uint8_t cap_mask; /* bit i: capability argument i travels with the message */
	uint8_t reserved; /* 0 */
	uint16_t opcode;  /* method of the interface; echoed in the reply */
	uint16_t length;  /* payload bytes following the header */
	uint32_t iface;   /* interface id (name and version hashed by rpcgen) */
	int32_t status;   /* reply: the call's result; call: 0 */
};

_Static_assert(sizeof(struct rpc_header) == RPC_HEADER_SIZE, "rpc_header layout");
_Static_assert(offsetof(struct rpc_header, iface) == 8, "rpc_header layout");

/*
 * A message as sent and received. The header and the payload are adjacent
 * so that they go out as one buffer; caps[] is the local side of the
 * capability arguments and never leaves the component as bytes. Entries
 * whose cap_mask bit is clear hold the invalid capability.
 */
struct rpc_msg {
	struct rpc_header hdr;
	uint8_t payload[RPC_PAYLOAD_MAX];
	cap_t caps[RPC_CAPS_MAX];
	/*
	 * Off the wire, for a call: whether the reply may carry capabilities.
	 * rpc_msg_start sets it; a stub of a method without capability
	 * results clears it, which lets the transport take a cheaper receive
	 * path (descriptors that come anyway are dropped by the kernel and
	 * the reply is malformed).
	 */
	bool reply_caps;
};

_Static_assert(offsetof(struct rpc_msg, hdr) == 0 &&
                       offsetof(struct rpc_msg, payload) == RPC_HEADER_SIZE,
               "a message's first RPC_MSG_MAX bytes are what goes on the wire");
_Static_assert(RPC_CAPS_MAX <= 8, "cap_mask has 8 bits");

/*
 * Whether a received header is well-formed for its kind: version, kind,
 * reserved bits, cap_mask within RPC_CAPS_MAX, and length equal to the
 * received byte count minus the header.
 */
bool rpc_header_valid(const struct rpc_header *hdr, uint8_t kind, size_t received);

/* start a message: header for iface/opcode, empty payload, no caps, reply_caps set */
void rpc_msg_start(struct rpc_msg *msg, uint8_t kind, uint32_t iface, uint16_t opcode);

/*
 * Append n bytes to the payload. Returns false (and appends nothing) if
 * they do not fit; generated code asserts statically that they always do.
 */
bool rpc_put_bytes(struct rpc_msg *msg, const void *data, size_t n);

/*
 * Append a string argument bounded to max characters. Returns false if s
 * is longer than max (it is not silently truncated) or does not fit.
 */
bool rpc_put_string(struct rpc_msg *msg, const char *s, size_t max);

/*
 * Put capability argument index into the message. BORROWS c: the caller
 * keeps owning it; sending copies it. An invalid c leaves the argument
 * absent (its cap_mask bit clear).
 */
void rpc_put_cap(struct rpc_msg *msg, unsigned index, cap_t c);

/* sequential reader over a received payload */
struct rpc_reader {
	const struct rpc_msg *msg;
	size_t pos;
	size_t end;
};

/* end is hdr.length, but never more than RPC_PAYLOAD_MAX */
void rpc_reader_init(struct rpc_reader *r, const struct rpc_msg *msg);

/* copy the next n bytes; false if fewer remain */
bool rpc_get_bytes(struct rpc_reader *r, void *data, size_t n);

/*
 * Take the next string: its count must be 1..max+1, all bytes must be
 * inside the payload, the last one NUL and no other one NUL. On success *s
 * points into the message (valid as long as the message is).
 */
bool rpc_get_string(struct rpc_reader *r, size_t max, const char **s);

/* whether the whole payload was consumed: trailing bytes are an error */
bool rpc_reader_done(const struct rpc_reader *r);

/*
 * Check the capability arguments of a received message: no bit at or
 * above count, every bit of required set.
 */
bool rpc_caps_check(const struct rpc_msg *msg, unsigned count, unsigned required);

/* number of capability arguments present */
unsigned rpc_cap_mask_count(unsigned mask);

/*
 * Close every capability present in msg (received caps nobody took).
 * CONSUMES them; the entries become invalid. Implemented by the platform.
 */
void rpc_msg_close_caps(struct rpc_msg *msg);

#endif /* _INCLUDE__BASE__RPC_MSG_H_ */

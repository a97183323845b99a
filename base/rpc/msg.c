/*
 * \brief  Marshalling of RPC payloads, shared by clients and servers
 *
 * Everything here treats the message as untrusted input: a reader never
 * looks past hdr.length or the payload array, whatever the header says.
 */

#include <base/rpc_msg.h>
#include <util/string.h>

bool
rpc_header_valid(const struct rpc_header *hdr, uint8_t kind, size_t received)
{
	if (received < RPC_HEADER_SIZE || received > RPC_MSG_MAX)
		return false;
	if (hdr->version != RPC_PROTOCOL_VERSION || hdr->kind != kind || hdr->reserved != 0)
		return false;
	if (hdr->cap_mask >> RPC_CAPS_MAX)
		return false;
	return hdr->length == received - RPC_HEADER_SIZE;
}

void
rpc_msg_start(struct rpc_msg *msg, uint8_t kind, uint32_t iface, uint16_t opcode)
{
	msg->hdr.version = RPC_PROTOCOL_VERSION;
	msg->hdr.kind = kind;
	msg->hdr.cap_mask = 0;
	msg->hdr.reserved = 0;
	msg->hdr.opcode = opcode;
	msg->hdr.length = 0;
	msg->hdr.iface = iface;
	msg->hdr.status = 0;
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		msg->caps[i] = cap_invalid();
	msg->reply_caps = true;
}

bool
rpc_put_bytes(struct rpc_msg *msg, const void *data, size_t n)
{
	size_t len = msg->hdr.length;

	if (len > RPC_PAYLOAD_MAX || n > RPC_PAYLOAD_MAX - len)
		return false;
	mem_copy(msg->payload + len, data, n);
	msg->hdr.length = (uint16_t)(len + n);
	return true;
}

bool
rpc_put_string(struct rpc_msg *msg, const char *s, size_t max)
{
	size_t len = str_len_bounded(s, max + 1);
	uint16_t count;

	/* a longer string is an error of the caller, not something to cut */
	if (len > max || len + 1 > UINT16_MAX)
		return false;
	count = (uint16_t)(len + 1);
	if (msg->hdr.length + sizeof(count) + count > RPC_PAYLOAD_MAX)
		return false;
	rpc_put_bytes(msg, &count, sizeof(count));
	mem_copy(msg->payload + msg->hdr.length, s, len);
	msg->payload[msg->hdr.length + len] = 0;
	msg->hdr.length = (uint16_t)(msg->hdr.length + count);
	return true;
}

void
rpc_put_cap(struct rpc_msg *msg, unsigned index, cap_t c)
{
	if (index >= RPC_CAPS_MAX)
		return;
	msg->caps[index] = c;
	if (cap_valid(c))
		msg->hdr.cap_mask = (uint8_t)(msg->hdr.cap_mask | (1u << index));
	else
		msg->hdr.cap_mask = (uint8_t)(msg->hdr.cap_mask & ~(1u << index));
}

void
rpc_reader_init(struct rpc_reader *r, const struct rpc_msg *msg)
{
	r->msg = msg;
	r->pos = 0;
	r->end = msg->hdr.length <= RPC_PAYLOAD_MAX ? msg->hdr.length : RPC_PAYLOAD_MAX;
}

bool
rpc_get_bytes(struct rpc_reader *r, void *data, size_t n)
{
	if (n > r->end - r->pos)
		return false;
	mem_copy(data, r->msg->payload + r->pos, n);
	r->pos += n;
	return true;
}

bool
rpc_get_string(struct rpc_reader *r, size_t max, const char **s)
{
	uint16_t count;
	const char *bytes;

	if (!rpc_get_bytes(r, &count, sizeof(count)))
		return false;
	if (count == 0 || count > max + 1 || count > r->end - r->pos)
		return false;
	bytes = (const char *)r->msg->payload + r->pos;
	/* exactly one NUL, at the end: no hidden tail behind an early NUL */
	if (str_len_bounded(bytes, count) != (size_t)count - 1)
		return false;
	r->pos += count;
	*s = bytes;
	return true;
}

bool
rpc_reader_done(const struct rpc_reader *r)
{
	return r->pos == r->end;
}

unsigned
rpc_cap_mask_count(unsigned mask)
{
	unsigned n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

bool
rpc_caps_check(const struct rpc_msg *msg, unsigned count, unsigned required)
{
	unsigned mask = msg->hdr.cap_mask;

	if (count > RPC_CAPS_MAX || (mask >> count) != 0)
		return false;
	return (mask & required) == required;
}

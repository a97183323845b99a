/*
 * \brief  An rpc_msg as a typed Mach message, and back
 *
 * Layout after the header: one inline item of RPC_HEADER_SIZE + length
 * bytes, padded to 4, then (only if cap_mask has bits) one inline item
 * of as many send rights as cap_mask has bits, in bit order. A received
 * message is checked item by item against exactly this; what a peer
 * sends is never trusted.
 */

#include <mach_gen/mach_port.h>
#include <util/string.h>

#include "internal.h"

static size_t
round4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static mach_msg_type_t
wire_type(unsigned name, unsigned size, unsigned number)
{
	mach_msg_type_t t = {.msgt_name = name & 0xff,
	                     .msgt_size = size & 0xff,
	                     .msgt_number = number & 0xfff,
	                     .msgt_inline = 1};
	return t;
}

static bool
wire_type_is(const mach_msg_type_t *t, unsigned name, unsigned size, unsigned number)
{
	return t->msgt_inline && !t->msgt_longform && !t->msgt_deallocate && t->msgt_name == name &&
	       t->msgt_size == size && t->msgt_number == number;
}

status_t
wire_pack(struct wire_msg *w, const struct rpc_msg *msg)
{
	size_t n = RPC_HEADER_SIZE + msg->hdr.length;
	/* cppcheck-suppress ctuuninitvar ; w is written here, its address only is read */
	uint8_t *p = (uint8_t *)w->body;
	unsigned count = 0;

	if (n > RPC_MSG_MAX || (msg->hdr.cap_mask >> RPC_CAPS_MAX))
		return STATUS_PROTOCOL;
	*(mach_msg_type_t *)p = wire_type(MACH_MSG_TYPE_BYTE, 8, (unsigned)n);
	mem_copy(p + sizeof(mach_msg_type_t), msg, n);
	p += sizeof(mach_msg_type_t) + round4(n);
	w->head.msgh_bits = 0;
	if (msg->hdr.cap_mask) {
		mach_port_t *names = (mach_port_t *)(p + sizeof(mach_msg_type_t));
		for (unsigned i = 0; i < RPC_CAPS_MAX; i++) {
			if (!(msg->hdr.cap_mask & (1u << i)))
				continue;
			if (!ipc_sel_name(msg->caps[i].sel))
				return STATUS_INVALID_ARGS;
			names[count++] = (mach_port_t)msg->caps[i].sel;
		}
		*(mach_msg_type_t *)p = wire_type(MACH_MSG_TYPE_COPY_SEND, 32, count);
		p += sizeof(mach_msg_type_t) + 4 * count;
		w->head.msgh_bits = MACH_MSGH_BITS_COMPLEX;
	}
	w->head.msgh_size = (mach_msg_size_t)(p - (uint8_t *)w);
	return STATUS_OK;
}

/*
 * A received right as a selector of ours. A dead name comes as
 * MACH_PORT_DEAD without a name in our space: it becomes a fresh dead
 * name, so that the receiver still gets an open selector (that fails
 * calls with STATUS_INVALID_CAP) as for any other dissolved object.
 */
static cap_t
wire_cap(mach_port_t name)
{
	if (name == MACH_PORT_DEAD &&
	    mach_port_allocate(ipc_task(), MACH_PORT_RIGHT_DEAD_NAME, &name) != KERN_SUCCESS)
		return cap_invalid();
	return (cap_t){.sel = (long)name};
}

/* the capability item: exactly count send rights that can be selectors */
static bool
wire_caps_valid(const uint8_t *p, size_t avail, unsigned count)
{
	const mach_port_t *names = (const mach_port_t *)(p + sizeof(mach_msg_type_t));

	if (avail != sizeof(mach_msg_type_t) + 4 * count ||
	    !wire_type_is((const mach_msg_type_t *)p, MACH_MSG_TYPE_PORT_SEND, 32, count))
		return false;
	for (unsigned i = 0; i < count; i++)
		if (names[i] != MACH_PORT_DEAD && !ipc_sel_name((long)names[i]))
			return false;
	return true;
}

static bool
wire_check(mach_msg_header_t *h, struct rpc_msg *msg, uint8_t kind, size_t *received)
{
	size_t avail, n;
	uint8_t *p = (uint8_t *)(h + 1);
	const mach_msg_type_t *t = (const mach_msg_type_t *)p;

	if (h->msgh_size < sizeof(*h) + sizeof(*t))
		return false;
	avail = h->msgh_size - sizeof(*h);
	n = t->msgt_number;
	if (!wire_type_is(t, MACH_MSG_TYPE_BYTE, 8, (unsigned)n) || n < RPC_HEADER_SIZE ||
	    n > RPC_MSG_MAX || sizeof(*t) + round4(n) > avail)
		return false;
	mem_copy(msg, p + sizeof(*t), n);
	*received = n;
	p += sizeof(*t) + round4(n);
	avail -= sizeof(*t) + round4(n);
	if (!rpc_header_valid(&msg->hdr, kind, n))
		return false;
	if (msg->hdr.cap_mask == 0)
		return avail == 0;
	return (h->msgh_bits & MACH_MSGH_BITS_COMPLEX) &&
	       wire_caps_valid(p, avail, rpc_cap_mask_count(msg->hdr.cap_mask));
}

status_t
wire_unpack(mach_msg_header_t *h, struct rpc_msg *msg, uint8_t kind, size_t *received)
{
	const mach_port_t *names;
	unsigned next = 0;

	*received = 0;
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		msg->caps[i] = cap_invalid();
	if (!wire_check(h, msg, kind, received)) {
		wire_destroy_body(h);
		msg->hdr.cap_mask = 0;
		return STATUS_PROTOCOL;
	}
	names = (const mach_port_t *)((uint8_t *)(h + 1) + sizeof(mach_msg_type_t) +
	                              round4(*received) + sizeof(mach_msg_type_t));
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		if (msg->hdr.cap_mask & (1u << i))
			msg->caps[i] = wire_cap(names[next++]);
	return STATUS_OK;
}

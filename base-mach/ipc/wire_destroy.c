/*
 * \brief  Releasing what a received message holds
 *
 * Anything may arrive on a port of ours: rights of every kind, arrays of
 * them, out-of-line memory. What we do not take must be released, or a
 * peer could fill our name space or address space by sending garbage.
 * The walk trusts nothing but the kernel's own layout rules and stays
 * within msgh_size.
 */

#include <base/ep_mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "internal.h"

void
wire_right_release(mach_port_t name, mach_msg_type_name_t type)
{
	if (name == MACH_PORT_NULL || name == MACH_PORT_DEAD)
		return;
	if (type == MACH_MSG_TYPE_PORT_RECEIVE)
		(void)mach_port_mod_refs(ipc_task(), name, MACH_PORT_RIGHT_RECEIVE, -1);
	else if (type == MACH_MSG_TYPE_PORT_SEND || type == MACH_MSG_TYPE_PORT_SEND_ONCE)
		(void)syscall_mach_port_deallocate(ipc_task(), name);
}

void
wire_destroy_header(mach_msg_header_t *h, bool local_too)
{
	wire_right_release(h->msgh_remote_port, MACH_MSGH_BITS_REMOTE(h->msgh_bits));
	h->msgh_remote_port = MACH_PORT_NULL;
	if (local_too && MACH_MSGH_BITS_LOCAL(h->msgh_bits) != MACH_MSG_TYPE_PROTECTED_PAYLOAD) {
		wire_right_release(h->msgh_local_port, MACH_MSGH_BITS_LOCAL(h->msgh_bits));
		h->msgh_local_port = MACH_PORT_NULL;
	}
}

static bool
is_port_type(unsigned name)
{
	return name == MACH_MSG_TYPE_PORT_RECEIVE || name == MACH_MSG_TYPE_PORT_SEND ||
	       name == MACH_MSG_TYPE_PORT_SEND_ONCE;
}

/* one item's rights and memory; data is where its inline data or pointer is */
static void
item_destroy(unsigned name, unsigned size, size_t number, bool is_inline, uint8_t *data)
{
	size_t bytes = (number * size + 7) / 8;
	mach_port_t *ports = (mach_port_t *)(is_inline ? data : *(uint8_t **)data);

	if (is_port_type(name) && size == 32 && ports)
		for (size_t i = 0; i < number; i++)
			wire_right_release(ports[i], name);
	if (!is_inline && ports && bytes)
		(void)syscall_vm_deallocate(ipc_task(), (vm_address_t)ports, bytes);
}

void
wire_destroy_body(mach_msg_header_t *h)
{
	uint8_t *p = (uint8_t *)(h + 1), *end = (uint8_t *)h + h->msgh_size;

	if (!(h->msgh_bits & MACH_MSGH_BITS_COMPLEX) || h->msgh_size < sizeof(*h))
		return;
	while (p + sizeof(mach_msg_type_t) <= end) {
		const mach_msg_type_t *t = (const mach_msg_type_t *)p;
		unsigned name = t->msgt_name, size = t->msgt_size;
		uint64_t number = t->msgt_number, bytes;
		size_t len;

		if (t->msgt_longform) {
			const mach_msg_type_long_t *l = (const mach_msg_type_long_t *)p;
			if (p + sizeof(*l) > end)
				return;
			name = l->msgtl_name;
			size = l->msgtl_size;
			number = l->msgtl_number;
			p += sizeof(*l);
		} else
			p += sizeof(*t);
		/* in 64 bits: a longform count times a size overflows 32 */
		bytes = (number * size + 7) / 8;
		if (bytes > SIZE_MAX / 2)
			return;
		len = t->msgt_inline ? (size_t)bytes : sizeof(void *);
		if (len > (size_t)(end - p))
			return;
		item_destroy(name, size, (size_t)number, t->msgt_inline, p);
		p += (len + 3) & ~(size_t)3;
	}
}

void
mach_msg_destroy(mach_msg_header_t *msg)
{
	wire_destroy_header(msg, false);
	wire_destroy_body(msg);
}

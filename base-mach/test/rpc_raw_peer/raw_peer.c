/*
 * \brief  test-rpc's misbehaving peer on GNU Mach: raw mach_msg messages
 *
 * How Linux's notions map (doc/platform-mach.md, "Test hooks"):
 * - An object capability is a send right to the object's port; a raw
 *   send on it has no reply right, like a packet on Linux's object socket
 *   that is no connect: the entrypoint drops it.
 * - A "channel" is what a Mach caller has instead of Linux's connected
 *   socket: a reply port of its own (receive right) beside a reference to
 *   the object's send right. A send on a channel goes to the object with
 *   a send-once right to the reply port, as a call does, so the server
 *   answers even garbage there (with STATUS_PROTOCOL).
 * - A "packet" of len bytes is a message with msgh_id of a call whose
 *   body is those bytes as one inline byte item, as the transport lays
 *   out an rpc_msg, but of any length; an empty packet is a header
 *   without any body.
 * - nfds "descriptors" are one more item of nfds send rights, made from a
 *   decoy port of this library's that nobody serves.
 */

#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <util/string.h>

#include "../../../os/test/rpc/raw_peer.h"
#include "../../ipc/internal.h"

enum { CHANNELS = 8, SEND_TIMEOUT_MS = 5000, BYTES_MAX = 2 * RPC_MSG_MAX };

struct channel {
	int used; /* claimed atomically */
	mach_port_t reply;
	cap_t obj; /* OWNED: a reference of its own to the object's send right */
};

static struct channel channels[CHANNELS];
static mach_port_t decoy;

/* the port whose send rights the peer floods with: made once, kept for good */
static mach_port_t
raw_peer_decoy(void)
{
	mach_port_t mine = MACH_PORT_NULL, none = MACH_PORT_NULL;

	if (__atomic_load_n(&decoy, __ATOMIC_ACQUIRE))
		return decoy;
	if (syscall_mach_port_allocate(ipc_task(), MACH_PORT_RIGHT_RECEIVE, &mine) != KERN_SUCCESS)
		return MACH_PORT_NULL;
	if (!__atomic_compare_exchange_n(&decoy, &none, mine, false, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_ACQUIRE))
		(void)mach_port_mod_refs(ipc_task(), mine, MACH_PORT_RIGHT_RECEIVE, -1);
	return decoy;
}

static struct channel *
channel_find(cap_t chan)
{
	for (unsigned i = 0; i < CHANNELS; i++)
		if (__atomic_load_n(&channels[i].used, __ATOMIC_ACQUIRE) &&
		    (long)channels[i].reply == chan.sel)
			return &channels[i];
	return 0;
}

status_t
raw_peer_channel(cap_t obj, cap_t *chan)
{
	struct channel *c = 0;

	/* the decoy first: counts taken after a channel exists stay comparable */
	if (raw_peer_decoy() == MACH_PORT_NULL)
		return STATUS_OUT_OF_MEMORY;
	for (unsigned i = 0; i < CHANNELS && !c; i++)
		if (!__atomic_exchange_n(&channels[i].used, 1, __ATOMIC_ACQ_REL))
			c = &channels[i];
	if (!c)
		return STATUS_OUT_OF_MEMORY;
	status_t st = cap_dup(obj, &c->obj);
	if (st == STATUS_OK && syscall_mach_port_allocate(ipc_task(), MACH_PORT_RIGHT_RECEIVE,
	                                                  &c->reply) != KERN_SUCCESS) {
		cap_close(c->obj);
		st = STATUS_OUT_OF_MEMORY;
	}
	if (st != STATUS_OK) {
		__atomic_store_n(&c->used, 0, __ATOMIC_RELEASE);
		return st;
	}
	chan->sel = (long)c->reply;
	return STATUS_OK;
}

void
raw_peer_close(cap_t chan)
{
	struct channel *c = cap_valid(chan) ? channel_find(chan) : 0;

	if (!c)
		return;
	(void)mach_port_mod_refs(ipc_task(), c->reply, MACH_PORT_RIGHT_RECEIVE, -1);
	cap_close(c->obj);
	c->reply = MACH_PORT_NULL;
	__atomic_store_n(&c->used, 0, __ATOMIC_RELEASE);
}

static mach_msg_type_t
item_type(unsigned name, unsigned size, unsigned number)
{
	return (mach_msg_type_t){.msgt_name = name & 0xff,
	                         .msgt_size = size & 0xff,
	                         .msgt_number = number & 0xfff,
	                         .msgt_inline = 1};
}

/* the packet after h: the bytes as one item, then nfds rights of the decoy */
static void
packet_lay_out(mach_msg_header_t *h, const void *bytes, size_t len, unsigned nfds)
{
	uint8_t *p = (uint8_t *)(h + 1);

	if (len) {
		*(mach_msg_type_t *)p = item_type(MACH_MSG_TYPE_BYTE, 8, (unsigned)len);
		mem_copy(p + sizeof(mach_msg_type_t), bytes, len);
		p += sizeof(mach_msg_type_t) + ((len + 3) & ~(size_t)3);
	}
	if (nfds) {
		mach_port_t *names = (mach_port_t *)(p + sizeof(mach_msg_type_t));
		*(mach_msg_type_t *)p = item_type(MACH_MSG_TYPE_MAKE_SEND, 32, nfds);
		for (unsigned i = 0; i < nfds; i++)
			names[i] = decoy;
		p += sizeof(mach_msg_type_t) + 4 * nfds;
		h->msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	}
	h->msgh_size = (mach_msg_size_t)(p - (uint8_t *)h);
}

status_t
raw_peer_send(cap_t sock, const void *bytes, size_t len, unsigned nfds)
{
	union {
		mach_msg_header_t h;
		uint8_t bytes[sizeof(mach_msg_header_t) + 8 + BYTES_MAX + 4 * RAW_PEER_FDS_MAX];
	} m;
	struct channel *c = channel_find(sock);

	if (nfds > RAW_PEER_FDS_MAX || len > BYTES_MAX || !ipc_sel_name(sock.sel))
		return STATUS_INVALID_ARGS;
	if (nfds && raw_peer_decoy() == MACH_PORT_NULL)
		return STATUS_OUT_OF_MEMORY;
	m.h = (mach_msg_header_t){.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
	                                                      c ? MACH_MSG_TYPE_MAKE_SEND_ONCE : 0),
	                          .msgh_remote_port =
	                                  c ? (mach_port_t)c->obj.sel : (mach_port_t)sock.sel,
	                          .msgh_local_port = c ? c->reply : MACH_PORT_NULL,
	                          .msgh_id = WIRE_ID_CALL};
	packet_lay_out(&m.h, bytes, len, nfds);
	mach_msg_return_t mr = mach_msg(&m.h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, m.h.msgh_size, 0,
	                                MACH_PORT_NULL, SEND_TIMEOUT_MS, MACH_PORT_NULL);
	if (mr == MACH_MSG_SUCCESS)
		return STATUS_OK;
	if (mr == MACH_SEND_TIMED_OUT) { /* handed back as if received: release it */
		wire_destroy_header(&m.h, true);
		wire_destroy_body(&m.h);
	}
	return mr == MACH_SEND_INVALID_DEST ? STATUS_INVALID_CAP : STATUS_UNAVAILABLE;
}

/*
 * \brief  Client side of the shared call slot
 *
 * A call without capabilities is copied into the slot, the server is
 * woken (by a futex wake if it waits on the slot, otherwise by a doorbell
 * packet on the channel), and the client sleeps on the slot's futex until
 * the reply is there. A futex does not notice a dead peer, so the sleep
 * is cut into periods, and after each the channel is asked for a
 * hang-up: the kernel closes the server's end when the server dies.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdatomic.h>
#include <string.h>

#include <base/internal/lx_mem.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_socket.h>
#include <base/internal/lx_time.h>
#include <base/ipc_linux.h>

#include "internal.h"
#include "sealed_page.h"
#include "slot.h"

#ifndef IPC_SLOTS_DEFAULT
#define IPC_SLOTS_DEFAULT 1
#endif

/* how often a waiting client asks whether the server is gone */
enum { DEAD_PEER_CHECK_NS = 20 * 1000 * 1000 };

static _Atomic bool slots_on = IPC_SLOTS_DEFAULT;
static _Atomic uint64_t slot_calls;

bool
ipc_linux_slots(bool on)
{
	return atomic_exchange(&slots_on, on);
}

bool
rpc_slots_enabled(void)
{
	return atomic_load_explicit(&slots_on, memory_order_relaxed);
}

uint64_t
ipc_linux_slot_calls(void)
{
	return atomic_load(&slot_calls);
}

struct rpc_slot *
rpc_slot_offer(int chan)
{
	int fd = sealed_page_create("rpc-slot", RPC_SLOT_SIZE);

	if (fd < 0)
		return NULL;
	void *page = lx_mmap(NULL, RPC_SLOT_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	/* the offer is a connect packet on the channel; only the server reads it */
	status_t st = page == MAP_FAILED ? STATUS_OUT_OF_MEMORY
	                                 : sock_send_connect(chan, fd, MSG_DONTWAIT);
	lx_close(fd);
	if (st == STATUS_OK)
		return page;
	if (page != MAP_FAILED)
		lx_munmap(page, RPC_SLOT_SIZE);
	return NULL;
}

/*
 * The lane is a datagram pair: an unnamed pair reaches only its other
 * end, like a channel, but it is no channel, so a call through its
 * number fails at once instead of sending a connect nobody would read.
 * Offered as a connect carrying its descriptor as argument 1 (cap_mask
 * 2), told apart from a slot's offer (argument 0).
 */
int
rpc_slot_lane_offer(int chan)
{
	int sv[2];

	if (lx_socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	status_t st = sock_send_connect_fds(chan, &sv[0], 1, 2, MSG_DONTWAIT);
	lx_close(sv[0]);
	if (st == STATUS_OK)
		return sv[1];
	lx_close(sv[1]);
	return -1;
}

void
rpc_slot_release(struct rpc_slot *slot)
{
	if (slot)
		lx_munmap(slot, RPC_SLOT_SIZE);
}

/* the doorbell: a connect packet without a descriptor makes the server look at the slot */
static status_t
doorbell(int chan)
{
	struct rpc_header hdr = {.version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CONNECT};
	long r;

	do
		r = lx_send(chan, &hdr, sizeof(hdr), MSG_NOSIGNAL);
	while (r < 0 && errno == EINTR);
	return r == (long)sizeof(hdr) ? STATUS_OK : STATUS_INVALID_CAP;
}

/*
 * Wake the entrypoint if it waits on the slot, else ring the doorbell.
 * It sets `listening` before it reads the state and reads the state
 * again after it cleared `listening` (ep_slot_serve.c): seen set, it
 * will find the call, woken or not. Seen clear, it may just be on its
 * way back from waking us (on one CPU our wake-up preempts it): yielding
 * once lets it reach the slot, which spares the doorbell, a packet.
 */
static status_t
slot_post(int chan, struct rpc_slot *slot)
{
	_Atomic uint32_t *listening = (_Atomic uint32_t *)&slot->listening;

	if (!atomic_load(listening)) {
		lx_sched_yield();
		if (atomic_load((_Atomic uint32_t *)&slot->state) != RPC_SLOT_CALL)
			return STATUS_OK; /* taken and answered meanwhile */
		if (!atomic_load(listening))
			return doorbell(chan);
	}
	lx_futex_wake_shared(&slot->state, 1);
	return STATUS_OK;
}

/*
 * The state first, then the flag (the entrypoint sets the flag, then
 * reads the state): either it sees "socket" and does not wait, or we see
 * it listening and wake it.
 */
void
rpc_slot_poke(struct rpc_slot *slot)
{
	atomic_store((_Atomic uint32_t *)&slot->state, RPC_SLOT_SOCKET);
	if (atomic_load((_Atomic uint32_t *)&slot->listening))
		lx_futex_wake_shared(&slot->state, 1);
}

static bool
chan_hung_up(int chan)
{
	struct pollfd p = {.fd = chan, .events = POLLRDHUP};

	return lx_poll(&p, 1, 0) != 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL));
}

/* sleep until the server changed the state from CALL, or is gone */
static status_t
slot_wait(int chan, struct rpc_slot *slot, uint32_t *state)
{
	struct lx_timespec period = {0, DEAD_PEER_CHECK_NS};

	for (;;) {
		*state = atomic_load_explicit((_Atomic uint32_t *)&slot->state,
		                              memory_order_acquire);
		if (*state != RPC_SLOT_CALL)
			return STATUS_OK;
		if (lx_futex_wait_shared(&slot->state, RPC_SLOT_CALL, &period) < 0 &&
		    errno == ETIMEDOUT && chan_hung_up(chan))
			return STATUS_PEER_GONE;
	}
}

/* copy the reply out of the slot, then judge the copy */
static status_t
reply_take(struct rpc_slot *slot, struct rpc_msg *msg, uint32_t iface, uint16_t opcode, bool *drop)
{
	uint32_t len = atomic_load((_Atomic uint32_t *)&slot->length);

	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		msg->caps[i] = cap_invalid();
	if (len < RPC_HEADER_SIZE || len > RPC_MSG_MAX) {
		*drop = true;
		return STATUS_PROTOCOL;
	}
	memcpy(msg, slot->msg, len);
	if (msg->hdr.cap_mask) { /* a slot carries no descriptors */
		msg->hdr.cap_mask = 0;
		*drop = true;
		return STATUS_PROTOCOL;
	}
	if (!ipc_reply_valid(msg, len, iface, opcode))
		*drop = true;
	return ipc_reply_status(msg, len, iface, opcode);
}

/* the server deferred the call: its reply comes as a packet, like on the socket path */
static status_t
reply_from_socket(int chan, struct rpc_msg *msg, uint32_t iface, uint16_t opcode, bool *drop)
{
	size_t received;
	status_t st = sock_msg_recv(chan, msg, 0, false, &received);

	if (st != STATUS_OK) {
		*drop = true;
		return st == STATUS_PEER_GONE ? STATUS_PEER_GONE : STATUS_PROTOCOL;
	}
	if (!ipc_reply_valid(msg, received, iface, opcode))
		*drop = true;
	return ipc_reply_status(msg, received, iface, opcode);
}

/*
 * The descriptors first: when the entrypoint sees the call, its packet
 * is in the lane already. A bad argument is the caller's error (nothing
 * was sent, the channel is fine); any other failure drops the channel.
 */
static status_t
caps_post(int lane, const struct rpc_msg *msg, bool *drop)
{
	status_t st = sock_caps_send(lane, msg);

	if (st == STATUS_OK || st == STATUS_INVALID_ARGS)
		return st;
	*drop = true;
	return STATUS_INVALID_CAP;
}

status_t
rpc_slot_call(int chan, int lane, struct rpc_slot *slot, struct rpc_msg *msg, bool *drop)
{
	uint32_t iface = msg->hdr.iface, state;
	uint16_t opcode = msg->hdr.opcode;
	size_t len = RPC_HEADER_SIZE + msg->hdr.length;
	status_t st;

	*drop = false;
	if (msg->hdr.length > RPC_PAYLOAD_MAX)
		return STATUS_PROTOCOL;
	if (msg->hdr.cap_mask && (st = caps_post(lane, msg, drop)) != STATUS_OK)
		return st;
	memcpy(slot->msg, msg, len);
	atomic_store_explicit((_Atomic uint32_t *)&slot->length, (uint32_t)len,
	                      memory_order_relaxed);
	atomic_store((_Atomic uint32_t *)&slot->state, RPC_SLOT_CALL);
	atomic_fetch_add_explicit(&slot_calls, 1, memory_order_relaxed);
	st = slot_post(chan, slot);
	if (st == STATUS_OK)
		st = slot_wait(chan, slot, &state);
	if (st != STATUS_OK) {
		*drop = true;
		return st;
	}
	if (state == RPC_SLOT_REPLY)
		return reply_take(slot, msg, iface, opcode, drop);
	if (state == RPC_SLOT_DEFERRED)
		return reply_from_socket(chan, msg, iface, opcode, drop);
	*drop = true; /* a state the server may not write */
	return STATUS_PROTOCOL;
}

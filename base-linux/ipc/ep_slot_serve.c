/*
 * \brief  The entrypoint's side of shared call slots
 *
 * A client may offer each of its channels one slot (slot.h): a page of a
 * memfd whose size is sealed, so that no client can make the server
 * fault by shrinking what it mapped. A call in the slot is copied into
 * the entrypoint's own message before anything in it is looked at; the
 * client can change the page at any time, but only ever its own call.
 *
 * Waiting: the entrypoint sleeps in its epoll as before; a client whose
 * call it does not wait for rings the doorbell (a connect packet without
 * a descriptor). After it served a slot call the entrypoint waits on that
 * slot's futex instead, since the next call of a busy caller tends to
 * follow at once: that wait is the futex round trip the transport is
 * built for. Beside the slot it waits on the bell (ep_bell.c), which a
 * helper rings as soon as the epoll has anything: a packet, a signal, a
 * stop. So no other event waits longer than one wake-up of the helper,
 * and there is no timeout. The epoll is also asked, without waiting,
 * after every HOT_TURNS slot calls in a row, so that a caller that never
 * pauses cannot keep the rest waiting.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdatomic.h>
#include <string.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <base/internal/lx_time.h>
#include <util/format.h>

#include "ep.h"
#include "internal.h"
#include "sealed_page.h"
#include "slot.h"

enum { HOT_TURNS = 16 };

#define WORD(p) ((_Atomic uint32_t *)(p))

enum { WARNED_OFFER = 1, WARNED_CALL = 2 };

/* once per channel and kind: a client that keeps sending garbage must not flood the log */
static void
slot_warn(struct ep_slot *s, uint8_t kind, const char *what)
{
	char line[160];

	if (s->warned & kind)
		return;
	s->warned |= kind;
	size_t n = format_string(line, sizeof(line), "ipc: shared call slot of channel %d: %s\n",
	                         s->fd, what);
	(void)!lx_write(LX_STDERR, line, n < sizeof(line) ? n : sizeof(line) - 1);
}

void
ep_slot_release(struct ep_slot *s)
{
	if (s->lane >= 0)
		lx_close(s->lane); /* descriptors still queued there die with it */
	s->lane = -1;
	if (!s->page)
		return;
	lx_munmap(s->page, RPC_SLOT_SIZE);
	s->page = NULL;
}

static void
slot_accept(struct entrypoint *ep, uint32_t index, int fd)
{
	struct ep_slot *s = &ep->slots[index];
	const char *why = sealed_page_refusal(fd, RPC_SLOT_SIZE);
	void *page = why ? NULL : sealed_page_map(fd, RPC_SLOT_SIZE);
	char line[96];

	if (!page) {
		format_string(line, sizeof(line), "refused an offer: %s",
		              why ? why : "cannot map it");
		slot_warn(s, WARNED_OFFER, line);
		return;
	}
	ep_slot_release(s); /* a second offer replaces the first, and drops its lane */
	s->page = page;
	atomic_store(WORD(&s->page->accepted), RPC_SLOT_ACCEPTED);
}

/*
 * The lane of a slot taken already (lane OWNED): kept if it is what a
 * lane is, a datagram socket, and the slot has none yet.
 */
static void
lane_accept(struct entrypoint *ep, uint32_t index, int lane)
{
	struct ep_slot *s = &ep->slots[index];

	if (!s->page || s->lane >= 0 || !sock_is_lane(lane)) {
		slot_warn(s, WARNED_OFFER, "refused a lane");
		lx_close(lane);
		return;
	}
	s->lane = lane;
	atomic_store(WORD(&s->page->accepted), RPC_SLOT_ACCEPTED_LANE);
}

void
ep_slot_answer(struct rpc_slot *page, const struct rpc_msg *reply)
{
	uint32_t state = RPC_SLOT_DEFERRED;

	if (reply && reply->hdr.length <= RPC_PAYLOAD_MAX) {
		uint32_t len = RPC_HEADER_SIZE + reply->hdr.length;
		memcpy(page->msg, reply, len);
		atomic_store_explicit(WORD(&page->length), len, memory_order_relaxed);
		state = RPC_SLOT_REPLY;
	}
	atomic_store(WORD(&page->state), state);
	lx_futex_wake_shared(&page->state, 1);
}

/* a malformed call: the client gets STATUS_PROTOCOL in its slot, as on its socket */
static void
slot_refuse(struct entrypoint *ep, uint32_t index, size_t len, const char *what)
{
	struct rpc_msg *out = &ep->out;
	bool have_hdr = len >= RPC_HEADER_SIZE;

	slot_warn(&ep->slots[index], WARNED_CALL, what);
	rpc_msg_start(out, RPC_KIND_REPLY, have_hdr ? ep->in.hdr.iface : 0,
	              have_hdr ? ep->in.hdr.opcode : 0);
	rpc_reply_finish(out, out->hdr.iface, out->hdr.opcode, STATUS_PROTOCOL);
	ep_slot_answer(ep->slots[index].page, out);
}

/* serve the call in the channel's slot, if there is one; the channel becomes the hot one */
static bool
slot_serve(struct entrypoint *ep, uint32_t index)
{
	struct ep_slot *s = &ep->slots[index];
	struct rpc_slot *page = s->page;

	if (!page || atomic_load(WORD(&page->state)) != RPC_SLOT_CALL)
		return false;
	ep->hot = index;
	ep->hot_gen = s->gen;
	/* read once: the client may change the page while we look */
	uint32_t len = atomic_load_explicit(WORD(&page->length), memory_order_relaxed);
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		ep->in.caps[i] = cap_invalid();
	if (len < RPC_HEADER_SIZE || len > RPC_MSG_MAX) {
		slot_refuse(ep, index, 0, "refused a call of a length no message has");
		return true;
	}
	memcpy(&ep->in, page->msg, len);
	if (!rpc_header_valid(&ep->in.hdr, RPC_KIND_CALL, len)) {
		ep->in.hdr.cap_mask = 0; /* no descriptors came: none to close */
		slot_refuse(ep, index, len, "refused a malformed call");
		return true;
	}
	/* descriptors never come through the page: the lane must hold what the copy announces */
	if (ep->in.hdr.cap_mask && (s->lane < 0 || sock_caps_recv(s->lane, &ep->in) != STATUS_OK)) {
		slot_refuse(ep, index, len, "refused a call whose capabilities did not come");
		return true;
	}
	ep_dispatch_call(ep, index, s->fd, page);
	return true;
}

void
ep_slot_connect(struct entrypoint *ep, uint32_t index)
{
	struct rpc_msg *in = &ep->in;
	int fd;

	if (in->hdr.cap_mask == 1 && cap_sel_fd(in->caps[0].sel, &fd))
		slot_accept(ep, index, fd);
	if (in->hdr.cap_mask == 2 && cap_sel_fd(in->caps[1].sel, &fd)) {
		in->hdr.cap_mask = 0; /* the lane's descriptor now belongs to the slot */
		lane_accept(ep, index, fd);
	}
	rpc_msg_close_caps(in); /* the mapping holds the memfd's memory */
	slot_serve(ep, index);  /* the doorbell, or a call made right after the offer */
}

/* the hot channel, if it is still the one that was served */
static struct ep_slot *
hot_slot(struct entrypoint *ep)
{
	if (ep->hot == SLOT_NONE || ep->hot >= ep->count)
		return NULL;
	struct ep_slot *s = &ep->slots[ep->hot];
	if (s->kind != SLOT_CHANNEL || s->gen != ep->hot_gen || !s->page)
		return NULL;
	return s;
}

/* a kernel before 5.16 has no futex_waitv: then no entrypoint waits on a slot */
static _Atomic bool no_waitv;

/* sleep until the slot's state leaves state or the bell rings; no timeout */
static void
slot_wait(struct rpc_slot *page, uint32_t state, uint32_t *bell)
{
	struct lx_futex_waiter w[2] = {
	        {state, (uintptr_t)&page->state, LX_FUTEX2_SIZE_U32, 0},
	        {0, (uintptr_t)bell, LX_FUTEX2_SIZE_U32 | LX_FUTEX2_PRIVATE, 0},
	};

	/* whatever woke us, the caller looks at both */
	if (lx_futex_waitv(w, 2) < 0 && errno == ENOSYS)
		atomic_store(&no_waitv, true);
}

bool
ep_slot_listen(struct entrypoint *ep)
{
	struct ep_slot *s = hot_slot(ep);

	if (!s || atomic_load(&no_waitv)) {
		ep->hot = SLOT_NONE;
		return false;
	}
	if (++ep->hot_turns > HOT_TURNS) {
		ep->hot_turns = 0; /* the epoll's turn, without waiting */
		return false;
	}
	uint32_t *bell = ep_bell_arm(ep);
	if (!bell) {
		ep->hot =
		        SLOT_NONE; /* no helper: wait in the epoll, slot calls ring the doorbell */
		return false;
	}
	struct rpc_slot *page = s->page;
	/* listening, then the state: a client that missed the flag rings the doorbell */
	atomic_store(WORD(&page->listening), 1);
	uint32_t state = atomic_load(WORD(&page->state));
	if (state != RPC_SLOT_CALL && state != RPC_SLOT_SOCKET && !atomic_load(WORD(bell)))
		slot_wait(page, state, bell);
	atomic_store(WORD(&page->listening), 0);
	if (slot_serve(ep, ep->hot))
		return true;
	/* the bell, a packet on the socket, or a value that is no state: the epoll decides */
	uint32_t socket = RPC_SLOT_SOCKET;
	atomic_compare_exchange_strong(WORD(&page->state), &socket, RPC_SLOT_IDLE);
	ep->hot = SLOT_NONE;
	ep->hot_turns = 0;
	return false;
}

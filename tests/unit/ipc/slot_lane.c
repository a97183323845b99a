/*
 * \brief  test-ipc: calls with capability arguments through a slot's lane
 *
 * Such a call goes into the shared call slot like any other, and its
 * descriptors go through the kernel beside it, over the lane the client
 * offered with the slot (doc/rpc.md). The honest case must take that path
 * and deliver the very descriptor; a hostile client that lies about what
 * the lane holds must be refused, with every descriptor it sent closed.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <base/ipc_linux.h>
#include <rpc_test/client.h>

#include "../../../base-linux/ipc/slot.h"
#include "../../harness/harness.h"
#include "raw.h"
#include "slot.h"
#include "test_server.h"

static uint32_t
server_fd_count(rpc_test_cap_t obj)
{
	uint32_t parked = 0, fds = 0;

	CHECK_EQ(rpc_test_probe(obj, &parked, &fds), STATUS_OK);
	return fds;
}

/*
 * Call through every datagram socket we hold (our lanes): a channel's
 * connect sent there would never be read, so the call must not be made.
 * Returns how many there were, or 0 if one was not refused.
 */
static unsigned
lanes_refused(void)
{
	unsigned n = 0;

	for (int fd = 0; fd < 256; fd++) {
		int type = 0;
		socklen_t len = sizeof(type);
		if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0 || type != SOCK_DGRAM)
			continue;
		if (rpc_test_null(CAP_TYPED(rpc_test_cap_t, ((cap_t){fd}))) != STATUS_INVALID_CAP)
			return 0;
		n++;
	}
	return n;
}

void
slot_caps_take_the_lane(void)
{
	struct test_server srv;
	bool was = ipc_linux_slots(true);
	int p[2];

	if (!CHECK(test_server_start(&srv, 1)))
		goto out;
	rpc_test_cap_t obj = srv.objects[0];
	CHECK(pipe2(p, O_CLOEXEC) == 0);
	/* over the socket; then the slot is offered */
	for (unsigned i = 0; i < RPC_SLOT_OFFER_AFTER; i++)
		CHECK_EQ(rpc_test_null(obj), STATUS_OK);
	uint32_t fds = server_fd_count(obj); /* a slot costs the server no descriptor */
	uint64_t before = ipc_linux_slot_calls();
	/* the first call with a capability takes the socket; then the lane is offered */
	CHECK_EQ(rpc_test_stash(obj, (cap_t){p[0]}), STATUS_OK);
	CHECK_EQ(ipc_linux_slot_calls(), before);
	/*
	 * The server took the lane before it served the next call. Still,
	 * capabilities take the slot only where the server answers there
	 * straight away (client.c): it served nothing in the slot yet and
	 * waits in its epoll, so these go through the socket, sparing the
	 * doorbell. After a call answered in the slot, they take the slot.
	 */
	for (unsigned i = 0; i < 3; i++)
		CHECK_EQ(rpc_test_stash(obj, (cap_t){p[0]}), STATUS_OK);
	CHECK_EQ(ipc_linux_slot_calls(), before);
	CHECK_EQ(rpc_test_null(obj), STATUS_OK);
	before = ipc_linux_slot_calls();
	for (unsigned i = 0; i < 100; i++)
		CHECK_EQ(rpc_test_stash(obj, (cap_t){p[0]}), STATUS_OK);
	CHECK_EQ(ipc_linux_slot_calls() - before, 100);
	/* the lane, and the one stashed last: each stash closed the one before */
	CHECK_EQ(server_fd_count(obj), fds + 2);
	cap_t back = cap_invalid();
	CHECK_EQ(rpc_test_fetch(obj, &back), STATUS_OK); /* a capability reply: the socket */
	CHECK(cap_same(back, (cap_t){p[0]}));
	cap_close(back);
	/* our end of the lane is no capability: a call through its number fails at once */
	CHECK(lanes_refused() >= 1);
	/* a closed descriptor is still the caller's error, and the slot goes on */
	CHECK_EQ(rpc_test_stash(obj, (cap_t){p[1] + 100}), STATUS_INVALID_ARGS);
	uint32_t sum = 0;
	CHECK_EQ(rpc_test_add(obj, 40, 2, &sum), STATUS_OK);
	CHECK_EQ(sum, 42);
	close(p[0]);
	close(p[1]);
	CHECK(test_server_stop(&srv));
out:
	ipc_linux_slots(was);
}

/* ---- the hostile client, with a raw channel, slot and lane ---- */

struct raw_slot {
	int chan, lane; /* our ends */
	struct rpc_slot *page;
};

/* a sealed page, then a lane (argument 1 of a connect); true if accepted with the lane */
static bool
raw_slot_offer(struct raw_slot *r, int obj)
{
	int mem = memfd_create("hostile-lane", MFD_CLOEXEC | MFD_ALLOW_SEALING), sv[2];
	struct rpc_header hdr = {
	        .version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CONNECT, .cap_mask = 1};
	struct rpc_header lane = hdr;
	struct rpc_msg m;

	r->chan = raw_channel_open(obj);
	if (mem < 0 || r->chan < 0 || ftruncate(mem, RPC_SLOT_SIZE) < 0 ||
	    fcntl(mem, F_ADD_SEALS, RPC_SLOT_SEALS) < 0 ||
	    socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv) < 0)
		return false;
	r->page = mmap(NULL, RPC_SLOT_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, mem, 0);
	lane.cap_mask = 2;
	bool sent = r->page != MAP_FAILED && raw_send(r->chan, &hdr, sizeof(hdr), &mem, 1) &&
	            raw_send(r->chan, &lane, sizeof(lane), &sv[0], 1);
	close(mem);
	close(sv[0]);
	r->lane = sv[1];
	/* a call answered over the socket: the offers before it were handled */
	rpc_test_null_encode_call(&m);
	return sent && raw_send(r->chan, &m, RPC_HEADER_SIZE + m.hdr.length, NULL, 0) &&
	       raw_reply_status(r->chan) == STATUS_OK &&
	       __atomic_load_n(&r->page->accepted, __ATOMIC_ACQUIRE) == RPC_SLOT_ACCEPTED_LANE;
}

/* put the call into the slot, ring the doorbell and wait up to 2 s: the reply's status */
static int
raw_slot_call(struct raw_slot *r, const struct rpc_msg *m)
{
	struct rpc_header ring = {.version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CONNECT};
	uint32_t len = RPC_HEADER_SIZE + m->hdr.length;

	memcpy(r->page->msg, m, len);
	__atomic_store_n(&r->page->length, len, __ATOMIC_RELAXED);
	__atomic_store_n(&r->page->state, RPC_SLOT_CALL, __ATOMIC_SEQ_CST);
	if (!__atomic_load_n(&r->page->listening, __ATOMIC_SEQ_CST) ||
	    syscall(SYS_futex, &r->page->state, FUTEX_WAKE, 1, NULL, NULL, 0) < 1)
		raw_send(r->chan, &ring, sizeof(ring), NULL, 0);
	for (int i = 0; i < 2000; i++) {
		if (__atomic_load_n(&r->page->state, __ATOMIC_ACQUIRE) != RPC_SLOT_CALL)
			break;
		struct timespec one = {0, 1000000};
		syscall(SYS_futex, &r->page->state, FUTEX_WAIT, RPC_SLOT_CALL, &one, NULL, 0);
	}
	if (__atomic_load_n(&r->page->state, __ATOMIC_ACQUIRE) != RPC_SLOT_REPLY)
		return -1000;
	struct rpc_header h;
	memcpy(&h, r->page->msg, sizeof(h));
	return h.kind == RPC_KIND_REPLY ? h.status : -1001;
}

/* lies about the lane: each refused, nothing it sent kept */
static void
lane_lies(struct raw_slot *r, const struct rpc_msg *stash, int fd)
{
	const int protocol = STATUS_PROTOCOL;
	int two[2] = {fd, fd};

	/*
	 * A packet in the lane answers the next call that announces
	 * capabilities: one left there by a lie spoils only its sender's
	 * next call, so each lie here leaves none.
	 */
	CHECK_EQ(raw_slot_call(r, stash), protocol); /* nothing in the lane */
	CHECK(raw_send(r->lane, stash, RPC_HEADER_SIZE, two, 2));
	CHECK_EQ(raw_slot_call(r, stash), protocol); /* two descriptors for one */
	CHECK(raw_send(r->lane, stash, RPC_HEADER_SIZE, NULL, 0));
	CHECK_EQ(raw_slot_call(r, stash), protocol); /* none */
	CHECK(raw_send(r->lane, stash, RPC_HEADER_SIZE + 4, &fd, 1));
	CHECK_EQ(raw_slot_call(r, stash), protocol); /* a packet longer than a header */
	struct rpc_msg bad = *stash;
	bad.hdr.cap_mask = 0x21; /* an argument beyond the four a message may carry */
	CHECK_EQ(raw_slot_call(r, &bad), protocol);
}

void
slot_hostile_lane(void)
{
	struct test_server srv;
	struct raw_slot r = {-1, -1, NULL};
	struct rpc_msg stash;
	int p[2];

	if (!CHECK(test_server_start(&srv, 1)))
		return;
	CHECK(pipe2(p, O_CLOEXEC) == 0);
	rpc_test_null(srv.objects[0]); /* our own channel exists from here on: counted in fds */
	uint32_t fds = server_fd_count(srv.objects[0]);
	if (CHECK(raw_slot_offer(&r, (int)srv.objects[0].raw.sel))) {
		rpc_test_stash_encode_call(&stash, (cap_t){p[0]});
		lane_lies(&r, &stash, p[0]);
		/* the truth is served through the same slot and lane */
		CHECK(raw_send(r.lane, &stash, RPC_HEADER_SIZE, &p[0], 1));
		CHECK_EQ(raw_slot_call(&r, &stash), STATUS_OK);
	}
	close(r.chan);
	close(r.lane);
	if (r.page && r.page != MAP_FAILED)
		munmap(r.page, RPC_SLOT_SIZE);
	/* the stashed descriptor stays; the lies, the channel and its lane are gone */
	for (int i = 0; i < 1000 && server_fd_count(srv.objects[0]) != fds + 1; i++)
		usleep(10000);
	CHECK_EQ(server_fd_count(srv.objects[0]), fds + 1);
	close(p[0]);
	close(p[1]);
	CHECK(test_server_stop(&srv));
}

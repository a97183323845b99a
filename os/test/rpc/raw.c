/*
 * \brief  test-rpc: garbage and descriptor floods on raw sockets
 *
 * While a well-behaved client thread keeps calling, a misbehaving peer
 * sends packets the transport would never produce, on a reply channel
 * and on an object's own socket. The server must answer garbage on a
 * channel with an error, drop garbage on an object socket, close every
 * descriptor it was sent, and keep answering the well-behaved client.
 */

#include <base/log.h>
#include <base/rpc_server.h>
#include <base/semaphore.h>
#include <base/thread.h>
#include <util/string.h>

#include "raw_peer.h"
#include "test.h"

enum { STEADY_TIMEOUT_US = 5000000 };

/* a client that calls add in a loop until told to stop */
struct steady {
	test_rpc_cap_t obj;
	struct thread *thread;
	struct semaphore progress;
	int stop, want; /* accessed atomically */
	unsigned answered, failed;
};

static void
steady_entry(void *arg)
{
	struct steady *s = arg;

	for (uint32_t n = 0; !__atomic_load_n(&s->stop, __ATOMIC_ACQUIRE); n++) {
		uint32_t sum = 0;
		if (test_rpc_add(s->obj, n, 1, &sum) == STATUS_OK && sum == n + 1)
			s->answered++;
		else
			s->failed++;
		if (__atomic_exchange_n(&s->want, 0, __ATOMIC_ACQ_REL))
			semaphore_up(&s->progress);
	}
}

/* wait until the steady client got one more answer */
static void
steady_wait(struct steady *s)
{
	__atomic_store_n(&s->want, 1, __ATOMIC_RELEASE);
	EXPECT_OK(semaphore_down_timeout(&s->progress, STEADY_TIMEOUT_US));
}

static bool
steady_start(struct steady *s, test_rpc_cap_t root)
{
	mem_set(s, 0, sizeof(*s));
	semaphore_init(&s->progress, 0);
	if (!EXPECT_OK(test_rpc_object(root, 3, &s->obj)))
		return false;
	if (!EXPECT_OK(thread_create("steady", 0, steady_entry, s, &s->thread))) {
		cap_close(cap_raw(s->obj));
		return false;
	}
	EXPECT_OK(thread_start(s->thread));
	steady_wait(s); /* its reply channel exists from now on */
	return true;
}

static void
steady_finish(struct steady *s)
{
	__atomic_store_n(&s->stop, 1, __ATOMIC_RELEASE);
	EXPECT_OK(thread_join(s->thread));
	EXPECT(s->failed == 0);
	cap_close(cap_raw(s->obj));
	log_print("well-behaved client got %u answers meanwhile", s->answered);
}

/* a well-formed add call; cap_mask announces capabilities that may not come */
static size_t
add_packet(struct rpc_msg *msg, uint8_t cap_mask)
{
	struct test_rpc_add_in in = {.a = 20, .b = 22};

	rpc_msg_start(msg, RPC_KIND_CALL, TEST_RPC_RPC_ID, TEST_RPC_OP_ADD);
	rpc_put_bytes(msg, &in, sizeof(in));
	msg->hdr.cap_mask = cap_mask;
	return RPC_HEADER_SIZE + msg->hdr.length;
}

/* one packet on the raw channel and the status of the server's answer */
static void
channel_expect(struct steady *s, cap_t chan, const void *bytes, size_t len, unsigned nfds,
               status_t want, const char *what)
{
	int32_t wire = 0;
	status_t st = raw_peer_send(chan, bytes, len, nfds);

	if (EXPECT_OK(st))
		st = raw_peer_reply(chan, &wire);
	if (st == STATUS_OK)
		st = rpc_status_from_wire(wire);
	if (st != want)
		log_error("raw channel, %s: got %s, want %s", what, status_name(st),
		          status_name(want));
	EXPECT(st == want);
	steady_wait(s);
}

static void
garbage_on_channel(struct steady *s, cap_t chan)
{
	static uint8_t big[RPC_MSG_MAX + 76];
	struct rpc_msg msg;
	size_t len = add_packet(&msg, 0);

	channel_expect(s, chan, "abc", 3, 0, STATUS_PROTOCOL, "3 bytes");
	channel_expect(s, chan, "", 0, 0, STATUS_PROTOCOL, "empty packet");
	channel_expect(s, chan, &msg, len, 10, STATUS_PROTOCOL, "call with 10 descriptors");
	channel_expect(s, chan, &msg, len, RAW_PEER_FDS_MAX, STATUS_PROTOCOL,
	               "call with 32 descriptors");
	channel_expect(s, chan, big, sizeof(big), 0, STATUS_PROTOCOL, "oversized packet");
	len = add_packet(&msg, 3);
	channel_expect(s, chan, &msg, len, 0, STATUS_PROTOCOL, "announced descriptors missing");
	len = add_packet(&msg, 0);
	msg.hdr.length = 200; /* more than the packet holds */
	channel_expect(s, chan, &msg, len, 0, STATUS_PROTOCOL, "length beyond the packet");
	len = add_packet(&msg, 0);
	channel_expect(s, chan, &msg, len, 0, STATUS_OK, "well-formed call");
}

/* the object socket expects connects only: the rest is dropped unanswered */
static void
garbage_on_object(struct steady *s, cap_t obj)
{
	struct rpc_header connect = {
	        .version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CONNECT, .cap_mask = 1};
	struct rpc_msg msg;
	size_t len = add_packet(&msg, 0);

	EXPECT_OK(raw_peer_send(obj, "garbage", 7, 10));
	EXPECT_OK(raw_peer_send(obj, "", 0, 0));
	EXPECT_OK(raw_peer_send(obj, &msg, len, 0));
	EXPECT_OK(raw_peer_send(obj, &connect, sizeof(connect), 3));
	EXPECT_OK(raw_peer_send(obj, &connect, sizeof(connect), 1)); /* not a socket */
	EXPECT_OK(raw_peer_send(obj, &connect, sizeof(connect), RAW_PEER_FDS_MAX));
	steady_wait(s);
}

/* a raw channel to obj that the server took up: a call over it was answered */
static bool
channel_open(struct steady *s, cap_t obj, cap_t *chan, const char *what)
{
	struct rpc_msg msg;
	size_t len = add_packet(&msg, 0);

	if (!EXPECT_OK(raw_peer_channel(obj, chan)))
		return false;
	channel_expect(s, *chan, &msg, len, 0, STATUS_OK, what);
	return true;
}

static void
inject(struct steady *s, test_rpc_cap_t root)
{
	test_rpc_cap_t o1, o2;
	cap_t chan = cap_invalid(), sync = cap_invalid();

	if (!EXPECT_OK(test_rpc_object(root, 1, &o1)))
		return;
	if (!EXPECT_OK(test_rpc_object(root, 2, &o2))) {
		cap_close(cap_raw(o1));
		return;
	}
	if (channel_open(s, cap_raw(o1), &chan, "first call on a raw channel")) {
		unsigned before = raw_peer_fd_count();

		garbage_on_channel(s, chan);
		garbage_on_object(s, cap_raw(o2));
		/*
		 * A connect and a call behind the garbage on the same object
		 * socket: once answered, the server has handled (and closed)
		 * everything before it. The new channel's two ends are all
		 * that may be left.
		 */
		if (channel_open(s, cap_raw(o2), &sync, "call after object garbage") && before)
			EXPECT(raw_peer_fd_count() == before + 2);
	}
	raw_peer_close(sync);
	raw_peer_close(chan);
	cap_close(cap_raw(o2));
	cap_close(cap_raw(o1));
}

void
phase_raw(test_rpc_cap_t root)
{
	static struct steady steady;

	if (!steady_start(&steady, root))
		return;
	inject(&steady, root);
	steady_finish(&steady);
	log_print("garbage and descriptor floods on raw sockets dropped");
}

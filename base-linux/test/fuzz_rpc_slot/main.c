/*
 * \brief  Fuzz target: a hostile client's bytes in a shared call slot
 *
 * One entrypoint in this process serves an rpc_test object; the fuzzer
 * is the client, with a channel and a slot the entrypoint accepted. Each
 * input goes into the slot as a call (byte 0: bit 0 a well-formed header
 * around the payload, bit 1 the true length in the length word, else
 * bytes 1-2; bit 2 a state word that is no state afterwards; bit 3 a
 * packet in the slot's lane first, with as many descriptors as bits 4-6
 * say; bits 4-5 the cap_mask of the well-formed header), the doorbell
 * rings, and the entrypoint serves what is ready. Every call in the slot
 * must be answered there with a well-formed reply, whatever the bytes; a
 * state that is none must be left alone; and no descriptor that came
 * through the lane may stay open unless a handler took it.
 */

#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include <base/entrypoint.h>
#include <base/entrypoint_linux.h>
#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <base/internal/lx_socket.h>
#include <rpc_test/server.h>

#include "../../ipc/internal.h"
#include "../../ipc/slot.h"

#define EXPECT(cond)             \
	do {                     \
		if (!(cond))     \
			abort(); \
	} while (0)

static status_t
h_null(void *ctx, struct rpc_call *call)
{
	return STATUS_OK;
}

static status_t
h_add(void *ctx, struct rpc_call *call, uint32_t a, uint32_t b, uint32_t *sum)
{
	*sum = a + b;
	return STATUS_OK;
}

static status_t
h_echo(void *ctx, struct rpc_call *call, const char *text, bool upper, char *result, uint32_t *len)
{
	size_t n = strlen(text);
	memcpy(result, text, n + 1);
	*len = (uint32_t)n;
	return STATUS_OK;
}

/* the handler owns what it receives: closing it keeps the fd table as it was */
static status_t
h_stash(void *ctx, struct rpc_call *call, cap_t thing)
{
	cap_close(thing);
	return STATUS_OK;
}

static const struct rpc_test_ops ops = {
        .null = h_null, .add = h_add, .echo = h_echo, .stash = h_stash};

static struct entrypoint *ep;
static int lane = -1, passed = -1; /* our end of the lane; what travels through it */
static struct rpc_object obj;
static struct rpc_slot *slot;
static int chan = -1;

static int
slot_memfd(void)
{
	static const uint8_t zero[RPC_SLOT_SIZE];
	int fd = lx_memfd_create("fuzz-slot", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	EXPECT(fd >= 0 && lx_write(fd, zero, sizeof(zero)) == (long)sizeof(zero));
	EXPECT(lx_fcntl(fd, F_ADD_SEALS, RPC_SLOT_SEALS) == 0);
	return fd;
}

static void
setup(void)
{
	rpc_test_cap_t cap;
	int sv[2];

	EXPECT(entrypoint_create(&ep) == STATUS_OK);
	EXPECT(rpc_test_manage(ep, &obj, &ops, NULL, &cap) == STATUS_OK);
	EXPECT(lx_socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0);
	EXPECT(sock_send_connect((int)cap.raw.sel, sv[0], 0) == STATUS_OK);
	lx_close(sv[0]);
	chan = sv[1];
	entrypoint_linux_dispatch_ready(ep);
	int fd = slot_memfd();
	slot = lx_mmap(NULL, RPC_SLOT_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(slot != MAP_FAILED && sock_send_connect(chan, fd, 0) == STATUS_OK);
	lx_close(fd);
	entrypoint_linux_dispatch_ready(ep);
	EXPECT(slot->accepted == RPC_SLOT_ACCEPTED);
	lane = rpc_slot_lane_offer(chan);
	EXPECT(lane >= 0);
	passed = lx_fcntl(lane, F_DUPFD_CLOEXEC, 0);
	entrypoint_linux_dispatch_ready(ep);
	EXPECT(slot->accepted == RPC_SLOT_ACCEPTED_LANE);
}

static void
ring(void)
{
	struct rpc_header bell = {.version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CONNECT};
	EXPECT(lx_send(chan, &bell, sizeof(bell), MSG_NOSIGNAL) == (long)sizeof(bell));
	entrypoint_linux_dispatch_ready(ep);
}

/* the call the input describes, into the slot */
static void
call_put(const uint8_t *data, size_t size)
{
	uint8_t mode = data[0];
	size_t n = size - 3 < RPC_MSG_MAX ? size - 3 : RPC_MSG_MAX;
	uint32_t length = (uint32_t)data[1] | (uint32_t)data[2] << 8;

	memcpy(slot->msg, data + 3, n);
	if (mode & 1 && n >= RPC_HEADER_SIZE) {
		struct rpc_header h = {.version = RPC_PROTOCOL_VERSION,
		                       .kind = RPC_KIND_CALL,
		                       .cap_mask = (uint8_t)((mode >> 4) & 3),
		                       .opcode = data[3] % 16,
		                       .length = (uint16_t)(n - RPC_HEADER_SIZE),
		                       .iface = RPC_TEST_RPC_ID};
		memcpy(slot->msg, &h, sizeof(h));
	}
	__atomic_store_n(&slot->length, mode & 2 ? (uint32_t)n : length, __ATOMIC_RELAXED);
	__atomic_store_n(&slot->state, RPC_SLOT_CALL, __ATOMIC_SEQ_CST);
}

/* n descriptors in the lane, for the call that follows (or a later one) */
static void
lane_put(unsigned n)
{
	struct rpc_header h = {.version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CALL};
	int fds[8] = {passed, passed, passed, passed, passed, passed, passed, passed};

	if (!n)
		(void)!lx_send(lane, &h, sizeof(h), MSG_DONTWAIT | MSG_NOSIGNAL);
	else
		(void)!sock_send_connect_fds(lane, fds, n, (uint8_t)((1u << n) - 1), MSG_DONTWAIT);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ep)
		setup();
	if (size < 3)
		return 0;
	/* the lowest free descriptor: a descriptor left open would take it */
	int lowest = lx_fcntl(passed, F_DUPFD_CLOEXEC, 0);
	lx_close(lowest);
	if (data[0] & 8)
		lane_put((data[0] >> 4) & 7);
	call_put(data, size);
	ring();
	/* answered in the slot, with a reply the client can take apart */
	EXPECT(__atomic_load_n(&slot->state, __ATOMIC_ACQUIRE) == RPC_SLOT_REPLY);
	struct rpc_msg reply;
	uint32_t len = slot->length;
	EXPECT(len >= RPC_HEADER_SIZE && len <= RPC_MSG_MAX);
	memcpy(&reply, slot->msg, len);
	EXPECT(rpc_header_valid(&reply.hdr, RPC_KIND_REPLY, len) && reply.hdr.cap_mask == 0);
	int now = lx_fcntl(passed, F_DUPFD_CLOEXEC, 0);
	EXPECT(now == lowest);
	lx_close(now);
	if (data[0] & 4) {
		uint32_t none = 5u + data[1];
		__atomic_store_n(&slot->state, none, __ATOMIC_SEQ_CST);
		ring();
		EXPECT(__atomic_load_n(&slot->state, __ATOMIC_ACQUIRE) == none);
	}
	return 0;
}

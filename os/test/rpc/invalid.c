/*
 * \brief  test-rpc: capabilities that name nothing, and malformed calls
 *
 * Runs while no other client thread is active: a closed capability is
 * checked right after closing it, before anything could take its
 * selector number again.
 */

#include <base/ipc.h>
#include <base/log.h>
#include <util/string.h>

#include "raw_peer.h"
#include "test.h"

/* the server still answers a well-formed call */
static void
expect_alive(test_rpc_cap_t root)
{
	uint32_t sum = 0;

	EXPECT_OK(test_rpc_add(root, 40, 2, &sum));
	EXPECT(sum == 42);
}

/*
 * Close c, a copy of object index, and call it: refused, unless the
 * selector is still the server's own copy. A platform that gives a
 * component one selector per object (GNU Mach: one name per port in a
 * task) hands this component, which serves the object too, the server's
 * selector; closing a copy drops a reference, and the selector stays
 * open as long as the server's copy does (doc/platform-mach.md,
 * "Capabilities"). Linux's copies are descriptors of their own.
 */
static void
closed_expect(test_rpc_cap_t c, uint32_t index)
{
	uint32_t id;
	bool shared = cap_raw(c).sel == server_object_sel(index);

	cap_close(cap_raw(c));
	if (shared)
		log_print("object %u: a copy is the server's own selector, open after close",
		          index);
	else
		EXPECT_STATUS(test_rpc_id(c, &id), STATUS_INVALID_CAP);
}

static void
closed_caps(test_rpc_cap_t root)
{
	test_rpc_cap_t used, unused;
	uint32_t id;

	/* one with a reply channel of this thread, one without */
	if (!EXPECT_OK(test_rpc_object(root, 5, &used)) ||
	    !EXPECT_OK(test_rpc_object(root, 6, &unused)))
		return;
	EXPECT_OK(test_rpc_id(used, &id));
	closed_expect(used, 5);
	closed_expect(unused, 6);
}

/* after dissolve, every capability to the object fails, cached or fresh */
static void
dissolved_caps(test_rpc_cap_t root)
{
	test_rpc_cap_t used, fresh, self;
	uint32_t id, index, self_index;

	if (!EXPECT_OK(test_rpc_create(root, &used, &index)))
		return;
	EXPECT_OK(test_rpc_id(used, &id));
	if (EXPECT_OK(test_rpc_object(root, index, &fresh))) {
		EXPECT_OK(test_rpc_dissolve(root, index));
		EXPECT_STATUS(test_rpc_id(fresh, &id), STATUS_INVALID_CAP);
		cap_close(cap_raw(fresh));
	}
	EXPECT_STATUS(test_rpc_id(used, &id), STATUS_INVALID_CAP);
	EXPECT_STATUS(test_rpc_object(root, index, &fresh), STATUS_NOT_FOUND);
	EXPECT_STATUS(test_rpc_dissolve(root, index), STATUS_NOT_FOUND);
	cap_close(cap_raw(used));

	/* an object dissolving itself still answers that call */
	if (!EXPECT_OK(test_rpc_create(root, &self, &self_index)))
		return;
	EXPECT_OK(test_rpc_dissolve(self, self_index));
	EXPECT_STATUS(test_rpc_id(self, &id), STATUS_INVALID_CAP);
	cap_close(cap_raw(self));
}

void
phase_invalid_caps(test_rpc_cap_t root)
{
	uint32_t id;

	EXPECT_STATUS(test_rpc_id(CAP_TYPED_INVALID(test_rpc_cap_t), &id), STATUS_INVALID_CAP);
	closed_caps(root);
	dissolved_caps(root);
	expect_alive(root);
	log_print("invalid, closed and dissolved capabilities refused");
}

/* an add call whose payload is cut or padded to len bytes */
static void
add_call(struct rpc_msg *msg, size_t len)
{
	struct test_rpc_add_in in = {.a = 1, .b = 2};
	uint8_t bytes[sizeof(in) + 8] = {0};

	mem_copy(bytes, &in, sizeof(in));
	rpc_msg_start(msg, RPC_KIND_CALL, TEST_RPC_RPC_ID, TEST_RPC_OP_ADD);
	rpc_put_bytes(msg, bytes, len < sizeof(bytes) ? len : sizeof(bytes));
}

/* send msg as it is; the server must refuse it and keep serving */
static void
expect_refused(test_rpc_cap_t root, struct rpc_msg *msg, const char *what)
{
	status_t st = ipc_call(cap_raw(root), msg);

	if (st != STATUS_PROTOCOL)
		log_error("%s: got %s, want protocol", what, status_name(st));
	EXPECT(st == STATUS_PROTOCOL);
	expect_alive(root);
}

/* header and payload a generated stub would never produce */
static void
bad_headers(test_rpc_cap_t root)
{
	struct rpc_msg msg;

	add_call(&msg, sizeof(struct test_rpc_add_in));
	msg.hdr.opcode = 0x7777;
	expect_refused(root, &msg, "unknown opcode");
	add_call(&msg, sizeof(struct test_rpc_add_in));
	msg.hdr.opcode = 0;
	expect_refused(root, &msg, "opcode 0");
	add_call(&msg, sizeof(struct test_rpc_add_in));
	msg.hdr.iface = TEST_RPC_RPC_ID ^ 1u;
	expect_refused(root, &msg, "other interface");
	add_call(&msg, sizeof(struct test_rpc_add_in));
	msg.hdr.version = RPC_PROTOCOL_VERSION + 1;
	expect_refused(root, &msg, "other protocol version");
	add_call(&msg, sizeof(struct test_rpc_add_in) - 4);
	expect_refused(root, &msg, "truncated payload");
	add_call(&msg, sizeof(struct test_rpc_add_in) + 3);
	expect_refused(root, &msg, "trailing bytes");
}

/* capabilities the method does not take, or lacks */
static void
bad_caps(test_rpc_cap_t root)
{
	struct rpc_msg msg;
	unsigned before = 0;

	/*
	 * Three times: the first call with capabilities over a channel that
	 * has its slot is followed by the offer of the slot's lane
	 * (doc/rpc.md), a descriptor on each side that stays with the
	 * channel, which the server takes in the second; counted from the
	 * third.
	 */
	for (unsigned k = 0; k < 3; k++) {
		before = raw_peer_fd_count();
		add_call(&msg, sizeof(struct test_rpc_add_in));
		for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
			rpc_put_cap(&msg, i, cap_raw(root));
		expect_refused(root, &msg, "capabilities to a method without any");
	}
	rpc_msg_start(&msg, RPC_KIND_CALL, TEST_RPC_RPC_ID, TEST_RPC_OP_KEEP);
	expect_refused(root, &msg, "required capability missing");

	/* the server closed what it was sent (0: the platform cannot count) */
	EXPECT(raw_peer_fd_count() == before);
}

void
phase_malformed(test_rpc_cap_t root)
{
	bad_headers(root);
	bad_caps(root);
	log_print("wrong opcodes and malformed calls refused, server still serving");
}

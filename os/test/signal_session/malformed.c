/*
 * \brief  test-signal_session: malformed requests get error replies
 *
 * Messages the generated stubs would never send, built by hand: every one
 * must come back with an error status, and core must go on serving.
 */

#include <base/ipc.h>
#include <base/log.h>
#include <parent/client.h>
#include <test/expect.h>

#include "test_signal_session.h"

/* a call of opcode to dst with payload bytes and cap (may be invalid) */
static status_t
raw_call(cap_t dst, uint32_t iface, uint16_t opcode, const void *payload, size_t len, cap_t cap)
{
	struct rpc_msg msg;
	rpc_msg_start(&msg, RPC_KIND_CALL, iface, opcode);
	if (len)
		rpc_put_bytes(&msg, payload, len);
	rpc_put_cap(&msg, 0, cap);
	return ipc_call(dst, &msg);
}

static void
bad_session_requests(parent_cap_t parent)
{
	cap_t raw = cap_invalid();
	EXPECT_STATUS(parent_session(parent, "SIGNAL", "ram_quota=16", &raw),
	              STATUS_QUOTA_EXCEEDED);
	EXPECT_STATUS(parent_session(parent, "SIGNAL", "ram_quota=lots", &raw),
	              STATUS_INVALID_ARGS);
}

void
test_malformed(struct env *env, signal_session_cap_t s)
{
	cap_t dst = cap_raw(s), none = cap_invalid();
	uint64_t imprint = 1;
	uint32_t count[2] = {1, 2};
	const uint32_t id = SIGNAL_SESSION_RPC_ID;

	EXPECT_STATUS(raw_call(dst, id, 99, 0, 0, none), STATUS_PROTOCOL);
	EXPECT_STATUS(raw_call(dst, id ^ 1, SIGNAL_SESSION_OP_ALLOC_CONTEXT, &imprint, 8, none),
	              STATUS_PROTOCOL);
	EXPECT_STATUS(raw_call(dst, id, SIGNAL_SESSION_OP_ALLOC_CONTEXT, &imprint, 4, none),
	              STATUS_PROTOCOL);
	EXPECT_STATUS(raw_call(dst, id, SIGNAL_SESSION_OP_FREE_CONTEXT, 0, 0, none),
	              STATUS_PROTOCOL);
	EXPECT_STATUS(raw_call(dst, id, SIGNAL_SESSION_OP_SUBMIT, count, 8, dst), STATUS_PROTOCOL);
	/* well-formed, but what they name is no signal context of core's */
	EXPECT_STATUS(raw_call(dst, id, SIGNAL_SESSION_OP_FREE_CONTEXT, 0, 0, dst),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(
	        raw_call(dst, id, SIGNAL_SESSION_OP_SUBMIT, count, 4, cap_raw(env_parent(env))),
	        STATUS_INVALID_ARGS);
	bad_session_requests(env_parent(env));

	signal_context_cap_t c;
	signal_page_cap_t pg;
	if (EXPECT_OK(signal_session_alloc_context(s, 9, &c, &pg))) {
		EXPECT_OK(signal_session_free_context(s, c));
		cap_close(cap_raw(c));
		cap_close(cap_raw(pg));
	}
	log_print("malformed requests: 7 refused, 2 bad session requests refused, core serves on");
}

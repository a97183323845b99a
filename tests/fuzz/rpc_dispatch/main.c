/*
 * \brief  Fuzz target: arbitrary requests into the generated dispatch
 *
 * Input layout: byte 0 selects the mode (bit 0: the header comes from the
 * input as is; otherwise a well-formed header is built so that the fuzzer
 * spends its time on payloads), byte 1 the opcode, byte 2 which capability
 * arguments are attached, the rest is the message. The handlers assert
 * that they only ever see what the interface promises; the reply a
 * handler produced must decode on the client side, and the same bytes fed
 * to the client decoders as a reply must be handled without harm.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rpc_test/client.h>
#include <rpc_test/server.h>

#include "../common/rpc_input.h"

static unsigned handler_calls;

#define EXPECT(cond)             \
	do {                     \
		if (!(cond))     \
			abort(); \
	} while (0)

static void
expect_string(const char *s, size_t max)
{
	EXPECT(strlen(s) <= max);
}

/* the fuzzer has no descriptors: closing a received cap just forgets it */
void
rpc_msg_close_caps(struct rpc_msg *msg)
{
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++)
		msg->caps[i] = cap_invalid();
	msg->hdr.cap_mask = 0;
}

static status_t
h_null(void *ctx, struct rpc_call *call)
{
	handler_calls++;
	return STATUS_OK;
}

static status_t
h_add(void *ctx, struct rpc_call *call, uint32_t a, uint32_t b, uint32_t *sum)
{
	handler_calls++;
	*sum = a + b;
	return STATUS_OK;
}

static status_t
h_echo(void *ctx, struct rpc_call *call, const char *text, bool upper, char *result,
       uint32_t *length)
{
	handler_calls++;
	expect_string(text, RPC_TEST_ECHO_TEXT_MAX);
	EXPECT(upper == 0 || upper == 1);
	strcpy(result, text);
	*length = (uint32_t)strlen(text);
	return upper ? STATUS_OK : STATUS_NOT_FOUND;
}

static status_t
h_scale(void *ctx, struct rpc_call *call, int32_t level, uint16_t weight, uint64_t base,
        int64_t *product, bool *negative)
{
	handler_calls++;
	EXPECT(level >= -10 && level <= 10 && weight >= 1 && weight <= 1000);
	*product = level * (int64_t)weight;
	*negative = *product < 0;
	return STATUS_OK;
}

static status_t
h_stash(void *ctx, struct rpc_call *call, cap_t thing)
{
	handler_calls++;
	EXPECT(cap_valid(thing));
	return STATUS_OK;
}

static status_t
h_object(void *ctx, struct rpc_call *call, uint32_t index, rpc_test_cap_t *obj)
{
	handler_calls++;
	if (index & 1)
		*obj = CAP_TYPED(rpc_test_cap_t, ((cap_t){(long)(index & 0xff)}));
	return STATUS_OK;
}

static status_t
h_caps(void *ctx, struct rpc_call *call, rpc_test_cap_t first, dataspace_cap_t second,
       uint8_t *mask)
{
	handler_calls++;
	EXPECT(cap_valid(second.raw));
	*mask = (uint8_t)cap_valid(first.raw);
	return STATUS_OK;
}

static status_t
h_sleep(void *ctx, struct rpc_call *call, uint32_t ms)
{
	handler_calls++;
	EXPECT(ms <= 2000);
	return STATUS_OK;
}

static const struct rpc_test_ops ops = {
        .null = h_null,
        .add = h_add,
        .echo = h_echo,
        .scale = h_scale,
        .stash = h_stash,
        .object = h_object,
        .caps = h_caps,
        .sleep = h_sleep,
};

/* decode msg as the reply to opcode with the matching client decoder */
static status_t
decode_reply(struct rpc_msg *msg, uint16_t opcode)
{
	char text[RPC_TEST_ECHO_RESULT_MAX + 1];
	rpc_test_cap_t obj;
	uint32_t u;
	int64_t i;
	uint8_t mask;
	bool b;

	switch (opcode) {
	case RPC_TEST_OP_NULL:
		return rpc_test_null_decode_reply(msg);
	case RPC_TEST_OP_ADD:
		return rpc_test_add_decode_reply(msg, &u);
	case RPC_TEST_OP_ECHO:
		if (rpc_test_echo_decode_reply(msg, text, &u) == STATUS_OK)
			expect_string(text, RPC_TEST_ECHO_RESULT_MAX);
		return STATUS_OK;
	case RPC_TEST_OP_SCALE:
		return rpc_test_scale_decode_reply(msg, &i, &b);
	case RPC_TEST_OP_OBJECT:
		return rpc_test_object_decode_reply(msg, &obj);
	case RPC_TEST_OP_CAPS:
		return rpc_test_caps_decode_reply(msg, &mask);
	default:
		return STATUS_OK;
	}
}

static void
build_in(struct rpc_msg *in, const uint8_t *data, size_t size)
{
	fuzz_rpc_input_build(in, RPC_TEST_RPC_ID, data[1], data[0], data[2], data + 3, size - 3,
	                     100);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rpc_msg in, out;
	struct rpc_object obj = {.ops = &ops, .dispatch = rpc_test_rpc_dispatch};
	struct rpc_call call = {.in = &in, .out = &out, .channel = -1};

	if (size < 3)
		return 0;
	build_in(&in, data, size);
	handler_calls = 0;
	EXPECT(rpc_object_serve(&obj, &call));
	EXPECT(handler_calls <= 1);
	EXPECT(call.caps_taken == (handler_calls == 1));
	EXPECT(out.hdr.kind == RPC_KIND_REPLY && out.hdr.length <= RPC_PAYLOAD_MAX);
	if (out.hdr.status == STATUS_OK) {
		out.reply_caps = true;
		EXPECT(decode_reply(&out, in.hdr.opcode) == STATUS_OK);
	} else {
		EXPECT(out.hdr.length == 0 && out.hdr.cap_mask == 0);
	}
	/* the same bytes as a reply from a hostile server */
	build_in(&in, data, size);
	decode_reply(&in, data[1]);
	return 0;
}

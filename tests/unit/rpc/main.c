/*
 * \brief  Unit test: message codec, generated stubs and dispatch, entrypoint
 *
 * Most cases run the generated code of the rpc_test interface in one
 * process, without a transport: a request built by a client encoder goes
 * straight into the server dispatch, and the reply into the client
 * decoder. That makes it easy to check what the dispatch refuses before
 * a handler ever runs.
 */

#define _DEFAULT_SOURCE
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rpc_test/client.h>
#include <rpc_test/server.h>

#include "../../harness/harness.h"

/* ------------------------------------------------------------ codec */

static void
header_validity(void)
{
	struct rpc_header h = {.version = RPC_PROTOCOL_VERSION, .kind = RPC_KIND_CALL, .length = 4};

	CHECK(rpc_header_valid(&h, RPC_KIND_CALL, RPC_HEADER_SIZE + 4));
	CHECK(!rpc_header_valid(&h, RPC_KIND_REPLY, RPC_HEADER_SIZE + 4));
	CHECK(!rpc_header_valid(&h, RPC_KIND_CALL, RPC_HEADER_SIZE + 3));
	CHECK(!rpc_header_valid(&h, RPC_KIND_CALL, RPC_HEADER_SIZE - 1));
	h.cap_mask = 1u << RPC_CAPS_MAX;
	CHECK(!rpc_header_valid(&h, RPC_KIND_CALL, RPC_HEADER_SIZE + 4));
	h.cap_mask = 0;
	h.reserved = 1;
	CHECK(!rpc_header_valid(&h, RPC_KIND_CALL, RPC_HEADER_SIZE + 4));
	h.reserved = 0;
	h.version = RPC_PROTOCOL_VERSION + 1;
	CHECK(!rpc_header_valid(&h, RPC_KIND_CALL, RPC_HEADER_SIZE + 4));
	h.version = RPC_PROTOCOL_VERSION;
	h.length = RPC_PAYLOAD_MAX + 1;
	CHECK(!rpc_header_valid(&h, RPC_KIND_CALL, RPC_MSG_MAX + 1));
}

static void
strings(void)
{
	struct rpc_msg m;
	struct rpc_reader r;
	const char *s = NULL;

	rpc_msg_start(&m, RPC_KIND_CALL, 1, 1);
	CHECK(rpc_put_string(&m, "abc", 3));
	CHECK(!rpc_put_string(&m, "abcd", 3)); /* refused, not cut */
	CHECK_EQ(m.hdr.length, 2 + 4);
	CHECK(rpc_put_string(&m, "", 0));
	rpc_reader_init(&r, &m);
	CHECK(rpc_get_string(&r, 3, &s) && strcmp(s, "abc") == 0);
	CHECK(rpc_get_string(&r, 0, &s) && strcmp(s, "") == 0);
	CHECK(rpc_reader_done(&r));
	CHECK(!rpc_get_string(&r, 3, &s));
	/* a string that is longer than the reader's bound */
	rpc_reader_init(&r, &m);
	CHECK(!rpc_get_string(&r, 2, &s));
	/* fill up: a string that does not fit is refused */
	rpc_msg_start(&m, RPC_KIND_CALL, 1, 1);
	static char big[RPC_PAYLOAD_MAX];
	memset(big, 'b', sizeof(big) - 1);
	CHECK(!rpc_put_string(&m, big, sizeof(big)));
	big[RPC_PAYLOAD_MAX - 3] = 0;
	CHECK(rpc_put_string(&m, big, sizeof(big)));
	CHECK_EQ(m.hdr.length, RPC_PAYLOAD_MAX);
	CHECK(!rpc_put_bytes(&m, "x", 1));
}

static void
malformed_strings(void)
{
	struct rpc_msg m;
	struct rpc_reader r;
	const char *s;
	uint16_t count = 0;

	rpc_msg_start(&m, RPC_KIND_CALL, 1, 1);
	rpc_put_bytes(&m, &count, 2); /* count 0: not even a NUL */
	rpc_reader_init(&r, &m);
	CHECK(!rpc_get_string(&r, 10, &s));
	rpc_msg_start(&m, RPC_KIND_CALL, 1, 1);
	count = 5;
	rpc_put_bytes(&m, &count, 2);
	rpc_put_bytes(&m, "ab\0", 3); /* count beyond the payload */
	rpc_reader_init(&r, &m);
	CHECK(!rpc_get_string(&r, 10, &s));
	/* a length field beyond the payload array is clamped by the reader */
	m.hdr.length = 0xffff;
	rpc_reader_init(&r, &m);
	CHECK_EQ(r.end, RPC_PAYLOAD_MAX);
}

static void
cap_arguments(void)
{
	struct rpc_msg m;

	rpc_msg_start(&m, RPC_KIND_CALL, 1, 1);
	rpc_put_cap(&m, 1, (cap_t){7});
	rpc_put_cap(&m, 0, cap_invalid());
	rpc_put_cap(&m, RPC_CAPS_MAX, (cap_t){8}); /* ignored */
	CHECK_EQ(m.hdr.cap_mask, 2);
	CHECK(rpc_caps_check(&m, 2, 0x2));
	CHECK(!rpc_caps_check(&m, 2, 0x3));
	CHECK(!rpc_caps_check(&m, 1, 0x0));
	CHECK_EQ(rpc_cap_mask_count(0xb), 3);
	rpc_put_cap(&m, 1, cap_invalid());
	CHECK_EQ(m.hdr.cap_mask, 0);
}

static void
status_on_the_wire(void)
{
	CHECK_EQ(rpc_status_to_wire(STATUS_NOT_FOUND), STATUS_NOT_FOUND);
	CHECK_EQ(rpc_status_to_wire(STATUS_INVALID_CAP), STATUS_INVALID_ARGS);
	CHECK_EQ(rpc_status_to_wire(STATUS_PEER_GONE), STATUS_UNAVAILABLE);
	CHECK_EQ(rpc_status_to_wire((status_t)1000), STATUS_PROTOCOL);
	CHECK_EQ(rpc_status_from_wire(STATUS_DENIED), STATUS_DENIED);
	CHECK_EQ(rpc_status_from_wire(STATUS_INVALID_CAP), STATUS_PROTOCOL);
	CHECK_EQ(rpc_status_from_wire(-1), STATUS_PROTOCOL);
	CHECK_EQ(rpc_status_from_wire(STATUS_COUNT), STATUS_PROTOCOL);
}

/* ------------------------------------------------------------ generated dispatch */

static struct {
	unsigned calls;
	cap_t first, second;
	status_t result;
	bool defer;
	struct rpc_reply_handle handle;
	bool drop_obj;
} h;

static status_t
do_add(void *ctx, struct rpc_call *call, uint32_t a, uint32_t b, uint32_t *sum)
{
	h.calls++;
	*sum = a + b;
	if (h.defer && rpc_reply_defer(call, &h.handle) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	return h.result;
}

static status_t
do_echo(void *ctx, struct rpc_call *call, const char *text, bool upper, char *result,
        uint32_t *length)
{
	h.calls++;
	/* fills the whole buffer without a NUL: dispatch must terminate it */
	memset(result, upper ? 'U' : 'l', RPC_TEST_ECHO_RESULT_MAX + 1);
	*length = (uint32_t)strlen(text);
	return STATUS_OK;
}

static status_t
do_scale(void *ctx, struct rpc_call *call, int32_t level, uint16_t weight, uint64_t base,
         int64_t *product, bool *negative)
{
	h.calls++;
	*product = (int64_t)level * weight * (int64_t)base;
	*negative = *product < 0;
	return STATUS_OK;
}

static status_t
do_caps(void *ctx, struct rpc_call *call, rpc_test_cap_t first, dataspace_cap_t second,
        uint8_t *mask)
{
	h.calls++;
	h.first = first.raw;
	h.second = second.raw;
	*mask = 0x5a;
	return STATUS_OK;
}

static status_t
do_object(void *ctx, struct rpc_call *call, uint32_t index, rpc_test_cap_t *obj)
{
	h.calls++;
	if (!h.drop_obj)
		*obj = CAP_TYPED(rpc_test_cap_t, ((cap_t){40 + (long)index}));
	return STATUS_OK;
}

static const struct rpc_test_ops ops = {
        .add = do_add, .echo = do_echo, .scale = do_scale, .caps = do_caps, .object = do_object};

static struct rpc_msg in, out;

/* serve the request in `in` like an entrypoint does; out gets the reply */
static status_t
serve(struct rpc_call *call)
{
	struct rpc_object obj = {.ops = &ops, .dispatch = rpc_test_rpc_dispatch};

	*call = (struct rpc_call){.in = &in, .out = &out, .channel = -1};
	memset(&h.first, 0xff, sizeof(h.first));
	h.calls = 0;
	if (!rpc_object_serve(&obj, call))
		return STATUS_WOULD_BLOCK; /* deferred */
	/* the reply as it arrives at the client */
	out.reply_caps = true;
	return rpc_status_from_wire(out.hdr.status);
}

static void
dispatch_round_trip(void)
{
	struct rpc_call call;
	uint32_t sum = 0;

	h.result = STATUS_OK;
	CHECK(rpc_test_add_encode_call(&in, 40, 2));
	CHECK(!in.reply_caps); /* add has no capability results */
	CHECK_EQ(serve(&call), STATUS_OK);
	CHECK_EQ(h.calls, 1);
	CHECK(call.caps_taken);
	CHECK_EQ(out.hdr.kind, RPC_KIND_REPLY);
	CHECK_EQ(out.hdr.opcode, RPC_TEST_OP_ADD);
	CHECK_EQ(rpc_test_add_decode_reply(&out, &sum), STATUS_OK);
	CHECK_EQ(sum, 42);
	/* an error reply carries no payload */
	h.result = STATUS_DENIED;
	CHECK(rpc_test_add_encode_call(&in, 1, 2));
	CHECK_EQ(serve(&call), STATUS_DENIED);
	CHECK_EQ(out.hdr.length, 0);
	/* a transport kind from a handler never reaches the client as such */
	h.result = STATUS_INVALID_CAP;
	CHECK(rpc_test_add_encode_call(&in, 1, 2));
	CHECK_EQ(serve(&call), STATUS_INVALID_ARGS);
	h.result = STATUS_OK;
}

static void
dispatch_refuses_before_handler(void)
{
	struct rpc_call call;

	rpc_test_add_encode_call(&in, 1, 2);
	in.hdr.iface ^= 1;
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	rpc_test_add_encode_call(&in, 1, 2);
	in.hdr.opcode = 0;
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	in.hdr.opcode = 999;
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	rpc_test_add_encode_call(&in, 1, 2);
	in.hdr.length = 7; /* short */
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	in.hdr.length = 9; /* trailing byte */
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	rpc_test_null_encode_call(&in); /* no handler for null */
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	rpc_test_scale_encode_call(&in, 11, 5, 1);
	CHECK_EQ(serve(&call), STATUS_INVALID_ARGS);
	rpc_test_scale_encode_call(&in, -10, 0, 1);
	CHECK_EQ(serve(&call), STATUS_INVALID_ARGS);
	rpc_test_echo_encode_call(&in, "x", true);
	in.payload[0] = 2; /* bool */
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	CHECK_EQ(h.calls, 0);
	CHECK(!call.caps_taken);
}

static void
dispatch_strings(void)
{
	char result[RPC_TEST_ECHO_RESULT_MAX + 1];
	struct rpc_call call;
	uint32_t len = 0;

	CHECK(rpc_test_echo_encode_call(&in, "hello", true));
	CHECK_EQ(serve(&call), STATUS_OK);
	CHECK_EQ(rpc_test_echo_decode_reply(&out, result, &len), STATUS_OK);
	CHECK_EQ(len, 5);
	CHECK_EQ(strlen(result), RPC_TEST_ECHO_RESULT_MAX);
	/* the client refuses a reply string over the bound */
	rpc_msg_start(&out, RPC_KIND_REPLY, RPC_TEST_RPC_ID, RPC_TEST_OP_ECHO);
	rpc_put_bytes(&out, &len, sizeof(len));
	static char big[RPC_TEST_ECHO_RESULT_MAX + 2];
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	CHECK(rpc_put_string(&out, big, sizeof(big)));
	CHECK_EQ(rpc_test_echo_decode_reply(&out, result, &len), STATUS_PROTOCOL);
}

static void
dispatch_caps(void)
{
	struct rpc_call call;
	rpc_test_cap_t obj = CAP_TYPED_INVALID(rpc_test_cap_t);
	uint8_t mask = 0;

	/* required second cap missing: refused, the entrypoint keeps the caps */
	rpc_msg_start(&in, RPC_KIND_CALL, RPC_TEST_RPC_ID, RPC_TEST_OP_CAPS);
	rpc_put_cap(&in, 0, (cap_t){5});
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	CHECK(!call.caps_taken);
	CHECK_EQ(h.calls, 0);
	/* a third one where two are declared */
	rpc_put_cap(&in, 1, (cap_t){6});
	rpc_put_cap(&in, 2, (cap_t){7});
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	/* optional first absent, second present: the handler owns them */
	rpc_put_cap(&in, 0, cap_invalid());
	rpc_put_cap(&in, 2, cap_invalid());
	CHECK_EQ(serve(&call), STATUS_OK);
	CHECK(call.caps_taken);
	CHECK(!cap_valid(h.first));
	CHECK_EQ(h.second.sel, 6);
	CHECK_EQ(rpc_test_caps_decode_reply(&out, &mask), STATUS_OK);
	CHECK_EQ(mask, 0x5a);
	/* a capability result */
	CHECK(rpc_test_object_encode_call(&in, 2));
	CHECK(in.reply_caps);
	CHECK_EQ(serve(&call), STATUS_OK);
	CHECK_EQ(out.hdr.cap_mask, 1);
	CHECK_EQ(rpc_test_object_decode_reply(&out, &obj), STATUS_OK);
	CHECK_EQ(obj.raw.sel, 42);
	/* a handler that does not produce its required capability */
	h.drop_obj = true;
	CHECK_EQ(serve(&call), STATUS_PROTOCOL);
	h.drop_obj = false;
}

static void *
late_reply(void *arg)
{
	usleep(20000);
	rpc_test_add_reply(&h.handle, STATUS_OK, 99);
	return arg;
}

static void
deferred_reply_from_other_thread(void)
{
	struct rpc_object obj = {.ops = &ops, .dispatch = rpc_test_rpc_dispatch};
	struct rpc_call call;
	pthread_t thread;
	uint32_t sum = 0;
	size_t n;
	int sv[2];

	if (!CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == 0))
		return;
	h.defer = true;
	rpc_test_add_encode_call(&in, 1, 2);
	call = (struct rpc_call){.in = &in, .out = &out, .channel = sv[0]};
	CHECK(!rpc_object_serve(&obj, &call));
	h.defer = false;
	CHECK(call.deferred);
	close(sv[0]); /* the handle has its own descriptor of the channel */
	CHECK(pthread_create(&thread, NULL, late_reply, NULL) == 0);
	n = (size_t)read(sv[1], &out, RPC_MSG_MAX);
	pthread_join(thread, NULL);
	CHECK(rpc_header_valid(&out.hdr, RPC_KIND_REPLY, n));
	CHECK_EQ(rpc_status_from_wire(out.hdr.status), STATUS_OK);
	CHECK_EQ(out.hdr.opcode, RPC_TEST_OP_ADD);
	out.hdr.cap_mask = 0;
	CHECK_EQ(rpc_test_add_decode_reply(&out, &sum), STATUS_OK);
	CHECK_EQ(sum, 99);
	CHECK(!cap_valid(h.handle.channel));
	close(sv[1]);
}

/* ------------------------------------------------------------ entrypoint */

struct client_arg {
	rpc_test_cap_t cap;
	status_t st;
	uint32_t sum;
	struct entrypoint *ep;
};

static status_t
stop_ep(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(ctx);
	return STATUS_OK;
}

static void *
client_thread(void *p)
{
	struct client_arg *a = p;

	for (uint32_t i = 0; i < 100 && a->st == STATUS_OK; i++)
		a->st = rpc_test_add(a->cap, i, 1000, &a->sum);
	rpc_test_stop(a->cap);
	return NULL;
}

static void
entrypoint_in_process(void)
{
	static const struct rpc_test_ops ep_ops = {.add = do_add, .stop = stop_ep};
	struct rpc_object obj = {0};
	struct client_arg arg = {.st = STATUS_OK};
	struct entrypoint *ep;
	pthread_t thread;
	cap_t spare;

	if (!CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	h.result = STATUS_OK;
	CHECK_EQ(rpc_test_manage(ep, &obj, &ep_ops, ep, &arg.cap), STATUS_OK);
	CHECK_EQ(entrypoint_manage(ep, &obj, rpc_test_rpc_dispatch, &spare), STATUS_CONFLICT);
	CHECK(pthread_create(&thread, NULL, client_thread, &arg) == 0);
	CHECK_EQ(entrypoint_run(ep), STATUS_OK);
	pthread_join(thread, NULL);
	CHECK_EQ(arg.st, STATUS_OK);
	CHECK_EQ(arg.sum, 1099);
	entrypoint_dissolve(ep, &obj);
	CHECK(obj.ep == NULL);
	entrypoint_dissolve(ep, &obj); /* not managed any more: no-op */
	CHECK_EQ(rpc_test_add(arg.cap, 1, 1, &arg.sum), STATUS_INVALID_CAP);
	cap_close(arg.cap.raw);
	/* destroy forgets objects still managed */
	CHECK_EQ(rpc_test_manage(ep, &obj, &ep_ops, ep, &arg.cap), STATUS_OK);
	entrypoint_destroy(ep);
	CHECK(obj.ep == NULL);
	CHECK_EQ(rpc_test_add(arg.cap, 1, 1, &arg.sum), STATUS_INVALID_CAP);
	cap_close(arg.cap.raw);
}

/* ------------------------------------------------------------ callers bound */

enum { CALLERS_MAX = 3, CALLERS_TRIED = 5 };

struct bound_run {
	rpc_test_cap_t cap;
	pthread_barrier_t all_called;
	status_t st[CALLERS_TRIED];
};

struct bound_arg {
	struct bound_run *run;
	unsigned i;
};

/* call once and keep the line (the thread) until every caller has called */
static void *
bound_caller(void *p)
{
	struct bound_arg *a = p;
	uint32_t sum;
	a->run->st[a->i] = rpc_test_add(a->run->cap, a->i, 1, &sum);
	pthread_barrier_wait(&a->run->all_called);
	return NULL;
}

static void *
serve_ep(void *ep)
{
	entrypoint_run(ep);
	return NULL;
}

static void *
one_call(void *p)
{
	struct bound_run *run = p;
	uint32_t sum;
	run->st[0] = rpc_test_add(run->cap, 1, 1, &sum);
	return NULL;
}

static unsigned
callers_refused(struct bound_run *run)
{
	pthread_t t[CALLERS_TRIED];
	struct bound_arg a[CALLERS_TRIED];
	unsigned refused = 0;
	pthread_barrier_init(&run->all_called, NULL, CALLERS_TRIED);
	for (unsigned i = 0; i < CALLERS_TRIED; i++) {
		a[i] = (struct bound_arg){run, i};
		pthread_create(&t[i], NULL, bound_caller, &a[i]);
	}
	for (unsigned i = 0; i < CALLERS_TRIED; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&run->all_called);
	for (unsigned i = 0; i < CALLERS_TRIED; i++) {
		refused += run->st[i] == STATUS_QUOTA_EXCEEDED;
		CHECK(run->st[i] == STATUS_OK || run->st[i] == STATUS_QUOTA_EXCEEDED);
	}
	return refused;
}

/* a caller that ended frees its line: a new thread gets one (soon) */
static status_t
call_after_callers_left(struct bound_run *run)
{
	struct bound_run probe = {.cap = run->cap};
	for (unsigned tries = 0; tries < 100; tries++) {
		pthread_t t;
		pthread_create(&t, NULL, one_call, &probe);
		pthread_join(t, NULL);
		if (probe.st[0] != STATUS_QUOTA_EXCEEDED)
			break;
		usleep(10000);
	}
	return probe.st[0];
}

/*
 * An object serves at most max_callers client threads at a time; the
 * next one is told STATUS_QUOTA_EXCEEDED at its first call, and the lines
 * of callers that ended are given back.
 */
static void
callers_bounded(void)
{
	static const struct rpc_test_ops ep_ops = {.add = do_add, .stop = stop_ep};
	struct rpc_object obj = {.max_callers = CALLERS_MAX};
	struct bound_run run = {0};
	struct entrypoint *ep;
	pthread_t server;

	if (!CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	h.result = STATUS_OK;
	CHECK_EQ(rpc_test_manage(ep, &obj, &ep_ops, ep, &run.cap), STATUS_OK);
	CHECK_EQ(obj.max_callers, CALLERS_MAX);
	pthread_create(&server, NULL, serve_ep, ep);
	CHECK_EQ(callers_refused(&run), CALLERS_TRIED - CALLERS_MAX);
	CHECK_EQ(call_after_callers_left(&run), STATUS_OK);
	CHECK_EQ(callers_refused(&run), CALLERS_TRIED - CALLERS_MAX);
	struct bound_run stop = {.cap = run.cap};
	for (unsigned tries = 0; tries < 100; tries++) {
		if ((stop.st[0] = rpc_test_stop(run.cap)) != STATUS_QUOTA_EXCEEDED)
			break;
		usleep(10000);
	}
	CHECK_EQ(stop.st[0], STATUS_OK);
	pthread_join(server, NULL);
	entrypoint_destroy(ep);
	cap_close(run.cap.raw);
}

TEST_MAIN(TEST_CASE(header_validity), TEST_CASE(strings), TEST_CASE(malformed_strings),
          TEST_CASE(cap_arguments), TEST_CASE(status_on_the_wire), TEST_CASE(dispatch_round_trip),
          TEST_CASE(dispatch_refuses_before_handler), TEST_CASE(dispatch_strings),
          TEST_CASE(dispatch_caps), TEST_CASE(deferred_reply_from_other_thread),
          TEST_CASE(entrypoint_in_process), TEST_CASE(callers_bounded))

/*
 * \brief  Unit test: calls whose reply the caller's entrypoint receives
 *
 * ipc_call_async must never wait for the server: not for a stopped one,
 * whose calls end (PEER_GONE) when it is killed, and a cancelled call's
 * function must never run.
 */

#define _GNU_SOURCE
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include <base/entrypoint.h>
#include <base/ipc_async.h>
#include <rpc_test/client.h>

#include "../../harness/harness.h"
#include "async.h"
#include "test_server.h"

struct outcome {
	unsigned calls; /* how often the function ran */
	status_t status;
	uint32_t sum;
};

static void
added(void *arg, status_t st, struct rpc_msg *reply)
{
	struct outcome *o = arg;
	o->calls++;
	o->status = st;
	if (st == STATUS_OK)
		o->status = rpc_test_add_decode_reply(reply, &o->sum);
}

static status_t
add_async(struct entrypoint *ep, rpc_test_cap_t obj, struct outcome *o, struct ipc_async *call)
{
	struct rpc_msg msg;
	if (!rpc_test_add_encode_call(&msg, 40, 2))
		return STATUS_INVALID_ARGS;
	return ipc_call_async(ep, obj.raw, &msg, added, o, call);
}

/* dispatch until o's function ran (a lost reply hangs: the runner's timeout catches it) */
static void
await(struct entrypoint *ep, const struct outcome *o)
{
	while (o->calls == 0)
		if (!CHECK_EQ(entrypoint_wait_and_dispatch_one(ep), STATUS_OK))
			return;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

void
async_reply(void)
{
	struct test_server srv;
	struct entrypoint *ep;
	struct outcome o = {0, STATUS_PROTOCOL, 0};
	struct ipc_async call;
	if (!CHECK(test_server_start(&srv, 1)) || !CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	CHECK_EQ(ipc_call_async(ep, cap_invalid(), 0, added, &o, &call), STATUS_INVALID_CAP);
	if (CHECK_EQ(add_async(ep, srv.objects[0], &o, &call), STATUS_OK))
		await(ep, &o);
	CHECK_EQ(o.calls, 1);
	CHECK_EQ(o.status, STATUS_OK);
	CHECK_EQ(o.sum, 42);
	CHECK(!call.pending);
	entrypoint_destroy(ep);
	CHECK(test_server_stop(&srv));
}

/*
 * A stopped server: the calls go out at once (the defect was a parent
 * waiting here), and end with PEER_GONE when it is killed.
 */
void
async_stopped_then_killed(void)
{
	struct test_server srv;
	struct entrypoint *ep;
	struct outcome o[2] = {{0, STATUS_OK, 0}, {0, STATUS_OK, 0}};
	struct ipc_async call[2];
	struct timespec t0;
	if (!CHECK(test_server_start(&srv, 1)) || !CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	kill(srv.pid, SIGSTOP);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (unsigned i = 0; i < 2; i++)
		CHECK_EQ(add_async(ep, srv.objects[0], &o[i], &call[i]), STATUS_OK);
	/* nothing to wait for: a second is far beyond two sends, even on a loaded machine */
	CHECK(ms_since(&t0) < 1000);
	CHECK_EQ(o[0].calls + o[1].calls, 0);
	kill(srv.pid, SIGKILL);
	for (unsigned i = 0; i < 2; i++) {
		await(ep, &o[i]);
		CHECK_EQ(o[i].calls, 1);
		CHECK_EQ(o[i].status, STATUS_PEER_GONE);
	}
	entrypoint_destroy(ep);
	cap_close(srv.objects[0].raw);
	waitpid(srv.pid, 0, 0);
}

void
async_cancel(void)
{
	struct test_server srv;
	struct entrypoint *ep;
	struct outcome gone = {0, STATUS_OK, 0}, next = {0, STATUS_PROTOCOL, 0};
	struct ipc_async call[2];
	if (!CHECK(test_server_start(&srv, 1)) || !CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	if (CHECK_EQ(add_async(ep, srv.objects[0], &gone, &call[0]), STATUS_OK))
		ipc_async_cancel(&call[0]);
	ipc_async_cancel(&call[0]); /* not pending any more: ignored */
	if (CHECK_EQ(add_async(ep, srv.objects[0], &next, &call[1]), STATUS_OK))
		await(ep, &next);
	CHECK_EQ(next.status, STATUS_OK);
	CHECK_EQ(gone.calls, 0);
	entrypoint_destroy(ep);
	CHECK(test_server_stop(&srv));
}

/*
 * \brief  Unit test: calls whose reply the caller's entrypoint receives
 *
 * ipc_call_async must never wait for the server: not for a stopped one,
 * whose calls end (PEER_GONE) when it is killed, and a cancelled call's
 * function must never run. The channel of an answered call is reused for
 * the next call to the same capability, but never for another object
 * that got the same selector number, and not once its server is gone.
 */

#define _GNU_SOURCE
#include <signal.h>
#include <sys/stat.h>
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

/* the socket of a pending call's channel (its inode), 0 if there is none */
static ino_t
channel_of(const struct ipc_async *call)
{
	struct stat st;
	return call->pending && fstat((int)call->channel.sel, &st) == 0 ? st.st_ino : 0;
}

/* one answered add over obj; the inode of the channel it went over */
static ino_t
add_answered(struct entrypoint *ep, rpc_test_cap_t obj, status_t *st)
{
	struct outcome o = {0, STATUS_PROTOCOL, 0};
	struct ipc_async call;
	ino_t chan = 0;
	*st = add_async(ep, obj, &o, &call);
	if (*st != STATUS_OK)
		return 0;
	chan = channel_of(&call);
	await(ep, &o);
	*st = o.status;
	return chan;
}

/* the second call goes over the first one's channel (the defect: a socketpair per call) */
void
async_channel_reused(void)
{
	struct test_server srv;
	struct entrypoint *ep;
	status_t st1, st2;
	if (!CHECK(test_server_start(&srv, 1)) || !CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	ino_t first = add_answered(ep, srv.objects[0], &st1);
	ino_t second = add_answered(ep, srv.objects[0], &st2);
	CHECK_EQ(st1, STATUS_OK);
	CHECK_EQ(st2, STATUS_OK);
	CHECK(first != 0 && first == second);
	entrypoint_destroy(ep);
	CHECK(test_server_stop(&srv));
}

static void
id_answered(void *arg, status_t st, struct rpc_msg *reply)
{
	struct outcome *o = arg;
	o->calls++;
	o->status = st == STATUS_OK ? rpc_test_id_decode_reply(reply, &o->sum) : st;
}

/*
 * An idle channel to object 0 must not serve object 1 that got object
 * 0's selector number after it was closed: the call reaches object 1.
 */
void
async_selector_reused(void)
{
	struct test_server srv;
	struct entrypoint *ep;
	struct outcome o = {0, STATUS_PROTOCOL, 0};
	struct ipc_async call;
	struct rpc_msg msg;
	status_t st;
	rpc_test_cap_t copy;
	if (!CHECK(test_server_start(&srv, 2)) || !CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	add_answered(ep, srv.objects[0], &st);
	CHECK_EQ(st, STATUS_OK);
	long sel = srv.objects[0].raw.sel;
	cap_close(srv.objects[0].raw);
	/* the lowest free number: the one just closed, else the case is not tested */
	if (CHECK_EQ(cap_dup(srv.objects[1].raw, &copy.raw), STATUS_OK) &&
	    CHECK_EQ(copy.raw.sel, sel) && CHECK(rpc_test_id_encode_call(&msg)) &&
	    CHECK_EQ(ipc_call_async(ep, copy.raw, &msg, id_answered, &o, &call), STATUS_OK))
		await(ep, &o);
	CHECK_EQ(o.status, STATUS_OK);
	CHECK_EQ(o.sum, 1);
	srv.objects[0] = copy;
	entrypoint_destroy(ep);
	CHECK(test_server_stop(&srv));
}

/* an idle channel whose server is gone: the next call fails at once, as without one */
void
async_idle_server_gone(void)
{
	struct test_server srv;
	struct entrypoint *ep;
	struct outcome o = {0, STATUS_OK, 0};
	struct ipc_async call;
	status_t st;
	if (!CHECK(test_server_start(&srv, 1)) || !CHECK_EQ(entrypoint_create(&ep), STATUS_OK))
		return;
	add_answered(ep, srv.objects[0], &st);
	CHECK_EQ(st, STATUS_OK);
	kill(srv.pid, SIGKILL);
	waitpid(srv.pid, 0, 0);
	CHECK_EQ(add_async(ep, srv.objects[0], &o, &call), STATUS_INVALID_CAP);
	CHECK_EQ(o.calls, 0);
	entrypoint_destroy(ep);
	cap_close(srv.objects[0].raw);
}

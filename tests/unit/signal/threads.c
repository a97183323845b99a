/*
 * \brief  Signals between threads, and contexts dispatched by an entrypoint
 */

#define _GNU_SOURCE
#include <unistd.h>

#include <base/entrypoint.h>
#include <base/thread.h>
#include <rpc_test/client.h>
#include <rpc_test/server.h>

#include "../../harness/harness.h"
#include "cases.h"

static struct thread *
spawn(const char *name, thread_entry_t entry, void *arg)
{
	struct thread *t = NULL;

	if (CHECK_EQ(thread_create(name, 0, entry, arg, &t), STATUS_OK))
		CHECK_EQ(thread_start(t), STATUS_OK);
	return t;
}

enum { SENDERS = 4, SENDS = 100000 };

static void
sender(void *arg)
{
	signal_context_cap_t cap = signal_context_cap(arg);

	for (unsigned i = 0; i < SENDS; i++)
		if (signal_submit(cap, 1) != STATUS_OK)
			return;
}

/* fast senders on other threads: every submit is counted exactly once */
void
signal_threads_sum(void)
{
	struct signal_context *c[SENDERS];
	struct signal_receiver *r = test_receiver(c, SENDERS);
	struct thread *t[SENDERS];
	unsigned sum[SENDERS] = {0}, total = 0, deliveries = 0;
	struct signal s;

	for (unsigned i = 0; i < SENDERS; i++)
		t[i] = spawn("sender", sender, c[i]);
	while (total < SENDERS * SENDS && test_wait(r, &s)) {
		sum[(uintptr_t)s.imprint] += s.num;
		total += s.num;
		deliveries++;
	}
	for (unsigned i = 0; i < SENDERS; i++) {
		thread_join(t[i]);
		CHECK_EQ(sum[i], SENDS);
	}
	CHECK(deliveries <= total);
	CHECK(test_quiet(r, 10));
	signal_receiver_destroy(r);
}

enum { WAITERS = 3, SOURCES = 8, ROUNDS = 2000 };

struct waiters {
	struct signal_receiver *r;
	unsigned total; /* atomic */
};

static void
waiter(void *arg)
{
	struct waiters *w = arg;
	struct signal s;

	while (__atomic_load_n(&w->total, __ATOMIC_RELAXED) < SOURCES * ROUNDS)
		if (signal_receiver_wait_timeout(w->r, 100000, &s) == STATUS_OK)
			__atomic_fetch_add(&w->total, s.num, __ATOMIC_RELAXED);
}

/* several threads wait at one receiver: each signal goes to exactly one */
void
signal_several_waiters(void)
{
	struct signal_context *c[SOURCES];
	struct waiters w = {test_receiver(c, SOURCES), 0};
	struct thread *t[WAITERS];

	for (unsigned i = 0; i < WAITERS; i++)
		t[i] = spawn("waiter", waiter, &w);
	for (unsigned n = 0; n < ROUNDS; n++)
		for (unsigned i = 0; i < SOURCES; i++)
			CHECK_EQ(signal_submit(signal_context_cap(c[i]), 1), STATUS_OK);
	for (unsigned i = 0; i < WAITERS; i++)
		thread_join(t[i]);
	CHECK_EQ(w.total, SOURCES * ROUNDS);
	signal_receiver_destroy(w.r);
}

struct churn {
	struct signal_receiver *r;
	void *last; /* the imprint that ends the waiter */
	unsigned got;
};

/* touches only what a delivery carries by value: contexts die meanwhile */
static void
churn_waiter(void *arg)
{
	struct churn *ch = arg;
	struct signal s;

	while (signal_receiver_wait_timeout(ch->r, 5000000, &s) == STATUS_OK) {
		ch->got++;
		if (s.imprint == ch->last)
			return;
	}
}

/*
 * Contexts dissolved right after their submit, while another thread waits
 * at the receiver: events fetched for them must be dropped, not used.
 */
void
signal_dissolve_while_waiting(void)
{
	static int last;
	struct churn ch = {.last = &last};
	struct signal_context *c, *end;
	struct thread *t;

	CHECK_EQ(signal_receiver_create(&ch.r), STATUS_OK);
	t = spawn("churn", churn_waiter, &ch);
	for (unsigned i = 0; i < 2000; i++) {
		if (!CHECK_EQ(signal_context_create(ch.r, NULL, &c), STATUS_OK))
			break;
		signal_submit(signal_context_cap(c), 1);
		signal_context_dissolve(c);
	}
	CHECK_EQ(signal_context_create(ch.r, &last, &end), STATUS_OK);
	CHECK_EQ(signal_submit(signal_context_cap(end), 1), STATUS_OK);
	thread_join(t);
	CHECK(ch.got >= 1 && ch.got <= 2001);
	signal_receiver_destroy(ch.r);
}

struct handler {
	struct signal_context *ctx;
	unsigned calls, sum;
	bool dissolve; /* dissolve its own context when called */
	struct thread *thread;
};

static void
handle(void *arg, unsigned num)
{
	struct handler *h = arg;

	h->calls++;
	h->sum += num;
	h->thread = thread_myself();
	if (h->dissolve) {
		signal_context_dissolve(h->ctx);
		h->ctx = NULL;
	}
}

/* handlers run in the entrypoint's loop; one may dissolve itself */
void
signal_handler_dispatch(void)
{
	struct handler h1 = {0}, h2 = {0};
	struct entrypoint *ep;
	signal_context_cap_t mine;

	alarm(20); /* a dispatch that waits forever is a failure, not a hang */
	CHECK_EQ(entrypoint_create(&ep), STATUS_OK);
	CHECK_EQ(signal_handler_create(ep, handle, &h1, &h1.ctx), STATUS_OK);
	CHECK_EQ(signal_handler_create(ep, handle, &h2, &h2.ctx), STATUS_OK);
	CHECK(signal_context_imprint(h1.ctx) == &h1);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(signal_submit(signal_context_cap(h1.ctx), 1), STATUS_OK);
	CHECK_EQ(entrypoint_wait_and_dispatch_one(ep), STATUS_OK);
	CHECK(h1.calls == 1 && h1.sum == 3 && h2.calls == 0);

	CHECK_EQ(cap_dup(cap_raw(signal_context_cap(h1.ctx)), &mine.raw), STATUS_OK);
	h1.dissolve = true;
	CHECK_EQ(signal_submit(mine, 1), STATUS_OK);
	CHECK_EQ(entrypoint_wait_and_dispatch_one(ep), STATUS_OK);
	CHECK(h1.calls == 2 && h1.ctx == NULL);
	CHECK_EQ(signal_submit(mine, 5), STATUS_OK); /* dead: dropped */
	CHECK_EQ(signal_submit(signal_context_cap(h2.ctx), 1), STATUS_OK);
	CHECK_EQ(entrypoint_wait_and_dispatch_one(ep), STATUS_OK);
	CHECK(h1.calls == 2 && h2.calls == 1 && h2.sum == 1);
	signal_context_dissolve(h2.ctx);
	cap_close(mine.raw);
	entrypoint_destroy(ep);
	alarm(0);
}

struct beside {
	struct entrypoint *ep;
	struct rpc_object obj;
	struct handler h;
};

static status_t
do_null(void *ctx, struct rpc_call *call)
{
	return STATUS_OK;
}

/* the handler's sum, read on the entrypoint's thread: no race */
static status_t
do_id(void *ctx, struct rpc_call *call, uint32_t *id)
{
	*id = ((struct beside *)ctx)->h.sum;
	return STATUS_OK;
}

static status_t
do_stop(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(((struct beside *)ctx)->ep);
	return STATUS_OK;
}

static const struct rpc_test_ops beside_ops = {.null = do_null, .id = do_id, .stop = do_stop};

static void
ep_loop(void *arg)
{
	entrypoint_run(arg);
}

enum { BESIDE_SUBMITS = 20000 };

/* signals and calls interleaved at one entrypoint running on its own thread */
void
signal_handler_beside_rpc(void)
{
	struct beside b = {0};
	rpc_test_cap_t obj;
	uint32_t seen = 0;
	struct thread *t;

	CHECK_EQ(entrypoint_create(&b.ep), STATUS_OK);
	CHECK_EQ(rpc_test_manage(b.ep, &b.obj, &beside_ops, &b, &obj), STATUS_OK);
	CHECK_EQ(signal_handler_create(b.ep, handle, &b.h, &b.h.ctx), STATUS_OK);
	t = spawn("ep", ep_loop, b.ep);
	for (unsigned i = 0; i < BESIDE_SUBMITS; i++) {
		CHECK_EQ(signal_submit(signal_context_cap(b.h.ctx), 1), STATUS_OK);
		if (i % 100 == 0)
			CHECK_EQ(rpc_test_null(obj), STATUS_OK);
	}
	for (unsigned i = 0; i < 5000 && seen < BESIDE_SUBMITS; i++) {
		CHECK_EQ(rpc_test_id(obj, &seen), STATUS_OK);
		if (seen < BESIDE_SUBMITS)
			usleep(1000);
	}
	CHECK_EQ(seen, BESIDE_SUBMITS);
	CHECK_EQ(rpc_test_stop(obj), STATUS_OK);
	thread_join(t);
	CHECK(b.h.thread == t && b.h.calls >= 1 && b.h.calls <= BESIDE_SUBMITS);
	signal_context_dissolve(b.h.ctx);
	entrypoint_dissolve(b.ep, &b.obj);
	cap_close(obj.raw);
	entrypoint_destroy(b.ep);
}

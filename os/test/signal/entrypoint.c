/*
 * \brief  test-signal: a context dispatched by an entrypoint (case 6)
 *
 * The entrypoint runs on a thread of its own and serves an RPC object and
 * a signal handler. The main thread submits signals and calls the object
 * in between; the object reports what the handler has seen, which also
 * proves that handler and RPC never run at the same time (both touch the
 * counters without a lock).
 */

#include <base/entrypoint.h>
#include <base/log.h>
#include <test_signal/client.h>
#include <test_signal/server.h>

#include "test_signal.h"

struct served {
	struct entrypoint *ep;
	struct rpc_object obj;
	struct signal_context *ctx;
	unsigned sum, activations;
	struct thread *handler_thread; /* where the handler ran */
	bool in_handler;               /* for catching overlap with RPC */
	bool overlap;
};

static void
handle(void *arg, unsigned num)
{
	struct served *sv = arg;

	sv->in_handler = true;
	sv->sum += num;
	sv->activations++;
	sv->handler_thread = thread_myself();
	sv->in_handler = false;
}

static status_t
do_count(void *ctx, struct rpc_call *call, uint32_t *sum, uint32_t *activations)
{
	struct served *sv = ctx;

	sv->overlap |= sv->in_handler;
	*sum = sv->sum;
	*activations = sv->activations;
	return STATUS_OK;
}

static status_t
do_stop(void *ctx, struct rpc_call *call)
{
	entrypoint_stop(((struct served *)ctx)->ep);
	return STATUS_OK;
}

static const struct test_signal_ops ops = {.count = do_count, .stop = do_stop};

static void
ep_loop(void *arg)
{
	entrypoint_run(arg);
}

enum { EP_SUBMITS = 10000, CALL_EVERY = 100 };

/* submit with calls in between, then ask until the handler saw them all */
static void
drive(struct served *sv, test_signal_cap_t obj)
{
	uint32_t sum = 0, activations = 0;
	status_t st;

	for (unsigned i = 1; i <= EP_SUBMITS; i++) {
		st = signal_submit(signal_context_cap(sv->ctx), 1);
		expect(st == STATUS_OK, "test 6: submit failed: %s", status_name(st));
		if (i % CALL_EVERY == 0) {
			st = test_signal_count(obj, &sum, &activations);
			expect(st == STATUS_OK, "test 6: call failed: %s", status_name(st));
		}
	}
	/* 5,000 polls of 1 ms and a call each (5 s or more) for the last
	 * activations: one activation takes the whole count, so the handler
	 * needs only a core for a moment; a lost signal is never seen */
	for (unsigned i = 0; i < 5000 && sum < EP_SUBMITS; i++) {
		st = test_signal_count(obj, &sum, &activations);
		expect(st == STATUS_OK, "test 6: call failed: %s", status_name(st));
		if (sum < EP_SUBMITS)
			sleep_ms(1);
	}
	expect(sum == EP_SUBMITS, "test 6: %u submitted, handler saw %u", EP_SUBMITS, sum);
	log_print("  %u signals handled in %u activations beside %u calls", sum, activations,
	          EP_SUBMITS / CALL_EVERY);
}

/* 6: the entrypoint's thread runs the handler, between RPC calls */
void
test_entrypoint_handler(void)
{
	struct served sv = {.sum = 0};
	test_signal_cap_t obj;

	log_print("TEST 6: signal handler at an entrypoint");
	expect(entrypoint_create(&sv.ep) == STATUS_OK, "cannot create an entrypoint");
	expect(test_signal_manage(sv.ep, &sv.obj, &ops, &sv, &obj) == STATUS_OK,
	       "cannot manage the RPC object");
	expect(signal_handler_create(sv.ep, handle, &sv, &sv.ctx) == STATUS_OK,
	       "cannot create the signal handler");
	struct thread *t = spawn("entrypoint", ep_loop, sv.ep);
	drive(&sv, obj);
	expect(test_signal_stop(obj) == STATUS_OK, "test 6: stop failed");
	thread_join(t);
	expect(sv.handler_thread == t, "test 6: handler ran on another thread than the entrypoint");
	expect(!sv.overlap, "test 6: an RPC call ran inside the handler");
	signal_context_dissolve(sv.ctx);
	entrypoint_dissolve(sv.ep, &sv.obj);
	cap_close(obj.raw);
	entrypoint_destroy(sv.ep);
}

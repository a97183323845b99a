/*
 * \brief  test-signal: counting under load (cases 1 to 3)
 */

#include <base/log.h>

#include "test_signal.h"

enum { FAST_SUBMITS = 2000, BURST = 100, HANDLER_MS = 5 };

struct fast_sender {
	signal_context_cap_t cap;
	unsigned failed;
};

/* bursts with short pauses: many submits land while the handler is busy */
static void
fast_sender(void *arg)
{
	struct fast_sender *f = arg;

	for (unsigned i = 1; i <= FAST_SUBMITS; i++) {
		f->failed += signal_submit(f->cap, 1) != STATUS_OK;
		if (i % BURST == 0)
			sleep_ms(1);
	}
}

/* 1: every submit counts once, though the handler sees far fewer signals */
void
test_fast_sender_slow_handler(void)
{
	struct signal_receiver *r;
	struct signal_context *c;
	unsigned sum = 0, activations = 0;

	log_print("TEST 1: fast sender, slow handler");
	expect(signal_receiver_create(&r) == STATUS_OK, "cannot create a receiver");
	expect(signal_context_create(r, NULL, &c) == STATUS_OK, "cannot create a context");
	struct fast_sender f = {signal_context_cap(c), 0};
	struct thread *t = spawn("fast sender", fast_sender, &f);
	while (sum < FAST_SUBMITS) {
		struct signal s = wait_signal(r, "slow handler");

		expect(s.context == c && s.num >= 1, "test 1: bad signal (num %u)", s.num);
		sum += s.num;
		activations++;
		sleep_ms(HANDLER_MS);
	}
	thread_join(t);
	expect(f.failed == 0, "test 1: %u submits failed", f.failed);
	expect(sum == FAST_SUBMITS && quiet_for(r, 20), "test 1: %u submits, %u received",
	       FAST_SUBMITS, sum);
	expect(activations < FAST_SUBMITS, "test 1: signals were not coalesced");
	log_print("  %u submits received in %u activations", sum, activations);
	signal_receiver_destroy(r);
}

enum { HANDLERS = 5, HANDLER_ROUNDS = 10 };

struct handler {
	unsigned sum, activations;
};

struct round_robin {
	struct signal_context *ctx[HANDLERS];
	unsigned failed;
};

static void
round_robin_sender(void *arg)
{
	struct round_robin *rr = arg;

	for (unsigned n = 0; n < HANDLER_ROUNDS; n++)
		for (unsigned i = 0; i < HANDLERS; i++)
			rr->failed += signal_submit(signal_context_cap(rr->ctx[i]), 1) != STATUS_OK;
}

/* 2: one sender, several contexts: each signal reaches its own handler */
void
test_several_handlers(void)
{
	struct handler h[HANDLERS] = {{0}};
	struct round_robin rr = {.failed = 0};
	struct signal_receiver *r;
	unsigned total = 0;

	log_print("TEST 2: one sender, %u handlers", HANDLERS);
	expect(signal_receiver_create(&r) == STATUS_OK, "cannot create a receiver");
	for (unsigned i = 0; i < HANDLERS; i++)
		expect(signal_context_create(r, &h[i], &rr.ctx[i]) == STATUS_OK,
		       "cannot create context %u", i);
	struct thread *t = spawn("sender", round_robin_sender, &rr);
	while (total < HANDLERS * HANDLER_ROUNDS) {
		struct signal s = wait_signal(r, "several handlers");
		struct handler *hd = s.imprint;

		hd->sum += s.num;
		hd->activations++;
		total += s.num;
	}
	thread_join(t);
	expect(rr.failed == 0, "test 2: %u submits failed", rr.failed);
	for (unsigned i = 0; i < HANDLERS; i++) {
		expect(h[i].activations >= 1 && h[i].sum == HANDLER_ROUNDS,
		       "test 2: handler %u got %u in %u activations", i, h[i].sum,
		       h[i].activations);
		log_print("  handler %u: %u signals in %u activations", i, h[i].sum,
		          h[i].activations);
	}
	signal_receiver_destroy(r);
}

enum { STRESS_MS = 2000 };

struct stress {
	struct signal_receiver *r;
	signal_context_cap_t cap;
	bool stop, done; /* atomic */
	unsigned long submits, failed, received, activations;
};

static void
stress_sender(void *arg)
{
	struct stress *st = arg;

	while (!__atomic_load_n(&st->stop, __ATOMIC_RELAXED)) {
		st->failed += signal_submit(st->cap, 1) != STATUS_OK;
		st->submits++;
	}
}

static void
stress_handler(void *arg)
{
	struct stress *st = arg;
	struct signal s;

	while (!__atomic_load_n(&st->done, __ATOMIC_ACQUIRE))
		if (signal_receiver_wait_timeout(st->r, 10000, &s) == STATUS_OK) {
			__atomic_fetch_add(&st->received, s.num, __ATOMIC_RELEASE);
			st->activations++;
		}
}

/* 3: as fast as it goes for a while; the counts must still match */
void
test_stress(void)
{
	struct stress st = {.stop = false};
	struct signal_context *c;

	log_print("TEST 3: stress for %u ms", STRESS_MS);
	expect(signal_receiver_create(&st.r) == STATUS_OK, "cannot create a receiver");
	expect(signal_context_create(st.r, NULL, &c) == STATUS_OK, "cannot create a context");
	st.cap = signal_context_cap(c);
	struct thread *handler = spawn("stress handler", stress_handler, &st);
	struct thread *sender = spawn("stress sender", stress_sender, &st);
	sleep_ms(STRESS_MS);
	__atomic_store_n(&st.stop, true, __ATOMIC_RELAXED);
	thread_join(sender);
	/* up to 5 s for the handler to catch up: one wake-up fetches the whole
	 * count, so even a handler that waits for a core on a busy machine
	 * needs a few ms; a lost signal never arrives, however long we wait */
	for (unsigned i = 0; i < 500; i++) {
		if (__atomic_load_n(&st.received, __ATOMIC_ACQUIRE) >= st.submits)
			break;
		sleep_ms(10);
	}
	__atomic_store_n(&st.done, true, __ATOMIC_RELEASE);
	thread_join(handler);
	expect(st.failed == 0, "test 3: %lu submits failed", st.failed);
	expect(st.received == st.submits, "test 3: %lu submitted, %lu received", st.submits,
	       st.received);
	log_print("  %lu signals submitted and received in %lu activations (%lu per second)",
	          st.submits, st.activations, st.submits * 1000u / STRESS_MS);
	signal_receiver_destroy(st.r);
}

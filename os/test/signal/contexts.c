/*
 * \brief  test-signal: receivers and context life cycle (cases 4 and 5)
 */

#include <stdint.h>

#include <base/log.h>

#include "test_signal.h"

static struct signal_context *
context(struct signal_receiver *r, void *imprint)
{
	struct signal_context *c = NULL;

	expect(signal_context_create(r, imprint, &c) == STATUS_OK, "cannot create a context");
	return c;
}

static void
submit(struct signal_context *c, unsigned count)
{
	status_t st = signal_submit(signal_context_cap(c), count);

	expect(st == STATUS_OK, "submit failed: %s", status_name(st));
}

static void
receive(struct signal_receiver *r, struct signal_context *c, unsigned num, const char *what)
{
	struct signal s = wait_signal(r, what);

	expect(s.context == c && s.num == num, "%s: got num %u of %s context, want %u", what, s.num,
	       s.context == c ? "the right" : "a wrong", num);
}

/*
 * 4: signals wait for a receiver that asks late, and two receivers do not
 * depend on each other: taken in submit order, then in the reverse.
 */
void
test_lazy_out_of_order(void)
{
	struct signal_receiver *r1, *r2;

	log_print("TEST 4: lazy and out-of-order reception");
	expect(signal_receiver_create(&r1) == STATUS_OK, "cannot create receiver 1");
	expect(signal_receiver_create(&r2) == STATUS_OK, "cannot create receiver 2");
	struct signal_context *a = context(r1, NULL), *b = context(r2, NULL);

	submit(a, 1);
	submit(b, 1);
	sleep_ms(10); /* nobody waits meanwhile: the signals must be kept */
	expect(signal_receiver_pending(r1) && signal_receiver_pending(r2),
	       "test 4: signals not pending");
	receive(r1, a, 1, "test 4, receiver 1 first");
	receive(r2, b, 1, "test 4, receiver 2 second");

	submit(a, 2);
	submit(b, 3);
	receive(r2, b, 3, "test 4, receiver 2 first");
	receive(r1, a, 2, "test 4, receiver 1 second");
	expect(!signal_receiver_pending(r1) && !signal_receiver_pending(r2),
	       "test 4: signals left over");
	log_print("  order 1,2 and 2,1 received as submitted");
	signal_receiver_destroy(r1);
	signal_receiver_destroy(r2);
}

/* a transmitter keeps submitting through its copy after the dissolve */
static void
dead_context(struct signal_receiver *r)
{
	struct signal_context *c = context(r, NULL);
	signal_context_cap_t copy;

	expect(cap_dup(cap_raw(signal_context_cap(c)), &copy.raw) == STATUS_OK,
	       "cannot copy a capability");
	submit(c, 5); /* in flight when the context goes */
	signal_context_dissolve(c);
	for (unsigned i = 0; i < 1000; i++) {
		status_t st = signal_submit(copy, 1);

		expect(st == STATUS_OK, "test 5: submit to a dissolved context: %s",
		       status_name(st));
	}
	expect(quiet_for(r, 50), "test 5: a dissolved context delivered a signal");
	cap_close(copy.raw);
}

enum { ROUNDS = 10, BASE = 200, STEP = 5, MOST = BASE + STEP * (ROUNDS - 1) };

/* one round: n contexts, each submitted round + 1 times, all told apart */
static void
many_contexts(struct signal_receiver *r, unsigned round, unsigned n)
{
	struct signal_context *c[MOST] = {0};
	unsigned got[MOST] = {0}, total = 0;

	for (unsigned i = 0; i < n; i++)
		c[i] = context(r, (void *)(uintptr_t)i);
	for (unsigned i = 0; i < n; i++)
		submit(c[n - 1 - i], round + 1);
	while (total < n * (round + 1)) {
		struct signal s = wait_signal(r, "test 5, many contexts");
		uintptr_t i = (uintptr_t)s.imprint;

		expect(i < n && s.context == c[i], "test 5: signal of an unknown context");
		got[i] += s.num;
		total += s.num;
	}
	for (unsigned i = 0; i < n; i++) {
		expect(got[i] == round + 1, "test 5: context %u got %u, want %u", i, got[i],
		       round + 1);
		signal_context_dissolve(c[round % 2 ? i : n - 1 - i]);
	}
}

/* 5: dissolving is harmless, and contexts come and go in numbers */
void
test_context_management(void)
{
	struct signal_receiver *r;

	log_print("TEST 5: context management");
	expect(signal_receiver_create(&r) == STATUS_OK, "cannot create a receiver");
	dead_context(r);
	for (unsigned round = 0; round < ROUNDS; round++)
		many_contexts(r, round, BASE + STEP * round);
	expect(quiet_for(r, 10), "test 5: signals left over");
	log_print("  dissolved context ignored 1000 submits; %u rounds of %u..%u contexts", ROUNDS,
	          BASE, MOST);
	signal_receiver_destroy(r);
}

/*
 * \brief  Deliveries: counts summed, one wake-up per pending context, many
 *         contexts, saturation, timeouts, handlers, refused capabilities
 */

#include <base/entrypoint.h>
#include <base/internal/futex.h>
#include <base/internal/signal_count.h>
#include <base/signal_backing.h>
#include <base/thread.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "test_signal.h"

enum { MANY = 24, FLOOD = 1000 };

static struct signal_receiver *r;

static struct signal_context *
context(void *imprint)
{
	struct signal_context *c = 0;

	if (signal_context_create(r, imprint, &c) != STATUS_OK)
		say("cannot create a context");
	return c;
}

/* nothing more arrives within 100 ms */
static bool
quiet(struct signal_receiver *rr)
{
	struct signal s;

	return signal_receiver_wait_timeout(rr, 100000, &s) == STATUS_TIMEOUT;
}

static void
summed(void)
{
	static int tag;
	struct signal_context *a = context(&tag);
	unsigned sum = 0, n = 0;
	bool right = true;

	(void)signal_submit(signal_context_cap(a), 3);
	(void)signal_submit(signal_context_cap(a), 4);
	while (sum < 7 && n < 4) {
		struct signal s = wait_for(r, 2000);
		right = right && s.context == a && s.imprint == &tag;
		sum += s.num;
		n++;
	}
	check(sum == 7 && right && quiet(r),
	      "submit 3 + 4: delivered summed, own context and imprint", "sum %u in %u deliveries",
	      sum, n);
	signal_context_dissolve(a);
}

static void
flood(void)
{
	struct signal_context *b = context(0);
	mach_port_t wake = context_wake_port(b);
	mach_port_t name = (mach_port_t)cap_raw(signal_context_cap(b)).sel;
	mach_port_urefs_t refs0 = 0, refs1 = 0;
	int before, after;

	(void)signal_submit(signal_context_cap(b), 1);
	settle(200);
	before = port_queued(wake);
	(void)mach_port_get_refs(mach_task_self(), name, MACH_PORT_RIGHT_SEND, &refs0);
	for (unsigned i = 1; i < FLOOD; i++)
		(void)signal_submit(signal_context_cap(b), 1);
	settle(500);
	after = port_queued(wake);
	(void)mach_port_get_refs(mach_task_self(), name, MACH_PORT_RIGHT_SEND, &refs1);
	struct signal s1 = wait_for(r, 2000), s2 = wait_for(r, 2000);
	check(before == 1 && after == 1,
	      "a flood of submits: one wake-up waits per pending context",
	      "queued %d, after %u submits %d", before, FLOOD, after);
	check(s1.num == 1 && s2.num == FLOOD - 1 && quiet(r),
	      "a flood of submits: the next delivery after the ACK has the rest, none lost",
	      "%u then %u", s1.num, s2.num);
	check(refs0 == refs1 && refs0 > 0,
	      "a flood through a full queue keeps the capability's references",
	      "%u before, %u after", refs0, refs1);
	signal_context_dissolve(b);
}

static void
many(void)
{
	struct signal_context *c[MANY];
	unsigned got[MANY] = {0}, queued = 0, n = 0;
	bool right = true;

	for (unsigned i = 0; i < MANY; i++)
		c[i] = context((void *)(uintptr_t)(i + 1));
	for (unsigned i = MANY; i-- > 0;)
		(void)signal_submit(signal_context_cap(c[i]), i + 1);
	settle(500);
	for (unsigned i = 0; i < MANY; i++)
		queued += port_queued(context_wake_port(c[i])) == 1;
	for (; n < MANY + 2; n++) {
		struct signal s = wait_for(r, n < MANY ? 2000 : 100);
		uintptr_t i = (uintptr_t)s.imprint;
		if (!s.context)
			break;
		right = right && i >= 1 && i <= MANY && s.context == c[i - 1];
		if (right)
			got[i - 1] += s.num;
	}
	for (unsigned i = 0; i < MANY; i++)
		right = right && got[i] == i + 1;
	check(queued == MANY && n == MANY && right,
	      "24 contexts pending at once on one receiver: each delivered once, its own count",
	      "%u pending, %u deliveries", queued, n);
	for (unsigned i = 0; i < MANY; i++)
		signal_context_dissolve(c[i]);
}

static void
saturation(void)
{
	struct signal_context *s = context(0);
	signal_context_cap_t cap = signal_context_cap(s);

	(void)signal_submit(cap, 1);
	settle(200); /* the WAKE of 1 is out: the rest stays in core's count */
	status_t st = signal_submit(cap, SIGNAL_COUNT_MAX);
	st = st == STATUS_OK ? signal_submit(cap, SIGNAL_COUNT_MAX) : st;
	st = st == STATUS_OK ? signal_submit(cap, 5) : st;
	struct signal s1 = wait_for(r, 2000), s2 = wait_for(r, 2000);
	check(st == STATUS_OK && s1.num == 1 && s2.num == SIGNAL_COUNT_MAX && quiet(r),
	      "saturation: UINT_MAX + UINT_MAX + 5 delivered as UINT_MAX once",
	      "status %d, %u then %u", (int)st, s1.num, s2.num);
	signal_context_dissolve(s);
}

static void
timeouts(void)
{
	struct signal_receiver *empty;
	struct signal s;

	if (signal_receiver_create(&empty) != STATUS_OK)
		return;
	uint64_t t0 = platform_time_us();
	status_t st = signal_receiver_wait_timeout(empty, 150000, &s);
	uint64_t took = platform_time_us() - t0;
	status_t st0 = signal_receiver_wait_timeout(empty, 0, &s);
	check(st == STATUS_TIMEOUT && took >= 150000 && st0 == STATUS_TIMEOUT &&
	              !signal_receiver_pending(empty),
	      "wait_timeout: STATUS_TIMEOUT after the time, 0 only looks", "%llu us",
	      (unsigned long long)took);
	signal_receiver_destroy(empty);
}

static void
refused(void)
{
	cap_t none, page;
	status_t inv = signal_submit(CAP_TYPED(signal_context_cap_t, cap_invalid()), 1);
	status_t unknown = signal_submit(CAP_TYPED(signal_context_cap_t, ((cap_t){0x7ffff000})), 1);
	status_t direct = signal_backing_direct.alloc(0, 0, &none, &page);
	check(inv == STATUS_INVALID_CAP && unknown == STATUS_INVALID_CAP &&
	              direct == STATUS_UNAVAILABLE,
	      "refused: invalid and unknown names, signal_backing_direct on Mach", "%d, %d, %d",
	      (int)inv, (int)unknown, (int)direct);
}

struct handled {
	unsigned sum, calls;
	struct thread *thread;
	bool other_thread;
};

static void
on_signal(void *arg, unsigned num)
{
	struct handled *h = arg;

	h->sum += num;
	h->calls++;
	h->other_thread |= thread_myself() != h->thread;
}

static void
handler(void)
{
	struct handled h = {.thread = thread_myself()};
	struct entrypoint *ep;
	struct signal_context *c;

	if (entrypoint_create(&ep) != STATUS_OK ||
	    signal_handler_create(ep, on_signal, &h, &c) != STATUS_OK) {
		check(false, "handler on an entrypoint", "not created");
		return;
	}
	(void)signal_submit(signal_context_cap(c), 4);
	(void)signal_submit(signal_context_cap(c), 6);
	for (unsigned i = 0; i < 40 && h.sum < 10; i++) {
		if (port_queued(context_wake_port(c)) > 0)
			(void)entrypoint_wait_and_dispatch_one(ep);
		else
			settle(50);
	}
	check(h.sum == 10 && h.calls <= 2 && !h.other_thread && signal_context_imprint(c) == &h,
	      "handler: called by its entrypoint's dispatch, on its thread, 4 + 6",
	      "sum %u in %u calls", h.sum, h.calls);
	signal_context_dissolve(c);
	entrypoint_destroy(ep);
}

void
checks_deliver(void)
{
	if (signal_receiver_create(&r) != STATUS_OK) {
		check(false, "receiver", "not created");
		return;
	}
	summed();
	flood();
	many();
	saturation();
	timeouts();
	refused();
	handler();
	signal_receiver_destroy(r);
}

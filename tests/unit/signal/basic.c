/*
 * \brief  Signals within one thread: counting, contexts, bad capabilities
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../../harness/harness.h"
#include "cases.h"

struct signal_receiver *
test_receiver(struct signal_context **ctx, unsigned n)
{
	struct signal_receiver *r = NULL;

	CHECK_EQ(signal_receiver_create(&r), STATUS_OK);
	for (unsigned i = 0; i < n; i++)
		CHECK_EQ(signal_context_create(r, (void *)(uintptr_t)i, &ctx[i]), STATUS_OK);
	return r;
}

bool
test_wait(struct signal_receiver *r, struct signal *s)
{
	return CHECK_EQ(signal_receiver_wait_timeout(r, 5000000, s), STATUS_OK);
}

bool
test_quiet(struct signal_receiver *r, unsigned ms)
{
	struct signal s;

	return CHECK_EQ(signal_receiver_wait_timeout(r, ms * 1000ull, &s), STATUS_TIMEOUT);
}

static signal_context_cap_t
cap_of(struct signal_context *ctx)
{
	return signal_context_cap(ctx);
}

void
signal_coalesce(void)
{
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	struct signal s;

	CHECK(!signal_receiver_pending(r));
	CHECK(test_quiet(r, 0));
	for (int i = 0; i < 3; i++)
		CHECK_EQ(signal_submit(cap_of(c), 1), STATUS_OK);
	CHECK(signal_receiver_pending(r));
	CHECK(test_wait(r, &s) && s.context == c && s.num == 3 && s.imprint == NULL);
	CHECK(!signal_receiver_pending(r));
	CHECK_EQ(signal_submit(cap_of(c), 7), STATUS_OK);
	CHECK_EQ(signal_submit(cap_of(c), 0), STATUS_OK); /* submits nothing */
	CHECK(test_wait(r, &s) && s.num == 7);
	CHECK(test_quiet(r, 10));
	signal_receiver_destroy(r);
}

enum { MANY = 40 };

void
signal_several_contexts(void)
{
	struct signal_context *c[MANY];
	struct signal_receiver *r = test_receiver(c, MANY);
	unsigned seen[MANY] = {0};
	struct signal s;

	for (unsigned i = 0; i < MANY; i++)
		for (unsigned k = 0; k <= i; k++)
			CHECK_EQ(signal_submit(cap_of(c[i]), 1), STATUS_OK);
	for (unsigned n = 0; n < MANY && test_wait(r, &s); n++) {
		unsigned i = (unsigned)(uintptr_t)s.imprint;

		CHECK(i < MANY && s.context == c[i] && signal_context_imprint(c[i]) == s.imprint);
		if (i < MANY)
			seen[i] += s.num;
	}
	for (unsigned i = 0; i < MANY; i++)
		CHECK_EQ(seen[i], i + 1);
	CHECK(test_quiet(r, 10));
	signal_receiver_destroy(r);
}

void
signal_delivery_order(void)
{
	struct signal_context *c[4];
	struct signal_receiver *r = test_receiver(c, 4);
	unsigned order[] = {2, 0, 3, 1};
	struct signal s;

	for (unsigned i = 0; i < 4; i++)
		CHECK_EQ(signal_submit(cap_of(c[order[i]]), 1), STATUS_OK);
	CHECK_EQ(signal_submit(cap_of(c[2]), 1), STATUS_OK); /* still pending: no reorder */
	for (unsigned i = 0; i < 4 && test_wait(r, &s); i++)
		CHECK_EQ((uintptr_t)s.imprint, order[i]);
	signal_receiver_destroy(r);
}

/*
 * Counts saturate (doc/signals.md): a delivery takes the whole count and
 * says at most UINT_MAX, however far above the count went, and the next
 * one counts from 0 again.
 */
void
signal_large_counts(void)
{
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	struct signal s;

	CHECK_EQ(signal_submit(cap_of(c), UINT_MAX), STATUS_OK);
	CHECK_EQ(signal_submit(cap_of(c), UINT_MAX), STATUS_OK);
	CHECK_EQ(signal_submit(cap_of(c), 5), STATUS_OK);
	CHECK(test_wait(r, &s) && s.num == UINT_MAX);
	CHECK(test_quiet(r, 10));
	CHECK_EQ(signal_submit(cap_of(c), 2), STATUS_OK);
	CHECK(test_wait(r, &s) && s.num == 2);
	signal_receiver_destroy(r);
}

/*
 * A submit at the platform's limit (the eventfd's, 2^64 - 2, reached here
 * by writing the eventfd directly: 2^32 submits would take too long)
 * succeeds and leaves the count saturated, instead of failing.
 */
void
signal_saturates_at_limit(void)
{
	const uint64_t below_limit = UINT64_MAX - 2; /* one below 2^64 - 2 */
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	struct signal s;

	CHECK_EQ(write((int)cap_raw(cap_of(c)).sel, &below_limit, sizeof(below_limit)),
	         (ssize_t)sizeof(below_limit));
	CHECK_EQ(signal_submit(cap_of(c), 1), STATUS_OK); /* exactly at the limit */
	CHECK_EQ(signal_submit(cap_of(c), 5), STATUS_OK); /* beyond it */
	CHECK_EQ(signal_submit(cap_of(c), UINT_MAX), STATUS_OK);
	CHECK(test_wait(r, &s) && s.num == UINT_MAX);
	CHECK(test_quiet(r, 10));
	CHECK_EQ(signal_submit(cap_of(c), 3), STATUS_OK);
	CHECK(test_wait(r, &s) && s.num == 3);
	signal_receiver_destroy(r);
}

/*
 * The transmitter keeps its own copy of the capability, in this process:
 * after the dissolve its submits succeed and go nowhere, and the copy
 * must not keep the dead context reported (a busy loop) nor reach the
 * context created next.
 */
void
signal_dissolve_harmless(void)
{
	struct signal_context *c[2];
	struct signal_receiver *r = test_receiver(c, 2);
	signal_context_cap_t mine;
	struct signal_context *next;
	struct signal s;

	CHECK_EQ(cap_dup(cap_raw(cap_of(c[0])), &mine.raw), STATUS_OK);
	CHECK_EQ(signal_submit(mine, 3), STATUS_OK); /* in flight */
	CHECK_EQ(signal_submit(cap_of(c[1]), 1), STATUS_OK);
	signal_context_dissolve(c[0]);
	CHECK(test_wait(r, &s) && s.context == c[1] && s.num == 1);
	for (int i = 0; i < 1000; i++)
		CHECK_EQ(signal_submit(mine, 1), STATUS_OK);
	CHECK(!signal_receiver_pending(r));
	CHECK(test_quiet(r, 50));
	CHECK_EQ(signal_context_create(r, NULL, &next), STATUS_OK);
	CHECK_EQ(signal_submit(mine, 1), STATUS_OK);
	CHECK(test_quiet(r, 20));
	cap_close(mine.raw);
	signal_receiver_destroy(r);
}

static status_t
submit_fd(int fd)
{
	return signal_submit(CAP_TYPED(signal_context_cap_t, ((cap_t){fd})), 1);
}

/* nothing that is not an eventfd is written to, and nothing blocks */
void
signal_invalid_caps(void)
{
	int p[2], sv[2], closed = eventfd(0, EFD_CLOEXEC), ep = epoll_create1(EPOLL_CLOEXEC);
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	char buf[16];

	CHECK_EQ(signal_submit(CAP_TYPED_INVALID(signal_context_cap_t), 1), STATUS_INVALID_CAP);
	CHECK_EQ(pipe2(p, O_CLOEXEC | O_NONBLOCK), 0);
	CHECK_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	close(closed);
	CHECK_EQ(submit_fd(closed), STATUS_INVALID_CAP);
	CHECK_EQ(submit_fd(p[1]), STATUS_INVALID_CAP);
	CHECK_EQ(submit_fd(sv[0]), STATUS_INVALID_CAP);
	CHECK_EQ(submit_fd(ep), STATUS_INVALID_CAP);
	CHECK_EQ(submit_fd(null), STATUS_INVALID_CAP);
	CHECK_EQ(submit_fd(100000), STATUS_INVALID_CAP);
	CHECK_EQ(signal_submit(CAP_TYPED(signal_context_cap_t, ((cap_t){test_long_beyond_int()})),
	                       1),
	         STATUS_INVALID_CAP);
	CHECK(read(p[0], buf, sizeof(buf)) < 0); /* the pipe stayed empty */
	CHECK(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT) < 0);
	int fds[] = {p[0], p[1], sv[0], sv[1], ep, null};
	for (unsigned i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		close(fds[i]);
}

/*
 * A checked capability is remembered per thread; closing it and getting
 * a pipe under the same number must be noticed.
 */
void
signal_reused_number(void)
{
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	signal_context_cap_t mine;
	int p[2];

	CHECK_EQ(cap_dup(cap_raw(cap_of(c)), &mine.raw), STATUS_OK);
	CHECK_EQ(signal_submit(mine, 1), STATUS_OK);
	cap_close(mine.raw);
	CHECK_EQ(pipe2(p, O_CLOEXEC | O_NONBLOCK), 0);
	if (p[0] != mine.raw.sel)
		CHECK_EQ(dup3(p[0], (int)mine.raw.sel, O_CLOEXEC), mine.raw.sel);
	CHECK_EQ(signal_submit(mine, 1), STATUS_INVALID_CAP);
	close((int)mine.raw.sel);
	if (p[0] != mine.raw.sel)
		close(p[0]);
	close(p[1]);
	signal_receiver_destroy(r);
}

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/*
 * A million submits nobody reads: no blocking, one delivery sums them. A
 * pipe or socket would block after at most 64 Ki submits; a million is
 * sixteen times that; all of test-signal-unit took 11 s in the i386 test VM (TCG),
 * well inside the bound.
 */
void
signal_never_blocks(void)
{
	enum { SUBMITS = 1000 * 1000 };
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	uint64_t t0 = now_ms();
	struct signal s;
	unsigned ok = 0;

	for (unsigned i = 0; i < SUBMITS; i++)
		ok += signal_submit(cap_of(c), 1) == STATUS_OK;
	CHECK_EQ(ok, SUBMITS);
	CHECK(now_ms() - t0 < 30000);
	CHECK(test_wait(r, &s) && s.num == SUBMITS);
	signal_receiver_destroy(r);
}

/* destroying a receiver dissolves what is left, pending or not (ASan: no leak) */
void
signal_destroy_with_contexts(void)
{
	struct signal_context *c[3];
	struct signal_receiver *r = test_receiver(c, 3);

	CHECK_EQ(signal_submit(cap_of(c[1]), 1), STATUS_OK);
	signal_context_dissolve(c[0]);
	signal_receiver_destroy(r);
}

/*
 * \brief  The count page: what a hostile holder can do to it, and adoption
 *
 * Every holder of a context's capability may map its page (core hands it
 * to any transmitter) and write anything there, and ring the doorbell
 * without adding. The receiver must take any value as a count and
 * nothing else must change: not another context, not the receiver's
 * state. A page handed over beside a capability is checked before it is
 * mapped: only a memfd of a page whose size is sealed can never fault.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <base/signal_page_linux.h>

#include "../../harness/harness.h"
#include "cases.h"

enum { PAGE = 4096 };

static uint32_t *
page_of(struct signal_context *ctx)
{
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
	               (int)signal_context_page(ctx).raw.sel, 0);
	CHECK(p != MAP_FAILED);
	return p == MAP_FAILED ? NULL : p;
}

/* a hostile holder writes the page: its values arrive as counts, nothing else moves */
void
signal_page_garbage(void)
{
	struct signal_context *c[2];
	struct signal_receiver *r = test_receiver(c, 2);
	uint32_t *page = page_of(c[0]);
	struct signal s;

	if (!page)
		return;
	memset(page, 0xa5, PAGE);
	CHECK_EQ(signal_submit(signal_context_cap(c[0]), 1), STATUS_OK);
	CHECK(test_wait(r, &s) && s.context == c[0] && s.num == 0xa5a5a5a6u);
	page[0] = UINT_MAX - 1;
	CHECK_EQ(signal_submit(signal_context_cap(c[0]), 5), STATUS_OK); /* saturates */
	CHECK(test_wait(r, &s) && s.context == c[0] && s.num == UINT_MAX);
	CHECK(test_quiet(r, 10)); /* the other context saw nothing */
	CHECK_EQ(signal_submit(signal_context_cap(c[1]), 2), STATUS_OK);
	CHECK(test_wait(r, &s) && s.context == c[1] && s.num == 2);
	munmap(page, PAGE);
	signal_receiver_destroy(r);
}

/* a ring without a count (or one taken already) delivers nothing and leaves nothing pending */
void
signal_page_empty_ring(void)
{
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	uint64_t one = 1;
	struct signal s;

	CHECK_EQ(write((int)signal_context_cap(c).raw.sel, &one, sizeof(one)),
	         (ssize_t)sizeof(one));
	CHECK(!signal_receiver_pending(r));
	CHECK(test_quiet(r, 20));
	CHECK_EQ(signal_submit(signal_context_cap(c), 4), STATUS_OK);
	CHECK(signal_receiver_pending(r));
	CHECK(test_wait(r, &s) && s.num == 4);
	CHECK(!signal_receiver_pending(r));
	signal_receiver_destroy(r);
}

static int
memfd(size_t size, unsigned seals)
{
	int fd = memfd_create("test", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	CHECK(fd >= 0 && ftruncate(fd, (off_t)size) == 0);
	if (seals)
		CHECK_EQ(fcntl(fd, F_ADD_SEALS, seals), 0);
	return fd;
}

static status_t
adopt(int cap, int page)
{
	signal_context_cap_t c = CAP_TYPED(signal_context_cap_t, ((cap_t){cap}));
	signal_page_cap_t p = CAP_TYPED(signal_page_cap_t, ((cap_t){page}));

	return signal_page_adopt(c, p);
}

/* only a sealed memfd of a page is adopted, and only for an eventfd */
void
signal_page_adopt_checks(void)
{
	const unsigned seals = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL;
	struct signal_context *c;
	struct signal_receiver *r = test_receiver(&c, 1);
	int p[2], unsealed = memfd(PAGE, 0), small = memfd(100, seals);
	int cap = fcntl((int)signal_context_cap(c).raw.sel, F_DUPFD_CLOEXEC, 0);
	int page = (int)signal_context_page(c).raw.sel;
	struct signal s;

	CHECK_EQ(pipe2(p, O_CLOEXEC), 0);
	CHECK_EQ(adopt(cap, p[0]), STATUS_INVALID_CAP);
	CHECK_EQ(adopt(cap, unsealed), STATUS_INVALID_CAP);
	CHECK_EQ(adopt(cap, small), STATUS_INVALID_CAP);
	CHECK_EQ(adopt(p[1], page), STATUS_INVALID_CAP);
	CHECK_EQ(adopt(cap, page), STATUS_OK);
	CHECK_EQ(signal_submit(CAP_TYPED(signal_context_cap_t, ((cap_t){cap})), 3), STATUS_OK);
	CHECK(test_wait(r, &s) && s.context == c && s.num == 3);
	int fds[] = {p[0], p[1], unsealed, small};
	for (unsigned i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		close(fds[i]);
	cap_close((cap_t){cap});
	signal_receiver_destroy(r);
}

/*
 * \brief  A signal context's count page and doorbell (Linux)
 */

#define _GNU_SOURCE
#include <errno.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_mem.h>
#include <base/internal/signal_count.h>

#include "../ipc/sealed_page.h"
#include "signal_linux.h"
#include "signal_page.h"

enum { ADD_TRIES = 4096 };

void
signal_page_add(struct signal_page *p, unsigned n)
{
	uint32_t old = __atomic_load_n(&p->count, __ATOMIC_RELAXED), sum;

	/*
	 * Bounded: a holder writing the page without pause could make the
	 * exchange fail for ever. After so many tries the submit is dropped,
	 * which only touches the count of the context that holder scribbles
	 * on; honest transmitters contend far less.
	 */
	for (int i = 0; i < ADD_TRIES; i++) {
		sum = old > SIGNAL_COUNT_MAX - n ? SIGNAL_COUNT_MAX : old + n;
		if (__atomic_compare_exchange_n(&p->count, &old, sum, true, __ATOMIC_SEQ_CST,
		                                __ATOMIC_RELAXED))
			return;
	}
}

unsigned
signal_page_take(struct signal_page *p)
{
	return __atomic_exchange_n(&p->count, 0, __ATOMIC_SEQ_CST);
}

unsigned
signal_page_peek(const struct signal_page *p)
{
	return __atomic_load_n(&p->count, __ATOMIC_ACQUIRE);
}

int
signal_page_create(void)
{
	return sealed_page_create("signal", SIGNAL_PAGE_SIZE);
}

struct signal_page *
signal_page_map(int fd)
{
	return sealed_page_map(fd, SIGNAL_PAGE_SIZE);
}

void
signal_page_unmap(struct signal_page *p)
{
	if (p)
		lx_munmap(p, SIGNAL_PAGE_SIZE);
}

bool
signal_eventfd_add(int fd, uint64_t v)
{
	long n;

	do
		n = lx_write(fd, &v, sizeof(v));
	while (n < 0 && errno == EINTR);
	return n == sizeof(v);
}

bool
signal_doorbell_ring(int fd)
{
	if (signal_eventfd_add(fd, 1))
		return true;
	if (errno != EAGAIN)
		return false;
	/*
	 * Full: emptying it wakes no reader (epoll waits for EPOLLIN only). A
	 * holder that fills it again meanwhile only silences its own context.
	 */
	(void)signal_eventfd_drain(fd);
	(void)signal_eventfd_add(fd, 1);
	return true;
}

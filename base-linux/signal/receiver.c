/*
 * \brief  Signal receiver: an epoll instance over its contexts' doorbells
 *
 * Waiting happens outside the lock, so that creating and dissolving
 * contexts never waits for a signal; taking the count happens inside it,
 * so that a context cannot be dissolved between "epoll said readable"
 * and the take. Each wait fetches a single event: the kernel keeps its
 * ready list in the order of the rings (a context rung again while it is
 * listed keeps its place, one delivered and rung again goes to the end),
 * which is what makes delivery fair among contexts.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_poll.h>
#include <base/internal/lx_time.h>

#include "signal_linux.h"
#include "signal_page.h"

#define SLOT_NONE UINT32_MAX

status_t
signal_receiver_create(struct signal_receiver **out)
{
	struct signal_receiver *r = calloc(1, sizeof(*r));

	if (!r)
		return STATUS_OUT_OF_MEMORY;
	r->epfd = lx_epoll_create1(EPOLL_CLOEXEC);
	if (r->epfd < 0) {
		free(r);
		return STATUS_OUT_OF_MEMORY;
	}
	lock_init(&r->lock, false);
	r->free_head = SLOT_NONE;
	*out = r;
	return STATUS_OK;
}

void
signal_receiver_destroy(struct signal_receiver *r)
{
	for (uint32_t i = 0; i < r->count; i++)
		if (r->slots[i].ctx)
			signal_context_dissolve(r->slots[i].ctx);
	lx_close(r->epfd);
	free(r->slots);
	free(r);
}

static uint64_t
event_data(uint32_t index, uint32_t gen)
{
	return (uint64_t)gen << 32 | index;
}

/* a free slot, reused first; otherwise the table grows by doubling */
static bool
slot_take(struct signal_receiver *r, uint32_t *index)
{
	if (r->free_head != SLOT_NONE) {
		*index = r->free_head;
		r->free_head = r->slots[*index].next_free;
		return true;
	}
	if (r->count == r->capacity) {
		uint32_t cap = r->capacity ? r->capacity * 2 : 16;
		struct signal_slot *s;

		if (cap > (1u << 30))
			return false;
		s = realloc(r->slots, (size_t)cap * sizeof(*s));
		if (!s)
			return false;
		r->slots = s;
		r->capacity = cap;
	}
	*index = r->count++;
	r->slots[*index].gen = 0;
	return true;
}

static void
slot_put(struct signal_receiver *r, uint32_t index)
{
	struct signal_slot *s = &r->slots[index];

	s->ctx = NULL;
	s->gen++; /* events fetched for the old context are stale now */
	s->next_free = r->free_head;
	r->free_head = index;
}

status_t
signal_receiver_attach(struct signal_receiver *r, struct signal_context *ctx)
{
	/* edge-triggered: the doorbell's counter is never emptied, each ring wakes once */
	struct epoll_event ev = {.events = EPOLLIN | EPOLLET};
	status_t st = STATUS_OUT_OF_MEMORY;
	uint32_t i;

	lock_acquire(&r->lock);
	if (slot_take(r, &i)) {
		r->slots[i].ctx = ctx;
		ev.data.u64 = event_data(i, r->slots[i].gen);
		if (lx_epoll_ctl(r->epfd, EPOLL_CTL_ADD, ctx->fd, &ev) == 0) {
			ctx->receiver = r;
			ctx->slot = i;
			st = STATUS_OK;
		} else
			slot_put(r, i);
	}
	lock_release(&r->lock);
	return st;
}

/*
 * Deleting from the epoll set before the descriptor is closed matters:
 * epoll forgets a file only when its last descriptor anywhere is closed,
 * and another copy of the capability in this process would keep a
 * dissolved context reported forever.
 */
void
signal_receiver_detach(struct signal_receiver *r, struct signal_context *ctx)
{
	lock_acquire(&r->lock);
	lx_epoll_ctl(r->epfd, EPOLL_CTL_DEL, ctx->fd, NULL);
	slot_put(r, ctx->slot);
	lock_release(&r->lock);
}

/* turn a fetched event into a signal; false if stale or taken by another */
static bool
take(struct signal_receiver *r, uint64_t data, struct signal *out)
{
	uint32_t i = (uint32_t)data;
	bool taken = false;

	lock_acquire(&r->lock);
	if (i < r->count && r->slots[i].ctx && r->slots[i].gen == (uint32_t)(data >> 32)) {
		struct signal_context *ctx = r->slots[i].ctx;

		out->context = ctx;
		out->imprint = ctx->imprint;
		out->num = signal_page_take(ctx->page);
		taken = out->num > 0;
	}
	lock_release(&r->lock);
	return taken;
}

static uint64_t
now_us(void)
{
	return lx_monotonic_us();
}

/* epoll's timeout for the time left until deadline, rounded up to ms */
static int
timeout_ms(uint64_t deadline)
{
	uint64_t now, left;

	if (deadline == SIGNAL_WAIT_FOREVER)
		return -1;
	now = now_us();
	left = deadline > now ? deadline - now : 0;
	return left / 1000u >= INT32_MAX ? -1 : (int)((left + 999u) / 1000u);
}

status_t
signal_receiver_wait_timeout(struct signal_receiver *r, uint64_t timeout_us, struct signal *out)
{
	/* the clock is a system call here (no vDSO): not read for a wait without limit */
	uint64_t start = timeout_us == SIGNAL_WAIT_FOREVER ? 0 : now_us();
	uint64_t deadline = timeout_us >= SIGNAL_WAIT_FOREVER - start ? SIGNAL_WAIT_FOREVER
	                                                              : start + timeout_us;

	for (;;) {
		struct epoll_event ev;
		int n = lx_epoll_wait(r->epfd, &ev, 1, timeout_ms(deadline));

		if (n < 0 && errno != EINTR)
			return STATUS_UNAVAILABLE;
		if (n > 0 && take(r, ev.data.u64, out))
			return STATUS_OK;
		if (n == 0 && deadline != SIGNAL_WAIT_FOREVER && now_us() >= deadline)
			return STATUS_TIMEOUT;
	}
}

status_t
signal_receiver_wait(struct signal_receiver *r, struct signal *out)
{
	return signal_receiver_wait_timeout(r, SIGNAL_WAIT_FOREVER, out);
}

/*
 * The counts, not the epoll: a ring whose count an earlier delivery took
 * already leaves an event behind that delivers nothing.
 */
bool
signal_receiver_pending(struct signal_receiver *r)
{
	bool pending = false;

	lock_acquire(&r->lock);
	for (uint32_t i = 0; i < r->count && !pending; i++)
		pending = r->slots[i].ctx && signal_page_peek(r->slots[i].ctx->page) > 0;
	lock_release(&r->lock);
	return pending;
}

/*
 * \brief  Submitting a signal: add to the context's count page, ring its eventfd
 *
 * A capability may come from anywhere, including a component that wants
 * to hurt us: a pipe it never reads would block a write, a socket would
 * take garbage. So the first submit through a selector makes sure the
 * descriptor is an eventfd and finds the context's page: a context made
 * here registered its own, another one's is asked of the backing (core's
 * SIGNAL session: one RPC per capability) or was adopted. The table is
 * indexed by selector and an entry is valid only under the selector
 * generation it was made with (see base-linux/ipc/internal.h): closing a
 * capability and getting another one under the same number always looks
 * again. The add happens under the table's lock, so that no entry is
 * unmapped under a submit; the ring outside it.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>

#include <base/signal_backing.h>
#include <base/signal_page_linux.h>

#include "../ipc/internal.h"
#include "signal_linux.h"
#include "signal_page.h"

enum tx_state { TX_NONE, TX_PAGE, TX_DROP };

struct tx_entry {
	struct signal_page *page; /* TX_PAGE: the mapping, OWNED if owned */
	uint32_t gen;
	uint8_t state;
	bool owned;
};

static struct {
	struct lock lock;
	struct tx_entry *v;
	size_t n;
} tx = {.lock = LOCK_INIT_UNLOCKED};

static void
entry_clear(struct tx_entry *e)
{
	if (e->state == TX_PAGE && e->owned)
		signal_page_unmap(e->page);
	*e = (struct tx_entry){0};
}

/* under the lock: the entry of sel, the table grown to hold it; NULL if out of memory */
static struct tx_entry *
entry_of(long sel)
{
	size_t n = tx.n ? tx.n : 64;
	struct tx_entry *v;

	if ((size_t)sel < tx.n)
		return &tx.v[sel];
	while (n <= (size_t)sel)
		n *= 2;
	v = realloc(tx.v, n * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = tx.n; i < n; i++)
		v[i] = (struct tx_entry){0};
	tx.v = v;
	tx.n = n;
	return &tx.v[sel];
}

static status_t
entry_set(long sel, uint32_t gen, uint8_t state, struct signal_page *page, bool owned)
{
	lock_acquire(&tx.lock);
	struct tx_entry *e = entry_of(sel);
	if (e) {
		entry_clear(e);
		*e = (struct tx_entry){.page = page, .gen = gen, .state = state, .owned = owned};
	}
	lock_release(&tx.lock);
	return e ? STATUS_OK : STATUS_OUT_OF_MEMORY;
}

status_t
signal_tx_register(long sel, struct signal_page *page)
{
	return entry_set(sel, cap_gen_get(sel), TX_PAGE, page, false);
}

void
signal_tx_forget(long sel)
{
	lock_acquire(&tx.lock);
	if (sel >= 0 && (size_t)sel < tx.n)
		entry_clear(&tx.v[sel]);
	lock_release(&tx.lock);
}

/* TX_NONE if sel has no entry under gen; else its state, count added if it has a page */
static uint8_t
entry_add(long sel, uint32_t gen, unsigned count)
{
	uint8_t state = TX_NONE;

	lock_acquire(&tx.lock);
	if ((size_t)sel < tx.n && tx.v[sel].state != TX_NONE && tx.v[sel].gen == gen) {
		state = tx.v[sel].state;
		if (state == TX_PAGE && count > 0)
			signal_page_add(tx.v[sel].page, count);
	}
	lock_release(&tx.lock);
	return state;
}

static bool
eventfd_accepts(int fd)
{
	return signal_eventfd_add(fd, 0) || errno == EAGAIN;
}

/* the page behind sel, asked of the backing; *state TX_DROP if it knows no such context */
static status_t
page_resolve(long sel, int fd, uint8_t *state, struct signal_page **page)
{
	const struct signal_backing *b = signal_backing_current();
	cap_t pc;

	if (!signal_fd_is_eventfd(fd) || !b || !b->page)
		return STATUS_INVALID_CAP;
	status_t st = b->page(b->arg, (cap_t){sel}, &pc);
	if (st == STATUS_INVALID_ARGS) {
		/*
		 * No context (any more): an eventfd's submits are dropped, as in
		 * Genode. Of the files that look like one only an eventfd takes
		 * the write of a 0 (which at most wakes its receiver for nothing).
		 */
		if (!eventfd_accepts(fd))
			return STATUS_INVALID_CAP;
		*state = TX_DROP;
		return STATUS_OK;
	}
	if (st != STATUS_OK)
		return STATUS_INVALID_CAP;
	*page = signal_page_map((int)pc.sel);
	cap_close(pc);
	*state = TX_PAGE;
	return *page ? STATUS_OK : STATUS_INVALID_CAP;
}

/* the first submit through sel under gen: find the page, remember it, add */
static status_t
submit_first(long sel, int fd, uint32_t gen, unsigned count, uint8_t *state)
{
	struct signal_page *page = NULL;
	status_t st = page_resolve(sel, fd, state, &page);

	if (st == STATUS_OK)
		st = entry_set(sel, gen, *state, page, true);
	if (st != STATUS_OK) {
		signal_page_unmap(page);
		return st;
	}
	*state = entry_add(sel, gen, count);
	return STATUS_OK;
}

status_t
signal_submit(signal_context_cap_t cap, unsigned count)
{
	long sel = cap_raw(cap).sel;
	uint32_t gen;
	uint8_t state;
	int fd;

	if (!cap_sel_fd(sel, &fd))
		return STATUS_INVALID_CAP;
	/* the generation read before the look-up: a change meanwhile invalidates */
	gen = cap_gen_get(sel);
	state = entry_add(sel, gen, count);
	if (state == TX_NONE) {
		status_t st = submit_first(sel, fd, gen, count, &state);
		if (st != STATUS_OK)
			return st;
	}
	if (state != TX_PAGE || count == 0 || signal_doorbell_ring(fd))
		return STATUS_OK;
	/* closed behind the table's back */
	signal_tx_forget(sel);
	return STATUS_INVALID_CAP;
}

signal_page_cap_t
signal_context_page(const struct signal_context *ctx)
{
	return CAP_TYPED(signal_page_cap_t, ((cap_t){ctx->page_fd}));
}

status_t
signal_page_adopt(signal_context_cap_t cap, signal_page_cap_t page)
{
	long sel = cap_raw(cap).sel;
	uint32_t gen = cap_gen_get(sel);
	struct signal_page *p;
	int fd, pfd;

	if (!cap_sel_fd(sel, &fd) || !cap_sel_fd(cap_raw(page).sel, &pfd) ||
	    !signal_fd_is_eventfd(fd))
		return STATUS_INVALID_CAP;
	p = signal_page_map(pfd);
	if (!p)
		return STATUS_INVALID_CAP;
	status_t st = entry_set(sel, gen, TX_PAGE, p, true);
	if (st != STATUS_OK)
		signal_page_unmap(p);
	return st;
}

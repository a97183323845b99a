/*
 * \brief  Other ports on the entrypoint's thread (base/ep_mach.h)
 *
 * A watch record's address is its port's protected payload, so it must
 * not move: records are carved from pages the entrypoint keeps until its
 * end, and freed ones are reused. Watches are made and ended on ep's
 * thread or while ep is idle, so the lists need no lock. The active ones
 * are linked too, for the message that comes without its payload (ep.h);
 * a page's first record's place holds the page link and the entrypoint,
 * which keeps the records small: core pays one per signal context from
 * the context's charge.
 */

#include <base/ep_mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "ep.h"
#include "internal.h"

enum { WATCH_PAGE = 4096 };

struct watch_page_head {
	struct watch_page_head *next;
	struct entrypoint *ep;
};

_Static_assert(sizeof(struct watch_page_head) <= sizeof(struct ep_port_watch),
               "the head fits the first record's place");

/* the entrypoint of w: its page is WATCH_PAGE-aligned (vm_allocate) */
static struct entrypoint *
watch_ep(const struct ep_port_watch *w)
{
	return ((struct watch_page_head *)((uintptr_t)w & ~(uintptr_t)(WATCH_PAGE - 1)))->ep;
}

static status_t
watches_grow(struct entrypoint *ep)
{
	vm_address_t addr = 0;
	struct ep_port_watch *w;

	if (syscall_vm_allocate(ipc_task(), &addr, WATCH_PAGE, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	*(struct watch_page_head *)addr = (struct watch_page_head){ep->watch_pages, ep};
	ep->watch_pages = (void *)addr;
	for (w = (struct ep_port_watch *)addr + 1; (vm_address_t)(w + 1) <= addr + WATCH_PAGE;
	     w++) {
		w->next_free = ep->watch_free;
		ep->watch_free = w;
	}
	return STATUS_OK;
}

void
ep_watches_free(struct entrypoint *ep)
{
	while (ep->watch_pages) {
		void *page = ep->watch_pages;
		ep->watch_pages = ((struct watch_page_head *)page)->next;
		(void)syscall_vm_deallocate(ipc_task(), (vm_address_t)page, WATCH_PAGE);
	}
	ep->watch_free = NULL;
	ep->watch_active = NULL;
}

struct ep_port_watch *
ep_watch_of_port(struct entrypoint *ep, mach_port_t port)
{
	for (struct ep_port_watch *w = ep->watch_active; w; w = w->next_active)
		if (w->port == port)
			return w;
	return NULL;
}

status_t
entrypoint_port_watch(struct entrypoint *ep, mach_port_t port, ep_port_fn fn, void *arg,
                      struct ep_port_watch **out)
{
	struct ep_port_watch *w;

	if (!ep->watch_free && watches_grow(ep) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	w = ep->watch_free;
	ep->watch_free = w->next_free;
	*w = (struct ep_port_watch){.port = port, .fn = fn, .arg = arg};
	if (ep_port_join(ep, port, (uintptr_t)w | EP_TAG_WATCH) != STATUS_OK) {
		w->next_free = ep->watch_free;
		ep->watch_free = w;
		return STATUS_OUT_OF_MEMORY;
	}
	w->next_active = ep->watch_active;
	if (w->next_active)
		w->next_active->prev_active = w;
	ep->watch_active = w;
	*out = w;
	return STATUS_OK;
}

void
entrypoint_port_unwatch(struct ep_port_watch *w)
{
	struct entrypoint *ep = watch_ep(w);

	(void)mach_port_move_member(ipc_task(), w->port, MACH_PORT_NULL);
	(void)mach_port_clear_protected_payload(ipc_task(), w->port);
	if (w->prev_active)
		w->prev_active->next_active = w->next_active;
	else
		ep->watch_active = w->next_active;
	if (w->next_active)
		w->next_active->prev_active = w->prev_active;
	w->next_free = ep->watch_free;
	ep->watch_free = w;
}

/*
 * \brief  Other ports on the entrypoint's thread (base/ep_mach.h)
 *
 * A watch record's address is its port's protected payload, so it must
 * not move: records are carved from pages the entrypoint keeps until its
 * end, and freed ones are reused. Watches are made and ended on ep's
 * thread or while ep is idle, so the free list needs no lock.
 */

#include <base/ep_mach.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>

#include "ep.h"
#include "internal.h"

enum { WATCH_PAGE = 4096 };

static status_t
watches_grow(struct entrypoint *ep)
{
	vm_address_t addr = 0;
	struct ep_port_watch *w;

	if (syscall_vm_allocate(ipc_task(), &addr, WATCH_PAGE, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	/* the first record's place links the pages */
	*(void **)addr = ep->watch_pages;
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
		ep->watch_pages = *(void **)page;
		(void)syscall_vm_deallocate(ipc_task(), (vm_address_t)page, WATCH_PAGE);
	}
	ep->watch_free = NULL;
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
	*w = (struct ep_port_watch){.ep = ep, .port = port, .fn = fn, .arg = arg};
	if (ep_port_join(ep, port, (uintptr_t)w | EP_TAG_WATCH) != STATUS_OK) {
		w->next_free = ep->watch_free;
		ep->watch_free = w;
		return STATUS_OUT_OF_MEMORY;
	}
	*out = w;
	return STATUS_OK;
}

void
entrypoint_port_unwatch(struct ep_port_watch *w)
{
	struct entrypoint *ep = w->ep;

	(void)mach_port_move_member(ipc_task(), w->port, MACH_PORT_NULL);
	(void)mach_port_clear_protected_payload(ipc_task(), w->port);
	w->next_free = ep->watch_free;
	ep->watch_free = w;
}

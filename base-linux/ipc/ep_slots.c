/*
 * \brief  The entrypoint's table of watched sockets
 */

#define _GNU_SOURCE
#include <stdlib.h>

#include <base/internal/lx_fd.h>
#include <base/internal/lx_poll.h>

#include "ep.h"

static uint64_t
event_data(uint32_t index, uint32_t gen)
{
	return (uint64_t)gen << 32 | index;
}

/* free slots are reused first; otherwise the table grows by doubling */
static bool
slot_take(struct entrypoint *ep, uint32_t *index)
{
	if (ep->free_head != SLOT_NONE) {
		*index = ep->free_head;
		ep->free_head = ep->slots[*index].link;
		return true;
	}
	if (ep->count == ep->capacity) {
		uint32_t cap = ep->capacity ? ep->capacity * 2 : 64;
		struct ep_slot *s;

		if (cap <= ep->capacity || cap > (1u << 30))
			return false;
		s = realloc(ep->slots, (size_t)cap * sizeof(*s));
		if (!s)
			return false;
		ep->slots = s;
		ep->capacity = cap;
	}
	*index = ep->count++;
	ep->slots[*index].gen = 0;
	return true;
}

static void
slot_put(struct entrypoint *ep, uint32_t index)
{
	struct ep_slot *s = &ep->slots[index];

	s->kind = SLOT_FREE;
	s->fd = -1;
	s->gen++;
	s->link = ep->free_head;
	ep->free_head = index;
}

status_t
ep_slot_alloc(struct entrypoint *ep, uint8_t kind, int fd, uint32_t *index)
{
	return ep_slot_alloc_events(ep, kind, fd, EPOLLIN, index);
}

status_t
ep_slot_alloc_events(struct entrypoint *ep, uint8_t kind, int fd, uint32_t events, uint32_t *index)
{
	struct epoll_event ev = {.events = events};
	struct ep_slot *s;
	uint32_t i;

	if (!slot_take(ep, &i)) {
		lx_close(fd);
		return STATUS_OUT_OF_MEMORY;
	}
	s = &ep->slots[i];
	s->fd = fd;
	s->kind = kind;
	s->closing = false;
	s->link = SLOT_NONE;
	s->channels = 0;
	s->obj = NULL;
	s->page = NULL;
	s->lane = -1;
	s->warned = 0;
	ev.data.u64 = event_data(i, s->gen);
	if (lx_epoll_ctl(ep->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		lx_close(fd);
		slot_put(ep, i);
		return STATUS_OUT_OF_MEMORY;
	}
	s->watched = true;
	*index = i;
	return STATUS_OK;
}

void
ep_slot_unwatch(struct entrypoint *ep, uint32_t index)
{
	struct ep_slot *s = &ep->slots[index];

	if (s->watched)
		lx_epoll_ctl(ep->epfd, EPOLL_CTL_DEL, s->fd, NULL);
	s->watched = false;
}

void
ep_slot_free(struct entrypoint *ep, uint32_t index)
{
	struct ep_slot *s = &ep->slots[index];

	if (s->kind == SLOT_FREE)
		return;
	if (s->kind == SLOT_CHANNEL && s->link != SLOT_NONE)
		ep->slots[s->link].channels--;
	ep_slot_unwatch(ep, index);
	ep_slot_release(s);
	lx_close(ep->slots[index].fd);
	slot_put(ep, index);
}

struct ep_slot *
ep_slot_of_event(struct entrypoint *ep, uint64_t data, uint32_t *index)
{
	uint32_t i = (uint32_t)data;
	struct ep_slot *s;

	if (i >= ep->count)
		return NULL;
	s = &ep->slots[i];
	if (s->kind == SLOT_FREE || s->gen != (uint32_t)(data >> 32))
		return NULL;
	*index = i;
	return s;
}

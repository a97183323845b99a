/*
 * \brief  Descriptors watched by an entrypoint on behalf of other libraries
 *
 * A watch is one more slot of the entrypoint's table. The slot owns a
 * duplicate of the descriptor so that the slot's life (closing on free,
 * the generation that makes fetched events of a freed slot stale) is the
 * same as for objects and channels, whatever the owner of the original
 * does with it.
 */

#define _GNU_SOURCE
#include <fcntl.h>

#include <base/internal/lx_fd.h>

#include "ep.h"
#include "ep_watch.h"

static status_t
watch_owned(struct entrypoint *ep, int fd, uint32_t events, entrypoint_watch_fn fn, void *arg,
            uint64_t *id)
{
	uint32_t index;

	if (fd < 0 || ep_slot_alloc_events(ep, SLOT_WATCH, fd, events, &index) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	ep->slots[index].watch_fn = fn;
	ep->slots[index].watch_arg = arg;
	*id = (uint64_t)ep->slots[index].gen << 32 | index;
	return STATUS_OK;
}

status_t
entrypoint_watch_owned(struct entrypoint *ep, int fd, entrypoint_watch_fn fn, void *arg,
                       uint64_t *id)
{
	return watch_owned(ep, fd, EPOLLIN, fn, arg, id);
}

status_t
entrypoint_watch(struct entrypoint *ep, int fd, entrypoint_watch_fn fn, void *arg, uint64_t *id)
{
	return watch_owned(ep, lx_fcntl(fd, F_DUPFD_CLOEXEC, 0), EPOLLIN, fn, arg, id);
}

status_t
entrypoint_watch_edge(struct entrypoint *ep, int fd, entrypoint_watch_fn fn, void *arg,
                      uint64_t *id)
{
	return watch_owned(ep, lx_fcntl(fd, F_DUPFD_CLOEXEC, 0), EPOLLIN | EPOLLET, fn, arg, id);
}

bool
entrypoint_watch_retarget(struct entrypoint *ep, uint64_t id, entrypoint_watch_fn fn, void *arg)
{
	uint32_t index;
	struct ep_slot *s = ep_slot_of_event(ep, id, &index);

	if (!s || s->kind != SLOT_WATCH)
		return false;
	s->watch_fn = fn;
	s->watch_arg = arg;
	return true;
}

void
entrypoint_unwatch(struct entrypoint *ep, uint64_t id)
{
	uint32_t index;
	struct ep_slot *s = ep_slot_of_event(ep, id, &index);

	if (s && s->kind == SLOT_WATCH)
		ep_slot_free(ep, index);
}

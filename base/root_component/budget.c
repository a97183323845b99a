/*
 * \brief  A session's budget: what is left of its donation after the object
 *
 * Whatever a service keeps per session beyond the object is charged here
 * before it is taken, so a client can only exhaust its own donation, never
 * the server's memory or other clients' share.
 */

#include <root/component.h>
#include <util/format.h>

status_t
root_session_charge(struct root_session *s, uint64_t bytes)
{
	if (bytes > root_session_available(s))
		return STATUS_QUOTA_EXCEEDED;
	s->used += bytes;
	return STATUS_OK;
}

void
root_session_refund(struct root_session *s, uint64_t bytes)
{
	/* never below what the session itself costs: a refund of more is a service's bug */
	uint64_t floor = root_component_session_cost(s->root);
	s->used = bytes > s->used - floor ? floor : s->used - bytes;
}

void
root_session_shortfall(const struct root_session *s, uint64_t bytes, char *text, size_t size)
{
	format_string(text, size, "needs %llu bytes, available %llu of ram_quota %llu",
	              (unsigned long long)bytes, (unsigned long long)root_session_available(s),
	              (unsigned long long)s->quota);
}

status_t
root_session_alloc(struct root_session *s, size_t size, void **ptr)
{
	size_t cost = heap_block_cost(size);
	status_t st = root_session_charge(s, cost);
	if (st != STATUS_OK)
		return st;
	st = heap_alloc(s->root->heap, size, ptr);
	if (st != STATUS_OK)
		root_session_refund(s, cost);
	return st;
}

void
root_session_free(struct root_session *s, void *ptr, size_t size)
{
	if (heap_free(s->root->heap, ptr) == STATUS_OK)
		root_session_refund(s, heap_block_cost(size));
}

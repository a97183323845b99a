/*
 * \brief  What init keeps for a child, paid by the child
 *
 * Genode's parent charges the metadata of a session to its client; so
 * does init: every record it keeps for a child (a session, a request's
 * arguments on their way, a request waiting for an announcement) comes
 * from init's heap, and the child pays for it from its RAM quota, to the
 * byte, in the same transfer that moves the session's donation
 * (child_meta_pay): a record costs no call to core of its own, and what
 * a child paid comes back with the donation when the session closes.
 * The child's memory cgroup follows its quota (doc/sandbox.md), so what it
 * paid to init it can no longer use itself.
 *
 * What an instance paid for a record still in use when it ends (a close
 * on its way to a server) stays with init: its RAM session, closed, gives
 * init the rest of its quota anyway.
 */

#include <base/heap.h>
#include <base/log.h>
#include <ram_session/connection.h>

#include "child.h"

/* what the heap adds to every block: a tagged header, alignment (base/heap.h) */
enum { META_OVERHEAD = 2 * HEAP_ALIGN };

uint64_t
child_meta_cost(size_t size)
{
	return (uint64_t)size + META_OVERHEAD;
}

status_t
child_meta_pay(struct child_state *c, const char *service, const char *label, uint64_t amount,
               uint64_t meta)
{
	if (amount + meta == 0)
		return STATUS_OK;
	if (c->ram_open &&
	    ram_session_transfer_quota(c->ram, env_ram(init_env), amount + meta) == STATUS_OK)
		return STATUS_OK;
	(void)child_meta_refusal(c, service, label, amount, meta);
	return STATUS_QUOTA_EXCEEDED;
}

bool
child_meta_refusal(struct child_state *c, const char *service, const char *label, uint64_t amount,
                   uint64_t meta)
{
	uint64_t avail = c->ram_open ? ram_session_avail(c->ram) : 0;
	if (avail >= amount + meta)
		return false;
	if (!child_refusal_admit(c))
		return true;
	if (amount > avail)
		log_error("%s: %s session \"%s\" denied: ram_quota %llu exceeds available %llu",
		          c->cfg->name, service, label, (unsigned long long)amount,
		          (unsigned long long)avail);
	else
		log_error("%s: %s session \"%s\" denied: needs %llu bytes (ram_quota %llu and "
		          "%llu for init's record of it), available %llu",
		          c->cfg->name, service, label, (unsigned long long)(amount + meta),
		          (unsigned long long)amount, (unsigned long long)meta,
		          (unsigned long long)avail);
	return true;
}

status_t
child_meta_new(const struct child_state *c, size_t size, void **out)
{
	*out = 0;
	status_t s = heap_alloc(env_heap(init_env), size, out);
	if (s == STATUS_OK)
		return STATUS_OK;
	/*
	 * paid, but init's own quota cannot back it: init's shortage, named
	 * as such, and the child learns the cause (quota exceeded) rather
	 * than "out of memory", which would blame the machine
	 */
	log_error("%s: init's heap refused a record of %llu bytes: %s", c->cfg->name,
	          (unsigned long long)size, status_name(s));
	return s;
}

void
child_meta_delete(void *p)
{
	if (p)
		(void)heap_free(env_heap(init_env), p);
}

uint64_t
child_meta_avail(void)
{
	struct heap *h = env_heap(init_env);
	return ram_session_avail(env_ram(init_env)) + (heap_consumed(h) - heap_used(h));
}

void
child_meta_prepare(void)
{
	void *p = 0;
	if (heap_alloc(env_heap(init_env), 1, &p) == STATUS_OK)
		(void)heap_free(env_heap(init_env), p);
}

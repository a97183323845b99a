/*
 * \brief  Faults in managed dataspaces, reflected to the fault handler of
 *         the region map that has nothing attached there
 *
 * Genode's core learns of a page fault from its pager. On Linux core
 * never sees one: the faulting component reports it with the managed
 * dataspace's fault method (its SIGSEGV handler does, base/local_rm.h).
 * Either way core does the same here: it looks the address up through the
 * nesting, and the map in which nothing is attached (Genode: the
 * innermost sub-RM) gets the fault: its state() shows it and its handler
 * is signalled. The call is answered later, when an attach to that map
 * covers the address, so the faulting thread blocks as it would in
 * Genode. Meanwhile core serves everybody else: a handler that never
 * resolves keeps only the faulting thread waiting.
 *
 * Each pending fault's record is paid from the budget of the session
 * whose handler is asked, as in Genode the handler's owner carries the
 * fault. Records leave when answered: at an attach that covers them (a
 * client that died meanwhile just does not get the answer) or when the
 * session closes (a closed session's map cannot be resolved any more).
 */

#include <base/log.h>
#include <base/signal.h>
#include <dataspace/object.h>
#include <dataspace/server.h>
#include <rm_session/fault.h>

#include "rm_session.h"

struct rm_fault {
	struct list_elem elem;         /* in the session's faults, oldest first */
	struct rpc_reply_handle reply; /* OWNED until answered */
	uint64_t addr;                 /* in the map's coordinates */
	uint32_t type;
};

static void
fault_answer(struct rm_session *s, struct rm_fault *f, status_t st)
{
	list_remove(&f->elem);
	(void)dataspace_fault_reply(&f->reply, st); /* STATUS_PEER_GONE: it died */
	root_session_free(&s->base, f, sizeof(*f));
}

/* no handler, or no quota for the record: the client's fault stays a crash */
static status_t
fault_refused(struct rm_session *s, uint64_t addr, status_t st)
{
	char why[96] = "no fault handler";
	if (st == STATUS_OUT_OF_MEMORY)
		root_session_shortfall(&s->base, heap_block_cost(sizeof(struct rm_fault)), why,
		                       sizeof(why));
	if (log_limit_admit(&s->refusals, s->base.label))
		log_warning("RM \"%s\": fault at 0x%llx not reflected: %s", s->base.label,
		            (unsigned long long)addr, why);
	return st;
}

/* record the fault at s and signal its handler; the reply waits */
static status_t
fault_record(struct rm_session *s, struct rpc_call *call, uint64_t addr, bool write)
{
	if (!cap_valid(cap_raw(s->fault_handler)))
		return fault_refused(s, addr, STATUS_NOT_FOUND);
	struct rm_fault *f = 0;
	if (root_session_alloc(&s->base, sizeof(*f), (void **)&f) != STATUS_OK)
		return fault_refused(s, addr, STATUS_OUT_OF_MEMORY);
	*f = (struct rm_fault){.addr = addr, .type = write ? RM_FAULT_WRITE : RM_FAULT_READ};
	if (rpc_reply_defer(call, &f->reply) != STATUS_OK) {
		root_session_free(&s->base, f, sizeof(*f));
		return STATUS_OUT_OF_MEMORY;
	}
	(void)list_insert_tail(&s->faults, &f->elem);
	(void)signal_submit(s->fault_handler, 1);
	return STATUS_OK;
}

status_t
rm_fault_report(struct rm_session *top, struct rpc_call *call, uint64_t offset, bool write)
{
	if ((offset & (DATASPACE_PAGE_SIZE - 1)) || offset >= top->map.size)
		return STATUS_INVALID_ARGS;
	struct region_map_lookup l;
	status_t st = region_map_lookup(&top->map, top->map.base + offset, &l);
	if (st == STATUS_OK) { /* backed: the client's view is stale, or it wrote a ROM */
		if (!l.ds->object)
			return STATUS_NOT_FOUND;
		return write && !l.ds->object->writable ? STATUS_DENIED : STATUS_OK;
	}
	if (st != STATUS_NOT_FOUND)
		return st;
	return fault_record(rm_session_of_map(l.map), call, l.addr, write);
}

/* covered now: attached there, or a managed dataspace is (the fault may move into it) */
static bool
fault_covered(const struct rm_session *s, const struct rm_fault *f)
{
	struct region_map_lookup l;
	status_t st = region_map_lookup(&s->map, f->addr, &l);
	return st == STATUS_OK || (st == STATUS_NOT_FOUND && l.map != &s->map);
}

void
rm_fault_resolve(struct rm_session *s)
{
	struct list_elem *e = list_first(&s->faults);
	while (e) {
		struct list_elem *next = list_next(&s->faults, e);
		struct rm_fault *f = list_entry(e, struct rm_fault, elem);
		if (fault_covered(s, f))
			fault_answer(s, f, STATUS_OK);
		e = next;
	}
}

void
rm_fault_drop_all(struct rm_session *s)
{
	unsigned long dropped = 0;
	for (struct list_elem *e; (e = list_first(&s->faults)) != 0; dropped++)
		fault_answer(s, list_entry(e, struct rm_fault, elem), STATUS_UNAVAILABLE);
	if (dropped)
		log_print("RM \"%s\": closed with %lu unresolved fault%s, faulting thread%s "
		          "released",
		          s->base.label, dropped, dropped == 1 ? "" : "s", dropped == 1 ? "" : "s");
}

void
rm_fault_state(const struct rm_session *s, uint32_t *type, uint64_t *addr)
{
	struct list_elem *e = list_first(&s->faults);
	const struct rm_fault *f = e ? list_entry(e, struct rm_fault, elem) : 0;
	*type = f ? f->type : RM_FAULT_READY;
	*addr = f ? f->addr : 0;
}

/*
 * \brief  The RPC functions of a core RM session and of its managed
 *         dataspace
 *
 * Every refusal is logged with the session's label and the reason, so
 * that a component learns why its attach failed, not just that it did.
 */

#include <base/log.h>
#include <dataspace/object.h>
#include <dataspace/server.h>
#include <rm_session/server.h>

#include "region_map_region.h"
#include "rm_session.h"

static void
attach_refused(struct rm_session *s, status_t st, const struct dataspace *ds, uint64_t size,
               uint64_t offset, bool at, uint64_t addr)
{
	if (!log_limit_admit(&s->refusals, s->base.label))
		return;
	const char *why = st == STATUS_CONFLICT ? "region conflict"
	                  : st == STATUS_INVALID_ARGS
	                          ? "misaligned, beyond the dataspace or outside the region map"
	                  : st == STATUS_OUT_OF_MEMORY ? "out of metadata"
	                  : ds->managed && region_map_would_cycle(&s->map, ds->managed)
	                          ? "the managed dataspace would show itself (cycle)"
	                          : "nesting deeper than the limit";
	log_warning("RM \"%s\": attach of %llu bytes at offset 0x%llx %s0x%llx refused: %s",
	            s->base.label, (unsigned long long)size, (unsigned long long)offset,
	            at ? "at " : "anywhere, hint ", (unsigned long long)addr, why);
	if (st == STATUS_OUT_OF_MEMORY)
		log_warning("RM \"%s\": ram_quota %llu pays for %u chunks of region records, %lu "
		            "regions attached",
		            s->base.label, (unsigned long long)s->base.quota,
		            rm_session_chunks_paid(s), region_map_region_count(&s->map));
}

/* ds is OWNED by the handler (received capability) */
static status_t
rm_attach(void *ctx, struct rpc_call *call, dataspace_cap_t ds, uint64_t size, uint64_t offset,
          bool use_local_addr, uint64_t local_addr, uint64_t *addr)
{
	(void)call;
	struct rm_session *s = ctx;
	struct dataspace *d = core_dataspace_lookup(cap_raw(ds));
	cap_close(cap_raw(ds));
	if (!d) {
		if (log_limit_admit(&s->refusals, s->base.label))
			log_warning("RM \"%s\": attach of an invalid dataspace (not one of core's)",
			            s->base.label);
		return STATUS_NOT_FOUND;
	}
	struct region_map_at at = {.anywhere = !use_local_addr, .addr = local_addr};
	status_t st = region_map_attach(&s->map, d, size, offset, at, addr);
	if (st != STATUS_OK)
		attach_refused(s, st, d, size, offset, use_local_addr, local_addr);
	else
		rm_fault_resolve(s);
	return st;
}

static status_t
rm_detach(void *ctx, struct rpc_call *call, uint64_t addr)
{
	(void)call;
	struct rm_session *s = ctx;
	status_t st = region_map_detach(&s->map, addr);
	if (st != STATUS_OK && log_limit_admit(&s->refusals, s->base.label))
		log_warning("RM \"%s\": detach at 0x%llx: no region there", s->base.label,
		            (unsigned long long)addr);
	return st;
}

static status_t
rm_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct rm_session *)ctx)->ds_cap; /* BORROWED by the reply */
	return STATUS_OK;
}

/* handler is OWNED by us; it replaces the previous one */
static status_t
rm_fault_handler(void *ctx, struct rpc_call *call, signal_context_cap_t handler)
{
	(void)call;
	struct rm_session *s = ctx;
	cap_close(cap_raw(s->fault_handler));
	s->fault_handler = handler;
	return STATUS_OK;
}

static status_t
rm_state(void *ctx, struct rpc_call *call, uint32_t *type, uint64_t *addr)
{
	(void)call;
	rm_fault_state(ctx, type, addr);
	return STATUS_OK;
}

static const struct rm_session_ops rm_ops = {
        .attach = rm_attach,
        .detach = rm_detach,
        .dataspace = rm_dataspace,
        .fault_handler = rm_fault_handler,
        .state = rm_state,
};

static status_t
mds_size(void *ctx, struct rpc_call *call, uint64_t *size)
{
	(void)call;
	*size = ((struct rm_session *)ctx)->map.size;
	return STATUS_OK;
}

/* what a region shows decides; the map as a whole may be written */
static status_t
mds_writable(void *ctx, struct rpc_call *call, bool *writable)
{
	(void)ctx;
	(void)call;
	*writable = true;
	return STATUS_OK;
}

/* no single backing: a client maps it region by region (resolve) */
static status_t
mds_map_handle(void *ctx, struct rpc_call *call, cap_t *backing)
{
	(void)ctx;
	(void)call;
	(void)backing;
	return STATUS_UNAVAILABLE;
}

static status_t
mds_resolve(void *ctx, struct rpc_call *call, uint64_t offset, cap_t *backing,
            uint64_t *backing_offset, uint64_t *size, bool *writable)
{
	(void)call;
	const struct rm_session *s = ctx;
	struct region_map_lookup l;
	if ((offset & (DATASPACE_PAGE_SIZE - 1)) || offset >= s->map.size)
		return STATUS_INVALID_ARGS;
	uint64_t addr = s->map.base + offset;
	status_t st = region_map_lookup(&s->map, addr, &l);
	*size = l.window_last - addr + 1;
	if (st != STATUS_OK || !l.ds->object)
		return STATUS_OK;         /* a hole: backing stays invalid */
	*backing = l.ds->object->backing; /* BORROWED by the reply */
	*backing_offset = l.offset;
	*writable = l.ds->object->writable;
	return STATUS_OK;
}

/* the reply waits for the fault handler's attach (rm_fault.c) */
static status_t
mds_fault(void *ctx, struct rpc_call *call, uint64_t offset, bool write)
{
	return rm_fault_report(ctx, call, offset, write);
}

static const struct dataspace_ops mds_ops = {
        .size = mds_size,
        .writable = mds_writable,
        .map_handle = mds_map_handle,
        .resolve = mds_resolve,
        .fault = mds_fault,
};

status_t
rm_session_serve(struct rm_session *s, struct entrypoint *ep)
{
	s->rpc = (struct rpc_object){0};
	s->ds_rpc = (struct rpc_object){0};
	status_t st = rm_session_manage(ep, &s->rpc, &rm_ops, s, &s->cap);
	if (st != STATUS_OK)
		return st;
	st = dataspace_manage(ep, &s->ds_rpc, &mds_ops, s, &s->ds_cap);
	if (st != STATUS_OK) {
		entrypoint_dissolve(ep, &s->rpc);
		cap_close(cap_raw(s->cap));
	}
	return st;
}

/* the session's capability is the root component's to close */
void
rm_session_dissolve(struct rm_session *s, struct entrypoint *ep)
{
	entrypoint_dissolve(ep, &s->ds_rpc);
	cap_close(cap_raw(s->ds_cap));
	entrypoint_dissolve(ep, &s->rpc);
}

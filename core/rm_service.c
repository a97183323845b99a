/*
 * \brief  core's RM service: creating and closing sessions, the metadata
 *         each one may use, and finding core's dataspaces by capability
 *
 * The sessions are a root component's (include/root/component.h): there
 * is no table of them and no static arena; each session's region records
 * come in chunks of core's heap charged to its own budget, so a client
 * that attaches until refused exhausts only its own donation.
 */

#include <base/log.h>
#include <util/string.h>

#include "core_heap.h"
#include "ram_session.h"
#include "rm_session.h"

static struct entrypoint *rm_ep;
static struct root_component rm_root;
static struct cap_index by_ds; /* every session, by its managed dataspace */

/* the slab's backing: chunks of core's heap, charged to the session */
static status_t
chunk_alloc(void *ctx, size_t size, void **addr)
{
	struct rm_session *s = ctx;
	if (root_session_alloc(&s->base, size, addr) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY; /* Genode's Out_of_metadata */
	s->chunks++;
	return STATUS_OK;
}

static void
chunk_free(void *ctx, void *addr, size_t size)
{
	struct rm_session *s = ctx;
	root_session_free(&s->base, addr, size);
	s->chunks--;
}

unsigned
rm_session_chunks_paid(const struct rm_session *s)
{
	return s->chunks +
	       (unsigned)(root_session_available(&s->base) / heap_block_cost(RM_META_CHUNK));
}

/* start and size; logged and refused if bad */
static status_t
rm_args(const struct arg_string *args, const char *label, uint64_t *start, uint64_t *size)
{
	if (arg_string_get_u64(args, "start", 0, start) != STATUS_OK ||
	    arg_string_get_size(args, "size", RM_DEFAULT_SIZE, size) != STATUS_OK) {
		log_warning("RM session for \"%s\": malformed start or size", label);
		return STATUS_INVALID_ARGS;
	}
	if (((*start | *size) & (DATASPACE_PAGE_SIZE - 1)) || *size == 0 ||
	    *size - 1 > UINT64_MAX - *start) {
		log_warning("RM session for \"%s\": range start 0x%llx size 0x%llx is not "
		            "page-aligned, empty or beyond the address space",
		            label, (unsigned long long)*start, (unsigned long long)*size);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

/* the root checked that the session is paid; a session needs one chunk as well */
static status_t
rm_quota_check(const struct root_session *b)
{
	if (root_session_available(b) >= heap_block_cost(RM_META_CHUNK))
		return STATUS_OK;
	log_warning("RM session for \"%s\" denied: ram_quota %llu covers the session (%llu "
	            "bytes) but not one chunk of region records (%llu bytes)",
	            b->label, (unsigned long long)b->quota, (unsigned long long)b->used,
	            (unsigned long long)heap_block_cost(RM_META_CHUNK));
	return STATUS_QUOTA_EXCEEDED;
}

static status_t
rm_setup(struct rm_session *s, uint64_t start, uint64_t size)
{
	const struct heap_backing backing = {chunk_alloc, chunk_free, s};
	s->fault_handler = CAP_TYPED_INVALID(signal_context_cap_t);
	list_init(&s->faults);
	status_t st = slab_init(&s->meta, REGION_MAP_META_SIZE, &backing);
	if (st == STATUS_OK)
		st = region_map_init(&s->map, start, size, &s->meta);
	if (st != STATUS_OK) {
		slab_destroy(&s->meta);
		return st;
	}
	st = rm_session_serve(s, rm_ep);
	bool served = st == STATUS_OK;
	if (st == STATUS_OK)
		st = cap_index_insert(&by_ds, &s->ds_entry, cap_raw(s->ds_cap));
	if (st != STATUS_OK) {
		if (served) { /* not the root's yet: ours to close */
			rm_session_dissolve(s, rm_ep);
			cap_close(cap_raw(s->cap));
		}
		region_map_destroy(&s->map);
		slab_destroy(&s->meta);
	}
	return st;
}

static status_t
rm_create(void *ctx, struct root_session *b, const struct arg_string *args)
{
	(void)ctx;
	struct rm_session *s = ROOT_SESSION_ENTRY(b, struct rm_session, base);
	uint64_t start = 0, size = 0;
	status_t st = rm_args(args, b->label, &start, &size);
	if (st == STATUS_OK)
		st = rm_quota_check(b);
	if (st != STATUS_OK)
		return st;
	st = rm_setup(s, start, size);
	if (st != STATUS_OK) {
		log_error("RM session for \"%s\": %s", b->label, status_name(st));
		return st;
	}
	b->cap = cap_raw(s->cap);
	return STATUS_OK;
}

static void
rm_destroy(void *ctx, struct root_session *b)
{
	(void)ctx;
	struct rm_session *s = ROOT_SESSION_ENTRY(b, struct rm_session, base);
	rm_fault_drop_all(s);
	log_limit_flush(&s->refusals, b->label);
	cap_index_remove(&by_ds, &s->ds_entry);
	rm_session_dissolve(s, rm_ep);
	/* detaches it from every map that shows it, and everything from it */
	region_map_destroy(&s->map);
	slab_destroy(&s->meta);
	cap_close(cap_raw(s->fault_handler));
}

static const struct root_component_ops rm_root_ops = {
        .create = rm_create,
        .destroy = rm_destroy,
};

/* an upgrade adds to the budget, which pays for more chunks of region records */
struct core_service core_rm_service = {
        .name = "RM",
        .sessions = &rm_root,
};

void
core_rm_service_init(struct entrypoint *ep)
{
	rm_ep = ep;
	cap_index_init(&by_ds);
	root_component_init(&rm_root, "RM", sizeof(struct rm_session), &rm_root_ops, 0,
	                    core_heap());
}

struct rm_session *
rm_session_of_dataspace(cap_t cap)
{
	struct cap_index_entry *e = cap_index_lookup(&by_ds, cap);
	return e ? CAP_INDEX_ENTRY(e, struct rm_session, ds_entry) : 0;
}

struct rm_session *
rm_session_of_map(const struct region_map *rm)
{
	return (struct rm_session *)(void *)((char *)(uintptr_t)rm -
	                                     offsetof(struct rm_session, map));
}

struct dataspace *
core_dataspace_lookup(cap_t cap)
{
	struct core_ram_ds *ram = ram_session_ds_lookup(cap);
	if (ram)
		return &ram->ram.ds;
	struct rm_session *rm = rm_session_of_dataspace(cap);
	if (rm)
		return &rm->map.ds;
	return core_rom_dataspace_lookup(cap);
}

void
core_rm_limits_tick(void)
{
	for (struct root_session *b = root_component_first(&rm_root); b; b = root_session_next(b))
		log_limit_tick(&ROOT_SESSION_ENTRY(b, struct rm_session, base)->refusals, b->label);
}

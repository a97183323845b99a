/*
 * \brief  core's RM service: creating and closing sessions, the metadata
 *         each one may use, and finding core's dataspaces by capability
 */

#include <base/log.h>
#include <util/string.h>

#include "ram_session.h"
#include "rm_session.h"

static struct entrypoint *rm_ep;
static struct rm_session sessions[RM_SESSIONS_MAX];
/* outside struct rm_session: a chunk is charged only when taken */
static _Alignas(16) unsigned char arena[RM_SESSIONS_MAX][RM_META_CHUNKS][RM_META_CHUNK];

static unsigned
session_index(const struct rm_session *s)
{
	return (unsigned)(s - sessions);
}

/* the slab's backing: chunks of the session's arena, as many as it paid */
static status_t
arena_alloc(void *ctx, size_t size, void **addr)
{
	struct rm_session *s = ctx;
	if (size > RM_META_CHUNK)
		return STATUS_OUT_OF_MEMORY;
	for (unsigned i = 0; i < s->chunks_allowed; i++) {
		if (s->chunk_used[i])
			continue;
		s->chunk_used[i] = true;
		*addr = arena[session_index(s)][i];
		return STATUS_OK;
	}
	return STATUS_OUT_OF_MEMORY;
}

static void
arena_free(void *ctx, void *addr, size_t size)
{
	(void)size;
	struct rm_session *s = ctx;
	for (unsigned i = 0; i < RM_META_CHUNKS; i++)
		if (addr == arena[session_index(s)][i])
			s->chunk_used[i] = false;
}

/* start, size and what the donation pays for; logged and refused if bad */
static status_t
rm_args(const struct arg_string *args, const char *label, uint64_t *start, uint64_t *size,
        uint64_t *quota)
{
	if (arg_string_get_u64(args, "start", 0, start) != STATUS_OK ||
	    arg_string_get_size(args, "size", RM_DEFAULT_SIZE, size) != STATUS_OK ||
	    arg_string_get_size(args, "ram_quota", 0, quota) != STATUS_OK) {
		log_warning("RM session for \"%s\": malformed start, size or ram_quota", label);
		return STATUS_INVALID_ARGS;
	}
	if (((*start | *size) & (DATASPACE_PAGE_SIZE - 1)) || *size == 0 ||
	    *size - 1 > UINT64_MAX - *start) {
		log_warning("RM session for \"%s\": range start 0x%llx size 0x%llx is not "
		            "page-aligned, empty or beyond the address space",
		            label, (unsigned long long)*start, (unsigned long long)*size);
		return STATUS_INVALID_ARGS;
	}
	/* session_quota_check made sure that the struct is paid */
	if (*quota - sizeof(struct rm_session) < RM_META_CHUNK) {
		log_warning("RM session for \"%s\" denied: ram_quota %llu covers the session (%u "
		            "bytes) but not one chunk of region records (%u bytes)",
		            label, (unsigned long long)*quota, (unsigned)sizeof(struct rm_session),
		            (unsigned)RM_META_CHUNK);
		return STATUS_QUOTA_EXCEEDED;
	}
	return STATUS_OK;
}

static struct rm_session *
slot_alloc(void)
{
	for (unsigned i = 0; i < RM_SESSIONS_MAX; i++)
		if (!sessions[i].used)
			return &sessions[i];
	return 0;
}

static status_t
rm_setup(struct rm_session *s, const char *label, uint64_t start, uint64_t size, uint64_t quota)
{
	const struct heap_backing backing = {arena_alloc, arena_free, s};
	uint64_t chunks = (quota - sizeof(struct rm_session)) / RM_META_CHUNK;
	s->chunks_allowed = chunks < RM_META_CHUNKS ? (unsigned)chunks : RM_META_CHUNKS;
	for (unsigned i = 0; i < RM_META_CHUNKS; i++)
		s->chunk_used[i] = false;
	s->quota = quota;
	s->fault_handler = CAP_TYPED_INVALID(signal_context_cap_t);
	s->refusals = (struct rate_limit){0};
	str_copy(s->label, label, sizeof(s->label));
	status_t st = slab_init(&s->meta, REGION_MAP_META_SIZE, &backing);
	if (st == STATUS_OK)
		st = region_map_init(&s->map, start, size, &s->meta);
	if (st != STATUS_OK) {
		slab_destroy(&s->meta);
		return st;
	}
	st = rm_session_serve(s, rm_ep);
	if (st != STATUS_OK) {
		region_map_destroy(&s->map);
		slab_destroy(&s->meta);
	}
	return st;
}

static status_t
rm_create(const struct arg_string *args, const char *label, cap_t *session)
{
	uint64_t start = 0, size = 0, quota = 0;
	status_t st = rm_args(args, label, &start, &size, &quota);
	if (st != STATUS_OK)
		return st;
	struct rm_session *s = slot_alloc();
	if (!s) {
		log_error("RM session for \"%s\": all %u sessions in use", label, RM_SESSIONS_MAX);
		return STATUS_OUT_OF_MEMORY;
	}
	st = rm_setup(s, label, start, size, quota);
	if (st != STATUS_OK) {
		log_error("RM session for \"%s\": %s", label, status_name(st));
		return st;
	}
	s->used = true;
	*session = cap_raw(s->cap);
	return STATUS_OK;
}

/* more quota, more chunks of region records (up to RM_META_CHUNKS) */
static bool
rm_upgrade(cap_t session, uint64_t amount)
{
	for (unsigned i = 0; i < RM_SESSIONS_MAX; i++) {
		struct rm_session *s = &sessions[i];
		if (!s->used || !cap_same(cap_raw(s->cap), session))
			continue;
		s->quota += amount;
		uint64_t chunks = (s->quota - sizeof(struct rm_session)) / RM_META_CHUNK;
		s->chunks_allowed = chunks < RM_META_CHUNKS ? (unsigned)chunks : RM_META_CHUNKS;
		return true;
	}
	return false;
}

static void
rm_teardown(struct rm_session *s)
{
	rm_session_dissolve(s, rm_ep);
	/* detaches it from every map that shows it, and everything from it */
	region_map_destroy(&s->map);
	slab_destroy(&s->meta);
	cap_close(cap_raw(s->fault_handler));
	s->used = false;
}

static bool
rm_close(cap_t session)
{
	for (unsigned i = 0; i < RM_SESSIONS_MAX; i++) {
		struct rm_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->cap), session)) {
			log_limit_flush(&s->refusals, s->label);
			rm_teardown(s);
			return true;
		}
	}
	return false;
}

struct core_service core_rm_service = {
        .name = "RM",
        .session_size = sizeof(struct rm_session),
        .create = rm_create,
        .close = rm_close,
        .upgrade = rm_upgrade,
};

void
core_rm_service_init(struct entrypoint *ep)
{
	rm_ep = ep;
}

struct rm_session *
rm_session_of_dataspace(cap_t cap)
{
	for (unsigned i = 0; i < RM_SESSIONS_MAX; i++)
		if (sessions[i].used && cap_same(cap_raw(sessions[i].ds_cap), cap))
			return &sessions[i];
	return 0;
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
	for (unsigned i = 0; i < RM_SESSIONS_MAX; i++)
		if (sessions[i].used)
			log_limit_tick(&sessions[i].refusals, sessions[i].label);
}

/*
 * \brief  core's RM sessions: a region map of core/region_map served by RPC
 *
 * A session is a struct region_map, the RPC object of the session and the
 * RPC object of its managed dataspace. Everything core keeps for it is
 * paid from the client's ram_quota: the struct itself (a root
 * component's session, include/root/component.h) and, chunk by chunk, the
 * records of its regions, which come from a slab whose chunks are blocks
 * of core's heap charged to the session's budget; the donation and its
 * upgrades decide how many chunks it may use. An attach beyond that is
 * refused with STATUS_OUT_OF_MEMORY (Genode's Out_of_metadata) and logged
 * with the amounts.
 *
 * Ownership: core owns every session and both capabilities; clients get
 * copies. Single-threaded: core's entrypoint.
 */

#ifndef _CORE__RM_SESSION_H_
#define _CORE__RM_SESSION_H_

#include <base/signal.h>
#include <dataspace/rpc.h>
#include <rm_session/rpc.h>
#include <root/cap_index.h>
#include <util/rate_limit.h>

#include "core_service.h"
#include "region_map.h"

enum {
	RM_META_CHUNK = 4096,
	/* the range of a session without start and size arguments */
	RM_DEFAULT_SIZE = 1 << 30,
};

struct rm_session {
	struct root_session base; /* label, capability (OWNED there), budget */
	struct rpc_object rpc;
	rm_session_cap_t cap; /* a typed copy of base.cap, not owned */
	struct rpc_object ds_rpc;
	dataspace_cap_t ds_cap;          /* OWNED: the managed dataspace */
	struct cap_index_entry ds_entry; /* in the index of managed dataspaces */
	struct region_map map;
	struct slab meta;
	unsigned chunks;                    /* of region records, from core's heap */
	signal_context_cap_t fault_handler; /* OWNED, may be invalid */
	struct list faults;                 /* unresolved, oldest first (rm_fault.c) */
	struct rate_limit refusals;         /* the session's budget of refusal lines */
};

/* how many chunks of region records s could hold with its budget (for messages) */
unsigned rm_session_chunks_paid(const struct rm_session *s);

extern struct core_service core_rm_service;

void core_rm_service_init(struct entrypoint *ep);

/* the session whose managed dataspace cap (BORROWED) names, or NULL */
struct rm_session *rm_session_of_dataspace(cap_t cap);

/*
 * The dataspace of core that cap (BORROWED) names: RAM, ROM or managed;
 * NULL if it is none of core's.
 */
struct dataspace *core_dataspace_lookup(cap_t cap);

/* serve the session's RPC object and its managed dataspace at ep */
status_t rm_session_serve(struct rm_session *s, struct entrypoint *ep);

/* stop serving both (before the region map is destroyed) */
void rm_session_dissolve(struct rm_session *s, struct entrypoint *ep);

/* the session whose region map rm is (every map of core is a session's) */
struct rm_session *rm_session_of_map(const struct region_map *rm);

/*
 * A client touched offset of top's managed dataspace and found nothing
 * mapped (dataspace fault, include/dataspace/dataspace.rpc): answer at
 * once, or record the fault at the map that has nothing there, signal its
 * handler and defer call's reply until rm_fault_resolve or
 * rm_fault_drop_all answers it (rm_fault.c).
 */
status_t rm_fault_report(struct rm_session *top, struct rpc_call *call, uint64_t offset,
                         bool write);

/* after an attach to s: answer the faults the new region covers */
void rm_fault_resolve(struct rm_session *s);

/* s closes: answer every pending fault with STATUS_UNAVAILABLE, free the records */
void rm_fault_drop_all(struct rm_session *s);

/* the oldest unresolved fault of s (Genode's state()), RM_FAULT_READY if none */
void rm_fault_state(const struct rm_session *s, uint32_t *type, uint64_t *addr);

/* core's ROM dataspace named by cap (BORROWED), or NULL (rom_service.c) */
struct dataspace *core_rom_dataspace_lookup(cap_t cap);

#endif /* _CORE__RM_SESSION_H_ */

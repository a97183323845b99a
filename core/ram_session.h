/*
 * \brief  core's RAM sessions: an account of core/ram_account served by RPC
 *
 * A session is a struct ram_account plus its RPC object. Every byte core
 * keeps for it lives inside struct ram_session, whose size the client's
 * ram_quota donation must cover (core_service.session_size): the records
 * of its dataspaces come from a slab whose only memory is the session's
 * own arena, so a session can hold RAM_SESSION_DS_MAX dataspaces at most
 * and then gets STATUS_OUT_OF_MEMORY (Genode's Out_of_metadata).
 *
 * Ownership: core owns every session, every dataspace record and its
 * capability; clients get copies. Single-threaded: core's entrypoint.
 */

#ifndef _CORE__RAM_SESSION_H_
#define _CORE__RAM_SESSION_H_

#include <dataspace/object.h>
#include <dataspace/rpc.h>
#include <ram_session/rpc.h>
#include <util/rate_limit.h>

#include "core_service.h"
#include "ram_account.h"

enum {
	RAM_META_CHUNK = 4096,
	RAM_META_CHUNKS = 4,
	RAM_SESSIONS_MAX = 64,
};

/* a RAM dataspace as served: ram must come first (the slab object is ours) */
struct core_ram_ds {
	struct ram_ds ram;
	struct dataspace_object ds; /* its backing belongs to the RAM account */
};

struct ram_session {
	bool used;
	bool rpc_managed;
	struct rpc_object rpc;
	ram_session_cap_t cap; /* OWNED; the client got a copy */
	struct ram_account acc;
	struct slab meta;
	char label[CORE_LABEL_MAX];
	struct rate_limit refusals; /* the session's budget of refusal lines */
	uint64_t upgraded;          /* upgrades on record: the arena is fixed */
	bool pd_bound;              /* its quota bounds the memory of process pd */
	unsigned pd;
	_Alignas(16) unsigned char arena[RAM_META_CHUNKS][RAM_META_CHUNK];
	bool arena_used[RAM_META_CHUNKS];
};

/*
 * Make s an account of core's bank with quota (only core's root account
 * has any) and ref as reference account (NULL: none yet).
 */
status_t ram_session_setup(struct ram_session *s, const char *label, uint64_t quota,
                           struct ram_account *ref);

/* serve s at core's entrypoint */
status_t ram_session_serve(struct ram_session *s);

/* dissolve s and its dataspaces and reclaim everything (ram_account_destroy) */
void ram_session_teardown(struct ram_session *s);

/* the session or dataspace a capability (BORROWED) names, or NULL */
struct ram_session *ram_session_lookup(cap_t cap);
struct core_ram_ds *ram_session_ds_lookup(cap_t cap);

/* serve d, just allocated from s, as a writable dataspace */
status_t ram_session_ds_serve(struct core_ram_ds *d);

/* stop serving d; its record is freed by the account afterwards */
void ram_session_ds_dissolve(struct core_ram_ds *d);

/* the bank's quota watch: tells the platform the new bound of a bound process */
void ram_bind_quota_changed(void *ctx, struct ram_account *acc);

/* the session table and core's entrypoint, shared by the RAM files */
extern struct ram_session ram_sessions[RAM_SESSIONS_MAX];
extern struct entrypoint *ram_ep;
extern struct ram_bank ram_core_bank;
extern const struct ram_session_ops ram_session_ops;

#endif /* _CORE__RAM_SESSION_H_ */

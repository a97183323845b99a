/*
 * \brief  core's RAM sessions: an account of core/ram_account served by RPC
 *
 * A session is a struct ram_account plus its RPC object. Every byte core
 * keeps for it lives inside struct ram_session, whose size the client's
 * ram_quota donation must cover: the records of its dataspaces come from
 * a slab whose chunks the session's budget pays (what the donation and
 * upgrades left), so only its quota bounds how many dataspaces it holds;
 * a chunk it cannot pay is STATUS_OUT_OF_MEMORY (Genode's Out_of_metadata).
 *
 * The sessions clients open are a root component's
 * (include/root/component.h): each struct ram_session is a block of
 * core's heap, made only after the client's donation covered it, and
 * found by its capability's key. core's own account and init's
 * environment session are no client's sessions: core keeps those two
 * itself (ram_service.c).
 *
 * Ownership: core owns every session, every dataspace record and its
 * capability; clients get copies. Single-threaded: core's entrypoint.
 */

#ifndef _CORE__RAM_SESSION_H_
#define _CORE__RAM_SESSION_H_

#include <dataspace/object.h>
#include <dataspace/rpc.h>
#include <ram_session/rpc.h>
#include <root/cap_index.h>
#include <util/rate_limit.h>

#include "core_service.h"
#include "ram_account.h"

/* a RAM dataspace as served: ram must come first (the slab object is ours) */
struct core_ram_ds {
	struct ram_ds ram;
	struct dataspace_object ds;   /* its backing belongs to the RAM account */
	struct cap_index_entry entry; /* in the index of all RAM dataspaces, by ds.cap */
};

struct ram_session {
	struct root_session base; /* of a client's session only: label, key, budget */
	bool used;
	bool rpc_managed;
	bool in_root; /* a client's session: base.cap is the OWNED capability */
	struct rpc_object rpc;
	ram_session_cap_t cap; /* OWNED unless in_root; the client got a copy */
	struct ram_account acc;
	struct slab meta;
	char label[CORE_LABEL_MAX];
	struct rate_limit refusals; /* the session's budget of refusal lines */
	bool pd_bound;              /* its quota bounds the memory of process pd */
	struct list_elem held;      /* its limit waits for core_ram_limits_release */
	unsigned pd;
};

/*
 * Make s an account of core's bank with quota (only core's root account
 * has any) and ref as reference account (NULL: none yet). in_root: a
 * client's session, whose budget pays its records (else core's heap).
 */
status_t ram_session_setup(struct ram_session *s, const char *label, uint64_t quota,
                           struct ram_account *ref, bool in_root);

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

/* call fn for every RAM session core keeps (init's and the clients'); fn may not close any */
void ram_sessions_for_each(void (*fn)(struct ram_session *s, void *ctx), void *ctx);

/* core's entrypoint, shared by the RAM files */
extern struct entrypoint *ram_ep;
extern struct ram_bank ram_core_bank;
extern const struct ram_session_ops ram_session_ops;

#endif /* _CORE__RAM_SESSION_H_ */

/*
 * \brief  Root component: a service's sessions, paid from the client's donation
 *
 * Every server (core's services as well as components) needs the same
 * bookkeeping for its sessions: check the donation, allocate the session
 * object, find a session again by the capability a client hands back,
 * add upgrades, close. This library does it once (Genode's
 * Root_component), so that a service supplies only its create/destroy
 * hooks and its RPC ops.
 *
 * Memory: the session object (object_size bytes, which embed a struct
 * root_session) comes from the heap the service names, but only after the
 * session's ram_quota covered it. What is left of the donation is the
 * session's budget; upgrades add to it, and whatever the service keeps
 * per session later (threads, contexts, regions) is charged against it
 * with root_session_alloc or root_session_charge. There is no maximum
 * number of sessions: the donations are the only limit.
 *
 * Lookup: sessions are kept in a cap_index (an AVL tree by the identity
 * key of their capability, cap_key_get), so that finding the session of a
 * capability costs one platform call for the key, not one per session
 * compared.
 *
 * Policy: a single-client root (Genode's Root_component<..., Single_client>)
 * refuses a second session while one is open.
 *
 * Threads: a root component is used on its entrypoint's thread only.
 */

#ifndef _INCLUDE__ROOT__COMPONENT_H_
#define _INCLUDE__ROOT__COMPONENT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/entrypoint.h>
#include <base/heap.h>
#include <base/status.h>
#include <root/cap_index.h>
#include <root/rpc.h>
#include <util/arg_string.h>

enum { ROOT_LABEL_MAX = 160 };

struct root_component;

/*
 * The part of every session object the library keeps. A service's own
 * session struct embeds it (ROOT_SESSION_ENTRY gets back to the struct).
 */
struct root_session {
	struct cap_index_entry entry; /* in root->sessions, by the key of cap */
	cap_t cap;                    /* OWNED: set by the create hook; the client gets copies */
	struct root_component *root;
	uint64_t quota; /* ram_quota donated so far, upgrades included */
	uint64_t used;  /* of quota: the object, its caller lines and every charge */
	char label[ROOT_LABEL_MAX];
};

#define ROOT_SESSION_ENTRY(s, type, member) ((type *)(void *)((char *)(s)-offsetof(type, member)))

struct root_component_ops {
	/*
	 * Set up the service's part of session s (its object is zeroed, the
	 * library's part filled in) for args and manage it at the service's
	 * entrypoint: s->cap must be the session capability then (OWNED by the
	 * library from here). Growth may be charged with root_session_alloc.
	 * On a refusal (logged by the hook, naming the label) the hook has
	 * released all it took; the library frees the object.
	 */
	status_t (*create)(void *ctx, struct root_session *s, const struct arg_string *args);
	/*
	 * Release what the service keeps for s besides the object (dissolve
	 * its RPC object, free what it charged). The library closes s->cap and
	 * frees the object afterwards; a hook that had to close the capability
	 * itself (a service object that owns it) sets s->cap to cap_invalid().
	 */
	void (*destroy)(void *ctx, struct root_session *s);
	/* optional: s got amount more budget (e.g. a waiting request may go on) */
	void (*upgraded)(void *ctx, struct root_session *s, uint64_t amount);
};

struct root_component {
	const char *service; /* "LOG", "Hello": names the sessions in messages */
	size_t object_size;  /* the service's session struct, >= sizeof(struct root_session) */
	bool single_client;  /* Genode's Single_client policy; set after init */
	/*
	 * What the service keeps per session besides the object and charges
	 * at create (e.g. the platform's record of a process); checked with
	 * the object before anything is allocated. Set after init, default 0.
	 */
	size_t session_extra;
	const struct root_component_ops *ops;
	void *ctx;         /* BORROWED: passed to the hooks */
	struct heap *heap; /* BORROWED: where session objects come from */
	struct cap_index sessions;
	uint32_t denials; /* sessions refused by the single-client policy */
};

/*
 * An empty root for service with sessions of object_size bytes from heap.
 * service, ops, ctx and heap are BORROWED and must outlive the root.
 */
void root_component_init(struct root_component *root, const char *service, size_t object_size,
                         const struct root_component_ops *ops, void *ctx, struct heap *heap);

/* what a session of this root needs of ram_quota at least (object, extra, caller lines) */
size_t root_component_session_cost(const struct root_component *root);

/*
 * Create a session for label from already parsed args: refused with
 * STATUS_INVALID_ARGS (malformed ram_quota), STATUS_QUOTA_EXCEEDED (the
 * donation does not cover root_component_session_cost), STATUS_DENIED (a
 * single-client root with a session open), the heap's status, or the
 * create hook's; each refusal logged naming service and label. *session
 * is BORROWED from the root: hand out copies.
 */
status_t root_component_create(struct root_component *root, const struct arg_string *args,
                               const char *label, cap_t *session);

/* root_component_create from an argument string, label taken from it */
status_t root_component_request(struct root_component *root, const char *args_text, cap_t *session);

/* the session that cap (BORROWED, a copy of the session's capability) names, or NULL */
struct root_session *root_component_lookup(const struct root_component *root, cap_t cap);

/* the same by the key of the session's capability (cap_key_get): no system call */
struct root_session *root_component_find(const struct root_component *root,
                                         const struct cap_key *key);

/* close the session cap (BORROWED) names; false if it is none of this root's */
bool root_component_close(struct root_component *root, cap_t cap);

/* close session s (e.g. at its client's death); s is invalid afterwards */
void root_session_close(struct root_session *s);

/* add amount, paid already, to the budget of the session cap names; false if none */
bool root_component_upgrade(struct root_component *root, cap_t cap, uint64_t amount);

/* root_component_upgrade with the amount of args_text ("ram_quota=<n>") */
status_t root_component_upgrade_request(struct root_component *root, cap_t cap,
                                        const char *args_text);

/*
 * Manage obj at ep as the root object of root (session, upgrade and close
 * of the root interface, each refusal logged); *cap is OWNED by the
 * caller, to be announced to the parent.
 */
status_t root_component_manage(struct root_component *root, struct entrypoint *ep,
                               struct rpc_object *obj, root_cap_t *cap);

/* close every session (the server ends) */
void root_component_close_all(struct root_component *root);

static inline size_t
root_component_count(const struct root_component *root)
{
	return cap_index_count(&root->sessions);
}

/* iteration in key order; NULL past the end. Closing s ends the iteration. */
struct root_session *root_component_first(const struct root_component *root);
struct root_session *root_session_next(const struct root_session *s);

/* what is left of the session's donation */
static inline uint64_t
root_session_available(const struct root_session *s)
{
	return s->quota - s->used;
}

/*
 * Charge bytes to the budget of s: STATUS_QUOTA_EXCEEDED (nothing
 * charged, not logged: the service logs, rate-limited, with
 * root_session_shortfall) if the budget has less.
 */
status_t root_session_charge(struct root_session *s, uint64_t bytes);

/* give back bytes charged before */
void root_session_refund(struct root_session *s, uint64_t bytes);

/*
 * "needs N bytes, available M of ram_quota Q" for a charge of bytes to s,
 * the figures of a refusal, into text (size bytes).
 */
void root_session_shortfall(const struct root_session *s, uint64_t bytes, char *text, size_t size);

/*
 * Allocate size bytes from the root's heap and charge what they take
 * of it (heap_block_cost) to s; *ptr is OWNED by the caller, to go back
 * with root_session_free. STATUS_QUOTA_EXCEEDED as root_session_charge.
 */
status_t root_session_alloc(struct root_session *s, size_t size, void **ptr);

/* free ptr (size bytes, from root_session_alloc of s) and refund its cost */
void root_session_free(struct root_session *s, void *ptr, size_t size);

#endif /* _INCLUDE__ROOT__COMPONENT_H_ */

/*
 * \brief  init's runtime state of one child and the parent object it is served
 *
 * Every child gets its own parent object, so init always knows who asks:
 * a child cannot speak for another one, and the label init puts in front
 * of every request it forwards is always the asker's name.
 */

#ifndef _OS__INIT__CHILD_H_
#define _OS__INIT__CHILD_H_

#include <base/env.h>
#include <base/ipc_async.h>
#include <base/log.h>
#include <base/process.h>
#include <base/rpc_server.h>
#include <cpu_session/rpc.h>
#include <parent/rpc.h>
#include <ram_session/rpc.h>
#include <rom_session/object.h>
#include <root/rpc.h>
#include <util/arg_string.h>
#include <util/list.h>

#include "config/init_config.h"
#include "config/route.h"

/*
 * What init keeps for a child beyond its fixed state (a record per
 * session, a session request's arguments while it is on its way, a
 * request waiting for an announcement) is allocated from init's heap and
 * paid by the child, as Genode's parent charges session metadata to the
 * client (child_meta.c, doc/init.md): no fixed table limits how many
 * sessions a child holds, its RAM quota does.
 */

/*
 * A service a child announced. In 10.05+ a child announces only what its
 * <provides> lists, each once: a record per listed service, taken with
 * children[] (child_states.c), so that an announcement needs no heap at
 * run time. In 10.02 nothing lists what a child may announce: each of its
 * announcements gets a record of its own, paid by the child like the
 * record of a session (parent_object.c).
 */
struct child_announced {
	struct list_elem elem; /* 10.02: in the child's announced_paid */
	bool used;
	init_name_t service;
	root_cap_t root; /* OWNED */
};

/*
 * What a session record waits for from its child server (session_call.c).
 * A server may stop answering: init never waits for it, the record holds
 * the call in flight and the client's deferred reply instead.
 */
enum child_session_busy { SESSION_IDLE, SESSION_OPENING, SESSION_UPGRADING, SESSION_CLOSING };

struct child_session {
	struct list_elem elem;    /* in client->sessions */
	cap_t cap;                /* OWNED: the copy init keeps to close it later */
	struct cap_key key;       /* of cap, taken once: finding it costs no system call */
	int server;               /* -1: init's parent, else a child index */
	unsigned server_instance; /* children[server].instance that made it */
	uint64_t amount;          /* ram_quota the client donated for it, upgrades included */
	uint64_t meta;            /* what the client paid for this record (child_meta.c) */
	init_name_t service;
	uint8_t busy;  /* enum child_session_busy */
	bool queued;   /* waits until fewer calls to its server are in flight */
	bool passed;   /* the donation of the call in flight is at the server */
	bool rider;    /* its donation rides in the open and close to init's parent */
	char *args;    /* SESSION_OPENING: its args, paid by the client like the record */
	bool orphan;   /* its client instance is gone: what comes back stays with init */
	bool replying; /* reply (OWNED) answers the client's call when the server has */
	struct rpc_reply_handle reply;
	uint64_t upgrade; /* the amount of the upgrade in flight */
	struct child_state *client;
	struct ipc_async call;
};

struct child_state {
	unsigned index; /* into config.children */
	const struct init_child *cfg;
	struct process *process;
	bool running;
	ram_session_cap_t ram; /* OWNED while ram_open: the child's RAM session */
	bool ram_open;
	cpu_session_cap_t cpu; /* BORROWED from sessions[]: the child's env CPU session */
	struct rpc_object parent_obj;
	parent_cap_t parent_cap;           /* OWNED; the child has a copy */
	struct child_announced *announced; /* announced_cap, BORROWED from children[]'s block */
	unsigned announced_cap;            /* cfg's provides_count */
	struct list announced_paid;        /* 10.02: of struct child_announced, OWNED */
	struct list sessions; /* of struct child_session, OWNED; set up by child_start */
	struct rom_session_object config_rom;
	bool config_rom_open;
	bool exit_reported;
	int exit_value;
	/* the child's own budget of refusal lines (util/rate_limit.h) */
	struct rate_limit refusals;
	unsigned instance;  /* counts starts: a session made by an earlier one is not its */
	bool ended;         /* exited or failed to start, and will not come back */
	unsigned in_flight; /* calls to it as a server in flight (session_call.c) */
	unsigned seen_walk; /* the last cycle check that reached it (session_route.c) */
};

extern struct init_config config;
extern struct child_state *children; /* config.child_count, OWNED (child_states.c) */
extern struct env *init_env;

/*
 * children[] anew for config.child_count children, zeroed but for each
 * one's announced records, from init's heap in one block (the former
 * given back); logs and returns the heap's status when it cannot
 */
status_t child_states_alloc(void);
void child_states_free(void);

/*
 * Whether a refusal line caused by c may be written now: a child that
 * makes init refuse it in a loop gets a burst per interval and a summary
 * of the rest, so it cannot flood the console for everyone
 */
static inline bool
child_refusal_admit(struct child_state *c)
{
	return log_limit_admit(&c->refusals, c->cfg->name);
}

/* what a record of size bytes costs its child: the bytes and the heap's overhead */
uint64_t child_meta_cost(size_t size);

/*
 * Move a session's donation (amount) and the cost of init's records for
 * it (meta) from c to init in one transfer (child_meta.c); refused and
 * logged with the amounts: STATUS_QUOTA_EXCEEDED if c cannot pay. Both
 * come back together through child_ram_refund.
 */
status_t child_meta_pay(struct child_state *c, const char *service, const char *label,
                        uint64_t amount, uint64_t meta);

/*
 * After a refusal: if c's avail does not cover amount and meta, log so
 * (within c's budget of lines) and return true; false if c could pay, so
 * that the refusal had another cause, named where it was made.
 */
bool child_meta_refusal(struct child_state *c, const char *service, const char *label,
                        uint64_t amount, uint64_t meta);

/*
 * size bytes of init's heap for a record c paid for, at *out; if init
 * cannot back them (logged), *out is NULL and the heap's status says why:
 * STATUS_QUOTA_EXCEEDED when init's own quota is short
 */
status_t child_meta_new(const struct child_state *c, size_t size, void **out);

/*
 * what a child pays init beyond a session's ram_quota for a request to
 * server (< 0: init's parent), given back at the close: init's records
 * and, at the parent, the parent's (parent/session_record.h)
 */
uint64_t child_session_open_cost(int server);
void child_meta_delete(void *p);

/*
 * init's RAM avail plus what its heap keeps spare: the figure that
 * returns to its value once every child is gone (the heap keeps a
 * freed chunk for reuse, base/heap.h), for init's report and the bomb.
 */
uint64_t child_meta_avail(void);

/*
 * Give init's heap its first chunk now, which it keeps once it has it
 * (base/heap.h): figures of init's RAM taken before the first child then
 * already include it, and match those taken after the children are gone.
 */
void child_meta_prepare(void);

/* serve c's parent object; false (and logged) on failure */
bool child_parent_create(struct child_state *c);

/* forget what c announced, opened and asked for; called when it is gone */
void child_parent_destroy(struct child_state *c);

/* root of service as announced by child (an index), or NULL */
const root_cap_t *child_announced_root(unsigned child, const char *service);

/*
 * Route a session request of c (see session_route.c). On STATUS_OK
 * *session is BORROWED from c's session table. A request that must wait
 * for an announcement is deferred: then call->deferred is set.
 */
status_t session_route(struct child_state *c, struct rpc_call *call, const char *service,
                       const char *args, cap_t *session);

/*
 * Where a request of c goes, for a parent whose policy is not a config's
 * routes: launchpad sends a service to the child that announced it, and
 * everything else to its own parent (demo/lib/launchpad). NULL, as in
 * init: the routes of config decide (config/route.h). What follows the
 * decision (labels, waiting, payment, refusals) is the same for both.
 */
typedef struct init_route_decision (*child_route_policy_fn)(const struct child_state *c,
                                                            const struct init_route_request *req);
extern child_route_policy_fn child_route_policy;

/*
 * Record cap (CONSUMED) as a session of service of c made by server (-1:
 * init's parent, else a child index), so that it is closed when c goes;
 * c paid amount and meta (child_meta_pay, meta: child_meta_cost of a
 * struct child_session). On STATUS_OK *session is BORROWED from c's
 * record; otherwise the session is closed and c refunded.
 */
status_t child_session_keep(struct child_state *c, const char *service, int server, uint64_t amount,
                            uint64_t meta, cap_t cap, cap_t *session);

/*
 * c's upgrade of its session s by the ram_quota of args (session_upgrade.c):
 * c pays, init forwards to the server, s->amount grows; refused and
 * refunded (logged) otherwise.
 */
status_t child_session_upgrade(struct child_state *c, struct child_session *s, const char *args,
                               struct rpc_call *call);

/*
 * Forward c's CPU-session request, labeled already, to init's parent with
 * its priority moved into c's band (cpu_route.c). *session BORROWED.
 */
status_t cpu_session_route(struct child_state *c, struct arg_string *labeled, cap_t *session);

/*
 * Close s at the server that made it and move its donation back to c;
 * CONSUMES s->cap and frees the entry.
 */
void child_session_close(struct child_state *c, struct child_session *s);

/*
 * Whether service is one of a component's environment sessions (RAM, RM,
 * PD, SIGNAL, CPU): init opens, upgrades and closes them at its parent
 * and waits, since they end at core, which answers without waiting for
 * anyone. Every other service may end at a server that stops answering.
 */
bool session_env(const char *service);

/*
 * Called whenever a call in flight ended (session_call.c), if set: who
 * counts on what a child held having come back (init's report, the bomb's
 * rounds) waits until child_calls_in_flight is false, since the closes of
 * a dead child's sessions end only when their servers answer.
 */
extern void (*child_calls_done)(void);
bool child_calls_in_flight(void);

/*
 * Open a session of service for c at server (-1: init's parent, else a
 * child whose root is announced): c's donation is passed on and reply (CONSUMED) answered when
 * the server has (session_call.c). Refused at once, logged, if c has too
 * many requests outstanding or the server is gone.
 */
void session_call_open(struct child_state *c, int server, const char *service, const char *args,
                       struct rpc_reply_handle *reply);

/*
 * Close or upgrade s, a session of c at a child server, without waiting
 * for it: reply (CONSUMED, may be NULL) is answered when the server has.
 */
void session_call_close(struct child_session *s, struct rpc_reply_handle *reply);
void session_call_upgrade(struct child_session *s, uint64_t amount, struct rpc_reply_handle *reply);

/* c is gone: its calls in flight end without it (session_call.c) */
void session_call_orphan(struct child_session *s);

/*
 * Called after c announced service and the requests waiting for it went
 * out, if set: a front end that starts its children one after another
 * (launchpad's headless test) starts a client once its server is there.
 */
extern void (*child_announce_done)(struct child_state *c, const char *service);

/* retry deferred requests after service was announced */
void session_route_retry(void);

/* answer c's deferred requests with an error (c is gone) */
void session_route_drop(const struct child_state *c);

/*
 * Answer with an error the requests waiting for the child server (an
 * index) to announce its service: it ended and will not come back.
 */
void session_route_server_gone(unsigned server);

/*
 * Open c's environment CPU session before its start, in its band, so that
 * its priority holds from the first instruction; kept among c's sessions.
 * On failure c->cpu stays invalid (and the child asks for one itself).
 */
void child_cpu_create(struct child_state *c);

/*
 * Start c (index and cfg set): parent object, RAM quantum, CPU session,
 * then the process at core; on_exit reports its end. false, logged and
 * with nothing left over, if any step fails.
 */
bool child_start(struct child_state *c, process_exit_fn on_exit);

/* open c's RAM session and give it its quantum; false (and logged) on failure */
bool child_ram_create(struct child_state *c);

/* close c's RAM session: its whole quota returns to init */
void child_ram_destroy(struct child_state *c);

/* what init can give a child now: its RAM avail less the reserve it keeps */
uint64_t child_ram_spare(void);

/*
 * Move an upgrade of c's session of service from c to init;
 * STATUS_QUOTA_EXCEEDED, logged like child_ram_donate, if c cannot pay.
 */
status_t child_ram_donate_upgrade(struct child_state *c, const char *service, uint64_t amount);

/* give a donation back to c (its session was refused or closed), with its record's cost */
void child_ram_refund(struct child_state *c, uint64_t amount);

/* pass a donation on to a child server, and take it back at the close */
status_t child_ram_pass(unsigned server, uint64_t amount);
void child_ram_reclaim(unsigned server, uint64_t amount);

/*
 * Genode's line for the end of c (named name): its exit value as reported
 * through its parent object, or the fault that ended it (child_end.c)
 */
void child_end_report(const char *name, const struct child_state *c, const struct exit_fault *f);

/* serve c's "config" ROM (see config_rom.c); *session BORROWED from c */
status_t config_rom_session(struct child_state *c, cap_t *session);

#endif /* _OS__INIT__CHILD_H_ */

/*
 * \brief  Where a child's session request goes, decided from the config model
 *
 * A pure function over a parsed struct init_config: no IPC, no state. What
 * a child currently offers changes at run time (announcements), so the
 * caller answers that through a 'provides' callback.
 *
 * 10.05+ semantics (as Genode's init from 10.05 on):
 *  - The child's <route>, or else <default-route>, is walked in order and
 *    the first entry matching the request decides. No route at all, or no
 *    matching entry: denied.
 *  - An entry matches if it names the service (or is <any-service>) and
 *    every condition it carries holds (later Genode's attributes, 11.11's
 *    <if-arg>). Labels are compared as Genode's init compares them:
 *      label, label_prefix, label_suffix, <if-arg key="label">
 *                      the scoped label, i.e. what the child itself put in
 *                      "label" ("" if nothing), without the "<child> -> "
 *                      init puts in front: the route belongs to the child
 *                      already, so its name would be redundant there
 *      unscoped_label  the whole label as init forwards it: "<child>" for
 *                      a session the child did not label, else
 *                      "<child> -> <label>"
 *      label_last      the part of the whole label after its last " -> "
 *      <if-arg key="k" value="v"/>  with another key: the text of argument
 *                      k of the request ("" if absent) equals v
 *    A request that does not satisfy an entry's conditions goes on to the
 *    next entry, as for a different service. Labels differ from Genode in
 *    one point only: Genode's newest init lets no scoped condition match
 *    a session without a label, ours lets label="" match it, as written.
 *  - Inside a matching entry the targets are tried in order:
 *      <parent/>            serves if the service is in <parent-provides>
 *      <child name="x"/>    serves if provides(x, service)
 *      <any-child/>         the one child with provides(c, service); two or
 *                           more such children: ambiguous (never a guess)
 *    In <any-service> a target that cannot serve is skipped and, after the
 *    last one, the walk continues with the next entry. In <service name=..>
 *    a target that cannot serve denies the request: an explicit route is
 *    never replaced by a fallback behind the administrator's back. A
 *    matching entry without targets denies, too.
 *  - The requesting child itself is a candidate like any other, as in
 *    Genode; a config that routes a child to itself gets what it asked for.
 *
 * 10.02 semantics: the core services RAM PD RM ROM CPU IRQ IO_MEM IO_PORT
 * CAP SIGNAL LOG go to the parent; any other service to the child that
 * announced it. If none has yet, the answer is INIT_ROUTE_WAIT (10.02 init
 * blocks the client until the announcement). 10.02 refuses a second
 * announcement, so more than one announcer reports a runtime bug as
 * INIT_ROUTE_AMBIGUOUS.
 */

#ifndef _OS__INIT__CONFIG__ROUTE_H_
#define _OS__INIT__CONFIG__ROUTE_H_

#include "init_config.h"

enum init_route_kind {
	INIT_ROUTE_PARENT,
	INIT_ROUTE_CHILD,     /* decision.child is the server */
	INIT_ROUTE_DENIED,    /* no route: refuse the session */
	INIT_ROUTE_AMBIGUOUS, /* two or more children through <any-child/> */
	INIT_ROUTE_WAIT,      /* 10.02 only: nobody announced it yet */
};

struct init_route_decision {
	enum init_route_kind kind;
	unsigned child;                       /* INIT_ROUTE_CHILD only */
	const struct init_route_entry *entry; /* the deciding entry, NULL if none */
};

/*
 * Does child (an index into cfg->children) currently provide service?
 * For 10.05+ a runtime typically answers from the child's <provides> (and
 * makes the session wait until the announcement); for 10.02 from the
 * announcements made so far.
 */
typedef bool (*init_route_provides_fn)(void *ctx, unsigned child, const char *service);

/* what of a session request the conditions of a route look at */
struct init_route_request {
	const char *service;
	const char *label;    /* scoped: as the child sent it, "" for none */
	const char *unscoped; /* as init forwards it; NULL: the child's name plus label */
	const char *args;     /* the session arguments for <if-arg>; NULL: none */
};

/*
 * Decide for req of 'child'. provides may be NULL: then the <provides>
 * declarations of the model answer (init_route_declared). An invalid
 * child index is denied.
 */
struct init_route_decision init_route_resolve_request(const struct init_config *cfg, unsigned child,
                                                      const struct init_route_request *req,
                                                      init_route_provides_fn provides, void *ctx);

/*
 * Decide for a request of 'child' for 'service' without a label or other
 * arguments. provides may be NULL: then
 * the <provides> declarations of the model answer (init_route_declared).
 * An invalid child index is denied.
 */
struct init_route_decision init_route_resolve(const struct init_config *cfg, unsigned child,
                                              const char *service, init_route_provides_fn provides,
                                              void *ctx);

/* a provides callback over the model's <provides>; ctx is the init_config */
bool init_route_declared(void *ctx, unsigned child, const char *service);

/* stable lower-case name of a kind, for log messages */
const char *init_route_kind_name(enum init_route_kind kind);

#endif /* _OS__INIT__CONFIG__ROUTE_H_ */

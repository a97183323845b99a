/*
 * \brief  Where a child's session request goes, decided from the config model
 *
 * A pure function over a parsed struct init_config: no IPC, no state. What
 * a child currently offers changes at run time (announcements), so the
 * caller answers that through a 'provides' callback.
 *
 * 10.05+ semantics (as Genode's init from 10.05 on):
 *  - The child's <route>, or else <default-route>, is walked in order and
 *    the first entry matching the service decides. No route at all, or no
 *    matching entry: denied.
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

/*
 * Decide for a request of 'child' for 'service'. provides may be NULL: then
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

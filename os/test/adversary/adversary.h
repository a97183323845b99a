/*
 * \brief  test-adversary: what its attacks share
 */

#ifndef _OS__TEST__ADVERSARY__ADVERSARY_H_
#define _OS__TEST__ADVERSARY__ADVERSARY_H_

#include <stdbool.h>

#include <base/env.h>

/* count one attempt; ok says whether it failed the way it must */
void attempt(const char *what, bool ok, const char *detail);

/*
 * The main instance's attacks on init's routing (routes.c): it waits at
 * the gate, a request for a service that dead-server lists but never
 * announces, until the run script kills dead-server; then a request to
 * that killed server, a route to itself and a cycle of routes.
 */
void attempts_routes(struct env *env);

/*
 * The instances that play a part in those attacks, by <config
 * attempt="..."/>: "exit" (the looping sibling: exits at once),
 * "cycle", "stalled", "closer", "upgrader", "phoenix", "many", "hoard".
 * Returns false for any other name; otherwise it does not return.
 */
bool route_role(struct env *env, const char *name);

/* "many": more requests at once than init keeps for one child (many.c) */
void role_many(struct env *env);

#endif /* _OS__TEST__ADVERSARY__ADVERSARY_H_ */

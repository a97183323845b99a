/*
 * \brief  The entry of every component
 *
 * A component has no main(): the framework owns the main loop. It sets up
 * the environment (parent, sessions, heap, log) and calls
 * component_construct() once. The component stays alive after that call
 * returns, serving RPC and signals, until it calls env_exit().
 */

#ifndef _INCLUDE__BASE__COMPONENT_H_
#define _INCLUDE__BASE__COMPONENT_H_

#include <base/env.h>

/* defined by each component */
void component_construct(struct env *env);

#endif /* _INCLUDE__BASE__COMPONENT_H_ */

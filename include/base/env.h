/*
 * \brief  A component's environment
 *
 * The environment is what a component's parent gave it: the parent itself
 * and the sessions opened on its behalf. It is owned by the framework and
 * lives as long as the component; functions here only borrow it.
 */

#ifndef _INCLUDE__BASE__ENV_H_
#define _INCLUDE__BASE__ENV_H_

#include <stddef.h>

#include <base/status.h>

struct env;

/*
 * The component's "config" ROM module as text. STATUS_NOT_FOUND if the
 * parent provides none. The text stays valid and read-only for the life
 * of the component.
 */
status_t env_config(struct env *env, const char **text, size_t *len);

/* report value to the parent and end the component */
_Noreturn void env_exit(struct env *env, int value);

#endif /* _INCLUDE__BASE__ENV_H_ */

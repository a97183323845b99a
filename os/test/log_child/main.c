/*
 * \brief  test-log_child: one line through its LOG session, then exit 0
 *
 * As little as a component can do with its parent: its environment's
 * sessions, one LOG line and its exit. run/init_many.run starts a hundred
 * of it in one sub-init, whose parent forwards all their sessions, so
 * that what init keeps per child, and not the children's work, is what
 * the scenario exercises.
 */

#include <base/component.h>
#include <base/log.h>

void
component_construct(struct env *env)
{
	log_print("logged through init");
	env_exit(env, 0);
}

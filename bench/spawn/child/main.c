/*
 * \brief  bench-spawn-child: the smallest component, started again and again
 *
 * Its parent (bench-spawn-parent) grants it only a LOG session, so its
 * first LOG line is the error about its missing RAM session, written
 * right after its start-up asked for it.
 */

#include <base/component.h>

void
component_construct(struct env *env)
{
	env_exit(env, 0);
}

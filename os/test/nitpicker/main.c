/*
 * \brief  test-nitpicker_server: serve the screen, then run the script against nitpicker
 */

#include <base/component.h>

#include "screen.h"

void
component_construct(struct env *env)
{
	if (!screen_start(env))
		env_exit(env, -1);
	script_run(env);
}

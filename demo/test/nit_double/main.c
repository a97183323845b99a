/*
 * \brief  test-nit-double: a stand-in Nitpicker for headless tests (double.h)
 */

#include <base/component.h>

#include "double.h"

void
component_construct(struct env *env)
{
	if (!dbl_service_start(env) || !dbl_script_start(env))
		env_exit(env, 1);
}

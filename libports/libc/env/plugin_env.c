/*
 * \brief  C runtime: the environment for plugins (libc-plugin/env.h)
 */

#include <libc-plugin/env.h>

#include "libc_env.h"

struct env *
libc_plugin_env(void)
{
	return libc_env;
}

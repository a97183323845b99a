/*
 * \brief  The component's environment, for plugins that open sessions
 *
 * A libc component's main knows nothing of the framework; a plugin it
 * initialises (libc_lwip_init, ...) may need the environment to open
 * sessions and read the config. BORROWED: valid for the component's
 * life once main runs; NULL before the framework has started.
 */

#ifndef _INCLUDE__LIBC_PLUGIN__ENV_H_
#define _INCLUDE__LIBC_PLUGIN__ENV_H_

#include <base/env.h>

struct env *libc_plugin_env(void);

#endif /* _INCLUDE__LIBC_PLUGIN__ENV_H_ */

/*
 * \brief  libc_lwip: start lwIP and register the plugin (libc_lwip.h)
 */

#include <errno.h>

#include <base/lock.h>
#include <libc_lwip.h>
#include <lwip_env.h>

#include "libc_lwip_internal.h"

int
libc_lwip_init(void)
{
	static struct lock init_lock = LOCK_INIT_UNLOCKED;
	static bool registered;

	if (lwip_tcpip_init() != STATUS_OK) {
		errno = ENOMEM;
		return -1;
	}
	lock_acquire(&init_lock);
	if (!registered)
		libc_plugin_register(libc_lwip_plugin());
	registered = true;
	lock_release(&init_lock);
	return 0;
}

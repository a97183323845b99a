/*
 * \brief  libc_lwip: start lwIP, bring up the NIC the config asks for, and
 *         register the plugin (libc_lwip.h)
 */

#include <errno.h>

#include <base/config_root.h>
#include <base/lock.h>
#include <base/log.h>
#include <libc-plugin/env.h>
#include <libc_lwip.h>
#include <lwip_env.h>
#include <util/node.h>

#include "libc_lwip_internal.h"

/* the config's <lwip> node, if any, brings up a NIC netif */
static int
nic_from_config(void)
{
	struct env *env = libc_plugin_env();
	if (!env)
		return 0; /* before the framework: no config to read */
	static struct config_root config;
	const struct node *root = config_root_parse(env, &config);
	if (!root && config.err.status != STATUS_NOT_FOUND) {
		log_error("libc_lwip: the config cannot be read: %s",
		          status_name(config.err.status));
		return -EINVAL;
	}
	const struct node *lwip = root ? node_sub_node(root, "lwip") : NULL;
	if (!lwip)
		return 0;
	status_t s = lwip_nic_up(env, lwip);
	return s == STATUS_OK ? 0 : s == STATUS_INVALID_ARGS ? -EINVAL : -ENETDOWN;
}

int
libc_lwip_init(void)
{
	static struct lock init_lock = LOCK_INIT_UNLOCKED;
	static bool done;
	static int result;

	lock_acquire(&init_lock);
	if (!done) {
		result = lwip_tcpip_init() == STATUS_OK ? 0 : -ENOMEM;
		if (result == 0)
			result = nic_from_config();
		if (result == 0)
			libc_plugin_register(libc_lwip_plugin());
		done = true;
	}
	lock_release(&init_lock);
	if (result < 0) {
		errno = -result;
		return -1;
	}
	return 0;
}

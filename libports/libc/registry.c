/*
 * \brief  C runtime: the registered plugins, asked in registration order
 *
 * The list is a linked chain of nodes the registry allocates: a component
 * registers a handful of plugins at start (LOG, ROM files, later lwIP).
 */

#include <errno.h>
#include <stdlib.h>

#include <base/lock.h>
#include <base/log.h>

#include "internal.h"

struct plugin_node {
	const struct libc_plugin *plugin;
	struct plugin_node *next;
};

static struct lock registry_lock = LOCK_INIT_UNLOCKED;
static struct plugin_node *first;

void
libc_plugin_register(const struct libc_plugin *plugin)
{
	struct plugin_node *n = calloc(1, sizeof(*n));
	if (!n) {
		log_error("libc: out of memory registering plugin \"%s\"", plugin->name);
		return;
	}
	n->plugin = plugin;
	lock_acquire(&registry_lock);
	struct plugin_node **tail = &first;
	while (*tail)
		tail = &(*tail)->next;
	*tail = n;
	lock_release(&registry_lock);
}

/* nodes are never removed while the component runs: walk without the lock */
const struct libc_plugin *
libc_plugin_for_path(const char *path)
{
	for (struct plugin_node *n = first; n; n = n->next)
		if (n->plugin->supports_path && n->plugin->supports_path(path))
			return n->plugin;
	return NULL;
}

const struct libc_plugin *
libc_plugin_for_socket(int domain, int type, int protocol)
{
	for (struct plugin_node *n = first; n; n = n->next)
		if (n->plugin->supports_socket &&
		    n->plugin->supports_socket(domain, type, protocol))
			return n->plugin;
	return NULL;
}

void
libc_plugin_reset(void)
{
	while (first) {
		struct plugin_node *n = first;
		first = n->next;
		free(n);
	}
}

long
libc_plugin_fd_install(const struct libc_plugin *plugin, struct libc_file *file, int fd)
{
	return libc_fd_install_at(plugin, file, fd);
}

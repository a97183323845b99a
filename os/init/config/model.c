/*
 * \brief  Queries on a parsed init config
 *
 * Linear searches: the lists are as long as the config makes them, usually
 * short (children and services in the tens), and a config is consulted on
 * session requests, which are rare compared to the RPCs on the sessions.
 */

#include <util/string.h>

#include "init_config.h"

int
init_config_child_index(const struct init_config *cfg, const char *name)
{
	for (unsigned i = 0; i < cfg->child_count; i++)
		if (str_equal(cfg->children[i].name, name))
			return (int)i;
	return -1;
}

bool
init_config_parent_provides(const struct init_config *cfg, const char *name)
{
	for (unsigned i = 0; i < cfg->parent_service_count; i++)
		if (str_equal(cfg->parent_services[i], name))
			return true;
	return false;
}

bool
init_config_child_provides(const struct init_config *cfg, unsigned child, const char *service)
{
	if (child >= cfg->child_count)
		return false;
	const struct init_child *c = &cfg->children[child];
	for (unsigned i = 0; i < c->provides_count; i++)
		if (str_equal(c->provides[i], service))
			return true;
	return false;
}

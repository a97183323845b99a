/*
 * \brief  A yes/no attribute of the hello example's <config> node
 *
 * Both sides of the example take their options this way
 * (<config single_client="yes"/>, <config await_denial="yes"/>). A config
 * that does not parse or a value that is not a boolean is reported with
 * the attribute's name and counts as the default: an option must never
 * stop the example from running.
 */

#ifndef _OS__HELLO__CONFIG_FLAG_H_
#define _OS__HELLO__CONFIG_FLAG_H_

#include <base/config_root.h>
#include <base/env.h>
#include <base/log.h>

static inline bool
hello_config_flag(struct env *env, const char *name, bool def)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	bool value = def;

	if (!root) {
		if (cfg.err.status != STATUS_NOT_FOUND)
			log_error("config does not parse, option %s stays %s", name,
			          def ? "yes" : "no");
		return def;
	}
	if (node_attribute_bool(root, name, def, &value, &cfg.err) != STATUS_OK) {
		log_error("config: %s is not yes or no, stays %s", name, def ? "yes" : "no");
		return def;
	}
	return value;
}

#endif /* _OS__HELLO__CONFIG_FLAG_H_ */

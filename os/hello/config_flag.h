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

#include <base/env.h>
#include <base/log.h>
#include <util/xml.h>

static inline bool
hello_config_flag(struct env *env, const char *name, bool def)
{
	struct node nodes[4];
	struct node_value attrs[8];
	struct node_tree tree;
	struct node_error err;
	const char *text;
	size_t len;
	bool value = def;

	if (env_config(env, &text, &len) != STATUS_OK)
		return def;
	node_tree_init(&tree, nodes, 4, attrs, 8);
	if (xml_parse(&tree, text, len, &err) != STATUS_OK) {
		log_error("config does not parse, option %s stays %s", name, def ? "yes" : "no");
		return def;
	}
	if (node_attribute_bool(node_tree_root(&tree), name, def, &value, &err) != STATUS_OK) {
		log_error("config: %s is not yes or no, stays %s", name, def ? "yes" : "no");
		return def;
	}
	return value;
}

#endif /* _OS__HELLO__CONFIG_FLAG_H_ */

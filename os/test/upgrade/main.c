/*
 * \brief  test-upgrade: sessions upgraded through the parent chain
 *
 * <config hello="yes"/> upgrades a Hello session (a sibling server's);
 * otherwise the RM and LOG sessions at core are upgraded and the
 * refusals are checked. Wherever the component runs (under init, under a
 * nested init), every amount must come back: its RAM avail after each
 * close equals the avail before the open. Exit value 0: all checks held.
 */

#include <base/component.h>
#include <base/log.h>
#include <test/expect.h>
#include <util/xml.h>

#include "test_upgrade.h"

static bool
config_hello(struct env *env)
{
	struct node nodes[4];
	struct node_value attrs[8];
	struct node_tree tree;
	struct node_error err;
	const char *text;
	size_t len;
	bool value = false;

	if (env_config(env, &text, &len) != STATUS_OK)
		return false;
	node_tree_init(&tree, nodes, 4, attrs, 8);
	if (xml_parse(&tree, text, len, &err) != STATUS_OK ||
	    node_attribute_bool(node_tree_root(&tree), "hello", false, &value, &err) != STATUS_OK)
		log_error("config: hello is not yes or no");
	return value;
}

void
component_construct(struct env *env)
{
	log_print("--- upgrade test ---");
	if (config_hello(env)) {
		test_hello_upgrade(env);
	} else {
		test_rm_upgrade(env);
		test_log_upgrade(env);
		test_refusals(env);
	}
	if (test_failures())
		env_exit(env, 1);
	log_print("--- end of upgrade test ---");
	env_exit(env, 0);
}

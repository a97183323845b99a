/*
 * \brief  test-upgrade: sessions upgraded through the parent chain
 *
 * <config server="Hello"/> upgrades a session of a sibling server (Hello,
 * Timer or Block); otherwise the RM and LOG sessions at core are upgraded and the
 * refusals are checked. Wherever the component runs (under init, under a
 * nested init), every amount must come back: its RAM avail after each
 * close equals the avail before the open. Exit value 0: all checks held.
 */

#include <base/config_root.h>
#include <base/component.h>
#include <base/log.h>
#include <test/expect.h>

#include "test_upgrade.h"

/* the server="..." of the config into service; false if none */
static bool
config_server(struct env *env, char *service, size_t size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);

	return root &&
	       node_attribute_string(root, "server", service, size, 0, &cfg.err) == STATUS_OK &&
	       service[0];
}

void
component_construct(struct env *env)
{
	char service[16];
	log_print("--- upgrade test ---");
	if (config_server(env, service, sizeof(service))) {
		test_server_upgrade(env, service);
	} else {
		test_rm_upgrade(env);
		test_ram_upgrade(env);
		test_log_upgrade(env);
		test_refusals(env);
	}
	if (test_failures())
		env_exit(env, 1);
	log_print("--- end of upgrade test ---");
	env_exit(env, 0);
}

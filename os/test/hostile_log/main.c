/*
 * \brief  test-hostile-log: a component that tries to forge log lines and
 *         to flood the console with refusals
 *
 * <config mode="forge|threads|flood|ram|rm|pd"/> selects what it does (see
 * run/hostile_log.run, which checks what reaches the console: the
 * component itself cannot see whether its forgeries were neutralized).
 * The forgeries need the platform (Linux: stray stdout), so
 * hostile_log_forge is the platform's (base-linux/test/hostile_log);
 * everything else here is generic.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <util/string.h>

#include "hostile_log.h"

enum { MODE_MAX = 16 };

static void
config_mode(struct env *env, char *mode, size_t size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	mode[0] = 0;
	if (root)
		(void)node_attribute_string(root, "mode", mode, size, "", &cfg.err);
}

void
component_construct(struct env *env)
{
	char mode[MODE_MAX];
	config_mode(env, mode, sizeof(mode));
	/* where the attack starts, for the script that measures a sibling meanwhile */
	if (mode[0])
		log_print("%s: start", mode);
	if (str_equal(mode, "forge"))
		log_print("forge: %u attempts made", hostile_log_forge(env));
	else if (str_equal(mode, "threads"))
		hostile_log_threads(env);
	else if (str_equal(mode, "flood"))
		hostile_log_flood(env);
	else if (str_equal(mode, "ram"))
		hostile_log_ram(env);
	else if (str_equal(mode, "rm"))
		hostile_log_rm(env);
	else if (str_equal(mode, "pd"))
		hostile_log_pd(env);
	else if (mode[0]) {
		log_error("unknown mode \"%s\"", mode);
		env_exit(env, 1);
	}
	env_exit(env, 0);
}

/*
 * \brief  A component's upgrade of a session through its parent
 *
 * Nothing here is Linux-specific; it lives with the environment it uses.
 */

#include <base/env.h>
#include <parent/client.h>
#include <util/format.h>

status_t
env_upgrade(struct env *env, cap_t session, uint64_t amount)
{
	char args[48];
	format_string(args, sizeof(args), "ram_quota=%llu", (unsigned long long)amount);
	return parent_upgrade(env_parent(env), session, args);
}

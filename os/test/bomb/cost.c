/*
 * \brief  bomb: what one child costs, from the constants where the costs are defined
 *
 * A memory-only tree (Genode's configs before 2015) must stop where a
 * child could not run: a node whose children's shares do not cover
 * their environments is a leaf. The figures come from the headers that
 * define each session's donation and from init's record cost
 * (child_session_open_cost), so the bound moves with them instead of
 * being a guess that deep nodes of a large tree disprove with refusals.
 */

#include <cpu_session/connection.h>
#include <log_session/connection.h>
#include <ram_session/connection.h>
#include <rm_session/connection.h>
#include <root/session_args.h>
#include <signal_session/connection.h>

#include "../../init/child.h"
#include "bomb.h"

/* the ram_quota of an args text as the headers spell it ("ram_quota=4K") */
static uint64_t
donation(const char *args)
{
	char label[8];
	return session_args_donation(args, label, sizeof(label));
}

uint64_t
bomb_child_env_cost(void)
{
	/* each goes to the child's parent, which charges its records with it */
	uint64_t per_session = child_session_open_cost(-1);
	return donation(LOG_SESSION_ARGS) + per_session +
	       donation("ram_quota=" CPU_SESSION_RAM_QUOTA) + per_session +
	       RM_SESSION_ENV_RAM_QUOTA + per_session + SIGNAL_SESSION_ENV_QUOTA + per_session;
}

uint64_t
bomb_child_keep_cost(void)
{
	/* the child's RAM session, which the node opens at its own parent */
	return donation(RAM_SESSION_ARGS) + child_session_open_cost(-1);
}

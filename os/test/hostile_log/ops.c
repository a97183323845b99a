/*
 * \brief  test-hostile-log: floods of refused operations on core's sessions
 *
 * Each refusal of a RAM, RM or PD session's operation is a line of
 * core's; a client that repeats one in a loop must not get a line each.
 */

#include <base/log.h>
#include <parent/client.h>
#include <pd_session/client.h>
#include <pd_session/connection.h>
#include <ram_session/client.h>
#include <rm_session/client.h>

#include "hostile_log.h"

enum { HUGE = 0x40000000 }; /* 1 GiB: beyond any quantum of the test */

static void
flood_print(const char *what, unsigned refused)
{
	log_print("%s: flood of %u, %u refused", what, (unsigned)HOSTILE_LOG_OPS_FLOOD, refused);
}

/* allocations beyond the quota */
void
hostile_log_ram(struct env *env)
{
	unsigned refused = 0;
	for (unsigned i = 0; i < HOSTILE_LOG_OPS_FLOOD; i++) {
		dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
		refused += ram_session_alloc(env_ram(env), HUGE, &ds) == STATUS_QUOTA_EXCEEDED;
		cap_close(cap_raw(ds));
	}
	flood_print("ram", refused);
}

/* detaches where nothing is attached */
void
hostile_log_rm(struct env *env)
{
	unsigned refused = 0;
	for (unsigned i = 0; i < HOSTILE_LOG_OPS_FLOOD; i++)
		refused += rm_session_detach(env_rm(env), HUGE) != STATUS_OK;
	flood_print("rm", refused);
}

/* a parent assigned again and again */
void
hostile_log_pd(struct env *env)
{
	pd_session_cap_t pd;
	if (pd_connection_open(env_parent(env), "kid", &pd) != STATUS_OK ||
	    pd_session_assign_parent(pd, env_parent(env)) != STATUS_OK) {
		log_error("pd: no PD session to flood");
		return;
	}
	unsigned refused = 0;
	for (unsigned i = 0; i < HOSTILE_LOG_OPS_FLOOD; i++)
		refused += pd_session_assign_parent(pd, env_parent(env)) == STATUS_CONFLICT;
	flood_print("pd", refused);
	pd_connection_close(env_parent(env), pd);
}

/*
 * \brief  core as init's parent
 */

#ifndef _CORE__INIT_PARENT_H_
#define _CORE__INIT_PARENT_H_

#include <stdbool.h>

#include <base/entrypoint.h>
#include <base/log.h>
#include <parent/rpc.h>

struct init_parent_state {
	bool exit_reported; /* init called parent exit */
	int exit_value;
	/*
	 * init's budget of refusal lines for its requests: init is the
	 * one client of core's parent object, and it forwards its children's
	 * requests, so a child that makes core refuse in a loop is bounded
	 * here (and named per child by init's own lines)
	 */
	struct rate_limit refusals;
};

/* serve init's parent object at ep; *cap is OWNED by the caller */
status_t init_parent_create(struct entrypoint *ep, struct init_parent_state *s, parent_cap_t *cap);

/*
 * After init is gone: close every session it left open (donations return
 * to init's account) and reclaim all RAM sessions, so core's bank is back
 * at its boot figures.
 */
void init_parent_reclaim(void);

/* the summary of init's refusal lines held back in a window that ended */
void init_parent_limits_tick(void);

/*
 * Log, per label, how many sessions of each service init holds at core
 * (for itself and its children); returns the number of open sessions.
 */
unsigned init_parent_sessions_report(void);

#endif /* _CORE__INIT_PARENT_H_ */

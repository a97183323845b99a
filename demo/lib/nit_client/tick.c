/*
 * \brief  A periodic tick from a Timer session, handled on the entrypoint
 */

#include <base/entrypoint.h>
#include <base/log.h>
#include <timer_session/connection.h>

#include "nit_client.h"

status_t
nit_client_tick_start(struct env *env, unsigned period_ms, signal_handler_fn fn, void *arg,
                      const char *who)
{
	/* kept for the life of the component: the tick is its clock */
	static timer_session_cap_t timer;
	struct signal_context *ctx = 0;
	status_t st = timer_connection_open(env_parent(env), &timer);
	if (st == STATUS_OK)
		st = signal_handler_create(env_ep(env), fn, arg, &ctx);
	if (st == STATUS_OK)
		st = timer_session_sigh(timer, signal_context_cap(ctx));
	if (st == STATUS_OK)
		st = timer_session_trigger_periodic(timer, (uint64_t)period_ms * 1000);
	if (st != STATUS_OK)
		log_error("%s: no periodic Timer signal: %s", who, status_name(st));
	return st;
}

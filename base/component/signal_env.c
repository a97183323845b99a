/*
 * \brief  A component's signal contexts come from its SIGNAL session
 *
 * The environment opens the session through the parent at start-up and
 * installs it as the signal library's backing, so signal_context_create
 * and signal_handler_create keep their interface while core creates and
 * charges every context. The sandbox entered afterwards has no eventfd2:
 * a component cannot mint contexts behind core's back.
 */

#include <base/log.h>
#include <base/signal_backing.h>
#include <signal_session/connection.h>

#include "signal_env.h"

static signal_session_cap_t env_signal = {{CAP_SEL_INVALID}};

static status_t
session_alloc(void *arg, void *imprint, cap_t *ctx, cap_t *page)
{
	(void)arg;
	signal_context_cap_t cap;
	signal_page_cap_t pg;
	status_t s =
	        signal_session_alloc_context(env_signal, (uint64_t)(uintptr_t)imprint, &cap, &pg);
	if (s == STATUS_OK) {
		*ctx = cap_raw(cap);
		*page = cap_raw(pg);
	}
	return s;
}

/* a transmitter's question, once per capability (base-linux: the count page) */
static status_t
session_page(void *arg, cap_t ctx, cap_t *page)
{
	(void)arg;
	signal_page_cap_t pg;
	status_t s = signal_session_page(env_signal, CAP_TYPED(signal_context_cap_t, ctx), &pg);
	if (s == STATUS_OK)
		*page = cap_raw(pg);
	return s;
}

/* core takes its own copy back and forgets the charge; ours goes anyway */
static void
session_release(void *arg, cap_t ctx)
{
	(void)arg;
	status_t s = signal_session_free_context(env_signal, CAP_TYPED(signal_context_cap_t, ctx));
	if (s != STATUS_OK)
		log_warning("signal context not freed at core: %s", status_name(s));
	cap_close(ctx);
}

static const struct signal_backing session_backing = {session_alloc, session_release, session_page,
                                                      0};

void
signal_env_open(parent_cap_t parent)
{
	status_t s = signal_connection_open(parent, SIGNAL_SESSION_ENV_QUOTA, &env_signal);
	if (s != STATUS_OK) {
		log_error("no SIGNAL session: %s", status_name(s));
		return;
	}
	signal_backing_set(&session_backing);
}

signal_session_cap_t
signal_env_session(void)
{
	return env_signal;
}

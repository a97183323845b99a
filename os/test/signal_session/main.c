/*
 * \brief  test-signal_session: core's SIGNAL service
 *
 * 1. Contexts of the environment's session (signal_context_create):
 *    submits arrive with their counts summed.
 * 2. A session of our own: alloc_context, submit through core, free;
 *    a second free of the same context is refused.
 * 3. A context of one session freed through another is refused and
 *    stays usable.
 * 3a. core counts: submits through core (of any session) and local ones
 *    add up, saturating, and only the owner takes the count.
 * 4. A session with little quota: contexts until STATUS_QUOTA_EXCEEDED,
 *    then one more after a free.
 * 5. Closing a session releases its contexts: core forgets them, and
 *    core's accounting (SIGUSR1, sent by the run script at "holding")
 *    shows them before and not after.
 * 6. Malformed requests get error replies and core keeps serving.
 * Ends with "--- SIGNAL session test finished ---"; failures log "Error:".
 */

#include <base/component.h>
#include <base/log.h>
#include <test/expect.h>
#include <util/format.h>

#include "test_signal_session.h"

status_t
spare_session_open(struct env *env, const char *label, unsigned ram_quota,
                   signal_session_cap_t *out)
{
	char args[96];
	cap_t raw = cap_invalid();
	format_string(args, sizeof(args), "ram_quota=%u, label=\"%s\"", ram_quota, label);
	status_t s = parent_session(env_parent(env), "SIGNAL", args, &raw);
	*out = CAP_TYPED(signal_session_cap_t, raw);
	return s;
}

bool
idle_wait(struct signal_receiver *r, unsigned ms)
{
	struct signal sig;
	return signal_receiver_wait_timeout(r, (uint64_t)ms * 1000u, &sig) == STATUS_TIMEOUT;
}

void
component_construct(struct env *env)
{
	struct signal_receiver *r;
	signal_session_cap_t own, other;

	log_print("--- SIGNAL session test ---");
	if (!EXPECT_OK(signal_receiver_create(&r)) ||
	    !EXPECT_OK(spare_session_open(env, "own", 8192, &own)) ||
	    !EXPECT_OK(spare_session_open(env, "other", 8192, &other)))
		env_exit(env, -1);
	test_env_contexts(r);
	test_submit_and_free(own, r);
	test_foreign_free(own, other);
	test_take(own, other);
	test_page(own, other);
	unsigned n = test_quota(env);
	log_print("quota: %u contexts fit, the next one was refused", n);
	test_close_releases(env, own, r);
	test_malformed(env, other);
	EXPECT_OK(parent_close(env_parent(env), cap_raw(other)));
	cap_close(cap_raw(other));
	signal_receiver_destroy(r);
	log_print("--- SIGNAL session test finished ---");
	env_exit(env, test_failures() ? -1 : 0);
}

/*
 * \brief  test-signal_session: allocating, submitting, freeing, quota, close
 */

#include <base/env.h>
#include <base/log.h>
#include <test/expect.h>

#include "test_signal_session.h"

enum { ENV_CONTEXTS = 3, QUOTA_PROBE_MAX = 128, HELD = 5, UPGRADE_CONTEXTS = 10 };

/* the next signal at r: which imprint, how many */
static bool
receive(struct signal_receiver *r, void *imprint, unsigned num)
{
	struct signal sig = {0};
	status_t s = signal_receiver_wait_timeout(r, 2000000u, &sig);
	return EXPECT_OK(s) && EXPECT(sig.imprint == imprint) && EXPECT(sig.num == num);
}

void
test_env_contexts(struct signal_receiver *r)
{
	static int objects[ENV_CONTEXTS];
	struct signal_context *ctx[ENV_CONTEXTS];
	for (unsigned i = 0; i < ENV_CONTEXTS; i++)
		if (!EXPECT_OK(signal_context_create(r, &objects[i], &ctx[i])))
			return;
	for (unsigned i = 0; i < ENV_CONTEXTS; i++)
		for (unsigned k = 0; k <= i; k++)
			EXPECT_OK(signal_submit(signal_context_cap(ctx[i]), 10));
	for (unsigned i = 0; i < ENV_CONTEXTS; i++)
		receive(r, &objects[i], 10 * (i + 1));
	for (unsigned i = 0; i < ENV_CONTEXTS; i++)
		signal_context_dissolve(ctx[i]);
	log_print("environment: %u contexts, counts 10, 20, 30 received", ENV_CONTEXTS);
}

void
test_submit_and_free(signal_session_cap_t own, struct signal_receiver *r)
{
	static int object;
	struct signal_context *ctx;
	signal_context_cap_t c;
	signal_page_cap_t pg;
	if (!EXPECT_OK(signal_context_create(r, &object, &ctx)))
		return;
	/* through core: the count arrives like a local submit's */
	EXPECT_OK(signal_session_submit(own, signal_context_cap(ctx), 7));
	EXPECT_OK(signal_session_submit(own, signal_context_cap(ctx), 5));
	receive(r, &object, 12);
	signal_context_dissolve(ctx);

	if (!EXPECT_OK(signal_session_alloc_context(own, 42, &c, &pg)))
		return;
	cap_close(cap_raw(pg)); /* a submit asks core for it again (page) */
	EXPECT_OK(signal_submit(c, 3));
	EXPECT_OK(signal_session_free_context(own, c));
	EXPECT_STATUS(signal_session_free_context(own, c), STATUS_INVALID_ARGS);
	EXPECT_STATUS(signal_session_submit(own, c, 1), STATUS_INVALID_ARGS);
	cap_close(cap_raw(c));
	log_print("own session: submit through core 7 + 5 = 12, alloc, free, second free refused");
}

void
test_foreign_free(signal_session_cap_t own, signal_session_cap_t other)
{
	signal_context_cap_t c;
	signal_page_cap_t pg;
	if (!EXPECT_OK(signal_session_alloc_context(own, 1, &c, &pg)))
		return;
	cap_close(cap_raw(pg));
	EXPECT_STATUS(signal_session_free_context(other, c), STATUS_DENIED);
	/* refused without harm: still core's, still usable, still own's */
	EXPECT_OK(signal_session_submit(other, c, 1));
	EXPECT_OK(signal_session_free_context(own, c));
	cap_close(cap_raw(c));
	log_print("foreign free: refused, the context stayed intact");
}

/* allocate from a small session until core refuses; how many fit */
unsigned
test_quota(struct env *env)
{
	signal_session_cap_t small;
	signal_context_cap_t c[QUOTA_PROBE_MAX];
	status_t s = STATUS_OK;
	unsigned n = 0;
	if (!EXPECT_OK(spare_session_open(env, "small", 4096, &small)))
		return 0;
	signal_page_cap_t pg;
	while (n < QUOTA_PROBE_MAX &&
	       (s = signal_session_alloc_context(small, n, &c[n], &pg)) == STATUS_OK) {
		cap_close(cap_raw(pg));
		n++;
	}
	EXPECT_STATUS(s, STATUS_QUOTA_EXCEEDED);
	EXPECT(n >= 1 && n < QUOTA_PROBE_MAX);
	if (n >= 1) {
		EXPECT_OK(signal_session_free_context(small, c[n - 1]));
		cap_close(cap_raw(c[n - 1]));
		if (EXPECT_OK(signal_session_alloc_context(small, 0, &c[n - 1], &pg)))
			cap_close(cap_raw(pg));
	}
	/* an upgrade through the parent pays for exactly that many more */
	unsigned more = 0;
	if (EXPECT_OK(env_upgrade(env, cap_raw(small),
	                          UPGRADE_CONTEXTS * SIGNAL_SESSION_CONTEXT_COST))) {
		while (n + more < QUOTA_PROBE_MAX &&
		       (s = signal_session_alloc_context(small, n + more, &c[n + more], &pg)) ==
		               STATUS_OK) {
			cap_close(cap_raw(pg));
			more++;
		}
		EXPECT_STATUS(s, STATUS_QUOTA_EXCEEDED);
		EXPECT(more == UPGRADE_CONTEXTS);
		log_print("upgrade: %u more contexts", more);
	}
	n += more;
	/* the close takes back whatever the session still holds */
	EXPECT_OK(parent_close(env_parent(env), cap_raw(small)));
	cap_close(cap_raw(small));
	for (unsigned i = 0; i < n; i++)
		cap_close(cap_raw(c[i]));
	return n;
}

void
test_close_releases(struct env *env, signal_session_cap_t own, struct signal_receiver *r)
{
	signal_session_cap_t spare;
	signal_context_cap_t c[HELD];
	unsigned n = 0;
	if (!EXPECT_OK(spare_session_open(env, "spare", 4096, &spare)))
		return;
	signal_page_cap_t pg;
	while (n < HELD && EXPECT_OK(signal_session_alloc_context(spare, n, &c[n], &pg))) {
		cap_close(cap_raw(pg));
		n++;
	}
	log_print("holding %u contexts in session spare", n);
	EXPECT(idle_wait(r, 1500)); /* the run script asks core for its accounting */
	EXPECT_OK(parent_close(env_parent(env), cap_raw(spare)));
	cap_close(cap_raw(spare));
	for (unsigned i = 0; i < n; i++) {
		/* core forgot them: no submit through core reaches them any more */
		EXPECT_STATUS(signal_session_submit(own, c[i], 1), STATUS_INVALID_ARGS);
		cap_close(cap_raw(c[i]));
	}
	log_print("session spare closed, its %u contexts are gone at core", n);
	EXPECT(idle_wait(r, 1500));
}

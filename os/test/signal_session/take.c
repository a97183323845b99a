/*
 * \brief  test-signal_session: core's count of a context and its fetch
 *
 * The generic contract (doc/signals.md): core counts the submits of a
 * context, saturating at SIGNAL_COUNT_MAX, and the owner fetches the count
 * with take, which leaves 0. A platform's fast path (base-linux: a local
 * write to the eventfd) adds to the same count.
 */

#include <base/internal/signal_count.h>
#include <base/log.h>
#include <test/expect.h>

#include "test_signal_session.h"

/* take c's count through s; expect st and, if STATUS_OK, num */
static bool
take_is(signal_session_cap_t s, signal_context_cap_t c, status_t st, unsigned num)
{
	uint32_t got = 1;
	status_t r = signal_session_take(s, c, &got);
	return EXPECT_STATUS(r, st) && (st != STATUS_OK || EXPECT(got == num));
}

void
test_take(signal_session_cap_t own, signal_session_cap_t other)
{
	signal_context_cap_t c;
	signal_page_cap_t pg;
	if (!EXPECT_OK(signal_session_alloc_context(own, 5, &c, &pg)))
		return;
	cap_close(cap_raw(pg));
	take_is(own, c, STATUS_OK, 0);
	EXPECT_OK(signal_session_submit(own, c, 7));
	EXPECT_OK(signal_session_submit(other, c, 5)); /* any session may submit */
	take_is(own, c, STATUS_OK, 12);
	take_is(own, c, STATUS_OK, 0);

	EXPECT_OK(signal_submit(c, 4)); /* the platform's way, if it has a faster one */
	EXPECT_OK(signal_session_submit(own, c, 1));
	take_is(own, c, STATUS_OK, 5);

	/* saturated, not wrapped (UINT_MAX + UINT_MAX + 9) and not refused */
	EXPECT_OK(signal_session_submit(own, c, SIGNAL_COUNT_MAX));
	EXPECT_OK(signal_session_submit(own, c, SIGNAL_COUNT_MAX));
	EXPECT_OK(signal_submit(c, 9));
	take_is(own, c, STATUS_OK, SIGNAL_COUNT_MAX);
	take_is(own, c, STATUS_OK, 0);

	/* only the owner takes: another session would steal its counts */
	EXPECT_OK(signal_session_submit(own, c, 2));
	take_is(other, c, STATUS_DENIED, 0);
	take_is(own, c, STATUS_OK, 2);

	EXPECT_OK(signal_session_free_context(own, c));
	take_is(own, c, STATUS_INVALID_ARGS, 0);
	cap_close(cap_raw(c));
	log_print("take: through core 7 + 5 = 12, with the fast path 4 + 1 = 5, "
	          "saturated at %u, foreign take refused",
	          SIGNAL_COUNT_MAX);
}

/*
 * The page of a context (base-linux: its count page) goes to any session
 * that names the context, as a submit does: holding the capability is the
 * authority. A platform that shares none answers the same for both.
 */
void
test_page(signal_session_cap_t own, signal_session_cap_t other)
{
	signal_context_cap_t c;
	signal_page_cap_t pg, copy;
	if (!EXPECT_OK(signal_session_alloc_context(own, 6, &c, &pg)))
		return;
	status_t mine = signal_session_page(own, c, &copy);
	if (mine == STATUS_OK)
		cap_close(cap_raw(copy));
	status_t theirs = signal_session_page(other, c, &copy);
	if (theirs == STATUS_OK)
		cap_close(cap_raw(copy));
	EXPECT(mine == theirs && (mine == STATUS_OK) == cap_valid(cap_raw(pg)));
	EXPECT(mine == STATUS_OK || mine == STATUS_UNAVAILABLE);
	/* a capability that is no context, and a context freed */
	EXPECT_STATUS(
	        signal_session_page(own, CAP_TYPED(signal_context_cap_t, cap_raw(other)), &copy),
	        STATUS_INVALID_ARGS);
	EXPECT_OK(signal_session_free_context(own, c));
	EXPECT_STATUS(signal_session_page(other, c, &copy), STATUS_INVALID_ARGS);
	cap_close(cap_raw(c));
	cap_close(cap_raw(pg));
	log_print("page: %s to any session, refused for no context and after the free",
	          mine == STATUS_OK ? "handed out" : "none on this platform");
}

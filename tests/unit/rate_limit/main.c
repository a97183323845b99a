/*
 * \brief  Unit test: a burst of refusal lines per interval and the count of the rest
 *
 * Time is passed in (microseconds), so the cases are exact: the burst is
 * admitted, the rest counted, the count reported once when the next
 * window opens or at a flush, and never twice.
 */

#include <util/rate_limit.h>

#include "../../harness/harness.h"

enum { SEC = RATE_LIMIT_INTERVAL_US };

/* admit n lines at now; returns how many were admitted */
static unsigned
admit_n(struct rate_limit *r, unsigned n, uint64_t now)
{
	unsigned admitted = 0;
	for (unsigned i = 0; i < n; i++) {
		struct rate_limit_summary s;
		admitted += rate_limit_admit(r, now, &s);
		CHECK_EQ(s.suppressed, 0); /* within one window: nothing to report */
	}
	return admitted;
}

static void
burst_then_suppressed(void)
{
	struct rate_limit r = {0};
	CHECK_EQ(admit_n(&r, 40000, 5 * SEC), RATE_LIMIT_BURST);
	CHECK_EQ(r.suppressed, 40000 - RATE_LIMIT_BURST);
}

static void
summary_at_next_window(void)
{
	struct rate_limit r = {0};
	struct rate_limit_summary s;
	admit_n(&r, 25, 0);
	/* just before the interval ends: still suppressed, no summary */
	CHECK(!rate_limit_admit(&r, SEC - 1, &s));
	CHECK_EQ(s.suppressed, 0);
	/* the first line after it: the summary of the 16 held back, then the line */
	CHECK(rate_limit_admit(&r, SEC + SEC / 2, &s));
	CHECK_EQ(s.suppressed, 25 + 1 - RATE_LIMIT_BURST);
	CHECK_EQ(s.span_us, SEC + SEC / 2);
	/* reported once: the new window starts clean */
	CHECK_EQ(admit_n(&r, RATE_LIMIT_BURST - 1, SEC + SEC / 2), RATE_LIMIT_BURST - 1);
	CHECK(!rate_limit_admit(&r, SEC + SEC / 2, &s));
	CHECK_EQ(s.suppressed, 0);
}

static void
quiet_client_flushed(void)
{
	struct rate_limit r = {0};
	admit_n(&r, 100, 7 * SEC);
	struct rate_limit_summary s = rate_limit_flush(&r, 7 * SEC + 300);
	CHECK_EQ(s.suppressed, 100 - RATE_LIMIT_BURST);
	CHECK_EQ(s.span_us, 300);
	s = rate_limit_flush(&r, 9 * SEC);
	CHECK_EQ(s.suppressed, 0); /* never twice */
}

/* the periodic check reports an ended window once, and nothing of a running one */
static void
tick_reports_ended_window(void)
{
	struct rate_limit r = {0};
	admit_n(&r, 30, 2 * SEC);
	CHECK_EQ(rate_limit_tick(&r, 2 * SEC + SEC / 2).suppressed, 0);
	struct rate_limit_summary s = rate_limit_tick(&r, 3 * SEC);
	CHECK_EQ(s.suppressed, 30 - RATE_LIMIT_BURST);
	CHECK_EQ(s.span_us, SEC);
	CHECK_EQ(rate_limit_tick(&r, 4 * SEC).suppressed, 0);
	/* the next line opens a new window with a full burst and no second summary */
	struct rate_limit_summary again;
	CHECK(rate_limit_admit(&r, 4 * SEC, &again));
	CHECK_EQ(again.suppressed, 0);
}

static void
nothing_to_report(void)
{
	struct rate_limit r = {0};
	struct rate_limit_summary s;
	admit_n(&r, RATE_LIMIT_BURST, 0);
	CHECK(rate_limit_admit(&r, 3 * SEC, &s));
	CHECK_EQ(s.suppressed, 0);
	CHECK_EQ(rate_limit_flush(&r, 4 * SEC).suppressed, 0);
}

static void
clock_backwards(void)
{
	struct rate_limit r = {0};
	struct rate_limit_summary s;
	admit_n(&r, 20, 10 * SEC);
	/* a clock that went back opens a new window instead of freezing this one */
	CHECK(rate_limit_admit(&r, 2 * SEC, &s));
	CHECK_EQ(s.suppressed, 20 - RATE_LIMIT_BURST);
	CHECK_EQ(s.span_us, 0);
}

TEST_MAIN(TEST_CASE(burst_then_suppressed), TEST_CASE(summary_at_next_window),
          TEST_CASE(quiet_client_flushed), TEST_CASE(tick_reports_ended_window),
          TEST_CASE(nothing_to_report), TEST_CASE(clock_backwards))

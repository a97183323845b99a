/*
 * \brief  A burst of lines per interval, and a count of what was held back
 *
 * A client that makes a server refuse it 40,000 times a second must not
 * get 40,000 console lines: they would bury everyone else's and cost the
 * server the time to write them. Each client's state (a struct rate_limit
 * in its session or child record, paid with it) admits a burst of lines
 * per interval and counts the rest, so that a summary can say how many
 * were suppressed. The interval is a fixed window that starts at the
 * first line after the previous one ended. Time is passed in, so the
 * logic is the same on every platform and testable without waiting.
 */

#ifndef _INCLUDE__UTIL__RATE_LIMIT_H_
#define _INCLUDE__UTIL__RATE_LIMIT_H_

#include <stdbool.h>
#include <stdint.h>

enum {
	RATE_LIMIT_BURST = 10,             /* lines per client and interval */
	RATE_LIMIT_INTERVAL_US = 1000000u, /* 1 s */
};

struct rate_limit {
	uint64_t window_start_us; /* when the current window began */
	uint32_t admitted;        /* lines admitted in it */
	uint64_t suppressed;      /* lines held back in it */
};

/* what a window that ended held back, for the summary line */
struct rate_limit_summary {
	uint64_t suppressed; /* 0: nothing to report */
	uint64_t span_us;    /* from the window's start to the moment of the report */
};

/*
 * May one more line be written at now_us? If a window with suppressed
 * lines ended before now_us, *summary reports it (write the summary
 * first, then the line if admitted).
 */
bool rate_limit_admit(struct rate_limit *r, uint64_t now_us, struct rate_limit_summary *summary);

/*
 * For a periodic check: if the window ended and held lines back, report
 * and forget them (the summary of a client that went quiet); else report
 * nothing
 */
struct rate_limit_summary rate_limit_tick(struct rate_limit *r, uint64_t now_us);

/* report and forget what the current window held back (at the client's end) */
struct rate_limit_summary rate_limit_flush(struct rate_limit *r, uint64_t now_us);

#endif /* _INCLUDE__UTIL__RATE_LIMIT_H_ */

/*
 * \brief  A burst of lines per interval (see util/rate_limit.h)
 */

#include <util/rate_limit.h>

struct rate_limit_summary
rate_limit_flush(struct rate_limit *r, uint64_t now_us)
{
	struct rate_limit_summary s = {r->suppressed, 0};
	/* a clock that went backwards reports an empty span, never a huge one */
	if (now_us > r->window_start_us)
		s.span_us = now_us - r->window_start_us;
	r->suppressed = 0;
	return s;
}

struct rate_limit_summary
rate_limit_tick(struct rate_limit *r, uint64_t now_us)
{
	bool over = now_us < r->window_start_us ||
	            now_us - r->window_start_us >= RATE_LIMIT_INTERVAL_US;
	if (!r->suppressed || !over)
		return (struct rate_limit_summary){0, 0};
	return rate_limit_flush(r, now_us);
}

bool
rate_limit_admit(struct rate_limit *r, uint64_t now_us, struct rate_limit_summary *summary)
{
	*summary = (struct rate_limit_summary){0, 0};
	bool fresh = r->admitted == 0 && r->suppressed == 0;
	if (fresh || now_us < r->window_start_us ||
	    now_us - r->window_start_us >= RATE_LIMIT_INTERVAL_US) {
		*summary = rate_limit_flush(r, now_us);
		r->window_start_us = now_us;
		r->admitted = 0;
	}
	if (r->admitted < RATE_LIMIT_BURST) {
		r->admitted++;
		return true;
	}
	r->suppressed++;
	return false;
}

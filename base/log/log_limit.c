/*
 * \brief  Rate-limited refusal lines of a client (see base/log.h)
 */

#include <base/internal/futex.h>
#include <base/log.h>

static void
summary_print(const char *label, struct rate_limit_summary s)
{
	if (!s.suppressed)
		return;
	/* rounded up: "in the last 0 s" would read as nothing */
	unsigned long long secs = (s.span_us + 999999u) / 1000000u;
	log_warning("%llu more refusals for \"%s\" suppressed in the last %llu s",
	            (unsigned long long)s.suppressed, label, secs ? secs : 1);
}

bool
log_limit_admit(struct rate_limit *r, const char *label)
{
	struct rate_limit_summary s;
	bool admitted = rate_limit_admit(r, platform_time_us(), &s);
	summary_print(label, s);
	return admitted;
}

void
log_limit_flush(struct rate_limit *r, const char *label)
{
	summary_print(label, rate_limit_flush(r, platform_time_us()));
}

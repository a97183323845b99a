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
	unsigned long long ms = s.span_us / 1000u;
	log_warning("%llu more refusals for \"%s\" suppressed in the last %llu.%03llu s",
	            (unsigned long long)s.suppressed, label, ms / 1000u, ms % 1000u);
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
log_limit_tick(struct rate_limit *r, const char *label)
{
	summary_print(label, rate_limit_tick(r, platform_time_us()));
}

void
log_limit_flush(struct rate_limit *r, const char *label)
{
	summary_print(label, rate_limit_flush(r, platform_time_us()));
}

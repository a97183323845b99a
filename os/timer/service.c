/*
 * \brief  The Timer service: one alarm for all sessions, opening and closing
 *
 * The platform alarm always stands at the earliest deadline of the
 * schedule. When it goes off (on the entrypoint's thread, between RPC
 * calls), every alarm whose deadline passed fires, and the platform alarm
 * moves on to the next one.
 */

#include <base/entrypoint.h>
#include <timer/platform.h>
#include <timer_session/server.h>

#include "service.h"

uint64_t
timer_service_elapsed_us(struct timer_service *svc)
{
	return timer_platform_now_us(svc->platform) - svc->start_us;
}

void
timer_service_reprogram(struct timer_service *svc)
{
	struct timer_alarm *first = timer_schedule_first(&svc->schedule);
	/* deadlines count from start_us, the platform's clock from its own origin */
	uint64_t want = first ? svc->start_us + first->deadline_us : TIMER_PLATFORM_NEVER;

	if (want == svc->programmed_us)
		return;
	svc->programmed_us = want;
	timer_platform_program(svc->platform, want);
}

/*
 * The clock again for an alarm not due at now: replies take time, and
 * deadlines that passed meanwhile are served at once instead of after
 * another trip through the platform alarm (settime, wake-up, read). Only
 * within TIMER_PERIOD_MIN_US of the start: a sleep fires once, a period
 * comes back at least TIMER_PERIOD_MIN_US after its last deadline, so
 * every alarm fires at most twice in that window and once more after it,
 * and an overloaded server still ends the expiry and serves its calls.
 */
static bool
timer_service_due(struct timer_service *svc, const struct timer_alarm *a, uint64_t start,
                  uint64_t *now)
{
	if (a->deadline_us <= *now)
		return true;
	if (*now - start >= TIMER_PERIOD_MIN_US)
		return false;
	*now = timer_service_elapsed_us(svc);
	return a->deadline_us <= *now;
}

/* the platform alarm went off: fire every alarm that is due */
static void
timer_service_expired(void *arg)
{
	struct timer_service *svc = arg;
	uint64_t start = timer_service_elapsed_us(svc), now = start;
	struct timer_alarm *a;

	/* programmed_us no longer holds: the alarm went off */
	svc->programmed_us = TIMER_PLATFORM_NEVER;
	while ((a = timer_schedule_first(&svc->schedule)) &&
	       timer_service_due(svc, a, start, &now)) {
		timer_schedule_remove(&svc->schedule, a);
		timer_service_alarm_fire(a, now);
	}
	timer_service_reprogram(svc);
}

status_t
timer_service_init(struct timer_service *svc, struct entrypoint *ep)
{
	svc->ep = ep;
	timer_schedule_init(&svc->schedule);
	svc->programmed_us = TIMER_PLATFORM_NEVER;
	status_t s = timer_platform_create(ep, timer_service_expired, svc, &svc->platform);
	if (s != STATUS_OK)
		return s;
	svc->start_us = timer_platform_now_us(svc->platform);
	return STATUS_OK;
}

static void
timer_alarm_init(struct timer_alarm *a, enum timer_alarm_kind kind, struct timer_service_session *s)
{
	avl_node_init(&a->node);
	a->deadline_us = 0;
	a->seq = 0;
	a->period_us = 0;
	a->kind = kind;
	a->session = s;
}

status_t
timer_service_session_open(struct timer_service *svc, struct timer_service_session *s,
                           timer_session_cap_t *cap)
{
	s->rpc = (struct rpc_object){0};
	s->service = svc;
	s->sigh = CAP_TYPED(signal_context_cap_t, cap_invalid());
	s->wake = cap_invalid();
	s->wake_none = false;
	s->wake_due_us = 0;
	timer_alarm_init(&s->sleep, TIMER_ALARM_SLEEP, s);
	timer_alarm_init(&s->signal, TIMER_ALARM_SIGNAL, s);
	status_t st =
	        timer_session_manage(svc->ep, &s->rpc, &timer_service_session_ops, s, &s->cap);
	if (st != STATUS_OK)
		return st;
	*cap = s->cap;
	return STATUS_OK;
}

void
timer_service_session_close(struct timer_service_session *s)
{
	struct timer_service *svc = s->service;

	entrypoint_dissolve(svc->ep, &s->rpc);
	cap_close(cap_raw(s->cap));
	if (timer_alarm_armed(&s->sleep)) {
		/* the sleeper must not stay blocked forever on a closed session */
		(void)rpc_reply_send(&s->sleeper, STATUS_UNAVAILABLE, 0);
	}
	timer_schedule_remove(&svc->schedule, &s->sleep);
	timer_schedule_remove(&svc->schedule, &s->signal);
	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
	/* a sleeper on the wake-up keeps its own copy: it wakes at its time */
	if (cap_valid(s->wake))
		cap_close(s->wake);
	timer_service_reprogram(svc);
}

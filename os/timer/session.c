/*
 * \brief  The Timer session's RPC handlers and what its alarms do
 *
 * Handlers only arm or disarm the session's two alarms (and its
 * kernel-timed wake-up) and move the platform alarm; nothing blocks the
 * entrypoint. A sleeper's reply is
 * deferred and sent when its alarm fires, a timeout is a signal submit,
 * which never blocks either (doc/signals.md).
 */

#include <timer/platform.h>
#include <timer_session/server.h>

#include "service.h"

/* a sleeper or signal timeout is due: answer the sleeper, signal the client */
static void
timer_signal_fire(struct timer_service_session *s, uint64_t now_us)
{
	struct timer_alarm *a = &s->signal;
	unsigned count = 1;

	if (a->period_us) {
		/* periods missed while the server was late are counted, not lost */
		uint64_t missed = (now_us - a->deadline_us) / a->period_us;
		count += missed > 1000000u ? 1000000u : (unsigned)missed;
		timer_schedule_insert(&s->service->schedule, a,
		                      a->deadline_us + (missed + 1) * a->period_us);
	}
	if (!cap_valid(cap_raw(s->sigh)))
		return; /* Genode: a timeout without a handler passes unseen */
	if (signal_submit(s->sigh, count) == STATUS_INVALID_CAP) {
		/* not a signal context after all: stop signalling it */
		cap_close(cap_raw(s->sigh));
		s->sigh = CAP_TYPED_INVALID(signal_context_cap_t);
		timer_schedule_remove(&s->service->schedule, a);
	}
}

void
timer_service_alarm_fire(struct timer_alarm *alarm, uint64_t now_us)
{
	struct timer_service_session *s = alarm->session;

	if (alarm->kind == TIMER_ALARM_SLEEP)
		(void)timer_session_msleep_reply(&s->sleeper,
		                                 STATUS_OK); /* a gone client is fine */
	else
		timer_signal_fire(s, now_us);
}

static status_t
timer_msleep(void *ctx, struct rpc_call *call, uint32_t ms)
{
	struct timer_service_session *s = ctx;
	struct timer_service *svc = s->service;

	if (timer_alarm_armed(&s->sleep))
		return STATUS_CONFLICT; /* one sleeper per session */
	if (ms == 0)
		return STATUS_OK;
	if (rpc_reply_defer(call, &s->sleeper) != STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	uint64_t deadline = timer_service_elapsed_us(svc) + (uint64_t)ms * 1000u;
	timer_schedule_insert(&svc->schedule, &s->sleep, deadline);
	timer_service_reprogram(svc);
	return STATUS_OK;
}

static status_t
timer_elapsed_ms(void *ctx, struct rpc_call *call, uint64_t *ms)
{
	struct timer_service_session *s = ctx;

	*ms = timer_service_elapsed_us(s->service) / 1000u;
	return STATUS_OK;
}

static status_t
timer_elapsed_us(void *ctx, struct rpc_call *call, uint64_t *us)
{
	struct timer_service_session *s = ctx;

	*us = timer_service_elapsed_us(s->service);
	return STATUS_OK;
}

/* sigh is OWNED from here on: kept or closed */
static status_t
timer_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct timer_service_session *s = ctx;

	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
	s->sigh = sigh;
	return STATUS_OK;
}

/* arm the session's signal alarm; period 0 is one-shot */
static void
timer_signal_arm(struct timer_service_session *s, uint64_t us, uint64_t period_us)
{
	struct timer_service *svc = s->service;

	s->signal.period_us = period_us;
	timer_schedule_insert(&svc->schedule, &s->signal, timer_service_elapsed_us(svc) + us);
	timer_service_reprogram(svc);
}

static status_t
timer_trigger_once(void *ctx, struct rpc_call *call, uint64_t us)
{
	timer_signal_arm(ctx, us, 0);
	return STATUS_OK;
}

static status_t
timer_trigger_periodic(void *ctx, struct rpc_call *call, uint64_t us)
{
	struct timer_service_session *s = ctx;

	if (us == 0) {
		timer_schedule_remove(&s->service->schedule, &s->signal);
		timer_service_reprogram(s->service);
		return STATUS_OK;
	}
	if (us < TIMER_PERIOD_MIN_US)
		return STATUS_INVALID_ARGS;
	timer_signal_arm(s, us, us);
	return STATUS_OK;
}

/* the reply BORROWS the session's wake-up: the client gets a copy */
static status_t
timer_wake(void *ctx, struct rpc_call *call, timer_wake_cap_t *wake)
{
	struct timer_service_session *s = ctx;

	if (!cap_valid(s->wake) && !s->wake_none) {
		status_t st = timer_platform_wake_create(s->service->platform, &s->wake);
		if (st == STATUS_UNAVAILABLE)
			s->wake_none = true;
		else if (st != STATUS_OK)
			return st;
	}
	*wake = CAP_TYPED(timer_wake_cap_t, s->wake);
	return STATUS_OK;
}

/*
 * The deadline is in the platform's clock, which the client reads too.
 * The time it is armed for stays the session's until it has come, so a
 * second sleeper cannot move it.
 */
static status_t
timer_wake_arm(void *ctx, struct rpc_call *call, uint64_t deadline_us)
{
	struct timer_service_session *s = ctx;
	uint64_t now = timer_platform_now_us(s->service->platform);

	if (!cap_valid(s->wake))
		return STATUS_UNAVAILABLE;
	if (deadline_us > now + TIMER_SLEEP_MAX_US)
		return STATUS_INVALID_ARGS;
	if (s->wake_due_us > now)
		return STATUS_CONFLICT; /* another thread waits for it */
	s->wake_due_us = deadline_us;
	timer_platform_wake_arm(s->service->platform, s->wake, deadline_us);
	return STATUS_OK;
}

const struct timer_session_ops timer_service_session_ops = {
        .msleep = timer_msleep,
        .elapsed_ms = timer_elapsed_ms,
        .elapsed_us = timer_elapsed_us,
        .sigh = timer_sigh,
        .trigger_once = timer_trigger_once,
        .trigger_periodic = timer_trigger_periodic,
        .wake = timer_wake,
        .wake_arm = timer_wake_arm,
};

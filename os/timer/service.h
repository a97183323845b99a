/*
 * \brief  The Timer service without its root: sessions and deadlines
 *
 * One entrypoint serves every Timer session. All pending deadlines of all
 * sessions (sleepers waiting for their reply, signal timeouts) are alarms
 * in one tree ordered by deadline, and the platform's single alarm
 * (include/timer/platform.h) is programmed to the earliest of them. So
 * the server needs no thread per client, and a sleeping client costs a
 * deferred reply handle, not a blocked thread.
 *
 * The memory of a session (struct timer_service_session) comes from the
 * caller, who pays it from the client's donation: the service keeps
 * nothing per client anywhere else. The server (os/server/timer) keeps
 * the sessions in a root component (include/root/component.h), which
 * checks the donation and finds a session by capability; bench-timer
 * uses the service directly.
 */

#ifndef _OS__TIMER__SERVICE_H_
#define _OS__TIMER__SERVICE_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/rpc_server.h>
#include <base/signal.h>
#include <timer_session/rpc.h>
#include <util/avl.h>

struct timer_platform;
struct timer_service_session;

enum timer_alarm_kind { TIMER_ALARM_SLEEP, TIMER_ALARM_SIGNAL };

/* one pending deadline, linked into the service's schedule while armed */
struct timer_alarm {
	struct avl_node node;
	uint64_t deadline_us;
	uint64_t seq;       /* insertion order: equal deadlines stay unique keys */
	uint64_t period_us; /* 0: one-shot */
	enum timer_alarm_kind kind;
	struct timer_service_session *session;
};

/* every pending deadline, earliest first */
struct timer_schedule {
	struct avl_tree tree;
	uint64_t next_seq;
};

struct timer_service {
	struct entrypoint *ep;
	struct timer_platform *platform;
	struct timer_schedule schedule;
	uint64_t start_us;      /* the clock at start: elapsed time counts from here */
	uint64_t programmed_us; /* what the platform alarm is set to */
};

struct timer_service_session {
	struct rpc_object rpc;
	struct timer_service *service;
	timer_session_cap_t cap; /* OWNED; the client got a copy */
	struct timer_alarm sleep;
	struct rpc_reply_handle sleeper; /* valid while sleep is armed */
	struct timer_alarm signal;
	signal_context_cap_t sigh; /* OWNED, may be invalid */
	/* the kernel-timed wake-up (timer/platform.h), made at the first ask */
	cap_t wake;           /* OWNED; invalid: not yet asked for, or none */
	bool wake_none;       /* the platform has none: do not ask again */
	uint64_t wake_due_us; /* platform time it is armed for; 0: not armed */
};

/* the longest sleep, as msleep's range in the interface: one day */
#define TIMER_SLEEP_MAX_US (86400ull * 1000000u)

/* the shortest period of trigger_periodic: bounds the load one client causes */
#define TIMER_PERIOD_MIN_US 1000u

void timer_schedule_init(struct timer_schedule *sched);
void timer_schedule_insert(struct timer_schedule *sched, struct timer_alarm *alarm,
                           uint64_t deadline_us);
void timer_schedule_remove(struct timer_schedule *sched, struct timer_alarm *alarm);
struct timer_alarm *timer_schedule_first(const struct timer_schedule *sched);

static inline bool
timer_alarm_armed(const struct timer_alarm *alarm)
{
	return avl_node_linked(&alarm->node);
}

/* serve Timer sessions at ep; STATUS_OUT_OF_MEMORY */
status_t timer_service_init(struct timer_service *svc, struct entrypoint *ep);

/* the clock, microseconds since timer_service_init */
uint64_t timer_service_elapsed_us(struct timer_service *svc);

/* set the platform alarm to the earliest deadline, if it changed */
void timer_service_reprogram(struct timer_service *svc);

/*
 * Open a session in s (memory of the caller, paid from the client's
 * quota; it must stay until timer_service_session_close). *cap is
 * BORROWED from the session: hand out copies. STATUS_OUT_OF_MEMORY.
 */
status_t timer_service_session_open(struct timer_service *svc, struct timer_service_session *s,
                                    timer_session_cap_t *cap);

/*
 * Close s: a pending sleeper is answered STATUS_UNAVAILABLE, timeouts are
 * dropped, the signal capability is closed. s may be freed afterwards.
 */
void timer_service_session_close(struct timer_service_session *s);

/* the session RPC handlers (session.c) */
extern const struct timer_session_ops timer_service_session_ops;

/* an alarm's deadline passed (session.c): answer or signal it */
void timer_service_alarm_fire(struct timer_alarm *alarm, uint64_t now_us);

#endif /* _OS__TIMER__SERVICE_H_ */

/*
 * \brief  The kernel's clock and alarm, as the Timer server needs them
 *
 * The Timer server (os/server/timer) is generic: it keeps every client's
 * deadline in one ordered structure and needs only three things from the
 * kernel, which each base platform provides (Linux: base-linux/timer, a
 * timerfd watched by the entrypoint and CLOCK_MONOTONIC; a microkernel: a
 * timer interrupt or a timed IPC wait):
 *
 * - a monotonic clock in microseconds,
 * - one alarm that can be set to an absolute time of that clock,
 * - a call on the entrypoint's thread when the alarm went off, between
 *   the RPC calls the entrypoint dispatches, so the server needs no lock.
 */

#ifndef _INCLUDE__TIMER__PLATFORM_H_
#define _INCLUDE__TIMER__PLATFORM_H_

#include <stdint.h>

#include <base/capability.h>
#include <base/status.h>

struct entrypoint;
struct timer_platform;

/* "no alarm": timer_platform_program with this value disarms */
#define TIMER_PLATFORM_NEVER UINT64_MAX

/* called on the entrypoint's thread when the programmed time has come */
typedef void (*timer_platform_fn)(void *arg);

/*
 * Make the alarm of ep: fn(arg) is called on ep's thread after the
 * programmed time. STATUS_OUT_OF_MEMORY if the kernel objects or memory
 * are exhausted.
 */
status_t timer_platform_create(struct entrypoint *ep, timer_platform_fn fn, void *arg,
                               struct timer_platform **out);

/* disarm and free; on ep's thread or while ep does not dispatch */
void timer_platform_destroy(struct timer_platform *tp);

/* the monotonic clock, microseconds since an arbitrary fixed point */
uint64_t timer_platform_now_us(struct timer_platform *tp);

/*
 * Call fn once the clock reached deadline_us (absolute, same clock as
 * timer_platform_now_us), replacing the previous deadline. A deadline in
 * the past fires at once; TIMER_PLATFORM_NEVER disarms. fn may be called
 * early or for a deadline replaced meanwhile: the caller compares with the
 * clock instead of trusting the call.
 */
void timer_platform_program(struct timer_platform *tp, uint64_t deadline_us);

/*
 * A wake-up that the kernel itself delivers at a time the server sets,
 * for sleepers that block on it (include/timer_session/sleep.h): with
 * many clients, one server thread that sends every wake-up in turn makes
 * the last ones late. *out is a new capability, OWNED by the caller
 * (cap_close), whose copies the server hands to its client.
 * STATUS_UNAVAILABLE where the kernel has no such object (clients then
 * sleep in the msleep call), STATUS_OUT_OF_MEMORY.
 */
status_t timer_platform_wake_create(struct timer_platform *tp, cap_t *out);

/*
 * Let wake fire once the clock reached deadline_us (absolute, the clock
 * of timer_platform_now_us), replacing its earlier setting; a deadline in
 * the past fires at once. A client blocked on it then returns.
 */
void timer_platform_wake_arm(struct timer_platform *tp, cap_t wake, uint64_t deadline_us);

#endif /* _INCLUDE__TIMER__PLATFORM_H_ */

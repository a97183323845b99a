/*
 * \brief  Opening a Timer session through the parent
 */

#ifndef _INCLUDE__TIMER_SESSION__CONNECTION_H_
#define _INCLUDE__TIMER_SESSION__CONNECTION_H_

#include <parent/client.h>
#include <timer_session/client.h>

/* what a client donates per session (Genode's Timer::Connection: 8K) */
#define TIMER_SESSION_RAM_QUOTA "8K"

/* open a Timer session; *timer is OWNED by the caller */
static inline status_t
timer_connection_open(parent_cap_t parent, timer_session_cap_t *timer)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "Timer", "ram_quota=" TIMER_SESSION_RAM_QUOTA, &raw);
	*timer = CAP_TYPED(timer_session_cap_t, raw);
	return s;
}

/* close a session opened with timer_connection_open; CONSUMES timer */
static inline void
timer_connection_close(parent_cap_t parent, timer_session_cap_t timer)
{
	(void)parent_close(parent, cap_raw(timer));
	cap_close(cap_raw(timer));
}

#endif /* _INCLUDE__TIMER_SESSION__CONNECTION_H_ */

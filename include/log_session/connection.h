/*
 * \brief  Opening a LOG session through the parent
 */

#ifndef _INCLUDE__LOG_SESSION__CONNECTION_H_
#define _INCLUDE__LOG_SESSION__CONNECTION_H_

#include <log_session/client.h>
#include <parent/client.h>

/* what a client donates: covers the server's per-session metadata */
#define LOG_SESSION_ARGS "ram_quota=4K"

/* open a LOG session; *log is OWNED by the caller */
static inline status_t
log_connection_open(parent_cap_t parent, log_session_cap_t *log)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "LOG", LOG_SESSION_ARGS, &raw);
	*log = CAP_TYPED(log_session_cap_t, raw);
	return s;
}

#endif /* _INCLUDE__LOG_SESSION__CONNECTION_H_ */

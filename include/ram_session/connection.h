/*
 * \brief  Opening a RAM session through the parent
 */

#ifndef _INCLUDE__RAM_SESSION__CONNECTION_H_
#define _INCLUDE__RAM_SESSION__CONNECTION_H_

#include <parent/client.h>
#include <ram_session/client.h>

/* what a client donates: core's session object and the records of its dataspaces (~20 per 4K) */
#define RAM_SESSION_ARGS "ram_quota=64K"

/*
 * Open a new, empty RAM session; *ram is OWNED by the caller. It has no
 * quota until its reference account transfers some.
 */
static inline status_t
ram_connection_open(parent_cap_t parent, ram_session_cap_t *ram)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "RAM", RAM_SESSION_ARGS, &raw);
	*ram = CAP_TYPED(ram_session_cap_t, raw);
	return s;
}

/* the environment RAM session the parent made for us; *ram OWNED */
static inline status_t
ram_connection_env(parent_cap_t parent, ram_session_cap_t *ram)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "Env::ram_session", "", &raw);
	*ram = CAP_TYPED(ram_session_cap_t, raw);
	return s;
}

/* quota minus used; 0 if the session cannot be asked */
static inline uint64_t
ram_session_avail(ram_session_cap_t ram)
{
	uint64_t quota = 0, used = 0;
	if (ram_session_quota(ram, &quota) != STATUS_OK ||
	    ram_session_used(ram, &used) != STATUS_OK)
		return 0;
	return quota > used ? quota - used : 0;
}

#endif /* _INCLUDE__RAM_SESSION__CONNECTION_H_ */

/*
 * \brief  Opening a PD session through the parent
 */

#ifndef _INCLUDE__PD_SESSION__CONNECTION_H_
#define _INCLUDE__PD_SESSION__CONNECTION_H_

#include <parent/client.h>
#include <pd_session/client.h>
#include <pd_session/host_access.h>
#include <util/format.h>

/* what a client donates per session: covers core's metadata of one process */
#define PD_SESSION_RAM_QUOTA "8K"

/* the whole of what a parent may send: a label and a host_access reason fit */
enum { PD_SESSION_ARGS_MAX = PARENT_SESSION_ARGS_MAX + 1 };

/*
 * Open a PD session labeled label (the child's name); *pd is OWNED by the
 * caller. host_access (may be NULL): the reason top-level init's config
 * gives for the child's host access (pd_session/host_access.h); anyone
 * else's is stripped or refused on the way. STATUS_INVALID_ARGS if the
 * arguments do not fit.
 */
static inline status_t
pd_connection_open_host(parent_cap_t parent, const char *label, const char *host_access,
                        pd_session_cap_t *pd)
{
	char args[PD_SESSION_ARGS_MAX];
	cap_t raw = cap_invalid();
	size_t n = format_string(args, sizeof(args),
	                         "ram_quota=" PD_SESSION_RAM_QUOTA ", label=\"%s\"", label);
	if (host_access && n < sizeof(args))
		n += format_string(args + n, sizeof(args) - n, ", " PD_HOST_ACCESS_ARG "=\"%s\"",
		                   host_access);
	if (n >= sizeof(args))
		return STATUS_INVALID_ARGS;
	status_t s = parent_session(parent, "PD", args, &raw);
	*pd = CAP_TYPED(pd_session_cap_t, raw);
	return s;
}

/* open a PD session labeled label (the child's name); *pd is OWNED by the caller */
static inline status_t
pd_connection_open(parent_cap_t parent, const char *label, pd_session_cap_t *pd)
{
	return pd_connection_open_host(parent, label, 0, pd);
}

/* close the session (the process ends); CONSUMES pd */
static inline void
pd_connection_close(parent_cap_t parent, pd_session_cap_t pd)
{
	(void)parent_close(parent, cap_raw(pd));
	cap_close(cap_raw(pd));
}

#endif /* _INCLUDE__PD_SESSION__CONNECTION_H_ */

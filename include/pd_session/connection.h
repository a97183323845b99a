/*
 * \brief  Opening a PD session through the parent
 */

#ifndef _INCLUDE__PD_SESSION__CONNECTION_H_
#define _INCLUDE__PD_SESSION__CONNECTION_H_

#include <parent/client.h>
#include <pd_session/client.h>
#include <util/format.h>

/* what a client donates per session: covers core's metadata of one process */
#define PD_SESSION_RAM_QUOTA "8K"

enum { PD_SESSION_ARGS_MAX = 128 };

/* open a PD session labeled label (the child's name); *pd is OWNED by the caller */
static inline status_t
pd_connection_open(parent_cap_t parent, const char *label, pd_session_cap_t *pd)
{
	char args[PD_SESSION_ARGS_MAX];
	cap_t raw = cap_invalid();
	format_string(args, sizeof(args), "ram_quota=" PD_SESSION_RAM_QUOTA ", label=\"%s\"",
	              label);
	status_t s = parent_session(parent, "PD", args, &raw);
	*pd = CAP_TYPED(pd_session_cap_t, raw);
	return s;
}

/* close the session (the process ends); CONSUMES pd */
static inline void
pd_connection_close(parent_cap_t parent, pd_session_cap_t pd)
{
	(void)parent_close(parent, cap_raw(pd));
	cap_close(cap_raw(pd));
}

#endif /* _INCLUDE__PD_SESSION__CONNECTION_H_ */

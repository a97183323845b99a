/*
 * \brief  Opening a SIGNAL session through the parent
 *
 * Every component gets one as part of its environment (the framework's
 * start-up opens it); a component may open more, e.g. to keep a set of
 * contexts under a quota of its own.
 */

#ifndef _INCLUDE__SIGNAL_SESSION__CONNECTION_H_
#define _INCLUDE__SIGNAL_SESSION__CONNECTION_H_

#include <parent/client.h>
#include <signal_session/client.h>
#include <util/format.h>

/*
 * What core charges per context: its record of the context (a block of
 * core's heap: a node in core's tree of all contexts, the owner, the
 * count; 96 bytes on 64-bit machines, 64 on i386) and what the platform
 * keeps for it within the rest (GNU Mach, i386: its wake-port slot and
 * watch, 32 bytes; Linux: nothing, the eventfd is the kernel's). The
 * session's quota minus core's per-session state, divided by this, is how
 * many contexts it holds.
 */
#define SIGNAL_SESSION_CONTEXT_COST 96u

/* the environment's session: about 310 contexts at once */
#define SIGNAL_SESSION_ENV_QUOTA (32u * 1024)

enum { SIGNAL_SESSION_ARGS_MAX = 48 };

/* open a SIGNAL session donating ram_quota bytes; *signal is OWNED by the caller */
static inline status_t
signal_connection_open(parent_cap_t parent, uint32_t ram_quota, signal_session_cap_t *signal)
{
	char args[SIGNAL_SESSION_ARGS_MAX];
	cap_t raw = cap_invalid();
	format_string(args, sizeof(args), "ram_quota=%u", (unsigned)ram_quota);
	status_t s = parent_session(parent, "SIGNAL", args, &raw);
	*signal = CAP_TYPED(signal_session_cap_t, raw);
	return s;
}

#endif /* _INCLUDE__SIGNAL_SESSION__CONNECTION_H_ */

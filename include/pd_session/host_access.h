/*
 * \brief  The PD session argument that lets one process reach the host
 *
 * The one exception to the sandbox (doc/sandbox.md): top-level init puts
 * host_access="<reason>" into the PD session it opens for a child whose
 * <start> holds <host-access reason="..."/>. init strips the argument
 * from every session request it forwards for a child, and core honours it
 * only on a PD session of one of top-level init's own children; it logs
 * the reason at each start. What it grants is the platform's (Linux: the
 * host's X server for a dynamically linked SDL program).
 */

#ifndef _INCLUDE__PD_SESSION__HOST_ACCESS_H_
#define _INCLUDE__PD_SESSION__HOST_ACCESS_H_

#include <stdbool.h>
#include <stddef.h>

#define PD_HOST_ACCESS_ARG "host_access"

/*
 * characters of a reason, without NUL: with a child's name of up to 63
 * it fits into the 160 characters of a session request's arguments
 */
enum { PD_HOST_ACCESS_REASON_MAX = 56 };

/*
 * Whether reason can be logged on one line and quoted in a session
 * argument: 1 .. PD_HOST_ACCESS_REASON_MAX printable ASCII characters
 * other than the quote and the backslash
 */
static inline bool
pd_host_access_reason_valid(const char *reason)
{
	size_t n = 0;
	for (; reason[n]; n++)
		if (n == PD_HOST_ACCESS_REASON_MAX || reason[n] < 0x20 || reason[n] > 0x7e ||
		    reason[n] == '"' || reason[n] == '\\')
			return false;
	return n > 0;
}

#endif /* _INCLUDE__PD_SESSION__HOST_ACCESS_H_ */

/*
 * \brief  Opening a Hello session through the parent
 */

#ifndef _INCLUDE__HELLO_SESSION__CONNECTION_H_
#define _INCLUDE__HELLO_SESSION__CONNECTION_H_

#include <hello_session/client.h>
#include <parent/client.h>

/* open a Hello session; *hello is OWNED by the caller */
static inline status_t
hello_connection_open(parent_cap_t parent, hello_session_cap_t *hello)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "Hello", "ram_quota=4K", &raw);
	*hello = CAP_TYPED(hello_session_cap_t, raw);
	return s;
}

#endif /* _INCLUDE__HELLO_SESSION__CONNECTION_H_ */

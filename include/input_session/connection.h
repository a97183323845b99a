/*
 * \brief  Opening an Input session through the parent
 */

#ifndef _INCLUDE__INPUT_SESSION__CONNECTION_H_
#define _INCLUDE__INPUT_SESSION__CONNECTION_H_

#include <input_session/client.h>
#include <input_session/event.h>
#include <parent/client.h>

/* what a client donates per session: the server's state and the event buffer */
#define INPUT_SESSION_RAM_QUOTA "24K"

/* open an Input session; *input is OWNED by the caller */
static inline status_t
input_connection_open(parent_cap_t parent, input_session_cap_t *input)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "Input", "ram_quota=" INPUT_SESSION_RAM_QUOTA, &raw);
	*input = CAP_TYPED(input_session_cap_t, raw);
	return s;
}

/* close a session opened with input_connection_open; CONSUMES input */
static inline void
input_connection_close(parent_cap_t parent, input_session_cap_t input)
{
	(void)parent_close(parent, cap_raw(input));
	cap_close(cap_raw(input));
}

#endif /* _INCLUDE__INPUT_SESSION__CONNECTION_H_ */

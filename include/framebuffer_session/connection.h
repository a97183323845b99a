/*
 * \brief  Opening a Framebuffer session through the parent
 */

#ifndef _INCLUDE__FRAMEBUFFER_SESSION__CONNECTION_H_
#define _INCLUDE__FRAMEBUFFER_SESSION__CONNECTION_H_

#include <framebuffer_session/client.h>
#include <framebuffer_session/mode.h>
#include <parent/client.h>

/*
 * What a client donates per session: the server's session state. A
 * driver's buffer is the device's (or the driver's own); a server that
 * makes one per client (nitpicker, liquid_fb) asks for the buffer's size
 * on top, in the arguments the client adds.
 */
#define FRAMEBUFFER_SESSION_RAM_QUOTA "8K"

/* open a Framebuffer session; *fb is OWNED by the caller */
static inline status_t
framebuffer_connection_open(parent_cap_t parent, framebuffer_session_cap_t *fb)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(parent, "Framebuffer",
	                            "ram_quota=" FRAMEBUFFER_SESSION_RAM_QUOTA, &raw);
	*fb = CAP_TYPED(framebuffer_session_cap_t, raw);
	return s;
}

/* close a session opened with framebuffer_connection_open; CONSUMES fb */
static inline void
framebuffer_connection_close(parent_cap_t parent, framebuffer_session_cap_t fb)
{
	(void)parent_close(parent, cap_raw(fb));
	cap_close(cap_raw(fb));
}

#endif /* _INCLUDE__FRAMEBUFFER_SESSION__CONNECTION_H_ */

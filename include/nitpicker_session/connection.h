/*
 * \brief  Opening a Nitpicker session through the parent
 *
 * The client pays for everything nitpicker keeps for it: the session
 * state, NITPICKER_VIEW_RAM_QUOTA per view it will create and its virtual
 * framebuffer (w x h RGB565 pixels, plus one alpha byte per pixel with
 * alpha). nitpicker_connection_quota computes that donation.
 */

#ifndef _INCLUDE__NITPICKER_SESSION__CONNECTION_H_
#define _INCLUDE__NITPICKER_SESSION__CONNECTION_H_

#include <stdbool.h>

#include <framebuffer_session/mode.h>
#include <nitpicker_session/client.h>
#include <nitpicker_view/client.h>
#include <parent/client.h>
#include <util/format.h>

/*
 * What nitpicker keeps per session besides the buffer: the event buffer
 * of its input (INPUT_EVENT_MAX events, 12 KiB), the session state (some
 * 3 KiB: the object, its three RPC objects and capabilities) and the
 * rounding of the buffer to whole pages (< 4 KiB); and per view.
 */
enum { NITPICKER_SESSION_RAM_QUOTA = 24 * 1024, NITPICKER_VIEW_RAM_QUOTA = 1024 };

struct nitpicker_connection_args {
	unsigned fb_width, fb_height; /* 0: the screen's size (then pass its size for quota) */
	unsigned views;               /* views the client will create at most */
	bool alpha, stay_top;
};

/* the donation that covers a session with args */
static inline unsigned long
nitpicker_connection_quota(const struct nitpicker_connection_args *a)
{
	return NITPICKER_SESSION_RAM_QUOTA + (unsigned long)a->views * NITPICKER_VIEW_RAM_QUOTA +
	       framebuffer_buffer_bytes(a->fb_width, a->fb_height, FRAMEBUFFER_FORMAT_RGB565,
	                                a->alpha);
}

/* open a Nitpicker session; *s is OWNED by the caller */
static inline status_t
nitpicker_connection_open(parent_cap_t parent, const struct nitpicker_connection_args *a,
                          nitpicker_session_cap_t *s)
{
	char args[160];
	cap_t raw = cap_invalid();

	format_string(args, sizeof(args), "ram_quota=%lu, fb_width=%u, fb_height=%u%s%s",
	              nitpicker_connection_quota(a), a->fb_width, a->fb_height,
	              a->alpha ? ", alpha=yes" : "", a->stay_top ? ", stay_top=yes" : "");
	status_t st = parent_session(parent, "Nitpicker", args, &raw);
	*s = CAP_TYPED(nitpicker_session_cap_t, raw);
	return st;
}

/* close a session opened with nitpicker_connection_open; CONSUMES s */
static inline void
nitpicker_connection_close(parent_cap_t parent, nitpicker_session_cap_t s)
{
	(void)parent_close(parent, cap_raw(s));
	cap_close(cap_raw(s));
}

#endif /* _INCLUDE__NITPICKER_SESSION__CONNECTION_H_ */

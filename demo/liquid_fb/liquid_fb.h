/*
 * \brief  liquid_fb: Framebuffer and Input inside a movable nitpicker window
 *
 * Toward its client liquid_fb is a driver: the Framebuffer service and
 * its buffer are the fb_driver library's (width x height of the config,
 * liquid_fb's own RAM allocated at start, like a device buffer, so it
 * costs the client nothing; one client; refreshes clipped), the Input
 * service is input_server's (one client; the queue and event buffer paid
 * by the session's donation). Its "device" is a window: a refresh copies
 * the rectangle into the window's client area of liquid_fb's nitpicker
 * buffer, below the title bar, and refreshes nitpicker there; nitpicker's
 * events in the client area become the client's input. The client never
 * sees liquid_fb's nitpicker buffer, so it cannot draw the decoration.
 */

#ifndef _DEMO__LIQUID_FB__LIQUID_FB_H_
#define _DEMO__LIQUID_FB__LIQUID_FB_H_

#include <os/fb_driver.h>
#include <os/input_server.h>

#include "../lib/nit_client/nit_client.h"
#include "route.h"

struct liquid_fb {
	struct env *env;
	struct nit_client nit;     /* the window's session; its buffer holds the decoration */
	struct fb_driver fb;       /* the client's framebuffer and its service */
	struct input_server input; /* the client's input */
	struct gfx_surface client; /* over fb's buffer */
	struct liquid_fb_route route;
	nitpicker_view_cap_t view; /* OWNED */
	struct gfx_font font;
	bool have_font;
};

#endif /* _DEMO__LIQUID_FB__LIQUID_FB_H_ */

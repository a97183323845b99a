/*
 * \brief  liquid_fb: Framebuffer and Input inside a movable nitpicker window
 *
 * The client's framebuffer is liquid_fb's own RAM (width x height of the
 * config, allocated at start like a driver's device buffer, so it costs
 * the client nothing); a refresh copies the rectangle into the window's
 * client area of liquid_fb's nitpicker buffer, below the title bar, and
 * refreshes nitpicker there. The client cannot draw the decoration: it
 * never sees liquid_fb's nitpicker buffer. Both services take one client
 * at a time (a nested nitpicker, typically).
 */

#ifndef _DEMO__LIQUID_FB__LIQUID_FB_H_
#define _DEMO__LIQUID_FB__LIQUID_FB_H_

#include <base/env.h>
#include <dataspace/rpc.h>
#include <gfx/surface.h>
#include <input_session/event.h>

#include "../lib/nit_client/nit_client.h"

struct liquid_fb {
	struct env *env;
	struct nit_client nit;     /* the window's session; its buffer holds the decoration */
	struct gfx_surface client; /* the client's framebuffer */
	dataspace_cap_t client_ds; /* OWNED: the client's framebuffer, handed out as copies */
	int client_x, client_y;    /* where the client area lies in the nitpicker buffer */
};

extern struct liquid_fb liquid_fb;

/* announce "Framebuffer" and "Input"; false (logged) on failure */
bool liquid_fb_framebuffer_start(struct env *env);
bool liquid_fb_input_start(struct env *env);

/* copy the rectangle of the client's framebuffer to the window and show it */
void liquid_fb_show(int x, int y, int w, int h);

/* queue ev (client coordinates) for the Input client, if there is one */
void liquid_fb_input_submit(const struct input_event *ev);

#endif /* _DEMO__LIQUID_FB__LIQUID_FB_H_ */

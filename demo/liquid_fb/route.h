/*
 * \brief  liquid_fb's input routing, without RPC or drawing
 *
 * Events from nitpicker carry screen coordinates. A left press on the
 * title bar starts a drag of the window (the client sees nothing of it);
 * a press in the client area starts a grab: until every button is up
 * again, pointer events go to the client even outside the window (so a
 * nested nitpicker sees the release of a drag that left the window).
 * Pointer events are translated to the client's framebuffer coordinates;
 * keys go to the client as they are (nitpicker sends them only while
 * liquid_fb has the focus).
 */

#ifndef _DEMO__LIQUID_FB__ROUTE_H_
#define _DEMO__LIQUID_FB__ROUTE_H_

#include <stdbool.h>

#include <input_session/event.h>

#include "../lib/window/window.h"

struct liquid_fb_route {
	struct window win;
	struct window_drag drag;
	unsigned buttons_in_client; /* buttons pressed in the client area and not released */
};

enum liquid_fb_verdict {
	LIQUID_FB_DROP,    /* nothing for the client */
	LIQUID_FB_FORWARD, /* *out goes to the client */
	LIQUID_FB_RAISE,   /* raise the window; nothing for the client */
	LIQUID_FB_MOVE,    /* the window moved (win is updated) */
	LIQUID_FB_DROPPED, /* the drag of the title bar ended; nothing for the client */
};

enum liquid_fb_verdict liquid_fb_route_event(struct liquid_fb_route *r,
                                             const struct input_event *ev, struct input_event *out);

#endif /* _DEMO__LIQUID_FB__ROUTE_H_ */

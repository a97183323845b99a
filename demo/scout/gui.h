/*
 * \brief  scout's window: a Nitpicker session with one view
 *
 * The session's virtual framebuffer is exactly the window's size, so the
 * buffer scout donates for is no larger than what it shows; the view
 * shows all of it at the window's place.
 */

#ifndef _DEMO__SCOUT__GUI_H_
#define _DEMO__SCOUT__GUI_H_

#include <base/env.h>
#include <framebuffer_session/client.h>
#include <gfx/surface.h>
#include <input_session/client.h>
#include <input_session/event.h>
#include <nitpicker_session/connection.h>

struct scout_gui {
	nitpicker_session_cap_t session;  /* OWNED */
	framebuffer_session_cap_t fb;     /* OWNED */
	input_session_cap_t input;        /* OWNED */
	nitpicker_view_cap_t view;        /* OWNED */
	struct gfx_surface surface;       /* over the mapped buffer */
	const struct input_event *events; /* the mapped event buffer */
	int x, y, w, h;
};

/* open the session and show a w x h window at (x, y) titled title; logged on failure */
status_t scout_gui_open(struct env *env, struct scout_gui *g, int x, int y, int w, int h,
                        const char *title);

/* show what was drawn into r of the buffer */
void scout_gui_refresh(struct scout_gui *g, struct gfx_rect r);

/* the title nitpicker shows in X-ray mode (cut to its 63 bytes) */
void scout_gui_title(struct scout_gui *g, const char *title);

/* move the window to (x, y) of the screen */
void scout_gui_move(struct scout_gui *g, int x, int y);

/* the events waiting, moved to g->events; their count */
unsigned scout_gui_flush(struct scout_gui *g);

#endif /* _DEMO__SCOUT__GUI_H_ */

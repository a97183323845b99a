/*
 * \brief  launchpad's window: a nitpicker view onto a buffer it draws into
 */

#ifndef _DEMO__LAUNCHPAD__WINDOW_H_
#define _DEMO__LAUNCHPAD__WINDOW_H_

#include <base/env.h>
#include <framebuffer_session/client.h>
#include <gfx/font.h>
#include <input_session/connection.h>
#include <nitpicker_session/connection.h>

#include "model/layout.h"

struct launchpad_window {
	nitpicker_session_cap_t session; /* OWNED */
	framebuffer_session_cap_t fb;    /* BORROWED from the session */
	input_session_cap_t input;       /* BORROWED from the session */
	nitpicker_view_cap_t view;       /* OWNED */
	struct gfx_surface surface;      /* over the mapped buffer */
	struct gfx_font font;            /* over the mapped font module */
	struct launchpad_layout layout;
	int x, y, shown_h;                /* the view on the screen */
	const struct input_event *events; /* the mapped event buffer */
};

/*
 * Open the session (a buffer for every launcher running), map the buffer,
 * the event buffer and the font module font_rom, create the view to
 * show at (x, y) of the screen;
 * false (logged) on failure
 */
bool launchpad_window_open(struct launchpad_window *w, struct env *env, const char *font_rom,
                           unsigned launchers, int x, int y);

/* draw m into the buffer, fit the view to its height and refresh */
void launchpad_window_draw(struct launchpad_window *w, const struct launchpad_model *m);

#endif /* _DEMO__LAUNCHPAD__WINDOW_H_ */

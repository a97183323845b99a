/*
 * \brief  test-launchpad_clicker: a fake Nitpicker that clicks launchpad's window
 *
 * Test code. It serves one Nitpicker session (buffer, input, one view)
 * without a screen, and plays a user: after each refresh of launchpad's
 * window it reads the window's pixels and clicks where launchpad's layout
 * (demo/launchpad/model/layout.h, for the font launchpad uses) puts a
 * launcher's name, its quota bar or a kill button, once what it saw says
 * the last click took effect.
 */

#ifndef _DEMO__TEST__LAUNCHPAD_CLICKER__CLICKER_H_
#define _DEMO__TEST__LAUNCHPAD_CLICKER__CLICKER_H_

#include <base/env.h>
#include <base/signal.h>
#include <framebuffer_session/mode.h>
#include <framebuffer_session/server.h>
#include <input_session/event.h>
#include <input_session/server.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <root/component.h>

#include "../../launchpad/model/layout.h"

enum { CLICKER_QUEUE_MAX = 8 };

struct clicker_session {
	struct root_session base;
	struct rpc_object session_rpc, fb_rpc, input_rpc, view_rpc;
	framebuffer_session_cap_t fb; /* OWNED */
	input_session_cap_t input;    /* OWNED */
	nitpicker_view_cap_t view;    /* OWNED; one view only */
	bool view_made;
	dataspace_cap_t fb_ds, input_ds; /* OWNED, from our RAM: the client's donation */
	uint16_t *pixels;
	struct input_event *events;
	unsigned w, h;
	struct input_event queue[CLICKER_QUEUE_MAX];
	unsigned queued;
	signal_context_cap_t sigh; /* OWNED, invalid until the client sets it */
	int view_x, view_y, view_w, view_h;
};

/* the session's objects, at create (session.c) */
status_t clicker_session_setup(struct clicker_session *s, struct env *env, unsigned w, unsigned h);
void clicker_session_teardown(struct clicker_session *s, struct env *env);

/* queue a press and release of the left button at window point (x, y), and signal */
void clicker_click(struct clicker_session *s, int x, int y);

/* the client refreshed its buffer: look and go on with the script (script.c) */
void clicker_script_refreshed(struct clicker_session *s);

/* the layout launchpad uses, and its launcher count (script.c) */
void clicker_script_init(struct launchpad_layout layout, unsigned launchers);

#endif /* _DEMO__TEST__LAUNCHPAD_CLICKER__CLICKER_H_ */

/*
 * \brief  testnit's reaction to input, without RPC or drawing
 *
 * A press of the left button raises the window under the pointer (and
 * starts a drag on its title bar), motion moves a dragged window, other
 * presses are keys reported for the top window, focus events are
 * reported as such. The caller carries the action out (nitpicker calls,
 * log lines); tests feed events and check the actions.
 */

#ifndef _DEMO__TESTNIT__UI_H_
#define _DEMO__TESTNIT__UI_H_

#include <input_session/event.h>

#include "../lib/window/window.h"

enum { TESTNIT_WINDOWS = 3 };

struct testnit_ui {
	struct window win[TESTNIT_WINDOWS];
	unsigned n;
	struct window_stack stack; /* order[0]: the top, where keys are reported */
	struct window_drag drag;
	int dragged; /* window of the drag, -1 without one */
};

enum testnit_action_kind {
	TESTNIT_NONE,
	TESTNIT_RAISE,   /* window to the top */
	TESTNIT_MOVE,    /* window got a new position */
	TESTNIT_KEY,     /* key code pressed, for window */
	TESTNIT_FOCUS,   /* code 1: got the focus, 0: lost it */
	TESTNIT_RELEASE, /* a key or button released (nothing to do) */
	TESTNIT_DROPPED, /* the drag of window ended (where it is now) */
};

struct testnit_action {
	enum testnit_action_kind kind;
	int window;
	unsigned code;
};

/* n windows (at most TESTNIT_WINDOWS), the first on top */
void testnit_ui_init(struct testnit_ui *ui, const struct window *win, unsigned n);

struct testnit_action testnit_ui_event(struct testnit_ui *ui, const struct input_event *ev);

#endif /* _DEMO__TESTNIT__UI_H_ */

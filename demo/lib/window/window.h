/*
 * \brief  Movable windows of the demo's nitpicker clients (library gui_window)
 *
 * testnit, nitlog and liquid_fb each show windows made of a border, a
 * title bar and a client area. This is their geometry and behaviour,
 * kept free of drawing and RPC so that it is tested without a screen:
 * where a point hits a window, which window of a stack is on top at a
 * point, how a drag of the title bar moves a window, and how a screen
 * point maps into the client area.
 */

#ifndef _DEMO__LIB__WINDOW__WINDOW_H_
#define _DEMO__LIB__WINDOW__WINDOW_H_

#include <stdbool.h>
#include <stdint.h>

enum {
	WINDOW_BORDER = 2,   /* frame around the title bar and client area */
	WINDOW_TITLE_H = 18, /* title bar, below the top border */
	WINDOW_TITLE_MAX = 64,
	/* viewport coordinates nitpicker accepts (nitpicker_view.rpc) */
	WINDOW_COORD_MAX = 65536,
	WINDOW_SIZE_MAX = 16384,
	/* window sizes below this leave no room for the decoration */
	WINDOW_SIZE_MIN = 2 * WINDOW_BORDER + WINDOW_TITLE_H + 8,
};

struct window {
	int x, y, w, h; /* on the screen, decoration included */
	uint16_t color; /* RGB565 of the client area */
	char title[WINDOW_TITLE_MAX];
};

enum window_hit {
	WINDOW_HIT_NONE,
	WINDOW_HIT_BORDER,
	WINDOW_HIT_TITLE,
	WINDOW_HIT_CLIENT,
};

/* which part of w the screen point (px, py) hits */
enum window_hit window_hit(const struct window *w, int px, int py);

/* the client area's offset from the window's top-left corner */
static inline int
window_client_dx(void)
{
	return WINDOW_BORDER;
}
static inline int
window_client_dy(void)
{
	return WINDOW_BORDER + WINDOW_TITLE_H;
}

/* the client area's size for a window of w x h (0 if too small) */
int window_client_w(const struct window *w);
int window_client_h(const struct window *w);

/* the window size around a client area of cw x ch */
int window_outer_w(int cw);
int window_outer_h(int ch);

/*
 * Map screen point (px, py) into w's client area: true and (*cx, *cy)
 * if it lies inside, false otherwise (the point is still mapped, for
 * events of a drag that left the window).
 */
bool window_to_client(const struct window *w, int px, int py, int *cx, int *cy);

/* a drag of a window's title bar */
struct window_drag {
	bool active;
	int grab_dx, grab_dy; /* pointer minus window origin at the press */
};

/* start dragging w if (px, py) hits its title bar; whether it did */
bool window_drag_begin(struct window_drag *d, const struct window *w, int px, int py);

/*
 * Move w with the pointer at (px, py); whether it moved. The window
 * keeps at least a corner of its title bar on any screen position that
 * nitpicker accepts, whatever the pointer says.
 */
bool window_drag_motion(struct window_drag *d, struct window *w, int px, int py);

static inline void
window_drag_end(struct window_drag *d)
{
	d->active = false;
}

/*
 * A stack of n windows: order[0] is the top. Indices refer to the
 * caller's array of windows.
 */
enum { WINDOW_STACK_MAX = 16 };

struct window_stack {
	unsigned n;
	unsigned order[WINDOW_STACK_MAX];
};

/* windows 0 .. n-1, 0 on top; n is cut to WINDOW_STACK_MAX */
void window_stack_init(struct window_stack *s, unsigned n);

/* put window i on top; whether the order changed */
bool window_stack_raise(struct window_stack *s, unsigned i);

/* the topmost window at (px, py), or -1 */
int window_stack_top_at(const struct window_stack *s, const struct window *windows, int px, int py);

#endif /* _DEMO__LIB__WINDOW__WINDOW_H_ */

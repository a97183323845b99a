/*
 * \brief  scout's reaction to input: buttons, links, scrolling, dragging
 *
 * Nitpicker reports the pointer in screen coordinates; scout subtracts
 * its window's position. A press decides what a drag does until the
 * release: on the title bar it moves the window, on the scrollbar it
 * scrolls.
 */

#include "browser.h"

/* how far a window may be dragged (nitpicker's viewport takes +-65536) */
enum { SCOUT_POS_MAX = 16384, SCOUT_WHEEL_LINES = 3 };

enum {
	SCOUT_KEY_BACKSPACE = 14, /* back, as in a web browser */
	SCOUT_KEY_HOME = 102,
	SCOUT_KEY_END = 107,
};

static int
scout_input_clamp(int v)
{
	return v < -SCOUT_POS_MAX ? -SCOUT_POS_MAX : v > SCOUT_POS_MAX ? SCOUT_POS_MAX : v;
}

static void
scout_input_scrollbar(struct scout_browser *b, int y)
{
	struct scout_box bar = scout_chrome_box(b->gui.w, b->gui.h, SCOUT_AREA_SCROLLBAR);
	scout_browser_scroll(b, scout_chrome_scroll_at(bar.h, b->layout.height,
	                                               scout_browser_page_h(b), y - bar.y));
}

static void
scout_input_press(struct scout_browser *b, int x, int y)
{
	struct scout_box page = scout_chrome_box(b->gui.w, b->gui.h, SCOUT_AREA_PAGE);

	b->grab = scout_chrome_area(b->gui.w, b->gui.h, x, y);
	b->grab_dx = x;
	b->grab_dy = y;
	switch (b->grab) {
	case SCOUT_AREA_BACK:
		scout_browser_back(b);
		break;
	case SCOUT_AREA_FORWARD:
		scout_browser_forward(b);
		break;
	case SCOUT_AREA_SCROLLBAR:
		scout_input_scrollbar(b, y);
		break;
	case SCOUT_AREA_PAGE:
		scout_browser_follow(b, scout_layout_hit(&b->layout, &b->doc, x - page.x,
		                                         y - page.y + b->scroll));
		break;
	case SCOUT_AREA_TITLE:
	case SCOUT_AREA_NONE:
		break;
	}
}

static void
scout_input_motion(struct scout_browser *b, int ax, int ay)
{
	if (b->grab == SCOUT_AREA_TITLE)
		scout_gui_move(&b->gui, scout_input_clamp(ax - b->grab_dx),
		               scout_input_clamp(ay - b->grab_dy));
	else if (b->grab == SCOUT_AREA_SCROLLBAR)
		scout_input_scrollbar(b, ay - b->gui.y);
}

static void
scout_input_key(struct scout_browser *b, unsigned code)
{
	int line = b->fonts.font[SCOUT_FONT_TEXT].height;
	int page = scout_browser_page_h(b) - line;

	switch (code) {
	case INPUT_KEY_PAGEUP:
		scout_browser_scroll(b, b->scroll - page);
		break;
	case INPUT_KEY_PAGEDOWN:
	case INPUT_KEY_SPACE:
		scout_browser_scroll(b, b->scroll + page);
		break;
	case INPUT_KEY_UP:
		scout_browser_scroll(b, b->scroll - line);
		break;
	case INPUT_KEY_DOWN:
		scout_browser_scroll(b, b->scroll + line);
		break;
	case SCOUT_KEY_HOME:
		scout_browser_scroll(b, 0);
		break;
	case SCOUT_KEY_END:
		scout_browser_scroll(b, b->layout.height);
		break;
	case SCOUT_KEY_BACKSPACE:
	case INPUT_KEY_LEFT:
		scout_browser_back(b);
		break;
	case INPUT_KEY_RIGHT:
		scout_browser_forward(b);
		break;
	}
}

void
scout_browser_input(struct scout_browser *b, const struct input_event *ev)
{
	int line = b->fonts.font[SCOUT_FONT_TEXT].height;

	switch (ev->type) {
	case INPUT_EVENT_PRESS:
		if (ev->code == INPUT_BTN_LEFT)
			scout_input_press(b, ev->ax - b->gui.x, ev->ay - b->gui.y);
		else
			scout_input_key(b, ev->code);
		break;
	case INPUT_EVENT_RELEASE:
		if (ev->code == INPUT_BTN_LEFT)
			b->grab = SCOUT_AREA_NONE;
		break;
	case INPUT_EVENT_MOTION:
		scout_input_motion(b, ev->ax, ev->ay);
		break;
	case INPUT_EVENT_WHEEL:
		/* a positive step turns the wheel away from the user: up */
		if (ev->ry > -1000 && ev->ry < 1000)
			scout_browser_scroll(b, b->scroll - ev->ry * SCOUT_WHEEL_LINES * line);
		break;
	default:
		break;
	}
}

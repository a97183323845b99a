/*
 * \brief  liquid_fb's input routing
 */

#include <stdint.h>

#include "route.h"

static bool
is_button(uint32_t code)
{
	return code >= INPUT_BTN_LEFT && code < INPUT_BTN_LEFT + 8;
}

/* a pointer event for the client: translated, forwarded if inside or grabbed */
static enum liquid_fb_verdict
liquid_fb_route_pointer(struct liquid_fb_route *r, const struct input_event *ev,
                        struct input_event *out)
{
	bool inside = window_to_client(&r->win, ev->ax, ev->ay, &out->ax, &out->ay);
	return inside || r->buttons_in_client ? LIQUID_FB_FORWARD : LIQUID_FB_DROP;
}

static enum liquid_fb_verdict
liquid_fb_route_press(struct liquid_fb_route *r, const struct input_event *ev,
                      struct input_event *out)
{
	if (!is_button(ev->code))
		return LIQUID_FB_FORWARD;
	if (r->buttons_in_client == 0 && window_hit(&r->win, ev->ax, ev->ay) != WINDOW_HIT_CLIENT) {
		if (ev->code == INPUT_BTN_LEFT)
			(void)window_drag_begin(&r->drag, &r->win, ev->ax, ev->ay);
		return LIQUID_FB_RAISE;
	}
	r->buttons_in_client++;
	(void)liquid_fb_route_pointer(r, ev, out);
	return LIQUID_FB_FORWARD;
}

static enum liquid_fb_verdict
liquid_fb_route_release(struct liquid_fb_route *r, const struct input_event *ev,
                        struct input_event *out)
{
	if (!is_button(ev->code))
		return LIQUID_FB_FORWARD;
	if (ev->code == INPUT_BTN_LEFT && r->drag.active) {
		window_drag_end(&r->drag);
		return LIQUID_FB_DROPPED;
	}
	if (r->buttons_in_client == 0)
		return LIQUID_FB_DROP; /* its press was not the client's */
	r->buttons_in_client--;
	(void)liquid_fb_route_pointer(r, ev, out);
	return LIQUID_FB_FORWARD;
}

enum liquid_fb_verdict
liquid_fb_route_event(struct liquid_fb_route *r, const struct input_event *ev,
                      struct input_event *out)
{
	*out = *ev;
	switch (ev->type) {
	case INPUT_EVENT_PRESS:
		return liquid_fb_route_press(r, ev, out);
	case INPUT_EVENT_RELEASE:
		return liquid_fb_route_release(r, ev, out);
	case INPUT_EVENT_MOTION:
		if (r->drag.active)
			return window_drag_motion(&r->drag, &r->win, ev->ax, ev->ay)
			               ? LIQUID_FB_MOVE
			               : LIQUID_FB_DROP;
		return liquid_fb_route_pointer(r, ev, out);
	case INPUT_EVENT_WHEEL:
		return LIQUID_FB_FORWARD;
	case INPUT_EVENT_FOCUS:
		/* releases we will not see: no grab or drag must outlive the focus */
		if (!ev->code) {
			window_drag_end(&r->drag);
			r->buttons_in_client = 0;
		}
		return LIQUID_FB_DROP;
	default:
		return LIQUID_FB_DROP;
	}
}

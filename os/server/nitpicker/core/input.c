/*
 * \brief  nitpicker core: routing of the screen's input
 *
 * nitpicker's own keys (ScrLock: X-ray, SysRq/Print: kill mode) never
 * reach a client. A click focuses the session of the view under the
 * pointer and goes to it; while buttons are held, motion and releases go
 * to the session that got the press (a window being dragged). Keys go
 * only to the focused session, and in X-ray mode motion and the wheel
 * too, so that a client cannot watch the pointer across others' views.
 * While keys are held a click does not move the focus (as in Genode's
 * nitpicker), so that each release reaches the session that got the press.
 */

#include <base/log.h>

#include "npc.h"

/* Linux's button codes, BTN_MISC up to the gamepads */
static bool
npc_code_button(uint32_t code)
{
	return code >= 0x100 && code < 0x160;
}

static void
npc_deliver(struct npc *c, struct npc_session *s, const struct input_event *ev)
{
	if (s && c->ops && c->ops->deliver)
		c->ops->deliver(c->ctx, s, ev);
}

static struct npc_session *
npc_session_at(const struct npc *c, int x, int y)
{
	struct npc_view *v = npc_view_at(c, x, y);
	return v ? v->session : 0;
}

static void
npc_focus_set(struct npc *c, struct npc_session *s)
{
	struct input_event ev = {.type = INPUT_EVENT_FOCUS, .ax = c->px, .ay = c->py};

	if (!s || s == c->focus)
		return;
	ev.code = 0;
	npc_deliver(c, c->focus, &ev);
	c->focus = s;
	ev.code = 1;
	npc_deliver(c, s, &ev);
	/* tints, the menubar and the focused session's background change */
	npc_dirty(c, gfx_surface_area(c->screen));
}

static void
npc_kill_click(struct npc *c)
{
	struct npc_session *s = npc_session_at(c, c->px, c->py);

	c->kill = false;
	c->swallow_release = true;
	npc_dirty(c, gfx_surface_area(c->screen));
	if (!s) {
		log_print("kill mode off: no view there");
		return;
	}
	log_print("kill mode: closed session \"%s\"", s->label);
	if (c->ops && c->ops->kill)
		c->ops->kill(c->ctx, s);
}

static void
npc_button(struct npc *c, const struct input_event *ev)
{
	if (ev->type == INPUT_EVENT_PRESS) {
		if (c->kill) {
			npc_kill_click(c);
			return;
		}
		if (c->buttons++ == 0) {
			c->grab = npc_session_at(c, c->px, c->py);
			if (!c->keys)
				npc_focus_set(c, c->grab);
		}
		npc_deliver(c, c->grab, ev);
		return;
	}
	if (c->swallow_release) {
		c->swallow_release = false;
		return;
	}
	npc_deliver(c, c->grab ? c->grab : npc_session_at(c, c->px, c->py), ev);
	if (c->buttons && --c->buttons == 0)
		c->grab = 0;
}

/* true if the key is nitpicker's own */
static bool
npc_key_own(struct npc *c, const struct input_event *ev)
{
	bool press = ev->type == INPUT_EVENT_PRESS;

	/* each change is logged: the user (and a test) sees which mode is on */
	if (ev->code == INPUT_KEY_SCROLLLOCK) {
		c->xray = press ? !c->xray : c->xray;
		if (press)
			log_print("X-ray mode %s", c->xray ? "on" : "off");
	} else if (ev->code == INPUT_KEY_SYSRQ || ev->code == INPUT_KEY_PRINT) {
		c->kill = press ? !c->kill : c->kill;
		if (press)
			log_print("kill mode %s",
			          c->kill ? "on: the next click closes a session" : "off");
	} else {
		return false;
	}
	npc_dirty(c, gfx_surface_area(c->screen));
	return true;
}

static void
npc_key(struct npc *c, const struct input_event *ev)
{
	if (ev->type == INPUT_EVENT_PRESS)
		c->keys++;
	else if (c->keys)
		c->keys--;
	npc_deliver(c, c->focus, ev);
}

static void
npc_motion(struct npc *c, const struct input_event *ev)
{
	struct npc_session *under = npc_session_at(c, c->px, c->py);

	if (c->grab) {
		npc_deliver(c, c->grab, ev);
		return;
	}
	if (c->xray) {
		npc_deliver(c, c->focus, ev);
		return;
	}
	if (c->hover && c->hover != under) {
		struct input_event leave = {.type = INPUT_EVENT_LEAVE, .ax = c->px, .ay = c->py};
		npc_deliver(c, c->hover, &leave);
	}
	c->hover = under;
	npc_deliver(c, under, ev);
}

void
npc_input(struct npc *c, const struct input_event *ev)
{
	struct input_event e = *ev;

	/* the pointer moves by motion only; every other event happens where it is */
	if (e.type == INPUT_EVENT_MOTION) {
		c->px = e.ax;
		c->py = e.ay;
	}
	e.ax = c->px;
	e.ay = c->py;
	switch (e.type) {
	case INPUT_EVENT_MOTION:
		npc_motion(c, &e);
		break;
	case INPUT_EVENT_PRESS:
	case INPUT_EVENT_RELEASE:
		if (npc_code_button(e.code))
			npc_button(c, &e);
		else if (!npc_key_own(c, &e))
			npc_key(c, &e);
		break;
	case INPUT_EVENT_WHEEL:
		npc_deliver(c, c->xray ? c->focus : npc_session_at(c, c->px, c->py), &e);
		break;
	default:
		break; /* FOCUS and LEAVE are nitpicker's to make, not the driver's */
	}
}

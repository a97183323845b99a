/*
 * \brief  testnit's reaction to input
 */

#include "ui.h"

void
testnit_ui_init(struct testnit_ui *ui, const struct window *win, unsigned n)
{
	ui->n = n < TESTNIT_WINDOWS ? n : TESTNIT_WINDOWS;
	for (unsigned i = 0; i < ui->n; i++)
		ui->win[i] = win[i];
	window_stack_init(&ui->stack, ui->n);
	ui->drag.active = false;
	ui->dragged = -1;
}

static bool
is_button(unsigned code)
{
	return code >= INPUT_BTN_LEFT && code < INPUT_BTN_LEFT + 8;
}

static struct testnit_action
testnit_ui_press(struct testnit_ui *ui, const struct input_event *ev)
{
	struct testnit_action a = {TESTNIT_NONE, -1, ev->code};
	if (!is_button(ev->code)) {
		a.kind = TESTNIT_KEY;
		a.window = ui->n ? (int)ui->stack.order[0] : -1;
		return a;
	}
	int i = window_stack_top_at(&ui->stack, ui->win, ev->ax, ev->ay);
	if (i < 0 || ev->code != INPUT_BTN_LEFT)
		return a;
	if (window_drag_begin(&ui->drag, &ui->win[i], ev->ax, ev->ay))
		ui->dragged = i;
	a.window = i;
	/* a click on the top window changes no order, but the caller may redraw */
	a.kind = window_stack_raise(&ui->stack, (unsigned)i) ? TESTNIT_RAISE : TESTNIT_NONE;
	return a;
}

struct testnit_action
testnit_ui_event(struct testnit_ui *ui, const struct input_event *ev)
{
	struct testnit_action a = {TESTNIT_NONE, -1, ev->code};
	switch (ev->type) {
	case INPUT_EVENT_PRESS:
		return testnit_ui_press(ui, ev);
	case INPUT_EVENT_RELEASE:
		a.kind = TESTNIT_RELEASE;
		if (ev->code == INPUT_BTN_LEFT && ui->dragged >= 0) {
			a.kind = TESTNIT_DROPPED;
			a.window = ui->dragged;
			window_drag_end(&ui->drag);
			ui->dragged = -1;
		}
		return a;
	case INPUT_EVENT_MOTION:
		if (ui->dragged >= 0 &&
		    window_drag_motion(&ui->drag, &ui->win[ui->dragged], ev->ax, ev->ay)) {
			a.kind = TESTNIT_MOVE;
			a.window = ui->dragged;
		}
		return a;
	case INPUT_EVENT_FOCUS:
		a.kind = TESTNIT_FOCUS;
		a.code = ev->code ? 1 : 0;
		if (!a.code) { /* a release we will never see must not leave a drag behind */
			window_drag_end(&ui->drag);
			ui->dragged = -1;
		}
		return a;
	default:
		return a;
	}
}

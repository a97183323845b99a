/*
 * \brief  launchpad: an interactive starter of children in a nitpicker window
 *
 * The parent part (demo/lib/launchpad) starts, routes and kills; this
 * front end shows its model (layout.h) and turns clicks into its calls:
 * a launcher's name starts its child, a click or drag in a quota bar sets
 * the quota of the next start, a kill button kills the child.
 */

#include <base/component.h>
#include <base/log.h>
#include <base/signal.h>

#include "../lib/launchpad/launchpad.h"
#include "window.h"

/* the font of launchpad's text: a module of tool/mk/gfx.mk (doc/gui.md) */
#define LAUNCHPAD_FONT "font_text.gft"

static struct launchpad_window window;
static bool window_open;
static int dragging = -1; /* the launcher whose bar the pointer holds, or -1 */

static void
changed(void *ctx)
{
	(void)ctx;
	if (window_open)
		launchpad_window_draw(&window, launchpad_model());
}

static const struct launchpad_events events = {.changed = changed};

/* a click at (x, y) of the window */
static void
click(int x, int y)
{
	struct launchpad_hit h = launchpad_layout_hit(&window.layout, launchpad_model(), x, y);
	if (h.kind == LAUNCHPAD_HIT_START)
		launchpad_start(h.launcher);
	else if (h.kind == LAUNCHPAD_HIT_KILL)
		launchpad_kill(h.launcher);
	else if (h.kind == LAUNCHPAD_HIT_QUOTA) {
		dragging = (int)h.launcher;
		launchpad_quota_set(h.launcher, h.quota);
	}
}

/* the pointer moved with the button held in a bar: the quota follows it */
static void
drag(int x)
{
	struct gfx_rect bar = launchpad_layout_bar(&window.layout, (unsigned)dragging);
	x = x < bar.x ? bar.x : x >= bar.x + bar.w ? bar.x + bar.w - 1 : x;
	struct launchpad_hit h = launchpad_layout_hit(&window.layout, launchpad_model(), x, bar.y);
	if (h.kind == LAUNCHPAD_HIT_QUOTA)
		launchpad_quota_set(h.launcher, h.quota);
}

/* nitpicker reports screen coordinates: the window's are relative to the view */
static void
event_handle(const struct input_event *e)
{
	int x = e->ax - window.x, y = e->ay - window.y;
	if (e->type == INPUT_EVENT_PRESS && e->code == INPUT_BTN_LEFT)
		click(x, y);
	else if (e->type == INPUT_EVENT_RELEASE && e->code == INPUT_BTN_LEFT)
		dragging = -1;
	else if (e->type == INPUT_EVENT_MOTION && dragging >= 0)
		drag(x);
}

static void
input_pending(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	uint32_t n = 0;
	if (input_session_flush(window.input, &n) != STATUS_OK)
		return;
	for (uint32_t i = 0; i < n && i < INPUT_EVENT_MAX; i++)
		event_handle(&window.events[i]);
}

void
component_construct(struct env *env)
{
	struct signal_context *ctx;
	if (!launchpad_init(env, &events))
		env_exit(env, 1);
	struct launchpad_position pos = launchpad_position();
	if (!launchpad_window_open(&window, env, LAUNCHPAD_FONT, launchpad_model()->count, pos.x,
	                           pos.y))
		env_exit(env, 1);
	window_open = true;
	/* what the window cost is paid: the figure every kill must come back to */
	log_print("window up, %llu KiB available", (unsigned long long)launchpad_avail() / 1024);
	status_t s = signal_handler_create(env_ep(env), input_pending, NULL, &ctx);
	if (s == STATUS_OK)
		s = input_session_sigh(window.input, signal_context_cap(ctx));
	if (s != STATUS_OK) {
		log_error("no input: %s", status_name(s));
		env_exit(env, 1);
	}
	launchpad_window_draw(&window, launchpad_model());
}

/*
 * \brief  test-nitpicker_server: the steps of the script
 *
 * Client a (32x32, RED) at (10, 20), client b (32x32, GREEN) at (30, 30)
 * over it. nitpicker's config gives "screen -> a" the colour A_TINT and
 * "screen -> b" B_TINT.
 */

#include <base/log.h>
#include <parent/client.h>

#include "script.h"

enum { KEY_A = 30, FLOOD = 5000 };

struct client client_a, client_b;
static struct client *const a = &client_a, *const b = &client_b;

void
step_views(void)
{
	if (!client_open(a, "a", 32, 32) || !client_open(b, "b", 32, 32)) {
		script_fail("%s: cannot open the clients (%ld, %ld)", "open", 0, 0);
		return;
	}
	client_fill(a, RED);
	(void)nitpicker_view_viewport(a->view, 10, 20, 32, 32, 0, 0, true);
	wait_pixel(20, 30, RED, "a's view");
	client_fill(b, GREEN);
	(void)nitpicker_view_viewport(b->view, 30, 30, 32, 32, 0, 0, true);
	wait_pixel(35, 35, GREEN, "b's view in front");
	wait_pixel(12, 22, RED, "a's view behind");
	wait_pixel(200, 200, BG, "no view");
	(void)nitpicker_view_stack(a->view, CAP_TYPED_INVALID(nitpicker_view_cap_t), true, true);
	wait_pixel(35, 35, RED, "a raised");
	(void)nitpicker_view_stack(b->view, CAP_TYPED_INVALID(nitpicker_view_cap_t), true, true);
	wait_pixel(35, 35, GREEN, "b raised");
}

void
step_focus(void)
{
	script_click(15, 25);
	wait_events(a, INPUT_EVENT_FOCUS, 1, 1, "a focused");
	wait_events(a, INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 1, "a's click");
	script_key(KEY_A);
	wait_events(a, INPUT_EVENT_PRESS, KEY_A, 1, "a's key");
	wait_events(b, INPUT_EVENT_PRESS, ~0u, 0, "b got no press");
	script_click(50, 50);
	wait_events(b, INPUT_EVENT_FOCUS, 1, 1, "b focused");
	wait_events(a, INPUT_EVENT_FOCUS, 0, 1, "a lost the focus");
	script_key(KEY_A);
	wait_events(b, INPUT_EVENT_PRESS, KEY_A, 1, "b's key");
	wait_events(a, INPUT_EVENT_PRESS, KEY_A, 1, "a's keys stay one");
}

/* another session's view, viewports beyond the limits, a buffer beyond the donation */
void
step_hostile(void)
{
	cap_t raw = cap_invalid();
	status_t st = nitpicker_session_view_destroy(b->s, a->view);

	/* a handler's STATUS_INVALID_CAP travels as STATUS_INVALID_ARGS (doc/rpc.md) */
	if (st != STATUS_INVALID_ARGS)
		script_fail("%s: destroying a's view through b: status %ld, expected %ld",
		            "foreign view", st, STATUS_INVALID_ARGS);
	st = nitpicker_view_stack(b->view, a->view, true, true);
	if (st != STATUS_INVALID_ARGS)
		script_fail("%s: b's view beside a's: status %ld, expected %ld", "foreign view", st,
		            STATUS_INVALID_ARGS);
	st = nitpicker_view_viewport(b->view, -65536, 65536, 16384, 16384, -65536, 65536, true);
	if (st != STATUS_OK)
		script_fail("%s: viewport at the limits: status %ld, expected %ld", "limits", st,
		            0);
	st = nitpicker_view_viewport(b->view, 0, 0, 1 << 20, 1 << 20, 0, 0, true);
	if (st == STATUS_OK)
		script_fail("%s: viewport beyond the limits accepted (%ld, %ld)", "limits", 0, 0);
	wait_pixel(35, 35, RED, "b's view far away");
	(void)nitpicker_view_viewport(b->view, 30, 30, 32, 32, 0, 0, true);
	wait_pixel(35, 35, GREEN, "b's view back");
	/* views until the donation is used up: at least the two it paid for, not without end */
	nitpicker_view_cap_t v;
	int views = 1;
	while (views < 1000 && nitpicker_session_view_create(a->s, &v) == STATUS_OK)
		views++;
	if (views < 2 || views == 1000)
		script_fail("%s: %ld views for a donation of %ld", "views", views, 2);
	st = parent_session(env_parent(script_env), "Nitpicker",
	                    "ram_quota=20K, fb_width=1024, fb_height=1024, label=\"greedy\"", &raw);
	if (st == STATUS_OK)
		script_fail("%s: a buffer beyond the donation was granted (%ld, %ld)", "greedy", 0,
		            0);
}

/*
 * A client labelled "backdrop" gives everybody's background: its view
 * shows behind all views, outside the stack; another's view is refused.
 */
void
step_backdrop(void)
{
	static struct client bd;

	if (!client_open(&bd, "backdrop", 32, 32)) {
		script_fail("%s: cannot open the backdrop (%ld, %ld)", "backdrop", 0, 0);
		return;
	}
	client_fill(&bd, gfx_rgb(0, 0xff, 0xff));
	(void)nitpicker_view_viewport(bd.view, 0, 100, 120, 32, 0, 0, true);
	status_t st = nitpicker_session_background(bd.s, a->view);
	if (st != STATUS_INVALID_ARGS)
		script_fail("%s: a's view as the backdrop's background: status %ld, expected %ld",
		            "backdrop", st, STATUS_INVALID_ARGS);
	if (nitpicker_session_background(bd.s, bd.view) != STATUS_OK)
		script_fail("%s: its own view refused (%ld, %ld)", "backdrop", 0, 0);
	wait_pixel(20, 110, gfx_rgb(0, 0xff, 0xff), "the backdrop");
	wait_pixel(60, 110, BG, "beyond the backdrop's buffer");
	(void)nitpicker_view_viewport(a->view, 10, 100, 32, 32, 0, 0, true);
	wait_pixel(20, 110, BLUE, "a (blue since the flood) in front of the backdrop");
	(void)nitpicker_view_viewport(a->view, 10, 20, 32, 32, 0, 0, true);
	(void)parent_close(env_parent(script_env), cap_raw(bd.s));
	wait_pixel(20, 110, BG, "the backdrop closed");
}

/* b floods refreshes; a's change still shows, and the screen got far fewer refreshes */
void
step_flood(void)
{
	unsigned before = screen_refreshes();

	for (int i = 0; i < FLOOD; i++)
		(void)framebuffer_session_refresh(b->fb, 0, 0, 32, 32);
	client_fill(a, BLUE);
	wait_pixel(12, 22, BLUE, "a draws after b's flood");
	unsigned got = screen_refreshes() - before;
	if (got >= FLOOD / 2)
		script_fail("%s: %ld screen refreshes for %ld client refreshes", "flood", got,
		            FLOOD);
	log_print("test-nitpicker_server: %d refreshes of b, %u redraws", FLOOD, got);
}

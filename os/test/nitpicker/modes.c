/*
 * \brief  test-nitpicker_server: X-ray and kill mode, and the script's order
 */

#include <base/log.h>
#include <base/thread.h>
#include <parent/client.h>

#include "script.h"

/* the components of two pixels differ by at most one step of RGB565 */
static bool
near(uint16_t p, uint16_t q)
{
	int d[3] = {(p >> 11) - (q >> 11), ((p >> 5) & 63) - ((q >> 5) & 63), (p & 31) - (q & 31)};
	return d[0] >= -1 && d[0] <= 1 && d[1] >= -1 && d[1] <= 1 && d[2] >= -1 && d[2] <= 1;
}

static uint16_t
mix(uint16_t p, uint16_t q)
{
	return gfx_rgb((gfx_red(p) + gfx_red(q)) / 2, (gfx_green(p) + gfx_green(q)) / 2,
	               (gfx_blue(p) + gfx_blue(q)) / 2);
}

/* pixels of the rectangle other than the plain bar colour: the text nitpicker drew */
static unsigned
text_pixels(int x0, int y0, int x1, int y1, uint16_t bar)
{
	unsigned n = 0;
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			n += screen_pixel(x, y) != bar;
	return n;
}

/*
 * b has the focus: a is tinted, its label bar and the menubar carry text
 * (the labels, from the font module), the menubar has b's colour, motion
 * goes to b only
 */
static void
step_xray(void)
{
	struct client *a = &client_a, *b = &client_b;

	script_key(INPUT_KEY_SCROLLLOCK);
	wait_pixel(100, 5, B_TINT, "X-ray menubar in b's colour");
	uint16_t tinted = screen_pixel(15, 45), want = mix(BLUE, A_TINT);
	if (!near(tinted, want))
		script_fail("%s: pixel is %#lx, expected about %#lx", "a tinted", tinted, want);
	wait_pixel(50, 50, GREEN, "b focused, untinted");
	wait_pixel(10, 45, A_TINT, "a's frame");
	unsigned label = text_pixels(12, 21, 29, 29, A_TINT),
	         menu = text_pixels(2, 2, 60, 8, B_TINT);
	if (label < 10 || menu < 10)
		script_fail("%s: %ld pixels of a's label, %ld of the menubar's", "X-ray text",
		            label, menu);
	unsigned motion_a = client_count(a, INPUT_EVENT_MOTION, ~0u);
	unsigned motion_b = client_count(b, INPUT_EVENT_MOTION, ~0u);
	screen_inject(INPUT_EVENT_MOTION, 0, 15, 45);
	wait_events(b, INPUT_EVENT_MOTION, ~0u, motion_b + 1, "X-ray motion to b");
	wait_events(a, INPUT_EVENT_MOTION, ~0u, motion_a, "no X-ray motion to a");
	script_key(INPUT_KEY_SCROLLLOCK);
	wait_pixel(15, 45, BLUE, "X-ray off");
}

/* kill mode closes b; a keeps drawing */
static void
step_kill(void)
{
	struct client *a = &client_a, *b = &client_b;
	status_t st = STATUS_OK;

	script_key(INPUT_KEY_SYSRQ);
	wait_pixel(100, 5, gfx_rgb(0xff, 0, 0), "kill mode's menubar");
	script_click(50, 50);
	for (int t = 0; t < CHECK_MS / 10 && st == STATUS_OK; t++) {
		(void)timer_session_msleep(script_timer, 10);
		st = nitpicker_view_viewport(b->view, 30, 30, 32, 32, 0, 0, true);
	}
	if (st == STATUS_OK)
		script_fail("%s: b's view still answers (%ld, %ld)", "kill", 0, 0);
	nitpicker_view_cap_t v;
	st = nitpicker_session_view_create(b->s, &v);
	if (st != STATUS_DENIED)
		script_fail("%s: b's session after the kill: status %ld, expected %ld", "kill", st,
		            STATUS_DENIED);
	wait_pixel(50, 50, BG, "b's view gone");
	wait_pixel(35, 35, BLUE, "a's view under b's");
	client_fill(a, RED);
	wait_pixel(35, 35, RED, "a draws after the kill");
	(void)parent_close(env_parent(script_env), cap_raw(b->s));
	(void)parent_close(env_parent(script_env), cap_raw(a->s));
	wait_pixel(35, 35, BG, "a closed");
}

static void
script_entry(void *arg)
{
	(void)arg;
	if (timer_connection_open(env_parent(script_env), &script_timer) != STATUS_OK) {
		log_error("test-nitpicker_server: no Timer");
		env_exit(script_env, -1);
	}
	step_views();
	step_focus();
	step_hostile();
	step_flood();
	step_backdrop();
	step_xray();
	step_kill();
	if (script_failures) {
		log_error("test-nitpicker_server: %u checks failed", script_failures);
		env_exit(script_env, -1);
	}
	log_print("test-nitpicker_server: all done");
	env_exit(script_env, 0);
}

void
script_run(struct env *env)
{
	struct thread *t;

	script_env = env;
	if (thread_create("script", 0, script_entry, 0, &t) != STATUS_OK ||
	    thread_start(t) != STATUS_OK) {
		log_error("test-nitpicker_server: cannot start the script");
		env_exit(env, -1);
	}
}

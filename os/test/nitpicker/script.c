/*
 * \brief  test-nitpicker_server: the clients' side and the checks the script uses
 *
 * Runs on a thread of its own: nitpicker calls this component's
 * entrypoint (the screen) while the script waits in calls to nitpicker.
 * Each check waits up to CHECK_MS for the screen or the events to become
 * what it expects, since nitpicker redraws and routes once per period.
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <util/format.h>

#include "script.h"

struct env *script_env;
timer_session_cap_t script_timer;
unsigned script_failures;

void
script_fail(const char *fmt, const char *what, long a, long b)
{
	char line[200];
	format_string(line, sizeof(line), fmt, what, a, b);
	log_error("test-nitpicker_server: %s", line);
	script_failures++;
}

bool
client_open(struct client *c, const char *name, unsigned w, unsigned h)
{
	struct nitpicker_connection_args a = {.fb_width = w, .fb_height = h, .views = 2};
	dataspace_cap_t ds;
	char args[200];
	cap_t raw = cap_invalid();
	void *px = 0;
	const char *ev = 0;
	size_t size = 0;

	format_string(args, sizeof(args), "ram_quota=%lu, fb_width=%u, fb_height=%u, label=\"%s\"",
	              nitpicker_connection_quota(&a), w, h, name);
	*c = (struct client){.name = name, .w = w, .h = h};
	if (parent_session(env_parent(script_env), "Nitpicker", args, &raw) != STATUS_OK)
		return false;
	c->s = CAP_TYPED(nitpicker_session_cap_t, raw);
	if (nitpicker_session_framebuffer(c->s, &c->fb) != STATUS_OK ||
	    framebuffer_session_dataspace(c->fb, &ds) != STATUS_OK ||
	    dataspace_map_writable(ds, &px, &size) != STATUS_OK || size < w * h * 2 ||
	    nitpicker_session_input(c->s, &c->in) != STATUS_OK ||
	    input_session_dataspace(c->in, &ds) != STATUS_OK ||
	    dataspace_map_readonly(ds, &ev, &c->ev_size) != STATUS_OK ||
	    nitpicker_session_view_create(c->s, &c->view) != STATUS_OK)
		return false;
	c->px = px;
	c->ev = (const struct input_event *)(const void *)ev;
	return true;
}

void
client_fill(struct client *c, uint16_t color)
{
	for (unsigned i = 0; i < c->w * c->h; i++)
		c->px[i] = color;
	(void)framebuffer_session_refresh(c->fb, 0, 0, (int)c->w, (int)c->h);
}

static void
client_poll(struct client *c)
{
	uint32_t n = 0;
	if (input_session_flush(c->in, &n) != STATUS_OK)
		return;
	for (uint32_t i = 0; i < n && i < c->ev_size / sizeof(c->ev[0]) && c->n < 128; i++)
		c->got[c->n++] = c->ev[i];
}

/* events of type (and code, unless ~0u) c got so far */
unsigned
client_count(struct client *c, uint32_t type, uint32_t code)
{
	unsigned k = 0;
	client_poll(c);
	for (unsigned i = 0; i < c->n; i++)
		k += c->got[i].type == type && (code == ~0u || c->got[i].code == code);
	return k;
}

void
wait_pixel(int x, int y, uint16_t want, const char *what)
{
	for (int t = 0; t < CHECK_MS / 10 && screen_pixel(x, y) != want; t++)
		(void)timer_session_msleep(script_timer, 10);
	if (screen_pixel(x, y) != want)
		script_fail("%s: pixel is %#lx, expected %#lx", what, screen_pixel(x, y), want);
}

void
wait_events(struct client *c, uint32_t type, uint32_t code, unsigned want, const char *what)
{
	for (int t = 0; t < CHECK_MS / 10 && client_count(c, type, code) < want; t++)
		(void)timer_session_msleep(script_timer, 10);
	if (client_count(c, type, code) != want)
		script_fail("%s: %ld events, expected %ld", what, client_count(c, type, code),
		            want);
}

void
script_click(int x, int y)
{
	screen_inject(INPUT_EVENT_MOTION, 0, x, y);
	screen_inject(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, x, y);
	screen_inject(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, x, y);
}

void
script_key(uint32_t code)
{
	screen_inject(INPUT_EVENT_PRESS, code, 0, 0);
	screen_inject(INPUT_EVENT_RELEASE, code, 0, 0);
}

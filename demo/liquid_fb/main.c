/*
 * \brief  liquid_fb: Framebuffer and Input inside a movable nitpicker window
 *
 * <config width=".." height=".." xpos=".." ypos=".." title=".." font=".."/>:
 * the client's framebuffer size (default 500x400), the window's position
 * and title. Dragging the title bar moves the window; pointer events in
 * the client area reach the client in its own coordinates (route.h).
 *
 * Exit value 1: no Nitpicker session, Timer or services at start;
 * 3: nitpicker closed the session while running.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <util/string.h>

#include "../lib/window/window_config.h"
#include "liquid_fb.h"

enum { LIQUID_FB_EXIT_START = 1, LIQUID_FB_EXIT_CLOSED = 3, LIQUID_FB_TICK_MS = 10 };

#define LIQUID_FB_FONT "font_label.gft"

static struct liquid_fb lf;

/* fb_driver's refresh hook: r is clipped to the client's buffer already */
static void
liquid_fb_show(void *ctx, const struct fb_rect *r)
{
	(void)ctx;
	int x = (int)r->x, y = (int)r->y, w = (int)r->w, h = (int)r->h;
	int dx = window_client_dx(), dy = window_client_dy();
	gfx_blit(&lf.nit.buffer, dx + x, dy + y, &lf.client, (struct gfx_rect){x, y, w, h});
	(void)nit_client_refresh(&lf.nit, (struct gfx_rect){dx + x, dy + y, w, h});
}

static const struct fb_driver_ops liquid_fb_fb_ops = {.refresh = liquid_fb_show};

static void
liquid_fb_place(void)
{
	const struct window *w = &lf.route.win;
	(void)nitpicker_view_viewport(lf.view, w->x, w->y, w->w, w->h, 0, 0, true);
}

static void
liquid_fb_event(void *ctx, const struct input_event *ev)
{
	(void)ctx;
	struct input_event out;
	if (ev->type == INPUT_EVENT_PRESS && ev->code == INPUT_BTN_LEFT)
		(void)nit_client_view_raise(lf.view);
	switch (liquid_fb_route_event(&lf.route, ev, &out)) {
	case LIQUID_FB_FORWARD:
		input_server_submit(&lf.input, &out);
		break;
	case LIQUID_FB_MOVE:
		liquid_fb_place();
		break;
	case LIQUID_FB_DROPPED:
		log_print("liquid_fb: window \"%s\" at %d,%d", lf.route.win.title, lf.route.win.x,
		          lf.route.win.y);
		break;
	default:
		break;
	}
}

static void
liquid_fb_tick(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	status_t st = nit_client_poll(&lf.nit, liquid_fb_event, 0);
	if (st != STATUS_OK) {
		log_print("nitpicker session closed, exiting (%s)", status_name(st));
		env_exit(lf.env, LIQUID_FB_EXIT_CLOSED);
	}
}

/* the window from the config; *cw x *ch the client's framebuffer */
static void
liquid_fb_config(int *cw, int *ch, char *font, size_t font_size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(lf.env, &cfg);
	static const struct node empty;
	const struct node *n = root ? root : &empty;
	struct window *w = &lf.route.win;
	const int lim = WINDOW_COORD_MAX / 2, size_max = 4096;
	if (!root && cfg.err.status != STATUS_NOT_FOUND)
		log_error("liquid_fb: config does not parse (line %u: %s), using the defaults",
		          (unsigned)cfg.err.line, cfg.err.what ? cfg.err.what : "?");
	(void)window_attr_int(n, "width", 500, 1, size_max, cw, "liquid_fb");
	(void)window_attr_int(n, "height", 400, 1, size_max, ch, "liquid_fb");
	(void)window_attr_int(n, "xpos", 400, -lim, lim, &w->x, "liquid_fb");
	(void)window_attr_int(n, "ypos", 270, -lim, lim, &w->y, "liquid_fb");
	(void)window_attr_title(n, "title", "liquid_fb", w->title, "liquid_fb");
	if (node_attribute_string(n, "font", font, font_size, LIQUID_FB_FONT, &cfg.err) !=
	    STATUS_OK) {
		log_error("liquid_fb: config: font=\"...\" is malformed or too long, using \"%s\"",
		          LIQUID_FB_FONT);
		str_copy(font, LIQUID_FB_FONT, font_size);
	}
	w->w = window_outer_w(*cw);
	w->h = window_outer_h(*ch);
}

/* the client's framebuffer: fb_driver's buffer of liquid_fb's own RAM */
static bool
liquid_fb_client_buffer(int cw, int ch)
{
	struct fb_mode mode = {(uint32_t)cw, (uint32_t)ch, FRAMEBUFFER_FORMAT_RGB565};
	if (fb_driver_init(&lf.fb, lf.env, &mode, &liquid_fb_fb_ops, 0) != STATUS_OK)
		return false; /* logged, with the bytes it needs */
	gfx_surface_init(&lf.client, lf.fb.pixels, 0, cw, ch);
	return true;
}

static status_t
liquid_fb_window(void)
{
	const struct window *w = &lf.route.win;
	status_t st = nit_client_view_create(&lf.nit, w->title, &lf.view);
	if (st == STATUS_OK) {
		liquid_fb_place();
		st = nit_client_view_raise(lf.view);
	}
	if (st != STATUS_OK) {
		log_error("liquid_fb: no view: %s", status_name(st));
		return st;
	}
	nit_client_deco_draw(&lf.nit.buffer, (struct gfx_rect){0, 0, w->w, w->h}, w->title,
	                     lf.have_font ? &lf.font : 0, true);
	struct fb_rect all = {0, 0, (uint32_t)lf.client.w, (uint32_t)lf.client.h};
	liquid_fb_show(0, &all);
	return STATUS_OK;
}

void
component_construct(struct env *env)
{
	int cw = 0, ch = 0;
	char font[64];
	lf.env = env;
	liquid_fb_config(&cw, &ch, font, sizeof(font));
	lf.have_font = nit_client_font_load(env, font, &lf.font, "liquid_fb");
	const struct window *w = &lf.route.win;
	if (!liquid_fb_client_buffer(cw, ch) ||
	    nit_client_open(&lf.nit, env, (unsigned)w->w, (unsigned)w->h, 1, "liquid_fb") !=
	            STATUS_OK ||
	    liquid_fb_window() != STATUS_OK ||
	    nit_client_tick_start(env, LIQUID_FB_TICK_MS, liquid_fb_tick, 0, "liquid_fb") !=
	            STATUS_OK ||
	    fb_driver_announce(&lf.fb) != STATUS_OK ||
	    input_server_init(&lf.input, env) != STATUS_OK)
		env_exit(env, LIQUID_FB_EXIT_START);
	log_print("liquid_fb: window \"%s\" at %d,%d, framebuffer %dx%d", w->title, w->x, w->y, cw,
	          ch);
}

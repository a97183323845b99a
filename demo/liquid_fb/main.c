/*
 * \brief  liquid_fb: Framebuffer and Input inside a movable nitpicker window
 *
 * <config width=".." height=".." xpos=".." ypos=".." title=".." font=".."/>:
 * the client's framebuffer size (default 500x400), the window's position
 * and title. Dragging the title bar moves the window; pointer events in
 * the client area reach the client in its own coordinates.
 *
 * Exit value 1: no Nitpicker session, Timer or services at start;
 * 3: nitpicker closed the session while running.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "../lib/window/window_config.h"
#include "liquid_fb.h"
#include "route.h"

enum { LIQUID_FB_EXIT_START = 1, LIQUID_FB_EXIT_CLOSED = 3, LIQUID_FB_TICK_MS = 10 };

#define LIQUID_FB_FONT "font_label.gft"

struct liquid_fb liquid_fb;

static struct liquid_fb_route lf_route;
static nitpicker_view_cap_t lf_view; /* OWNED */
static struct gfx_font lf_font;
static bool lf_have_font;

void
liquid_fb_show(int x, int y, int w, int h)
{
	gfx_blit(&liquid_fb.nit.buffer, liquid_fb.client_x + x, liquid_fb.client_y + y,
	         &liquid_fb.client, (struct gfx_rect){x, y, w, h});
	(void)nit_client_refresh(&liquid_fb.nit, (struct gfx_rect){liquid_fb.client_x + x,
	                                                           liquid_fb.client_y + y, w, h});
}

static void
liquid_fb_place(void)
{
	const struct window *w = &lf_route.win;
	(void)nitpicker_view_viewport(lf_view, w->x, w->y, w->w, w->h, 0, 0, true);
}

static void
liquid_fb_event(void *ctx, const struct input_event *ev)
{
	(void)ctx;
	struct input_event out;
	if (ev->type == INPUT_EVENT_PRESS && ev->code == INPUT_BTN_LEFT)
		(void)nit_client_view_raise(lf_view);
	switch (liquid_fb_route_event(&lf_route, ev, &out)) {
	case LIQUID_FB_FORWARD:
		liquid_fb_input_submit(&out);
		break;
	case LIQUID_FB_MOVE:
		liquid_fb_place();
		break;
	case LIQUID_FB_DROPPED:
		log_print("liquid_fb: window \"%s\" at %d,%d", lf_route.win.title, lf_route.win.x,
		          lf_route.win.y);
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
	status_t st = nit_client_poll(&liquid_fb.nit, liquid_fb_event, 0);
	if (st != STATUS_OK) {
		log_print("nitpicker session closed, exiting (%s)", status_name(st));
		env_exit(liquid_fb.env, LIQUID_FB_EXIT_CLOSED);
	}
}

/* the window from the config; *cw x *ch the client's framebuffer */
static void
liquid_fb_config(int *cw, int *ch, char *font, size_t font_size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(liquid_fb.env, &cfg);
	static const struct node empty;
	const struct node *n = root ? root : &empty;
	struct window *w = &lf_route.win;
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

/* the client's framebuffer: liquid_fb's own RAM, as a driver's device buffer */
static bool
liquid_fb_client_buffer(int cw, int ch)
{
	void *addr = 0;
	size_t size = 0;
	size_t bytes = (size_t)cw * (size_t)ch * 2;
	status_t st = ram_session_alloc(env_ram(liquid_fb.env), bytes, &liquid_fb.client_ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(liquid_fb.client_ds, &addr, &size);
	if (st != STATUS_OK || size < bytes) {
		log_error("liquid_fb: no %dx%d framebuffer (%lu bytes of RAM): %s", cw, ch,
		          (unsigned long)bytes, status_name(st));
		return false;
	}
	mem_set(addr, 0, bytes);
	gfx_surface_init(&liquid_fb.client, addr, 0, cw, ch);
	return true;
}

static status_t
liquid_fb_window(void)
{
	const struct window *w = &lf_route.win;
	status_t st = nit_client_view_create(&liquid_fb.nit, w->title, &lf_view);
	if (st == STATUS_OK) {
		liquid_fb_place();
		st = nit_client_view_raise(lf_view);
	}
	if (st != STATUS_OK) {
		log_error("liquid_fb: no view: %s", status_name(st));
		return st;
	}
	liquid_fb.client_x = window_client_dx();
	liquid_fb.client_y = window_client_dy();
	nit_client_deco_draw(&liquid_fb.nit.buffer, (struct gfx_rect){0, 0, w->w, w->h}, w->title,
	                     lf_have_font ? &lf_font : 0, true);
	liquid_fb_show(0, 0, liquid_fb.client.w, liquid_fb.client.h);
	return STATUS_OK;
}

void
component_construct(struct env *env)
{
	int cw = 0, ch = 0;
	char font[64];
	liquid_fb.env = env;
	liquid_fb_config(&cw, &ch, font, sizeof(font));
	lf_have_font = nit_client_font_load(env, font, &lf_font, "liquid_fb");
	const struct window *w = &lf_route.win;
	if (!liquid_fb_client_buffer(cw, ch) ||
	    nit_client_open(&liquid_fb.nit, env, (unsigned)w->w, (unsigned)w->h, 1, "liquid_fb") !=
	            STATUS_OK ||
	    liquid_fb_window() != STATUS_OK ||
	    nit_client_tick_start(env, LIQUID_FB_TICK_MS, liquid_fb_tick, 0, "liquid_fb") !=
	            STATUS_OK ||
	    !liquid_fb_framebuffer_start(env) || !liquid_fb_input_start(env))
		env_exit(env, LIQUID_FB_EXIT_START);
	log_print("liquid_fb: window \"%s\" at %d,%d, framebuffer %dx%d", w->title, w->x, w->y, cw,
	          ch);
}

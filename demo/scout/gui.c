/*
 * \brief  scout's window: a Nitpicker session with one view
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <util/string.h>

#include "gui.h"

/* map the virtual framebuffer; its mode must be the size asked for */
static status_t
scout_gui_buffer(struct scout_gui *g)
{
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	uint32_t w = 0, h = 0, format = 0;
	void *addr = NULL;
	size_t size = 0;
	status_t st = framebuffer_session_info(g->fb, &w, &h, &format);

	if (st == STATUS_OK &&
	    (w != (uint32_t)g->w || h != (uint32_t)g->h || format != FRAMEBUFFER_FORMAT_RGB565)) {
		log_error(
		        "scout: nitpicker gave a buffer of %ux%u format %u, asked for %dx%d RGB565",
		        w, h, format, g->w, g->h);
		return STATUS_PROTOCOL;
	}
	if (st == STATUS_OK)
		st = framebuffer_session_dataspace(g->fb, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(ds, &addr, &size);
	if (st == STATUS_OK && size < framebuffer_buffer_bytes(w, h, format, 0)) {
		log_error("scout: buffer dataspace of %zu bytes is too small for %ux%u", size, w,
		          h);
		return STATUS_PROTOCOL;
	}
	if (st == STATUS_OK)
		gfx_surface_init(&g->surface, addr, NULL, g->w, g->h);
	return st;
}

/* map the event buffer, which must hold INPUT_EVENT_MAX events */
static status_t
scout_gui_events(struct scout_gui *g)
{
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	const char *addr = NULL;
	size_t size = 0;
	status_t st = input_session_dataspace(g->input, &ds);

	if (st == STATUS_OK)
		st = dataspace_map_readonly(ds, &addr, &size);
	if (st == STATUS_OK && size < INPUT_EVENT_MAX * sizeof(struct input_event)) {
		log_error("scout: input buffer of %zu bytes is too small", size);
		return STATUS_PROTOCOL;
	}
	g->events = (const struct input_event *)addr;
	return st;
}

status_t
scout_gui_open(struct env *env, struct scout_gui *g, int x, int y, int w, int h, const char *title)
{
	struct nitpicker_connection_args args = {
	        .fb_width = (unsigned)w, .fb_height = (unsigned)h, .views = 1};
	status_t st = nitpicker_connection_open(env_parent(env), &args, &g->session);

	g->x = x;
	g->y = y;
	g->w = w;
	g->h = h;
	if (st == STATUS_OK)
		st = nitpicker_session_framebuffer(g->session, &g->fb);
	if (st == STATUS_OK)
		st = nitpicker_session_input(g->session, &g->input);
	if (st == STATUS_OK)
		st = scout_gui_buffer(g);
	if (st == STATUS_OK)
		st = scout_gui_events(g);
	if (st == STATUS_OK)
		st = nitpicker_session_view_create(g->session, &g->view);
	if (st == STATUS_OK)
		st = nitpicker_view_title(g->view, title);
	if (st == STATUS_OK)
		st = nitpicker_view_viewport(g->view, x, y, w, h, 0, 0, true);
	if (st == STATUS_OK)
		st = nitpicker_view_stack(g->view, CAP_TYPED_INVALID(nitpicker_view_cap_t), true,
		                          true);
	if (st != STATUS_OK)
		log_error("scout: cannot open its window: %s", status_name(st));
	return st;
}

void
scout_gui_refresh(struct scout_gui *g, struct gfx_rect r)
{
	(void)framebuffer_session_refresh(g->fb, r.x, r.y, r.w, r.h);
}

void
scout_gui_title(struct scout_gui *g, const char *title)
{
	char cut[64];
	str_copy(cut, title, sizeof(cut));
	(void)nitpicker_view_title(g->view, cut);
}

void
scout_gui_move(struct scout_gui *g, int x, int y)
{
	g->x = x;
	g->y = y;
	(void)nitpicker_view_viewport(g->view, x, y, g->w, g->h, 0, 0, true);
}

unsigned
scout_gui_flush(struct scout_gui *g)
{
	uint32_t n = 0;
	if (input_session_flush(g->input, &n) != STATUS_OK)
		return 0;
	return n > INPUT_EVENT_MAX ? INPUT_EVENT_MAX : n;
}

/*
 * \brief  launchpad's window: session, buffer and view (window.h)
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <rom_session/connection.h>

#include "window.h"

/* map the font module: it stays mapped, the font points into it */
static bool
font_open(struct launchpad_window *w, struct env *env, const char *name)
{
	const char *data;
	size_t size;
	status_t s = rom_connection_map(env_parent(env), name, &data, &size);
	if (s == STATUS_OK)
		s = gfx_font_parse(&w->font, data, size);
	if (s != STATUS_OK)
		log_error("font \"%s\": %s", name, status_name(s));
	return s == STATUS_OK;
}

/* the buffer as a surface, the event buffer mapped */
static status_t
buffers_map(struct launchpad_window *w, int width, int height)
{
	dataspace_cap_t ds;
	void *pixels;
	const char *events;
	size_t size;
	status_t s = nitpicker_session_framebuffer(w->session, &w->fb);
	if (s == STATUS_OK)
		s = framebuffer_session_dataspace(w->fb, &ds);
	if (s == STATUS_OK)
		s = dataspace_map_writable(ds, &pixels, &size);
	if (s == STATUS_OK && size < (size_t)width * (size_t)height * 2)
		s = STATUS_INVALID_ARGS; /* a server that gave less than asked */
	if (s == STATUS_OK)
		gfx_surface_init(&w->surface, pixels, NULL, width, height);
	if (s == STATUS_OK)
		s = nitpicker_session_input(w->session, &w->input);
	if (s == STATUS_OK)
		s = input_session_dataspace(w->input, &ds);
	if (s == STATUS_OK)
		s = dataspace_map_readonly(ds, &events, &size);
	if (s == STATUS_OK && size < INPUT_EVENT_MAX * sizeof(struct input_event))
		s = STATUS_INVALID_ARGS;
	if (s == STATUS_OK)
		w->events = (const struct input_event *)(const void *)events;
	return s;
}

bool
launchpad_window_open(struct launchpad_window *w, struct env *env, const char *font_rom,
                      unsigned launchers, int x, int y)
{
	if (!font_open(w, env, font_rom))
		return false;
	w->layout = launchpad_layout_for_font(w->font.height);
	w->x = x;
	w->y = y;
	w->shown_h = 0;
	/* room for every launcher's row and, all running, every child's */
	int height = (int)(2 + 2 * launchers) * w->layout.row_h + w->layout.pad;
	struct nitpicker_connection_args args = {
	        .fb_width = (unsigned)w->layout.width, .fb_height = (unsigned)height, .views = 1};
	status_t s = nitpicker_connection_open(env_parent(env), &args, &w->session);
	if (s == STATUS_OK)
		s = buffers_map(w, w->layout.width, height);
	if (s == STATUS_OK)
		s = nitpicker_session_view_create(w->session, &w->view);
	if (s == STATUS_OK)
		s = nitpicker_view_title(w->view, "launchpad");
	if (s != STATUS_OK)
		log_error("no window: %s", status_name(s));
	return s == STATUS_OK;
}

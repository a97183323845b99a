/*
 * \brief  A nitpicker client's session, buffer and input
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/client.h>
#include <input_session/client.h>
#include <util/string.h>

#include "nit_client.h"

/* map the buffer and check it holds the w x h pixels we asked for */
static status_t
nit_client_map_buffer(struct nit_client *c, unsigned w, unsigned h)
{
	dataspace_cap_t ds;
	uint32_t fw = 0, fh = 0, format = 0;
	status_t st = nitpicker_session_framebuffer(c->session, &c->fb);
	if (st == STATUS_OK)
		st = framebuffer_session_info(c->fb, &fw, &fh, &format);
	if (st == STATUS_OK && (fw != w || fh != h || format != FRAMEBUFFER_FORMAT_RGB565))
		st = STATUS_PROTOCOL;
	if (st != STATUS_OK)
		return st;
	st = framebuffer_session_dataspace(c->fb, &ds);
	if (st != STATUS_OK)
		return st;
	st = dataspace_map_writable(ds, &c->fb_addr, &c->fb_size);
	cap_close(cap_raw(ds)); /* the mapping stays without it */
	if (st == STATUS_OK && c->fb_size < (size_t)w * h * 2)
		st = STATUS_PROTOCOL;
	if (st == STATUS_OK)
		gfx_surface_init(&c->buffer, c->fb_addr, 0, (int)w, (int)h);
	return st;
}

static status_t
nit_client_map_input(struct nit_client *c)
{
	dataspace_cap_t ds;
	const char *addr = 0;
	size_t size = 0;
	status_t st = nitpicker_session_input(c->session, &c->input);
	if (st == STATUS_OK)
		st = input_session_dataspace(c->input, &ds);
	if (st != STATUS_OK)
		return st;
	st = dataspace_map_readonly(ds, &addr, &size);
	cap_close(cap_raw(ds));
	c->events = (const struct input_event *)(const void *)addr;
	c->events_max = size / sizeof(struct input_event);
	return st;
}

status_t
nit_client_open(struct nit_client *c, struct env *env, unsigned w, unsigned h, unsigned views,
                const char *who)
{
	struct nitpicker_connection_args a = {.fb_width = w, .fb_height = h, .views = views};
	mem_set(c, 0, sizeof(*c));
	c->env = env;
	status_t st = nitpicker_connection_open(env_parent(env), &a, &c->session);
	if (st != STATUS_OK) {
		log_error("%s: no Nitpicker session for a %ux%u buffer (%lu bytes): %s", who, w, h,
		          nitpicker_connection_quota(&a), status_name(st));
		return st;
	}
	st = nit_client_map_buffer(c, w, h);
	if (st == STATUS_OK)
		st = nit_client_map_input(c);
	if (st != STATUS_OK)
		log_error("%s: the Nitpicker session's buffer or input is unusable: %s", who,
		          status_name(st));
	return st;
}

status_t
nit_client_view_create(struct nit_client *c, const char *title, nitpicker_view_cap_t *view)
{
	status_t st = nitpicker_session_view_create(c->session, view);
	if (st == STATUS_OK)
		st = nitpicker_view_title(*view, title);
	return st;
}

status_t
nit_client_view_raise(nitpicker_view_cap_t view)
{
	return nitpicker_view_stack(view, CAP_TYPED_INVALID(nitpicker_view_cap_t), true, true);
}

status_t
nit_client_refresh(struct nit_client *c, struct gfx_rect r)
{
	r = gfx_rect_intersect(r, gfx_surface_area(&c->buffer));
	if (gfx_rect_empty(r))
		return STATUS_OK;
	return framebuffer_session_refresh(c->fb, r.x, r.y, r.w, r.h);
}

status_t
nit_client_poll(struct nit_client *c, nit_client_event_fn fn, void *ctx)
{
	bool pending = false;
	uint32_t n = 0;
	status_t st = input_session_pending(c->input, &pending);
	if (st != STATUS_OK || !pending)
		return st;
	st = input_session_flush(c->input, &n);
	if (st != STATUS_OK)
		return st;
	/* the server says how many; the buffer says how many there can be */
	for (uint32_t i = 0; i < n && i < c->events_max; i++) {
		struct input_event ev = c->events[i];
		fn(ctx, &ev);
	}
	return STATUS_OK;
}

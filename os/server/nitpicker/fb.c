/*
 * \brief  A client's virtual framebuffer: its own RAM dataspace, refresh onto the screen
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/mode.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "nitpicker.h"

/* marks the area only: the redraw comes once per period, however many refreshes (nitpicker.h) */
static void
np_fb_refresh(void *ctx, int32_t x, int32_t y, int32_t w, int32_t h)
{
	struct np_session *s = ctx;
	npc_session_refresh(&np_server.core, &s->core, (struct gfx_rect){x, y, w, h});
}

status_t
np_fb_open(struct np_session *s)
{
	ram_session_cap_t ram = env_ram(np_server.env);
	size_t size = 0;
	status_t st = ram_session_alloc(ram, s->buf_size, &s->buf_ds);

	if (st != STATUS_OK)
		return st;
	st = dataspace_map_writable(s->buf_ds, &s->buf, &size);
	if (st == STATUS_OK && size < s->buf_size) {
		dataspace_unmap(s->buf, size);
		st = STATUS_PROTOCOL;
	}
	if (st == STATUS_OK) {
		mem_set(s->buf, 0, s->buf_size);
		fb_buffer_init(&s->fb, s->buf_ds, s->w, s->h, FRAMEBUFFER_FORMAT_RGB565,
		               np_fb_refresh, s);
		st = fb_buffer_manage(&s->fb, env_ep(np_server.env), &s->fb_rpc, &s->fb_cap);
		if (st != STATUS_OK)
			dataspace_unmap(s->buf, s->buf_size);
	}
	if (st != STATUS_OK) {
		(void)ram_session_free(ram, s->buf_ds);
		cap_close(cap_raw(s->buf_ds));
	}
	return st;
}

void
np_fb_close(struct np_session *s)
{
	entrypoint_dissolve(env_ep(np_server.env), &s->fb_rpc);
	cap_close(cap_raw(s->fb_cap));
	fb_buffer_release(&s->fb);
	dataspace_unmap(s->buf, s->buf_size);
	(void)ram_session_free(env_ram(np_server.env), s->buf_ds);
	cap_close(cap_raw(s->buf_ds));
}

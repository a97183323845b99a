/*
 * \brief  A client's virtual framebuffer: its own RAM dataspace, refresh onto the screen
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/mode.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "nitpicker.h"

static status_t
np_fb_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	struct np_session *s = ctx;
	(void)call;
	*ds = s->buf_ds;
	return STATUS_OK;
}

static status_t
np_fb_info(void *ctx, struct rpc_call *call, uint32_t *width, uint32_t *height, uint32_t *format)
{
	struct np_session *s = ctx;
	(void)call;
	*width = s->w;
	*height = s->h;
	*format = FRAMEBUFFER_FORMAT_RGB565;
	return STATUS_OK;
}

/* marks the area only: the redraw comes once per period, however many refreshes (nitpicker.h) */
static status_t
np_fb_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	struct np_session *s = ctx;
	(void)call;
	npc_session_refresh(&np_server.core, &s->core, (struct gfx_rect){x, y, w, h});
	return STATUS_OK;
}

static status_t
np_fb_mode_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct np_session *s = ctx;
	(void)call;
	/* kept to honour the interface; a session's mode never changes */
	if (cap_valid(cap_raw(s->mode_sigh)))
		cap_close(cap_raw(s->mode_sigh));
	s->mode_sigh = sigh;
	return STATUS_OK;
}

static const struct framebuffer_session_ops np_fb_ops = {.dataspace = np_fb_dataspace,
                                                         .info = np_fb_info,
                                                         .refresh = np_fb_refresh,
                                                         .mode_sigh = np_fb_mode_sigh};

status_t
np_fb_open(struct np_session *s)
{
	ram_session_cap_t ram = env_ram(np_server.env);
	size_t size = 0;
	status_t st = ram_session_alloc(ram, s->buf_size, &s->buf_ds);

	s->mode_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	if (st != STATUS_OK)
		return st;
	st = dataspace_map_writable(s->buf_ds, &s->buf, &size);
	if (st == STATUS_OK && size < s->buf_size) {
		dataspace_unmap(s->buf, size);
		st = STATUS_PROTOCOL;
	}
	if (st == STATUS_OK) {
		mem_set(s->buf, 0, s->buf_size);
		st = framebuffer_session_manage(env_ep(np_server.env), &s->fb_rpc, &np_fb_ops, s,
		                                &s->fb_cap);
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
	if (cap_valid(cap_raw(s->mode_sigh)))
		cap_close(cap_raw(s->mode_sigh));
	dataspace_unmap(s->buf, s->buf_size);
	(void)ram_session_free(env_ram(np_server.env), s->buf_ds);
	cap_close(cap_raw(s->buf_ds));
}

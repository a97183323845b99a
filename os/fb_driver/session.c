/*
 * \brief  fb_driver: the Framebuffer session of the one client
 *
 * The session hands out copies of the driver's buffer capability; the
 * buffer stays the driver's when the session closes (the next client
 * finds what the last one drew). The mode never changes, so the mode
 * signal context is kept only to be given back at the close.
 */

#include <base/log.h>
#include <framebuffer_session/server.h>
#include <parent/client.h>

#include "fb_driver_session.h"

static status_t
fb_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	struct fb_driver_session *s = ctx;

	(void)call;
	*ds = s->drv->ds; /* BORROWED into the reply */
	return STATUS_OK;
}

static status_t
fb_info(void *ctx, struct rpc_call *call, uint32_t *width, uint32_t *height, uint32_t *format)
{
	struct fb_driver_session *s = ctx;

	(void)call;
	*width = s->drv->mode.width;
	*height = s->drv->mode.height;
	*format = s->drv->mode.format;
	return STATUS_OK;
}

static status_t
fb_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	struct fb_driver_session *s = ctx;
	struct fb_rect r;

	(void)call;
	if (fb_rect_clip(x, y, w, h, s->drv->mode.width, s->drv->mode.height, &r))
		s->drv->ops->refresh(s->drv->ctx, &r);
	return STATUS_OK;
}

static status_t
fb_mode_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct fb_driver_session *s = ctx;

	(void)call;
	if (cap_valid(cap_raw(s->mode_sigh)))
		cap_close(cap_raw(s->mode_sigh));
	s->mode_sigh = sigh; /* OWNED from the dispatch on */
	return STATUS_OK;
}

static const struct framebuffer_session_ops fb_driver_session_ops = {
        .dataspace = fb_dataspace,
        .info = fb_info,
        .refresh = fb_refresh,
        .mode_sigh = fb_mode_sigh,
};

status_t
fb_driver_session_open(struct fb_driver_session *s, struct fb_driver *drv)
{
	framebuffer_session_cap_t cap;

	s->drv = drv;
	s->mode_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st = framebuffer_session_manage(env_ep(drv->env), &s->rpc, &fb_driver_session_ops,
	                                         s, &cap);
	if (st == STATUS_OK)
		s->base.cap = cap_raw(cap);
	return st;
}

void
fb_driver_session_close(struct fb_driver_session *s)
{
	entrypoint_dissolve(env_ep(s->drv->env), &s->rpc);
	if (cap_valid(cap_raw(s->mode_sigh)))
		cap_close(cap_raw(s->mode_sigh));
}

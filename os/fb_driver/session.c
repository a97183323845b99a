/*
 * \brief  fb_driver: the Framebuffer session of the one client
 *
 * The session hands out copies of the driver's buffer capability; the
 * buffer stays the driver's when the session closes (the next client
 * finds what the last one drew). The mode never changes, so the mode
 * signal context is kept only to be given back at the close.
 */

#include <base/log.h>
#include <parent/client.h>

#include "fb_driver_session.h"

/* the client's rectangle is never trusted: clipped before the driver sees it */
static void
fb_driver_session_refresh(void *ctx, int32_t x, int32_t y, int32_t w, int32_t h)
{
	struct fb_driver_session *s = ctx;
	struct fb_rect r;

	if (fb_rect_clip(x, y, w, h, s->drv->mode.width, s->drv->mode.height, &r))
		s->drv->ops->refresh(s->drv->ctx, &r);
}

status_t
fb_driver_session_open(struct fb_driver_session *s, struct fb_driver *drv)
{
	framebuffer_session_cap_t cap;

	s->drv = drv;
	fb_buffer_init(&s->fb, drv->ds, drv->mode.width, drv->mode.height, drv->mode.format,
	               fb_driver_session_refresh, s);
	status_t st = fb_buffer_manage(&s->fb, env_ep(drv->env), &s->rpc, &cap);
	if (st == STATUS_OK)
		s->base.cap = cap_raw(cap);
	return st;
}

void
fb_driver_session_close(struct fb_driver_session *s)
{
	entrypoint_dissolve(env_ep(s->drv->env), &s->rpc);
	fb_buffer_release(&s->fb);
}

/*
 * \brief  fb_buffer: a Framebuffer session object over one buffer
 */

#include <os/fb_buffer.h>

static status_t
fb_buffer_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct fb_buffer *)ctx)->ds; /* BORROWED into the reply */
	return STATUS_OK;
}

static status_t
fb_buffer_info(void *ctx, struct rpc_call *call, uint32_t *width, uint32_t *height,
               uint32_t *format)
{
	struct fb_buffer *b = ctx;
	(void)call;
	*width = b->width;
	*height = b->height;
	*format = b->format;
	return STATUS_OK;
}

static status_t
fb_buffer_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	struct fb_buffer *b = ctx;
	(void)call;
	b->refresh(b->ctx, x, y, w, h);
	return STATUS_OK;
}

static status_t
fb_buffer_mode_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	struct fb_buffer *b = ctx;
	(void)call;
	fb_buffer_release(b);
	b->mode_sigh = sigh; /* OWNED from the dispatch on */
	return STATUS_OK;
}

static const struct framebuffer_session_ops fb_buffer_ops = {.dataspace = fb_buffer_dataspace,
                                                             .info = fb_buffer_info,
                                                             .refresh = fb_buffer_refresh,
                                                             .mode_sigh = fb_buffer_mode_sigh};

void
fb_buffer_init(struct fb_buffer *b, dataspace_cap_t ds, uint32_t width, uint32_t height,
               uint32_t format, void (*refresh)(void *, int32_t, int32_t, int32_t, int32_t),
               void *ctx)
{
	*b = (struct fb_buffer){.ds = ds,
	                        .width = width,
	                        .height = height,
	                        .format = format,
	                        .refresh = refresh,
	                        .ctx = ctx,
	                        .mode_sigh = CAP_TYPED_INVALID(signal_context_cap_t)};
}

status_t
fb_buffer_manage(struct fb_buffer *b, struct entrypoint *ep, struct rpc_object *obj,
                 framebuffer_session_cap_t *cap)
{
	return framebuffer_session_manage(ep, obj, &fb_buffer_ops, b, cap);
}

void
fb_buffer_release(struct fb_buffer *b)
{
	if (cap_valid(cap_raw(b->mode_sigh)))
		cap_close(cap_raw(b->mode_sigh));
	b->mode_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
}

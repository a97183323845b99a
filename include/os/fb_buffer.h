/*
 * \brief  fb_buffer: a Framebuffer session object over one buffer
 *
 * What every Framebuffer server here does alike: hand out its buffer's
 * dataspace, tell its mode, and keep the mode signal context a client
 * sets (the mode never changes, so it is only given back at the close).
 * Only refresh differs: fb_driver puts the area on a screen, nitpicker
 * marks it for its next redraw, a test screen counts it. Used by
 * os/fb_driver, os/server/nitpicker and os/test/nit_stand_in.
 *
 * Used on the entrypoint's thread only.
 */

#ifndef _INCLUDE__OS__FB_BUFFER_H_
#define _INCLUDE__OS__FB_BUFFER_H_

#include <stdint.h>

#include <base/rpc_server.h>
#include <base/signal.h>
#include <dataspace/rpc.h>
#include <framebuffer_session/server.h>

struct fb_buffer {
	dataspace_cap_t ds;             /* BORROWED: the buffer, its owner's */
	uint32_t width, height, format; /* FRAMEBUFFER_FORMAT_* */
	/* the client's refresh rectangle, unchecked (any values) */
	void (*refresh)(void *ctx, int32_t x, int32_t y, int32_t w, int32_t h);
	void *ctx;                      /* BORROWED: passed to refresh */
	signal_context_cap_t mode_sigh; /* OWNED, may be invalid */
};

/*
 * Set b up for the buffer ds of width x height pixels of format;
 * refresh and ctx are BORROWED for b's life.
 */
void fb_buffer_init(struct fb_buffer *b, dataspace_cap_t ds, uint32_t width, uint32_t height,
                    uint32_t format, void (*refresh)(void *, int32_t, int32_t, int32_t, int32_t),
                    void *ctx);

/* serve b as obj at ep: *cap (OWNED by the caller) names it */
status_t fb_buffer_manage(struct fb_buffer *b, struct entrypoint *ep, struct rpc_object *obj,
                          framebuffer_session_cap_t *cap);

/* give back what b keeps of the client (its mode signal context) */
void fb_buffer_release(struct fb_buffer *b);

#endif /* _INCLUDE__OS__FB_BUFFER_H_ */

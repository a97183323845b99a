/*
 * \brief  fb_driver: a driver's Framebuffer service over one buffer
 *
 * A framebuffer driver (fb_sdl; a VESA driver would be another) has one
 * screen and one buffer in one mode. The buffer is a RAM dataspace the
 * driver allocates from its own quota at start: the screen exists
 * whether or not a client is connected, so it is not the client's to pay.
 * One client at a time (Genode's Single_client): two clients drawing into
 * one screen would overwrite each other; the GUI server (nitpicker) is
 * the one that multiplexes it. A second session is refused with a log
 * line naming both. A client's session costs FRAMEBUFFER_SESSION_RAM_QUOTA,
 * for the session object.
 *
 * Refresh rectangles come from the client and are never trusted: they
 * are clipped to the buffer (fb_rect_clip) before the driver's refresh
 * hook sees them.
 *
 * The mode comes from the driver's config, <config width=".." height=".."
 * depth=".."/> (10.02's VESA driver): each attribute has the driver's
 * default, depth 16 is FRAMEBUFFER_FORMAT_RGB565, and a mode that is not
 * among the driver's supported ones is refused (fb_mode_from_config).
 *
 * Used on the entrypoint's thread only.
 */

#ifndef _INCLUDE__OS__FB_DRIVER_H_
#define _INCLUDE__OS__FB_DRIVER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/env.h>
#include <base/rpc_server.h>
#include <dataspace/rpc.h>
#include <framebuffer_session/mode.h>
#include <root/component.h>
#include <util/node.h>

struct fb_mode {
	uint32_t width, height;
	uint32_t format; /* FRAMEBUFFER_FORMAT_* */
};

/* a rectangle inside the buffer: 0 <= x, x + w <= width, w >= 1 (same for y, h) */
struct fb_rect {
	uint32_t x, y, w, h;
};

/*
 * Clip the client's rectangle x, y, w, h (any values, negative or
 * overflowing included) to a buffer of width x height pixels. False if
 * nothing of it is inside; else *out is the part that is.
 */
bool fb_rect_clip(int32_t x, int32_t y, int32_t w, int32_t h, uint32_t width, uint32_t height,
                  struct fb_rect *out);

/*
 * The mode config (its root node, BORROWED; NULL: no config) asks for:
 * width, height and depth, each defaulting to def's. If a value is
 * malformed or the mode is none of supported[0..count-1], log why (who
 * names the driver) with the list of supported modes and return false.
 */
bool fb_mode_from_config(const struct node *config, const struct fb_mode *supported, size_t count,
                         const struct fb_mode *def, const char *who, struct fb_mode *out);

/* "WIDTHxHEIGHTxDEPTH" of mode into text (size bytes, terminated) */
void fb_mode_format(const struct fb_mode *mode, char *text, size_t size);

struct fb_driver_ops {
	/* show r of the buffer (clipped already) on the screen */
	void (*refresh)(void *ctx, const struct fb_rect *r);
};

struct fb_driver {
	struct env *env; /* BORROWED */
	struct fb_mode mode;
	dataspace_cap_t ds;              /* OWNED: the buffer, of the driver's RAM session */
	void *pixels;                    /* its mapping, rows of mode.width pixels */
	size_t size;                     /* bytes mapped */
	const struct fb_driver_ops *ops; /* BORROWED */
	void *ctx;                       /* BORROWED: passed to ops */
	struct root_component root;
	struct rpc_object root_obj;
};

/*
 * Allocate the buffer for mode from env's RAM session and map it (zeroed:
 * black). STATUS_QUOTA_EXCEEDED (logged, with the bytes it needs) if the
 * driver's quota does not cover it. ops and ctx are BORROWED for d's life.
 */
status_t fb_driver_init(struct fb_driver *d, struct env *env, const struct fb_mode *mode,
                        const struct fb_driver_ops *ops, void *ctx);

/* serve "Framebuffer" at env's entrypoint and announce it; logged on failure */
status_t fb_driver_announce(struct fb_driver *d);

#endif /* _INCLUDE__OS__FB_DRIVER_H_ */

/*
 * \brief  Images from ROM modules (library gfx)
 *
 * Our own format (doc/gui.md, "Images"): a header with magic, width and
 * height, then RGB565 pixels and one alpha byte per pixel. A build-time
 * tool makes it from a PNG; components check it before use.
 */

#ifndef _INCLUDE__GFX__IMAGE_H_
#define _INCLUDE__GFX__IMAGE_H_

#include <stddef.h>

#include <base/status.h>
#include <gfx/surface.h>

/*
 * Check data (size bytes) and make *img a read-only surface over it
 * (pixels and alpha point into data, which must outlive img; do not draw
 * into it). STATUS_INVALID_ARGS naming the defect in the log.
 */
status_t gfx_image_parse(struct gfx_surface *img, const void *data, size_t size);

#endif /* _INCLUDE__GFX__IMAGE_H_ */

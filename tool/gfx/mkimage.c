/*
 * \brief  Build-time tool: a PNG -> image module
 *
 *   mkimage <in.png> <out.gfi>
 *
 * Reads any PNG with libpng, converts it to RGB565 (rounded) and, if any
 * pixel is not opaque, an alpha plane, in the format of
 * include/gfx/image_format.h. Runs on the build machine only: components
 * read the result with gfx_image_parse and need no libpng.
 */

#include <png.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gfx/image_format.h>

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "mkimage: %s: %s\n", what, detail);
	exit(1);
}

static void
put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v & 0xff);
	p[1] = (uint8_t)((v >> 8) & 0xff);
}

static void
put32(uint8_t *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

/* 8 bits -> n bits, rounded to the nearest level */
static unsigned
channel(unsigned v, unsigned levels)
{
	return (v * levels + 127) / 255;
}

/* header, pixels and (if needed) alpha of n RGBA pixels into a buffer of *size bytes */
static uint8_t *
image_convert(const uint8_t *rgba, uint32_t w, uint32_t h, size_t *size)
{
	size_t n = (size_t)w * h;
	bool has_alpha = false;
	for (size_t i = 0; i < n; i++)
		has_alpha |= rgba[4 * i + 3] != 255;
	*size = GFX_IMAGE_HEADER + n * (has_alpha ? 3 : 2);
	uint8_t *out = calloc(1, *size);
	if (!out)
		die("out of memory", "");
	memcpy(out, GFX_IMAGE_MAGIC, 4);
	put16(out + 4, GFX_IMAGE_VERSION);
	put16(out + 6, has_alpha ? GFX_IMAGE_ALPHA : 0);
	put32(out + 8, w);
	put32(out + 12, h);
	for (size_t i = 0; i < n; i++) {
		const uint8_t *p = rgba + 4 * i;
		unsigned r = channel(p[0], 31), g = channel(p[1], 63), b = channel(p[2], 31);
		put16(out + GFX_IMAGE_HEADER + 2 * i, r << 11 | g << 5 | b);
		if (has_alpha)
			out[GFX_IMAGE_HEADER + 2 * n + i] = p[3];
	}
	return out;
}

int
main(int argc, char **argv)
{
	if (argc != 3)
		die("usage", "mkimage <in.png> <out.gfi>");
	png_image img;
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, argv[1]))
		die(argv[1], img.message);
	if (img.width == 0 || img.height == 0 || img.width > GFX_IMAGE_MAX ||
	    img.height > GFX_IMAGE_MAX)
		die(argv[1], "size out of the format's range");
	img.format = PNG_FORMAT_RGBA;
	uint8_t *rgba = malloc(PNG_IMAGE_SIZE(img));
	if (!rgba || !png_image_finish_read(&img, NULL, rgba, 0, NULL))
		die(argv[1], img.message);
	size_t size;
	uint8_t *out = image_convert(rgba, img.width, img.height, &size);
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s.tmp", argv[2]);
	FILE *f = fopen(tmp, "wb");
	if (!f || fwrite(out, size, 1, f) != 1 || fclose(f) != 0 || rename(tmp, argv[2]) != 0)
		die("cannot write", argv[2]);
	free(out);
	free(rgba);
	return 0;
}

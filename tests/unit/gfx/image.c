/*
 * \brief  Unit test of gfx images: real modules, hostile copies, blitting
 *
 * The modules are the build's image_icon.gfi (with alpha) and
 * image_gradient.gfi (opaque), copied beside this program (tool/mk/gfx.mk).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gfx/font_format.h>
#include <gfx/image.h>
#include <gfx/image_format.h>

#include "gfx_test.h"

static uint8_t *icon_data, *ramp_data; /* OWNED */
static size_t icon_size, ramp_size;

static uint16_t
pixel(const struct gfx_surface *s, int x, int y)
{
	return s->pixels[y * s->w + x];
}

static void
image_real_modules(void)
{
	struct gfx_surface icon, ramp;
	if (!CHECK(gfx_test_load(gfx_test_dir, "test-gfx-icon.gfi", &icon_data, &icon_size)) ||
	    !CHECK(gfx_test_load(gfx_test_dir, "test-gfx-gradient.gfi", &ramp_data, &ramp_size)))
		exit(1);
	CHECK_EQ(gfx_image_parse(&icon, icon_data, icon_size), STATUS_OK);
	CHECK(icon.w == 48 && icon.h == 48 && icon.alpha != NULL);
	CHECK(icon.clip.w == 48 && icon.clip.h == 48);
	/* the green disc #1d8a3a, rounded to RGB565, transparent corners */
	CHECK_EQ(pixel(&icon, 8, 24), 4 << 11 | 34 << 5 | 7);
	CHECK_EQ(icon.alpha[24 * 48 + 8], 255);
	CHECK_EQ(icon.alpha[0], 0);
	CHECK_EQ(pixel(&icon, 24, 24), 0xffff); /* the white triangle */
	CHECK_EQ(gfx_image_parse(&ramp, ramp_data, ramp_size), STATUS_OK);
	CHECK(ramp.w == 256 && ramp.h == 24 && ramp.alpha == NULL);
	/* #c02060 on the left, #ffd040 on the right */
	CHECK(gfx_red(pixel(&ramp, 0, 12)) < gfx_red(pixel(&ramp, 255, 12)));
	CHECK(gfx_green(pixel(&ramp, 0, 12)) < 0x30 && gfx_green(pixel(&ramp, 255, 12)) > 0xc0);
}

/* the icon blitted partly off the surface: corners transparent, disc solid, clipped */
static void
image_blit(void)
{
	struct gfx_surface icon;
	CHECK_EQ(gfx_image_parse(&icon, icon_data, icon_size), STATUS_OK);
	surf_reset(false);
	gfx_blit(&surf, -2, -2, &icon, gfx_surface_area(&icon));
	CHECK_EQ(mem[GUARD + 0], BG);                         /* icon (2, 20): outside the disc */
	CHECK_EQ(mem[GUARD + 7 * W + 6], pixel(&icon, 8, 9)); /* in the disc */
	CHECK(guards_intact());
}

static void
put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void
edit_magic(uint8_t *d)
{
	d[3] = 'X';
}
static void
edit_version(uint8_t *d)
{
	d[4] = 9;
}
static void
edit_flags(uint8_t *d)
{
	d[6] = 3;
}
static void
edit_alpha_flag(uint8_t *d)
{
	d[6] = 1;
} /* the opaque ramp claims alpha */
static void
edit_w0(uint8_t *d)
{
	put32(d + 8, 0);
}
static void
edit_h_huge(uint8_t *d)
{
	put32(d + 12, 0xffffffffu);
}
static void
edit_w_over(uint8_t *d)
{
	put32(d + 8, GFX_IMAGE_MAX + 1);
}
/* 16384 * 16384 * 3 wraps a 32-bit size_t: the module is far too short */
static void
edit_max(uint8_t *d)
{
	put32(d + 8, GFX_IMAGE_MAX), put32(d + 12, GFX_IMAGE_MAX);
}

/* malloc's alignment is even, as an image module's must be */
static void
image_refuses(const uint8_t *copy, size_t size)
{
	struct gfx_surface img = {0};
	CHECK_EQ(gfx_image_parse(&img, copy, size), STATUS_INVALID_ARGS);
	CHECK(img.pixels == NULL);
}

static void
image_refused(const uint8_t *data, size_t size, size_t copy_size, void (*edit)(uint8_t *),
              const char *defect)
{
	gfx_test_refused(data, size, copy_size, edit, image_refuses, defect);
}

static void
image_refused_defects(void)
{
	const uint8_t *r = ramp_data, *i = icon_data;
	image_refused(r, ramp_size, 0, NULL, "no image module (0 bytes");
	image_refused(r, ramp_size, GFX_IMAGE_HEADER - 1, NULL, "no image module (15 bytes");
	image_refused(r, ramp_size, ramp_size, edit_magic, "magic");
	image_refused(r, ramp_size, ramp_size, edit_version, "version 9");
	image_refused(r, ramp_size, ramp_size, edit_flags, "flags 0x3");
	image_refused(r, ramp_size, ramp_size, edit_alpha_flag, "256x24 needs 18448 bytes");
	image_refused(r, ramp_size, ramp_size, edit_w0, "size 0x24 out of range");
	image_refused(r, ramp_size, ramp_size, edit_h_huge, "size 256x4294967295 out of range");
	image_refused(r, ramp_size, ramp_size, edit_w_over, "size 16385x24 out of range");
	image_refused(r, ramp_size, ramp_size, edit_max, "16384x16384 needs 536870928 bytes");
	image_refused(r, ramp_size, ramp_size - 1, NULL, "needs 12304 bytes, the module has 12303");
	image_refused(i, icon_size, icon_size - 1, NULL, "needs 6928 bytes, the module has 6927");
	struct gfx_surface img;
	gfx_test_last_line[0] = 0;
	CHECK_EQ(gfx_image_parse(&img, NULL, 100), STATUS_INVALID_ARGS);
	CHECK(strstr(gfx_test_last_line, "missing"));
	/* the pixels are used in place as uint16_t: an odd address is refused */
	uint8_t *odd = malloc(icon_size + 1);
	memcpy(odd + 1, icon_data, icon_size);
	CHECK_EQ(gfx_image_parse(&img, odd + 1, icon_size), STATUS_INVALID_ARGS);
	CHECK(strstr(gfx_test_last_line, "odd address"));
	free(odd);
	/* trailing bytes (a ROM module rounded up to pages) are fine */
	uint8_t *padded = calloc(1, icon_size + 4096);
	memcpy(padded, icon_data, icon_size);
	CHECK_EQ(gfx_image_parse(&img, padded, icon_size + 4096), STATUS_OK);
	free(padded);
}

const struct test_case gfx_image_cases[] = {
        TEST_CASE(image_real_modules),
        TEST_CASE(image_blit),
        TEST_CASE(image_refused_defects),
};
const unsigned gfx_image_case_count = sizeof(gfx_image_cases) / sizeof(gfx_image_cases[0]);

/*
 * \brief  test-gfx_rom: the build's font and image modules, from ROM
 *
 * Opens every font and image module the build makes (doc/gui.md), as a GUI
 * component does, checks it with gfx_font_parse / gfx_image_parse and draws
 * with it, logging what it found. "font_broken.gft" (the run script writes a
 * truncated font there) must be refused with the defect named, and the
 * component goes on. run/gfx_rom.run checks the lines.
 */

#include <base/component.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <gfx/font.h>
#include <gfx/image.h>
#include <rom_session/connection.h>
#include <util/string.h>

enum { W = 200, H = 80, BG = 0x0000 };

static uint16_t pixels[W * H];
static struct gfx_surface screen;

static const char *const fonts[] = {"font_label.gft", "font_text.gft", "font_heading.gft",
                                    "font_mono.gft", "font_broken.gft"};
static const char *const images[] = {"image_logo.gfi", "image_icon.gfi", "image_gradient.gfi",
                                     "image_pointer.gfi", "image_diagram.gfi"};

/* the module mapped read-only; the session stays open for the component's life */
static bool
rom_map(struct env *env, const char *name, const char **data, size_t *size)
{
	status_t s = rom_connection_map(env_parent(env), name, data, size);
	if (s != STATUS_OK)
		log_error("%s: cannot open ROM module: %s", name, status_name(s));
	return s == STATUS_OK;
}

static unsigned
pixels_set(void)
{
	unsigned n = 0;
	for (int i = 0; i < W * H; i++)
		n += pixels[i] != BG;
	return n;
}

static bool
font_try(struct env *env, const char *name)
{
	const char *data;
	size_t size;
	struct gfx_font f;
	if (!rom_map(env, name, &data, &size) || gfx_font_parse(&f, data, size) != STATUS_OK)
		return false;
	gfx_fill(&screen, gfx_surface_area(&screen), BG);
	int w = gfx_font_draw(&screen, &f, 2, 2, "Genode \xc3\xa4\xc3\xb6\xc3\xbc", 0xffff);
	log_print("%s: line height %d, baseline %d, text %d px wide, %u pixels drawn", name,
	          f.height, f.baseline, w, pixels_set());
	return true;
}

static bool
image_try(struct env *env, const char *name)
{
	const char *data;
	size_t size;
	struct gfx_surface img;
	if (!rom_map(env, name, &data, &size) || gfx_image_parse(&img, data, size) != STATUS_OK)
		return false;
	gfx_fill(&screen, gfx_surface_area(&screen), BG);
	gfx_blit(&screen, 0, 0, &img, gfx_surface_area(&img));
	log_print("%s: %dx%d %s, %u pixels drawn", name, img.w, img.h,
	          img.alpha ? "with alpha" : "opaque", pixels_set());
	return true;
}

void
component_construct(struct env *env)
{
	unsigned ok = 0;
	gfx_surface_init(&screen, pixels, NULL, W, H);
	for (unsigned i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++)
		ok += font_try(env, fonts[i]);
	for (unsigned i = 0; i < sizeof(images) / sizeof(images[0]); i++)
		ok += image_try(env, images[i]);
	log_print("--- gfx ROM test finished: %u modules usable ---", ok);
	env_exit(env, 0);
}

/*
 * \brief  Fixture of the gfx unit test: a small surface with guards around it
 */

#ifndef _TESTS__UNIT__GFX__GFX_TEST_H_
#define _TESTS__UNIT__GFX__GFX_TEST_H_

#include <stdbool.h>
#include <stdint.h>

#include <stddef.h>

#include <gfx/font.h>
#include <gfx/surface.h>

#include "../../harness/harness.h"

enum { W = 16, H = 8, GUARD = 32, BG = 0x1234, FG = 0xffff };

extern uint16_t mem[GUARD + W * H + GUARD]; /* surf's pixels start at mem + GUARD */
extern uint8_t amem[GUARD + W * H + GUARD];
extern struct gfx_surface surf;

/* rectangles no drawing function may overflow on or write outside for */
extern const struct gfx_rect hostile[];
extern const unsigned hostile_count;

/* a fresh surf, BG everywhere, guards marked; with_alpha: an alpha plane of 0 */
void surf_reset(bool with_alpha);

/* the guards around surf (pixels and alpha) are untouched */
bool guards_intact(void);

/* (x, y) lies in r, computed in 64 bits */
bool in64(struct gfx_rect r, int64_t x, int64_t y);

/* every pixel of surf as want(x, y, arg) says (the first that is not is named) */
bool pixels_are(uint16_t (*want)(int x, int y, const void *arg), const void *arg);

/* the directory of this program, where the build puts test-gfx-font.gft */
extern const char *gfx_test_dir;

/* read dir/name into *data (OWNED by the caller, malloc'ed of its exact *size) */
bool gfx_test_load(const char *dir, const char *name, uint8_t **data, size_t *size);

/* the last line gfx logged */
extern char gfx_test_last_line[];

/* parse copy (size bytes) and check it is refused as it must be, keeping nothing of it */
typedef void (*gfx_test_parse_fn)(const uint8_t *copy, size_t size);

/*
 * A copy of the module data (size bytes) changed by edit (may be NULL),
 * malloc'ed of exactly copy_size bytes (ASan sees a read beyond): parse
 * must refuse it with a log line that names defect.
 */
void gfx_test_refused(const uint8_t *data, size_t size, size_t copy_size, void (*edit)(uint8_t *),
                      gfx_test_parse_fn parse, const char *defect);

/* the real font, parsed by the first font case */
extern struct gfx_font gfx_test_font;

extern const struct test_case gfx_surface_cases[], gfx_blit_cases[], gfx_font_cases[],
        gfx_font_draw_cases[], gfx_image_cases[];
extern const unsigned gfx_surface_case_count, gfx_blit_case_count, gfx_font_case_count,
        gfx_font_draw_case_count, gfx_image_case_count;

#endif /* _TESTS__UNIT__GFX__GFX_TEST_H_ */

/*
 * \brief  Unit test: fb_driver's clipping of refresh rectangles and its modes
 *
 * A refresh rectangle comes from the client: every corner case of 32-bit
 * values (negative, INT32_MIN/MAX, sums that overflow 32 bits) must give
 * the part inside the buffer or nothing. A mode comes from the config:
 * only listed modes are taken, anything else refused.
 */

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <os/fb_driver.h>
#include <util/node_tree.h>
#include <util/xml.h>

#include "../../harness/harness.h"

/* the last line logged: the refusals must name what is wrong and the modes */
static char logged[512];

void log_output_line(const char *line, size_t len);

void
log_output_line(const char *line, size_t len)
{
	if (len >= sizeof(logged))
		len = sizeof(logged) - 1;
	memcpy(logged, line, len);
	logged[len] = 0;
}

static bool
clip(int32_t x, int32_t y, int32_t w, int32_t h, struct fb_rect *r)
{
	return fb_rect_clip(x, y, w, h, 800, 600, r);
}

static bool
rect_is(const struct fb_rect *r, uint32_t x, uint32_t y, uint32_t w, uint32_t h)
{
	return r->x == x && r->y == y && r->w == w && r->h == h;
}

static void
clip_inside_and_partial(void)
{
	struct fb_rect r;
	CHECK(clip(0, 0, 800, 600, &r) && rect_is(&r, 0, 0, 800, 600));
	CHECK(clip(10, 20, 30, 40, &r) && rect_is(&r, 10, 20, 30, 40));
	CHECK(clip(-50, 300, 150, 100, &r) && rect_is(&r, 0, 300, 100, 100));
	CHECK(clip(700, 500, 200, 200, &r) && rect_is(&r, 700, 500, 100, 100));
	CHECK(clip(-10, -10, 1000, 1000, &r) && rect_is(&r, 0, 0, 800, 600));
	CHECK(clip(799, 599, 1, 1, &r) && rect_is(&r, 799, 599, 1, 1));
}

static void
clip_outside_and_empty(void)
{
	struct fb_rect r;
	CHECK(!clip(0, 0, 0, 10, &r));
	CHECK(!clip(0, 0, 10, 0, &r));
	CHECK(!clip(0, 0, -5, -5, &r));
	CHECK(!clip(800, 0, 10, 10, &r));
	CHECK(!clip(0, 600, 10, 10, &r));
	CHECK(!clip(-10, -10, 10, 10, &r));
	CHECK(!clip(150, 330, INT32_MIN, 10, &r));
}

static void
clip_overflowing(void)
{
	struct fb_rect r;
	/* x + w overflows 32 bits: still the part up to the buffer's edge */
	CHECK(clip(700, 500, INT32_MAX, INT32_MAX, &r) && rect_is(&r, 700, 500, 100, 100));
	CHECK(!clip(INT32_MAX, INT32_MAX, INT32_MAX, INT32_MAX, &r));
	/* INT32_MIN + INT32_MAX is -1: nothing */
	CHECK(!clip(INT32_MIN, INT32_MIN, INT32_MAX, INT32_MAX, &r));
	CHECK(!clip(INT32_MIN, 300, 100, 100, &r));
	CHECK(clip(INT32_MIN, 0, INT32_MAX, 10, &r) == false);
	CHECK(clip(-INT32_MAX, 0, INT32_MAX, 10, &r) == false);
	CHECK(clip(-(INT32_MAX - 5), 0, INT32_MAX, 10, &r) && rect_is(&r, 0, 0, 5, 10));
}

static const struct fb_mode modes[] = {{640, 480, FRAMEBUFFER_FORMAT_RGB565},
                                       {1024, 768, FRAMEBUFFER_FORMAT_RGB565}};
static const struct fb_mode mode_default = {1024, 768, FRAMEBUFFER_FORMAT_RGB565};

/* the mode of config text, or {0} if refused */
static struct fb_mode
mode_of(const char *text)
{
	struct node nodes[4];
	struct node_value attrs[8];
	struct node_tree tree;
	struct node_error err;
	struct fb_mode m = {0};
	node_tree_init(&tree, nodes, 4, attrs, 8);
	if (xml_parse(&tree, text, strlen(text), &err) != STATUS_OK)
		return m;
	if (!fb_mode_from_config(node_tree_root(&tree), modes, 2, &mode_default, "test", &m))
		m = (struct fb_mode){0};
	return m;
}

static void
modes_from_config(void)
{
	struct fb_mode m;
	CHECK(fb_mode_from_config(NULL, modes, 2, &mode_default, "test", &m) && m.width == 1024);
	CHECK_EQ(mode_of("<config/>").height, 768);
	CHECK_EQ(mode_of("<config width=\"640\" height=\"480\"/>").width, 640);
	CHECK_EQ(mode_of("<config width=\"640\" height=\"480\" depth=\"16\"/>").format,
	         FRAMEBUFFER_FORMAT_RGB565);
	CHECK_EQ(mode_of("<config depth=\"32\"/>").width, 0);
	CHECK(strstr(logged, "test: the config's mode 1024x768x32 is not supported; supported "
	                     "modes (width x height x depth): 640x480x16, 1024x768x16") != NULL);
	CHECK_EQ(mode_of("<config depth=\"8\"/>").width, 0);
	CHECK_EQ(mode_of("<config width=\"640\"/>").width, 0);
	CHECK_EQ(mode_of("<config width=\"abc\"/>").width, 0);
	CHECK(strstr(logged, "malformed mode in the config; supported modes") != NULL);
	CHECK_EQ(mode_of("<config width=\"-640\" height=\"480\"/>").width, 0);
	CHECK_EQ(mode_of("<config width=\"4295033856\" height=\"480\"/>").width, 0);
}

TEST_MAIN(TEST_CASE(clip_inside_and_partial), TEST_CASE(clip_outside_and_empty),
          TEST_CASE(clip_overflowing), TEST_CASE(modes_from_config))

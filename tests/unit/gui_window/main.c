/*
 * \brief  Unit test: window geometry, stacking, dragging and config of the demo's clients
 *
 * Pure logic of demo/lib/window: what a click hits, which window is on
 * top, where a drag moves a window (also with hostile coordinates) and
 * how a config with bad values degrades to the defaults.
 */

#include <stdio.h>

#include <base/log.h>
#include <util/string.h>

#include "../../../demo/lib/window/window.h"
#include "../../../demo/lib/window/window_config.h"
#include "../../harness/harness.h"

static char last_line[256];

/* the components' log: kept, so that a case can check what a bad value said */
void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "%.*s\n", (int)len, line);
	str_copy_counted(last_line, sizeof(last_line), line, len);
}

static bool
logged(const char *needle)
{
	for (const char *p = last_line; *p; p++)
		if (str_has_prefix(p, needle))
			return true;
	return false;
}

static struct window
win(int x, int y, int w, int h)
{
	struct window r = {.x = x, .y = y, .w = w, .h = h};
	return r;
}

static void
hit_parts(void)
{
	struct window w = win(100, 50, 200, 150);
	CHECK_EQ(window_hit(&w, 99, 60), WINDOW_HIT_NONE);
	CHECK_EQ(window_hit(&w, 300, 60), WINDOW_HIT_NONE); /* right edge is exclusive */
	CHECK_EQ(window_hit(&w, 100, 50), WINDOW_HIT_BORDER);
	CHECK_EQ(window_hit(&w, 150, 50 + WINDOW_BORDER), WINDOW_HIT_TITLE);
	CHECK_EQ(window_hit(&w, 150, 50 + WINDOW_BORDER + WINDOW_TITLE_H - 1), WINDOW_HIT_TITLE);
	CHECK_EQ(window_hit(&w, 150, 50 + WINDOW_BORDER + WINDOW_TITLE_H), WINDOW_HIT_CLIENT);
	CHECK_EQ(window_hit(&w, 299, 199), WINDOW_HIT_BORDER);
	CHECK_EQ(window_hit(&w, 297, 197), WINDOW_HIT_CLIENT);
}

static void
hit_no_overflow(void)
{
	struct window w = win(0x7fffff00, 0x7fffff00, 0x7fffffff, 0x7fffffff);
	CHECK_EQ(window_hit(&w, -0x7fffffff, 0), WINDOW_HIT_NONE);
	CHECK_EQ(window_hit(&w, 0x7fffffff, 0x7fffffff), WINDOW_HIT_CLIENT);
	CHECK_EQ(window_hit(&w, 0x7fffff00, 0x7fffffff), WINDOW_HIT_BORDER);
	int cx, cy;
	CHECK(!window_to_client(&w, -0x7fffffff - 1, -0x7fffffff - 1, &cx, &cy));
	CHECK_EQ(cx, -0x7fffffff - 1);
	struct window empty = win(0, 0, -5, 10);
	CHECK_EQ(window_hit(&empty, 0, 0), WINDOW_HIT_NONE);
}

static void
client_mapping(void)
{
	struct window w = win(10, 20, window_outer_w(64), window_outer_h(48));
	int cx, cy;
	CHECK_EQ(window_client_w(&w), 64);
	CHECK_EQ(window_client_h(&w), 48);
	CHECK(window_to_client(&w, 10 + WINDOW_BORDER, 20 + window_client_dy(), &cx, &cy));
	CHECK_EQ(cx, 0);
	CHECK_EQ(cy, 0);
	CHECK(window_to_client(&w, 10 + WINDOW_BORDER + 63, 20 + window_client_dy() + 47, &cx,
	                       &cy));
	CHECK_EQ(cx, 63);
	CHECK_EQ(cy, 47);
	CHECK(!window_to_client(&w, 10 + WINDOW_BORDER + 64, 20 + window_client_dy(), &cx, &cy));
	CHECK_EQ(cx, 64); /* still mapped, for a drag that left the area */
	CHECK(!window_to_client(&w, 15, 25, &cx, &cy)); /* the title bar */
}

static void
stack_raise(void)
{
	struct window ws[3] = {win(0, 0, 100, 100), win(50, 50, 100, 100), win(500, 0, 10, 10)};
	struct window_stack s;
	window_stack_init(&s, 3);
	CHECK_EQ(window_stack_top_at(&s, ws, 60, 60), 0);
	CHECK(window_stack_raise(&s, 1));
	CHECK_EQ(window_stack_top_at(&s, ws, 60, 60), 1);
	CHECK_EQ(s.order[0], 1);
	CHECK_EQ(s.order[1], 0);
	CHECK_EQ(s.order[2], 2);
	CHECK(!window_stack_raise(&s, 1)); /* already on top */
	CHECK(!window_stack_raise(&s, 7)); /* not in the stack */
	CHECK_EQ(window_stack_top_at(&s, ws, 400, 400), -1);
}

static void
drag_title(void)
{
	struct window w = win(100, 100, 200, 100);
	struct window_drag d;
	CHECK(!window_drag_begin(&d, &w, 150, 150)); /* client area: no drag */
	CHECK(!window_drag_motion(&d, &w, 10, 10));
	CHECK_EQ(w.x, 100);
	CHECK(window_drag_begin(&d, &w, 150, 105));
	CHECK(window_drag_motion(&d, &w, 160, 125));
	CHECK_EQ(w.x, 110);
	CHECK_EQ(w.y, 120);
	CHECK(!window_drag_motion(&d, &w, 160, 125));
	window_drag_end(&d);
	CHECK(!window_drag_motion(&d, &w, 0, 0));
	CHECK_EQ(w.x, 110);
}

static void
drag_clamped(void)
{
	struct window w = win(0, 0, 200, 100);
	struct window_drag d;
	CHECK(window_drag_begin(&d, &w, 5, 5));
	CHECK(window_drag_motion(&d, &w, 0x7fffffff, -0x7fffffff - 1));
	CHECK_EQ(w.x, WINDOW_COORD_MAX - WINDOW_SIZE_MAX);
	CHECK_EQ(w.y, -(WINDOW_COORD_MAX - WINDOW_SIZE_MAX));
}

static void
color_parse(void)
{
	uint16_t c = 0;
	CHECK_EQ(window_color_parse("#ff0000", &c), STATUS_OK);
	CHECK_EQ(c, 0xf800);
	CHECK_EQ(window_color_parse("#00FF00", &c), STATUS_OK);
	CHECK_EQ(c, 0x07e0);
	CHECK_EQ(window_color_parse("#0000ff", &c), STATUS_OK);
	CHECK_EQ(c, 0x001f);
	CHECK_EQ(window_color_parse("ff0000", &c), STATUS_INVALID_ARGS);
	CHECK_EQ(window_color_parse("#ff00", &c), STATUS_INVALID_ARGS);
	CHECK_EQ(window_color_parse("#ff00001", &c), STATUS_INVALID_ARGS);
	CHECK_EQ(window_color_parse("#gg0000", &c), STATUS_INVALID_ARGS);
}

static const struct window defaults[3] = {
        {.x = 1, .y = 2, .w = 100, .h = 100, .color = 1, .title = "one"},
        {.x = 3, .y = 4, .w = 100, .h = 100, .color = 2, .title = "two"},
        {.x = 5, .y = 6, .w = 100, .h = 100, .color = 3, .title = "three"},
};

static unsigned
parse(const char *text, struct window *ws)
{
	return window_config_parse(text, text ? str_len(text) : 0, ws, 3, defaults, "test");
}

static void
config_good(void)
{
	struct window ws[3];
	CHECK_EQ(parse("<config><window x=\"10\" y=\"-20\" w=\"300\" h=\"200\" color=\"#ff0000\" "
	               "title=\"red\"/><window title=\"b\"/></config>",
	               ws),
	         2);
	CHECK_EQ(ws[0].x, 10);
	CHECK_EQ(ws[0].y, -20);
	CHECK_EQ(ws[0].w, 300);
	CHECK_EQ(ws[0].color, 0xf800);
	CHECK_STR(ws[0].title, "red");
	CHECK_EQ(ws[1].x, 3); /* missing attributes: the default of that window */
	CHECK_STR(ws[1].title, "b");
}

static void
config_bad_values(void)
{
	struct window ws[3];
	CHECK_EQ(parse("<config><window x=\"abc\" w=\"5\" h=\"99999999\" color=\"red\" "
	               "title=\"a&#10;b\"/></config>",
	               ws),
	         1);
	CHECK_EQ(ws[0].x, 1);
	CHECK_EQ(ws[0].w, 100);
	CHECK_EQ(ws[0].h, 100);
	CHECK_EQ(ws[0].color, 1);
	CHECK_STR(ws[0].title, "a?b"); /* control character replaced */
	CHECK_EQ(parse("<config><window h=\"99999999\"/></config>", ws), 1);
	CHECK(logged("test: config: h=99999999 is outside 30..16384, using 100"));
}

static void
config_absent_or_broken(void)
{
	struct window ws[3];
	CHECK_EQ(parse(0, ws), 3);
	CHECK_STR(ws[2].title, "three");
	CHECK_EQ(parse("<config><window x=\"1\"", ws), 3);
	CHECK(logged("test: config does not parse (line 1"));
	CHECK_EQ(ws[0].x, 1);
	CHECK_EQ(parse("<config/>", ws), 3);
	CHECK_EQ(parse("<config><window/><window/><window/><window/></config>", ws), 3);
}

static void
config_long_title(void)
{
	struct window ws[3];
	char text[512] = "<config><window title=\"";
	size_t n = str_len(text);
	for (int i = 0; i < 200; i++)
		text[n++] = 'x';
	str_copy(text + n, "\"/></config>", sizeof(text) - n);
	CHECK_EQ(parse(text, ws), 1);
	CHECK_EQ(str_len(ws[0].title), WINDOW_TITLE_MAX - 1);
	CHECK(logged("test: config: title=\"...\" is longer than 63 bytes, cut"));
}

TEST_MAIN(TEST_CASE(hit_parts), TEST_CASE(hit_no_overflow), TEST_CASE(client_mapping),
          TEST_CASE(stack_raise), TEST_CASE(drag_title), TEST_CASE(drag_clamped),
          TEST_CASE(color_parse), TEST_CASE(config_good), TEST_CASE(config_bad_values),
          TEST_CASE(config_absent_or_broken), TEST_CASE(config_long_title))

/*
 * \brief  Unit test: liquid_fb's input translation, title-bar drag and grabs
 */

#include <stdio.h>

#include "../../../demo/liquid_fb/route.h"
#include "../../harness/harness.h"

void log_output_line(const char *line, size_t len);

void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "%.*s\n", (int)len, line);
}

/* a window at (100, 50) around a 320 x 240 client framebuffer */
static struct liquid_fb_route r;
static struct input_event out;

static void
setup(void)
{
	r = (struct liquid_fb_route){0};
	r.win = (struct window){
	        .x = 100, .y = 50, .w = window_outer_w(320), .h = window_outer_h(240)};
}

static enum liquid_fb_verdict
ev(uint32_t type, uint32_t code, int x, int y)
{
	struct input_event e = {.type = type, .code = code, .ax = x, .ay = y};
	return liquid_fb_route_event(&r, &e, &out);
}

enum { CX = 100 + WINDOW_BORDER, CY = 50 + WINDOW_BORDER + WINDOW_TITLE_H };

static void
translated(void)
{
	setup();
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, CX + 10, CY + 20), LIQUID_FB_FORWARD);
	CHECK_EQ(out.ax, 10);
	CHECK_EQ(out.ay, 20);
	CHECK_EQ(out.type, INPUT_EVENT_MOTION);
	CHECK_EQ(ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, CX + 319, CY + 239), LIQUID_FB_FORWARD);
	CHECK_EQ(out.ax, 319);
	CHECK_EQ(out.ay, 239);
	CHECK_EQ(out.code, INPUT_BTN_LEFT);
}

static void
outside_dropped(void)
{
	setup();
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, CX + 320, CY), LIQUID_FB_DROP);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 0, 0), LIQUID_FB_DROP);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, CX + 5, CY - 1), LIQUID_FB_DROP); /* title bar */
}

static void
grab_until_release(void)
{
	setup();
	CHECK_EQ(ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, CX + 5, CY + 5), LIQUID_FB_FORWARD);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 0, 0), LIQUID_FB_FORWARD); /* left the window */
	CHECK_EQ(out.ax, -CX);
	CHECK_EQ(ev(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, 0, 0), LIQUID_FB_FORWARD);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 0, 0), LIQUID_FB_DROP);
}

static void
title_drag(void)
{
	setup();
	CHECK_EQ(ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 110, 55), LIQUID_FB_RAISE);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 130, 85), LIQUID_FB_MOVE);
	CHECK_EQ(r.win.x, 120);
	CHECK_EQ(r.win.y, 80);
	CHECK_EQ(ev(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, 130, 85), LIQUID_FB_DROPPED);
	/* the client's coordinates follow the window */
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, CX + 20, CY + 30), LIQUID_FB_FORWARD);
	CHECK_EQ(out.ax, 0);
	CHECK_EQ(out.ay, 0);
}

static void
keys_and_focus(void)
{
	setup();
	CHECK_EQ(ev(INPUT_EVENT_PRESS, 30, -5, -5), LIQUID_FB_FORWARD);
	CHECK_EQ(out.code, 30);
	CHECK_EQ(ev(INPUT_EVENT_RELEASE, 30, -5, -5), LIQUID_FB_FORWARD);
	ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, CX, CY);
	CHECK_EQ(ev(INPUT_EVENT_FOCUS, 0, 0, 0), LIQUID_FB_DROP);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 0, 0), LIQUID_FB_DROP); /* the grab ended */
	CHECK_EQ(ev(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, 0, 0), LIQUID_FB_DROP);
	CHECK_EQ(ev(77, 0, 0, 0), LIQUID_FB_DROP);
}

TEST_MAIN(TEST_CASE(translated), TEST_CASE(outside_dropped), TEST_CASE(grab_until_release),
          TEST_CASE(title_drag), TEST_CASE(keys_and_focus))

/*
 * \brief  Unit test: testnit's reaction to input (raise, drag, keys, focus)
 */

#include <stdio.h>

#include "../../../demo/testnit/ui.h"
#include "../../harness/harness.h"

void log_output_line(const char *line, size_t len);

void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "%.*s\n", (int)len, line);
}

static struct testnit_ui ui;

static const struct window wins[3] = {
        {.x = 0, .y = 0, .w = 100, .h = 100, .title = "a"},
        {.x = 50, .y = 50, .w = 100, .h = 100, .title = "b"},
        {.x = 300, .y = 0, .w = 100, .h = 100, .title = "c"},
};

static struct testnit_action
ev(uint32_t type, uint32_t code, int x, int y)
{
	struct input_event e = {.type = type, .code = code, .ax = x, .ay = y};
	return testnit_ui_event(&ui, &e);
}

static void
click_raises(void)
{
	testnit_ui_init(&ui, wins, 3);
	/* (60, 90) is in both a and b; a is on top, so a click on it raises nothing */
	struct testnit_action a = ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 60, 90);
	CHECK_EQ(a.kind, TESTNIT_NONE);
	CHECK_EQ(a.window, 0);
	ev(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, 60, 90);
	a = ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 140, 140); /* only b */
	CHECK_EQ(a.kind, TESTNIT_RAISE);
	CHECK_EQ(a.window, 1);
	ev(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, 140, 140);
	a = ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 60, 90); /* now b is on top there */
	CHECK_EQ(a.window, 1);
	a = ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 250, 250); /* nothing */
	CHECK_EQ(a.kind, TESTNIT_NONE);
	CHECK_EQ(a.window, -1);
}

static void
keys_to_top(void)
{
	testnit_ui_init(&ui, wins, 3);
	struct testnit_action a = ev(INPUT_EVENT_PRESS, 30, 0, 0);
	CHECK_EQ(a.kind, TESTNIT_KEY);
	CHECK_EQ(a.window, 0);
	CHECK_EQ(a.code, 30);
	ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 350, 50);
	a = ev(INPUT_EVENT_PRESS, 31, 0, 0);
	CHECK_EQ(a.window, 2);
	CHECK_EQ(ev(INPUT_EVENT_RELEASE, 31, 0, 0).kind, TESTNIT_RELEASE);
}

static void
drag_moves(void)
{
	testnit_ui_init(&ui, wins, 3);
	ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 310, WINDOW_BORDER + 2); /* c's title bar */
	struct testnit_action a = ev(INPUT_EVENT_MOTION, 0, 320, WINDOW_BORDER + 22);
	CHECK_EQ(a.kind, TESTNIT_MOVE);
	CHECK_EQ(a.window, 2);
	CHECK_EQ(ui.win[2].x, 310);
	CHECK_EQ(ui.win[2].y, 20);
	a = ev(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, 320, 22);
	CHECK_EQ(a.kind, TESTNIT_DROPPED);
	CHECK_EQ(a.window, 2);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 0, 0).kind, TESTNIT_NONE);
	CHECK_EQ(ui.win[2].x, 310);
	/* a press in the client area raises but does not drag */
	ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 140, 140);
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 200, 200).kind, TESTNIT_NONE);
	CHECK_EQ(ev(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, 200, 200).kind, TESTNIT_RELEASE);
}

static void
focus_reported(void)
{
	testnit_ui_init(&ui, wins, 3);
	struct testnit_action a = ev(INPUT_EVENT_FOCUS, 1, 0, 0);
	CHECK_EQ(a.kind, TESTNIT_FOCUS);
	CHECK_EQ(a.code, 1);
	ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, 310, WINDOW_BORDER + 2);
	a = ev(INPUT_EVENT_FOCUS, 0, 0, 0);
	CHECK_EQ(a.code, 0);
	/* losing the focus ends a drag whose release we will not see */
	CHECK_EQ(ev(INPUT_EVENT_MOTION, 0, 100, 100).kind, TESTNIT_NONE);
}

static void
junk_events(void)
{
	testnit_ui_init(&ui, wins, 3);
	CHECK_EQ(ev(999, 5, 0, 0).kind, TESTNIT_NONE);
	CHECK_EQ(ev(INPUT_EVENT_PRESS, INPUT_BTN_LEFT, -0x7fffffff - 1, 0x7fffffff).kind,
	         TESTNIT_NONE);
	testnit_ui_init(&ui, wins, 0);
	CHECK_EQ(ev(INPUT_EVENT_PRESS, 30, 0, 0).window, -1);
}

TEST_MAIN(TEST_CASE(click_raises), TEST_CASE(keys_to_top), TEST_CASE(drag_moves),
          TEST_CASE(focus_reported), TEST_CASE(junk_events))

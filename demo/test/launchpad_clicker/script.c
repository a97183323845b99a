/*
 * \brief  test-launchpad_clicker: the user it plays
 *
 * Start launcher 0, kill it, set its quota to a quarter of the bar, start
 * it again, kill it. Each click waits until the pixels show that the one
 * before took effect: the kill button's red where launchpad's layout puts
 * the first running child, its absence, the bar filled to the quarter.
 */

#include <base/log.h>

#include "../../launchpad/colors.h"
#include "clicker.h"

enum action { CLICK_NAME, CLICK_KILL, CLICK_QUARTER };

struct step {
	enum action action;
	const char *what;
};

static const struct step steps[] = {
        {CLICK_NAME, "start launcher 0"},      {CLICK_KILL, "kill the first child"},
        {CLICK_QUARTER, "quota at a quarter"}, {CLICK_NAME, "start launcher 0 again"},
        {CLICK_KILL, "kill the first child"},
};
enum { STEPS = sizeof(steps) / sizeof(steps[0]) };

static struct launchpad_layout layout;
static struct launchpad_model model; /* only its count: where the rows are */
static unsigned next;
static bool done;

void
clicker_script_init(struct launchpad_layout l, unsigned launchers)
{
	layout = l;
	model.count = launchers;
}

static uint16_t
pixel(const struct nsi_client *s, int x, int y)
{
	return nsi_screen_pixel(&s->screen, x, y);
}

static bool
child_shown(const struct nsi_client *s)
{
	struct gfx_rect k = launchpad_layout_kill(&layout, &model, 0);
	return pixel(s, k.x + 2, k.y + k.h / 2) == launchpad_color(LAUNCHPAD_KILL);
}

/* the bar's fill ends at its quarter (below the text) */
static bool
quarter_shown(const struct nsi_client *s)
{
	struct gfx_rect b = launchpad_layout_bar(&layout, 0);
	int y = b.y + b.h - 2, q = b.x + b.w / 4;
	uint16_t fill = launchpad_color(LAUNCHPAD_BAR_FILL);
	return pixel(s, q - 3, y) == fill && pixel(s, q + 3, y) != fill;
}

/* whether what step i did shows */
static bool
took_effect(const struct nsi_client *s, unsigned i)
{
	switch (steps[i].action) {
	case CLICK_NAME:
		return child_shown(s);
	case CLICK_KILL:
		return !child_shown(s);
	case CLICK_QUARTER:
		return quarter_shown(s);
	}
	return false;
}

/* a press and release of the left button at window point (x, y), signalled */
static void
click_at(struct nsi_client *s, int x, int y)
{
	int ax = s->view_x + x, ay = s->view_y + y;
	struct input_event ev[] = {
	        {.type = INPUT_EVENT_MOTION, .ax = ax, .ay = ay},
	        {.type = INPUT_EVENT_PRESS, .code = INPUT_BTN_LEFT, .ax = ax, .ay = ay},
	        {.type = INPUT_EVENT_RELEASE, .code = INPUT_BTN_LEFT, .ax = ax, .ay = ay},
	};
	for (unsigned i = 0; i < 3; i++)
		(void)nsi_screen_submit(&s->screen, &ev[i]);
	nsi_screen_signal(&s->screen);
}

static void
click(struct nsi_client *s, const struct step *st)
{
	struct gfx_rect r = st->action == CLICK_NAME   ? launchpad_layout_name(&layout, 0)
	                    : st->action == CLICK_KILL ? launchpad_layout_kill(&layout, &model, 0)
	                                               : launchpad_layout_bar(&layout, 0);
	int x = st->action == CLICK_QUARTER ? r.x + r.w / 4 - 1 : r.x + r.w / 2;
	int y = r.y + r.h / 2;
	log_print("click at (%d, %d) of the window: %s", x, y, st->what);
	click_at(s, x, y);
}

/* the client refreshed its buffer: look and go on */
static void
refreshed(void *ctx)
{
	struct nsi_client *s = ctx;
	if (done || s->view_w == 0)
		return;
	if (next > 0 && !took_effect(s, next - 1))
		return;
	if (next == STEPS) {
		done = true;
		log_print("clicks done");
		return;
	}
	click(s, &steps[next++]);
}

const struct nsi_hooks clicker_script_hooks = {.refresh = refreshed};

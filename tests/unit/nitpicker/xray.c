/*
 * \brief  nitpicker core test: X-ray mode, kill mode, colour policies
 */

#include <string.h>

#include "np_test.h"

#define RED   0xf800
#define GREEN 0x07e0
#define BLUE  0x001f

enum { KEY_A = 30 };

static uint16_t
mix(uint16_t a, uint16_t b, unsigned alpha)
{
	unsigned r = (gfx_red(a) * (255 - alpha) + gfx_red(b) * alpha) / 255;
	unsigned g = (gfx_green(a) * (255 - alpha) + gfx_green(b) * alpha) / 255;
	unsigned bl = (gfx_blue(a) * (255 - alpha) + gfx_blue(b) * alpha) / 255;
	return gfx_rgb(r, g, bl);
}

/* the components of two pixels differ by at most one step of RGB565 */
static bool
near(uint16_t a, uint16_t b)
{
	int dr = (int)((a >> 11) & 31) - (int)((b >> 11) & 31);
	int dg = (int)((a >> 5) & 63) - (int)((b >> 5) & 63);
	int db = (int)(a & 31) - (int)(b & 31);
	return dr >= -1 && dr <= 1 && dg >= -1 && dg <= 1 && db >= -1 && db <= 1;
}

void
xray_labels_and_tint(void)
{
	np_setup();
	struct np_client *a = np_open(0, "launchpad -> testnit", RED, false);
	struct np_client *b = np_open(1, "b", GREEN, false);
	a->s.color = BLUE;
	np_view(a, 0, (struct gfx_rect){0, 20, 16, 16});
	npc_view_title(&np, &a->v[0], "window 1");
	np_view(b, 0, (struct gfx_rect){32, 20, 16, 16});
	np_click(40, 30); /* b has the focus */
	np_key(INPUT_EVENT_PRESS, INPUT_KEY_SCROLLLOCK);
	np_key(INPUT_EVENT_RELEASE, INPUT_KEY_SCROLLLOCK);
	CHECK(np.xray);
	CHECK_EQ(np_events(b, INPUT_EVENT_PRESS, 0), 1); /* the click only, not ScrLock */
	np_flush();

	CHECK_EQ(np_px(8, 20 + NPC_LABEL_BAR_HEIGHT - 1), BLUE);   /* a's label bar */
	CHECK_EQ(np_px(0, 30), BLUE);                              /* its frame */
	CHECK(near(np_px(8, 34), mix(RED, BLUE, NPC_TINT_ALPHA))); /* tinted */
	CHECK_EQ(np_px(40, 34), GREEN);                            /* b has the focus: untinted */
	/* the text hook draws nothing: the title's place is beyond the view */
	struct gfx_rect bar = {0, 20, 1000, NPC_LABEL_BAR_HEIGHT};
	CHECK(np_text_drawn("launchpad -> testnit", bar));
	CHECK(np_text_drawn("window 1", bar));
	CHECK_EQ(np_px(5, 5), b->s.color); /* the menubar in the focused session's colour */
	CHECK(np_text_drawn("b", (struct gfx_rect){0, 0, W, NPC_MENUBAR_HEIGHT}));

	np_key(INPUT_EVENT_PRESS, INPUT_KEY_SCROLLLOCK);
	np_flush();
	CHECK(!np.xray);
	CHECK_EQ(np_px(8, 34), RED);
	CHECK_EQ(np_px(5, 5), NPC_COLOR_BACKGROUND);
}

/* in X-ray mode the pointer's motion reaches only the focused session */
void
xray_motion_to_focus_only(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false), *b = np_open(1, "b", GREEN, false);
	np_view(a, 0, (struct gfx_rect){0, 20, 16, 16});
	np_view(b, 0, (struct gfx_rect){32, 20, 16, 16});
	np_click(40, 30);
	np_key(INPUT_EVENT_PRESS, INPUT_KEY_SCROLLLOCK);
	unsigned before = np_events(b, INPUT_EVENT_MOTION, 0);
	np_motion(5, 30);
	np_motion(6, 30);
	CHECK_EQ(np_events(a, INPUT_EVENT_MOTION, 0), 0);
	CHECK_EQ(np_events(b, INPUT_EVENT_MOTION, 0), before + 2);
}

void
kill_mode_closes_session(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false);
	struct np_client *b = np_open(1, "launchpad -> testnit", GREEN, false);
	np_view(a, 0, (struct gfx_rect){0, 20, 16, 16});
	np_view(b, 0, (struct gfx_rect){8, 20, 16, 16});
	np_view(b, 1, (struct gfx_rect){40, 20, 16, 16});
	np_click(20, 30); /* b has the focus */
	unsigned presses = np_events(b, INPUT_EVENT_PRESS, 0);

	np_key(INPUT_EVENT_PRESS, INPUT_KEY_SYSRQ);
	np_key(INPUT_EVENT_RELEASE, INPUT_KEY_SYSRQ);
	CHECK(np.kill);
	np_flush();
	CHECK_EQ(np_px(5, 5), NPC_COLOR_KILL);
	np_click(10, 30);
	CHECK(b->killed);
	CHECK(strstr(np_last_log, "kill mode: closed session \"launchpad -> testnit\"") != 0);
	CHECK(!a->killed);
	CHECK(!np.kill);
	CHECK_EQ(np_events(b, INPUT_EVENT_PRESS, 0), presses); /* the click was nitpicker's */
	CHECK_EQ(np_events(a, INPUT_EVENT_PRESS, 0), 0);
	CHECK_EQ(np_events(a, INPUT_EVENT_RELEASE, 0), 0);
	CHECK_PTR_EQ(np.focus, 0);
	np_flush();
	CHECK_EQ(np_px(10, 30), RED);
	CHECK_EQ(np_px(20, 30), NPC_COLOR_BACKGROUND);
	CHECK_EQ(np_px(45, 30), NPC_COLOR_BACKGROUND);
	CHECK_EQ(np_px(5, 5), NPC_COLOR_BACKGROUND);
	np_key(INPUT_EVENT_PRESS, KEY_A);
	CHECK_EQ(np_events(b, INPUT_EVENT_PRESS, 0), presses);

	/* print, too; a click where no view is ends kill mode, nothing closed */
	np_key(INPUT_EVENT_PRESS, INPUT_KEY_PRINT);
	CHECK(np.kill);
	np_click(60, 5);
	CHECK(!np.kill);
	CHECK(!a->killed);
}

void
policy_colors(void)
{
	static const struct npc_policy p[] = {
	        {"launchpad", 0x001f}, {"launchpad -> testnit", 0xf800}, {"nitlog", 0x07e0}};
	uint16_t c = 0;

	CHECK_EQ(npc_policy_color(p, 3, "launchpad -> testnit"), 0xf800); /* the longest */
	CHECK_EQ(npc_policy_color(p, 3, "launchpad -> scout"), 0x001f);
	CHECK_EQ(npc_policy_color(p, 3, "nitlog"), 0x07e0);
	CHECK_EQ(npc_policy_color(p, 3, "testnit"), NPC_COLOR_DEFAULT);
	CHECK(npc_color_parse("#ff0000", &c));
	CHECK_EQ(c, 0xf800);
	CHECK(npc_color_parse("#00FF00", &c));
	CHECK_EQ(c, 0x07e0);
	CHECK(!npc_color_parse("ff0000", &c));
	CHECK(!npc_color_parse("#ff00", &c));
	CHECK(!npc_color_parse("#ff00001", &c));
	CHECK(!npc_color_parse("#gg0000", &c));
	CHECK(!npc_color_parse("", &c));
}

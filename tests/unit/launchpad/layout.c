/*
 * \brief  Unit test of launchpad's layout: hit tests against what is drawn
 */

#include "common.h"

static struct launchpad_layout
layout(void)
{
	/* width 400, rows of 24, names 120 wide, kill buttons 48, margin 4 */
	return launchpad_layout_for_font(16);
}

/* the centre of r */
static int
cx(struct gfx_rect r)
{
	return r.x + r.w / 2;
}
static int
cy(struct gfx_rect r)
{
	return r.y + r.h / 2;
}

void
hit_name_starts(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	struct launchpad_layout lo = layout();
	fixture(&m, l, 32 * MIB);
	struct gfx_rect name = launchpad_layout_name(&lo, 1);
	CHECK_EQ(name.y, 2 * 24);
	struct launchpad_hit h = launchpad_layout_hit(&lo, &m, cx(name), cy(name));
	CHECK_EQ(h.kind, LAUNCHPAD_HIT_START);
	CHECK_EQ(h.launcher, 1);
}

void
hit_bar_sets_quota(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	struct launchpad_layout lo = layout();
	fixture(&m, l, 32 * MIB);
	struct gfx_rect bar = launchpad_layout_bar(&lo, 0);
	CHECK_EQ(bar.x, 128);
	CHECK_EQ(bar.w, 268);
	/* pixel 133 of 268: 134/268 of 32M is 16M */
	struct launchpad_hit h = launchpad_layout_hit(&lo, &m, bar.x + 133, cy(bar));
	CHECK_EQ(h.kind, LAUNCHPAD_HIT_QUOTA);
	CHECK_EQ(h.launcher, 0);
	CHECK_EQ(h.quota, 16 * MIB);
}

void
hit_bar_ends(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	struct launchpad_layout lo = layout();
	fixture(&m, l, 32 * MIB + 100);
	struct gfx_rect bar = launchpad_layout_bar(&lo, 2);
	struct launchpad_hit last = launchpad_layout_hit(&lo, &m, bar.x + bar.w - 1, bar.y);
	CHECK_EQ(last.quota, 32 * MIB); /* all, in whole KiB */
	struct launchpad_hit first = launchpad_layout_hit(&lo, &m, bar.x, bar.y + bar.h - 1);
	CHECK_EQ(first.quota, (32 * MIB + 100) / 268 / KIB * KIB);
	/* just outside the bar: nothing */
	CHECK_EQ(launchpad_layout_hit(&lo, &m, bar.x + bar.w, bar.y).kind, LAUNCHPAD_HIT_NONE);
	CHECK_EQ(launchpad_layout_hit(&lo, &m, bar.x, bar.y - 1).kind, LAUNCHPAD_HIT_NONE);
}

void
hit_kill_of_second_child(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	struct launchpad_layout lo = layout();
	fixture(&m, l, 32 * MIB);
	launchpad_model_started(&m, 0, MIB);
	launchpad_model_started(&m, 2, MIB);
	struct gfx_rect kill = launchpad_layout_kill(&lo, &m, 1);
	CHECK_EQ(kill.y, (2 + 3 + 1) * 24 + 2);
	struct launchpad_hit h = launchpad_layout_hit(&lo, &m, cx(kill), cy(kill));
	CHECK_EQ(h.kind, LAUNCHPAD_HIT_KILL);
	CHECK_EQ(h.launcher, 2);
	/* the child's row beside its button is no kill */
	struct gfx_rect row = launchpad_layout_child(&lo, &m, 1);
	CHECK_EQ(launchpad_layout_hit(&lo, &m, cx(row), cy(row)).kind, LAUNCHPAD_HIT_NONE);
	/* once it is gone, its button is */
	launchpad_model_ended(&m, 2);
	CHECK_EQ(launchpad_layout_hit(&lo, &m, cx(kill), cy(kill)).kind, LAUNCHPAD_HIT_NONE);
}

void
hit_nothing(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	struct launchpad_layout lo = layout();
	fixture(&m, l, 32 * MIB);
	static const int points[][2] = {
	        {10, 10},  {-5, 30},         {2147483647, 30},  {-2147483647 - 1, -1},
	        {126, 30}, {10, 2147483647}, {200, 5 * 24 + 10}};
	for (unsigned i = 0; i < sizeof(points) / sizeof(points[0]); i++)
		CHECK_EQ(launchpad_layout_hit(&lo, &m, points[i][0], points[i][1]).kind,
		         LAUNCHPAD_HIT_NONE);
}

void
bar_fill(void)
{
	struct gfx_rect bar = {100, 10, 200, 8};
	CHECK_EQ(launchpad_layout_bar_fill(bar, 8 * MIB, 32 * MIB).w, 50);
	CHECK_EQ(launchpad_layout_bar_fill(bar, 64 * MIB, 32 * MIB).w, 200);
	CHECK_EQ(launchpad_layout_bar_fill(bar, MIB, 0).w, 0);
	CHECK_EQ(launchpad_layout_bar_fill(bar, 0, 32 * MIB).w, 0);
}

void
height_grows(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	struct launchpad_layout lo = layout();
	fixture(&m, l, 32 * MIB);
	CHECK_EQ(launchpad_layout_height(&lo, &m), 5 * 24 + 4);
	launchpad_model_started(&m, 1, MIB);
	CHECK_EQ(launchpad_layout_height(&lo, &m), 6 * 24 + 4);
}

/* whether a and b share a pixel (the gfx library is not linked: pure code only) */
static bool
overlap(struct gfx_rect a, struct gfx_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* every clickable thing lies inside the window and apart from every other one */
void
rows_do_not_overlap(void)
{
	struct launchpad_model m;
	struct launchpad_launcher l[3];
	struct launchpad_layout lo = layout();
	fixture(&m, l, 32 * MIB);
	launchpad_model_started(&m, 0, MIB);
	struct gfx_rect r[7] = {launchpad_layout_name(&lo, 0),    launchpad_layout_bar(&lo, 0),
	                        launchpad_layout_name(&lo, 1),    launchpad_layout_bar(&lo, 1),
	                        launchpad_layout_name(&lo, 2),    launchpad_layout_bar(&lo, 2),
	                        launchpad_layout_kill(&lo, &m, 0)};
	int h = launchpad_layout_height(&lo, &m);
	for (unsigned i = 0; i < 7; i++) {
		CHECK(r[i].x >= 0 && r[i].y >= 0 && r[i].x + r[i].w <= lo.width &&
		      r[i].y + r[i].h <= h);
		for (unsigned j = i + 1; j < 7; j++)
			CHECK(!overlap(r[i], r[j]));
	}
}

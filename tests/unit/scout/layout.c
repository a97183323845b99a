/*
 * \brief  Unit test of scout's layout, hit testing and window geometry
 *
 * fixture_metrics: 6 px per byte of text (line 16), 10 for H1 (28), 8 for
 * H2 (20); SCOUT_MARGIN 12. A width of 84 leaves lines of 60 px.
 */

#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "fixture.h"

static struct test_heap layout_th;

static void
layout_of(struct scout_doc *d, struct scout_layout *l, const char *text, int width)
{
	test_heap_init(&layout_th, SIZE_MAX);
	CHECK_EQ(fixture_parse_counted(d, "l.txt", text, strlen(text), &layout_th.heap), STATUS_OK);
	CHECK_EQ(scout_layout_build(l, d, width, &fixture_metrics, &layout_th.heap), STATUS_OK);
}

static void
layout_done(struct scout_doc *d, struct scout_layout *l)
{
	scout_layout_free(l);
	scout_doc_free(d);
	CHECK_EQ(heap_used(&layout_th.heap), 0);
	test_heap_fini(&layout_th);
}

static bool
layout_item_is(const struct scout_layout *l, size_t i, int x, int y, int w, int h)
{
	if (i >= l->item_count) {
		printf("  no item %zu\n", i);
		return false;
	}
	const struct scout_item *it = &l->items[i];
	if (it->x == x && it->y == y && it->w == w && it->h == h)
		return true;
	printf("  item %zu at %d,%d %dx%d, expected %d,%d %dx%d\n", i, it->x, it->y, it->w, it->h,
	       x, y, w, h);
	return false;
}

void
layout_wrap(void)
{
	struct scout_doc d;
	struct scout_layout l;

	layout_of(&d, &l, "aaaa bbbb cccc\n\naaaaa bbbb\n", 84);
	CHECK_EQ(l.item_count, 5);
	CHECK(layout_item_is(&l, 0, 12, 12, 24, 16));
	CHECK(layout_item_is(&l, 1, 42, 12, 24, 16));
	CHECK(layout_item_is(&l, 2, 12, 28, 24, 16)); /* 60 + 24 > 60: next line */
	/* second paragraph below a gap of 8: 30 + 6 + 24 fills the line exactly */
	CHECK(layout_item_is(&l, 3, 12, 52, 30, 16));
	CHECK(layout_item_is(&l, 4, 48, 52, 24, 16));
	CHECK_EQ(l.block_y[1], 52);
	CHECK_EQ(l.height, 52 + 16 + 8 + 12);
	layout_done(&d, &l);

	/* a wider window: all on one line */
	layout_of(&d, &l, "aaaa bbbb cccc\n", 300);
	CHECK(layout_item_is(&l, 2, 72, 12, 24, 16));
	layout_done(&d, &l);
}

void
layout_long_word(void)
{
	struct scout_doc d;
	struct scout_layout l;

	layout_of(&d, &l, "a xxxxxxxxxxxxxxxxxxxxxxxxx\n", 84); /* 25 x: 150 px */
	CHECK_EQ(l.item_count, 4);
	CHECK(layout_item_is(&l, 1, 12, 28, 60, 16));
	CHECK(layout_item_is(&l, 2, 12, 44, 60, 16));
	CHECK(layout_item_is(&l, 3, 12, 60, 30, 16));
	CHECK_EQ(l.items[3].off, 20);
	CHECK_EQ(l.items[3].len, 5);
	CHECK_EQ(l.items[3].index, 1);
	layout_done(&d, &l);

	/* a window narrower than one character still places every byte */
	layout_of(&d, &l, "abc\n", 1);
	CHECK_EQ(l.item_count, 3);
	layout_done(&d, &l);
}

void
layout_blocks_and_images(void)
{
	struct scout_doc d;
	struct scout_layout l;
	static const char text[] = "= Head\npara\n[image p.img]\n[image gone.img]\n";

	test_heap_init(&layout_th, SIZE_MAX);
	fixture_parse_counted(&d, "l.txt", text, strlen(text), &layout_th.heap);
	d.blocks[2].img = &d; /* any pointer: the layout only places it */
	d.blocks[2].img_w = 20;
	d.blocks[2].img_h = 10;
	CHECK_EQ(scout_layout_build(&l, &d, 84, &fixture_metrics, &layout_th.heap), STATUS_OK);
	CHECK_EQ(l.item_count, 4);
	CHECK(layout_item_is(&l, 0, 12, 12, 40, 28)); /* H1: 10 px per byte */
	CHECK(layout_item_is(&l, 1, 12, 54, 24, 16)); /* below the H1's gap of 14 */
	CHECK(layout_item_is(&l, 2, 32, 78, 20, 10)); /* centred: 12 + (60 - 20) / 2 */
	CHECK_EQ(l.items[2].kind, SCOUT_ITEM_IMAGE);
	/* the missing one: a box naming it, "gone.img" and padding */
	CHECK(layout_item_is(&l, 3, 14, 96, 48 + 8, 16 + 8));
	CHECK_EQ(l.items[3].kind, SCOUT_ITEM_IMAGE_MISSING);
	CHECK_EQ(l.height, 96 + 24 + 8 + 12);
	layout_done(&d, &l);
}

void
layout_hit(void)
{
	struct scout_doc d;
	struct scout_layout l;

	layout_of(&d, &l, "x [[#t|link here]] y\n== T {#t}\n", 300);
	CHECK(layout_item_is(&l, 1, 24, 12, 24, 16));
	CHECK_EQ(scout_layout_hit(&l, &d, 30, 20), 0);
	CHECK_EQ(scout_layout_hit(&l, &d, 24, 12), 0);   /* the top-left corner */
	CHECK_EQ(scout_layout_hit(&l, &d, 47, 27), 0);   /* the bottom-right one */
	CHECK_EQ(scout_layout_hit(&l, &d, 48, 20), -1);  /* the space after "link" */
	CHECK_EQ(scout_layout_hit(&l, &d, 60, 20), 0);   /* "here" */
	CHECK_EQ(scout_layout_hit(&l, &d, 13, 20), -1);  /* plain text */
	CHECK_EQ(scout_layout_hit(&l, &d, 30, 28), -1);  /* below the line */
	CHECK_EQ(scout_layout_hit(&l, &d, -30, -5), -1); /* outside the page */
	scout_doc_link_break(&d, 0, "test");
	CHECK_EQ(scout_layout_hit(&l, &d, 30, 20), -1); /* a broken link leads nowhere */
	layout_done(&d, &l);
}

void
layout_anchor_scroll(void)
{
	static char text[4000];
	struct scout_doc d;
	struct scout_layout l;
	size_t n = 0;

	for (unsigned i = 0; i < 40; i++)
		n += (size_t)sprintf(text + n, "p%u\n\n", i);
	n += (size_t)sprintf(text + n, "== Mid {#mid}\n");
	for (unsigned i = 0; i < 40; i++)
		n += (size_t)sprintf(text + n, "q%u\n\n", i);
	sprintf(text + n, "== End {#end}\n");
	layout_of(&d, &l, text, 200);
	CHECK_EQ(l.block_y[40], 12 + 40 * 24 + 10); /* 40 paragraphs, the H2's gap */
	CHECK_EQ(scout_layout_anchor_y(&l, &d, "mid", 100), l.block_y[40] - 12);
	CHECK_EQ(scout_layout_anchor_y(&l, &d, "end", 100), l.height - 100); /* clamped */
	CHECK_EQ(scout_layout_anchor_y(&l, &d, "", 100), 0);
	CHECK_EQ(scout_layout_anchor_y(&l, &d, "nope", 100), 0);
	CHECK_EQ(scout_layout_clamp(&l, -5, 100), 0);
	CHECK_EQ(scout_layout_clamp(&l, 1 << 30, 100), l.height - 100);
	CHECK_EQ(scout_layout_clamp(&l, 50, l.height + 10), 0); /* all of it in view */
	layout_done(&d, &l);
}

void
layout_out_of_quota(void)
{
	struct scout_doc d;
	struct scout_layout l;
	struct test_heap small;

	layout_of(&d, &l, "many words make many items in the layout of this page\n", 84);
	scout_layout_free(&l);
	test_heap_init(&small, 64);
	CHECK_EQ(scout_layout_build(&l, &d, 84, &fixture_metrics, &small.heap),
	         STATUS_OUT_OF_MEMORY);
	CHECK_EQ(small.bytes, 0);
	CHECK_EQ(l.item_count, 0);
	test_heap_fini(&small);
	layout_done(&d, &l);
}

void
chrome_areas(void)
{
	CHECK_EQ(scout_chrome_area(300, 200, 5, 5), SCOUT_AREA_BACK);
	CHECK_EQ(scout_chrome_area(300, 200, 30, 5), SCOUT_AREA_FORWARD);
	CHECK_EQ(scout_chrome_area(300, 200, 100, 23), SCOUT_AREA_TITLE);
	CHECK_EQ(scout_chrome_area(300, 200, 299, 24), SCOUT_AREA_SCROLLBAR);
	CHECK_EQ(scout_chrome_area(300, 200, 285, 199), SCOUT_AREA_PAGE);
	CHECK_EQ(scout_chrome_area(300, 200, 300, 5), SCOUT_AREA_NONE);
	CHECK_EQ(scout_chrome_area(300, 200, -1, 5), SCOUT_AREA_NONE);
	CHECK_EQ(scout_chrome_area(300, 200, 5, 200), SCOUT_AREA_NONE);
}

void
chrome_scrollbar(void)
{
	struct scout_box t = scout_chrome_thumb(176, 1000, 176, 0);
	CHECK_EQ(t.y, 0);
	CHECK_EQ(t.h, 30); /* 176 * 176 / 1000 */
	CHECK_EQ(scout_chrome_thumb(176, 1000, 176, 824).y, 146);
	CHECK_EQ(scout_chrome_thumb(176, 1000, 176, 1 << 30).y, 146); /* never beyond the track */
	CHECK_EQ(scout_chrome_thumb(176, 100, 176, 0).h, 176);        /* all of it in view */
	CHECK_EQ(scout_chrome_thumb(176, 100000, 176, 0).h, SCOUT_THUMB_MIN);
	CHECK_EQ(scout_chrome_scroll_at(176, 1000, 176, 161), 824);
	CHECK_EQ(scout_chrome_scroll_at(176, 1000, 176, 15), 0);
	CHECK_EQ(scout_chrome_scroll_at(176, 1000, 176, -50), 0);
	CHECK_EQ(scout_chrome_scroll_at(176, 1000, 176, 88), 412); /* the middle */
	CHECK_EQ(scout_chrome_scroll_at(176, 100, 176, 88), 0);
}

/*
 * \brief  nitpicker core test: redraw, clipping, hostile viewports
 */

#include <limits.h>

#include "np_test.h"

#define RED   0xf800
#define GREEN 0x07e0
#define BG    NPC_COLOR_BACKGROUND

/* where no view is: the plain colour, and nothing outside the screen is written */
void
draw_background(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false);
	np_view(a, 0, (struct gfx_rect){-8, -8, 16, 16});
	np_view(a, 1, (struct gfx_rect){W - 8, H - 8, 16, 16});
	np_flush();
	CHECK_EQ(np_px(0, 0), RED);
	CHECK_EQ(np_px(8, 8), BG);
	CHECK_EQ(np_px(W / 2, H / 2), BG);
	CHECK_EQ(np_px(W - 1, H - 1), RED);
	CHECK(np_guards_intact());
}

/* buffer point (buf_x, buf_y) appears at the view's top-left */
void
draw_buffer_offset(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false);
	for (int y = 0; y < BUF_H; y++)
		for (int x = 0; x < BUF_W; x++)
			a->pixels[y * BUF_W + x] = (uint16_t)(y * 256 + x);
	struct npc_view *v = np_view(a, 0, (struct gfx_rect){20, 10, 8, 8});
	npc_view_viewport(&np, v, v->rect, 3, 5);
	np_flush();
	CHECK_EQ(np_px(20, 10), 5 * 256 + 3);
	CHECK_EQ(np_px(27, 17), 12 * 256 + 10);
	CHECK_EQ(np_px(28, 17), BG); /* right of the view */
}

/*
 * A view larger than its buffer, or offset beyond it: the rest shows the
 * plain colour. The next buffer in memory is GREEN: reading past a's
 * buffer would show it.
 */
void
draw_outside_buffer_is_background(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false);
	np_open(1, "b", GREEN, false);
	struct npc_view *v = np_view(a, 0, (struct gfx_rect){0, 0, W, H});

	npc_view_viewport(&np, v, v->rect, -4, -4);
	np_flush();
	CHECK_EQ(np_px(0, 0), BG);
	CHECK_EQ(np_px(4, 4), RED);
	CHECK_EQ(np_px(4 + BUF_W - 1, 4 + BUF_H - 1), RED);
	CHECK_EQ(np_px(4 + BUF_W, 4), BG); /* right of the buffer */
	CHECK_EQ(np_px(4, 4 + BUF_H), BG); /* below it: where b's buffer lies in memory */
	CHECK_EQ(np_px(4 + BUF_W, 4 + BUF_H), BG);

	/* nor does a view behind show through where a's buffer ends */
	np_view(&np_client[1], 0, (struct gfx_rect){0, 0, W, H});
	CHECK_EQ(npc_view_stack(&np, &np_client[1].v[0], 0, false), STATUS_OK);
	npc_view_viewport(&np, v, (struct gfx_rect){0, 0, W - 1, H}, -4, -4);
	np_flush();
	CHECK_EQ(np_px(4, 4), RED);
	CHECK_EQ(np_px(0, 0), BG);
	CHECK_EQ(np_px(4 + BUF_W, 4 + BUF_H), BG);

	npc_view_viewport(&np, v, v->rect, BUF_W * 2, BUF_H * 3);
	np_flush();
	for (int y = 0; y < H; y += 7)
		for (int x = 0; x < W; x += 5)
			CHECK_EQ(np_px(x, y), BG);
	CHECK(np_guards_intact());
}

/* positions, sizes and offsets at and beyond the interface's limits */
void
draw_hostile_viewports(void)
{
	static const int pos[] = {INT_MIN, -65536, -16384, -1, 0, 1, 40, 65536, INT_MAX};
	static const int size[] = {INT_MIN, -1, 0, 1, 16384, INT_MAX};
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false);
	np_open(1, "b", GREEN, false);
	struct npc_view *v = np_view(a, 0, (struct gfx_rect){0, 0, 0, 0});
	unsigned n = sizeof(pos) / sizeof(pos[0]), m = sizeof(size) / sizeof(size[0]), bad = 0;

	for (unsigned i = 0; i < n * n * m; i++) {
		int x = pos[i % n], y = pos[(i / n) % n], w = size[(i / n / n) % m];
		npc_view_viewport(&np, v, (struct gfx_rect){x, y, w, w}, pos[(i * 7) % n],
		                  pos[(i * 5) % n]);
		npc_session_refresh(&np, &a->s, (struct gfx_rect){x, y, w, w});
		np_flush();
		/* every pixel is a's or the plain colour, never b's */
		for (int k = 0; k < W * H; k += 13)
			bad += np_screen.pixels[k] != RED && np_screen.pixels[k] != BG;
	}
	CHECK_EQ(bad, 0);
	CHECK(np_guards_intact());
}

/* an alpha view shows what lies behind where its alpha is 0; the backdrop lies behind all */
void
draw_alpha_and_backdrop(void)
{
	static uint8_t alpha[BUF_W * BUF_H];
	np_setup();
	struct np_client *bd = np_open(0, "init -> backdrop", GREEN, false);
	struct np_client *a = np_open(1, "a", RED, false);
	struct npc_view *bv = np_view(bd, 0, (struct gfx_rect){0, 0, BUF_W, BUF_H});

	CHECK_EQ(npc_session_background(&np, &bd->s, bv), STATUS_OK);
	a->s.buffer.alpha = alpha;
	for (int i = 0; i < BUF_W * BUF_H; i++)
		alpha[i] = i < BUF_W ? 0 : 255; /* the first row transparent */
	np_view(a, 0, (struct gfx_rect){4, 4, BUF_W, BUF_H});
	np_flush();
	CHECK_EQ(np_px(1, 1), GREEN);                          /* the backdrop, where no view is */
	CHECK_EQ(np_px(5, 4), GREEN);                          /* through a's transparent row */
	CHECK_EQ(np_px(5, 5), RED);                            /* a's opaque pixels */
	CHECK_EQ(np_px(4 + BUF_W, 4), BG);                     /* beyond the backdrop view */
	CHECK_EQ(npc_view_stack(&np, bv, 0, true), STATUS_OK); /* a background stays */
	np_flush();
	CHECK_EQ(np_px(5, 5), RED);
}

/* a refresh redraws where the session's views show the rectangle, nothing else */
void
refresh_marks_views_only(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false);
	struct npc_view *v = np_view(a, 0, (struct gfx_rect){20, 10, 8, 8});
	npc_view_viewport(&np, v, v->rect, 4, 4);
	np_flush();
	npc_session_refresh(&np, &a->s, (struct gfx_rect){0, 0, 6, 6});
	CHECK_EQ(np.dirty.x, 20);
	CHECK_EQ(np.dirty.y, 10);
	CHECK_EQ(np.dirty.w, 2);
	CHECK_EQ(np.dirty.h, 2);
	np_flush();
	npc_view_viewport(&np, v, (struct gfx_rect){20, 10, 30, 30}, 0, 0);
	np_flush();
	npc_session_refresh(&np, &a->s, (struct gfx_rect){-50, -50, 200, 200});
	CHECK_EQ(np.dirty.w, BUF_W); /* where the buffer lies, not all of the larger view */
	CHECK_EQ(np.dirty.h, BUF_H);
	np_flush();
	npc_session_refresh(&np, &a->s, (struct gfx_rect){INT_MIN, INT_MIN, INT_MAX, 3});
	CHECK(gfx_rect_empty(np.dirty)); /* buffer rows above the view's */
}

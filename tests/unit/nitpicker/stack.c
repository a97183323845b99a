/*
 * \brief  nitpicker core test: the view stack
 */

#include "np_test.h"

#define RED   0xf800
#define GREEN 0x07e0
#define BLUE  0x001f

/* two overlapping views of a, one of b over both; (15, 15) lies in all three */
void
stack_order(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false), *b = np_open(1, "b", GREEN, false);
	struct npc_view *a0 = np_view(a, 0, (struct gfx_rect){0, 0, 16, 16});
	struct npc_view *a1 = np_view(a, 1, (struct gfx_rect){10, 10, 16, 16});
	struct npc_view *b0 = np_view(b, 0, (struct gfx_rect){12, 12, 16, 16});

	a->pixels[0] = BLUE; /* a0 shows it at (0, 0) */
	np_flush();
	CHECK_EQ(np_px(15, 15), GREEN); /* the newest view lies in front */
	CHECK_EQ(np_px(0, 0), BLUE);
	CHECK_EQ(np_px(10, 10), BLUE); /* a1 in front of a0: a1 shows buffer (0, 0) there */

	CHECK_EQ(npc_view_stack(&np, a0, a1, false), STATUS_OK); /* a0 in front of a1 */
	np_flush();
	CHECK_EQ(np_px(10, 10), RED);

	CHECK_EQ(npc_view_stack(&np, a0, 0, true), STATUS_OK); /* a0 on top */
	np_flush();
	CHECK_EQ(np_px(15, 15), RED);
	CHECK_EQ(np_px(13, 13), RED);

	CHECK_EQ(npc_view_stack(&np, a0, 0, false), STATUS_OK); /* a0 to the bottom */
	np_flush();
	CHECK_EQ(np_px(13, 13), GREEN);
	CHECK_EQ(np_px(11, 11), RED); /* a1 over a0 */

	CHECK_EQ(npc_view_stack(&np, b0, a1, true), STATUS_DENIED); /* b behind a's view */
	CHECK_EQ(npc_view_stack(&np, a1, b0, true), STATUS_DENIED);
	np_flush();
	CHECK_EQ(np_px(13, 13), GREEN);
	CHECK(np_guards_intact());
}

/* views of a stay_top session stay in front, whatever the others ask */
void
stack_stay_top(void)
{
	np_setup();
	struct np_client *t = np_open(0, "menu", RED, true), *b = np_open(1, "b", GREEN, false);
	struct npc_view *t0 = np_view(t, 0, (struct gfx_rect){0, 0, 16, 16});
	struct npc_view *b0 = np_view(b, 0, (struct gfx_rect){8, 8, 16, 16});

	np_flush();
	CHECK_EQ(np_px(10, 10), RED); /* b's view is newer, yet behind */
	CHECK_EQ(npc_view_stack(&np, b0, 0, true), STATUS_OK);
	np_flush();
	CHECK_EQ(np_px(10, 10), RED);
	CHECK_EQ(npc_view_stack(&np, t0, 0, false), STATUS_OK); /* bottom of the stay_top */
	np_flush();
	CHECK_EQ(np_px(10, 10), RED);
	CHECK_EQ(np_px(20, 20), GREEN);
}

/* a view of another session as neighbor or background is refused, nothing moves */
void
stack_foreign_refused(void)
{
	np_setup();
	struct np_client *a = np_open(0, "a", RED, false), *b = np_open(1, "b", GREEN, false);
	struct npc_view *a0 = np_view(a, 0, (struct gfx_rect){0, 0, 16, 16});
	struct npc_view *b0 = np_view(b, 0, (struct gfx_rect){4, 4, 16, 16});

	CHECK_EQ(npc_session_background(&np, &a->s, b0), STATUS_DENIED);
	CHECK_EQ(npc_view_stack(&np, a0, b0, false), STATUS_DENIED);
	CHECK_PTR_EQ(a->s.background, 0);
	np_flush();
	CHECK_EQ(np_px(6, 6), GREEN);
	CHECK_EQ(npc_session_background(&np, &a->s, a0), STATUS_OK);
	CHECK_PTR_EQ(a->s.background, a0);
}

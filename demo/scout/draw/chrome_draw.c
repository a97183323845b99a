/*
 * \brief  scout's drawing of the window around the page
 *
 * The buttons' arrows are drawn as triangles of one-pixel lines rather
 * than glyphs, so they need nothing from a font.
 */

#include "render.h"

/* a triangle pointing left (dir -1) or right (1) centred in box */
static void
scout_chrome_arrow(struct gfx_surface *s, struct scout_box b, int dir, uint16_t color)
{
	int cx = b.x + b.w / 2, cy = b.y + b.h / 2, half = b.h / 4;

	for (int i = 0; i <= half; i++) {
		int len = 2 * (half - i) + 1;
		int x = dir < 0 ? cx + half - i : cx - half + i; /* the tip is the last column */
		gfx_fill(s, (struct gfx_rect){x, cy - (half - i), 1, len}, color);
	}
}

static void
scout_chrome_button(struct gfx_surface *s, struct scout_box b, int dir, bool enabled)
{
	gfx_fill(s, (struct gfx_rect){b.x + 2, b.y + 2, b.w - 4, b.h - 4},
	         enabled ? gfx_rgb(110, 125, 150) : gfx_rgb(80, 88, 105));
	scout_chrome_arrow(s, b, dir, enabled ? gfx_rgb(255, 255, 255) : gfx_rgb(120, 128, 140));
}

void
scout_render_chrome(struct gfx_surface *s, const struct scout_fonts *fonts,
                    const struct scout_chrome_state *st)
{
	const struct gfx_font *font = &fonts->font[SCOUT_FONT_TEXT];
	struct scout_box t = scout_chrome_box(s->w, s->h, SCOUT_AREA_TITLE);
	struct scout_box bar = scout_chrome_box(s->w, s->h, SCOUT_AREA_SCROLLBAR);
	struct scout_box page = scout_chrome_box(s->w, s->h, SCOUT_AREA_PAGE);

	gfx_fill(s, (struct gfx_rect){0, 0, s->w, SCOUT_TITLE_H}, gfx_rgb(60, 70, 90));
	scout_chrome_button(s, scout_chrome_box(s->w, s->h, SCOUT_AREA_BACK), -1, st->can_back);
	scout_chrome_button(s, scout_chrome_box(s->w, s->h, SCOUT_AREA_FORWARD), 1,
	                    st->can_forward);
	struct gfx_rect saved = s->clip;
	gfx_surface_clip(s, (struct gfx_rect){t.x, t.y, t.w, t.h});
	gfx_font_draw(s, font, t.x + 8, (SCOUT_TITLE_H - font->height) / 2, st->title,
	              gfx_rgb(255, 255, 255));
	s->clip = saved;

	gfx_fill(s, (struct gfx_rect){bar.x, bar.y, bar.w, bar.h}, gfx_rgb(215, 215, 210));
	struct scout_box th = scout_chrome_thumb(bar.h, st->doc_h, page.h, st->scroll);
	gfx_fill(s, (struct gfx_rect){bar.x + 2, bar.y + th.y + 1, bar.w - 4, th.h - 2},
	         gfx_rgb(120, 130, 150));
	gfx_frame(s, (struct gfx_rect){0, 0, s->w, s->h}, gfx_rgb(40, 45, 60));
}

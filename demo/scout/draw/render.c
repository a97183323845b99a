/*
 * \brief  scout's drawing of a laid-out page
 *
 * Only items that meet the visible part of the page are drawn; every
 * primitive clips to the page's box, so an item partly scrolled out, or
 * an image wider than the window, is cut at the box's edges.
 */

#include "render.h"

static int
scout_render_width(void *ctx, enum scout_font font, const char *text, size_t len)
{
	const struct scout_fonts *f = ctx;
	return gfx_font_text_width_n(&f->font[font], text, len);
}

struct scout_metrics
scout_render_metrics(const struct scout_fonts *fonts)
{
	struct scout_metrics m = {.text_width = scout_render_width, .ctx = (void *)fonts};
	for (int i = 0; i < SCOUT_FONT_COUNT; i++)
		m.line_height[i] = fonts->font[i].height;
	return m;
}

static void
scout_render_word(struct gfx_surface *s, const struct scout_doc *doc, const struct scout_item *it,
                  const struct gfx_font *font, int x, int y)
{
	const struct scout_word *w = &doc->words[it->index];
	const char *text = scout_doc_str(doc, w->text) + it->off;
	uint16_t color = gfx_rgb(20, 20, 30);

	if (w->kind == SCOUT_WORD_BAD) {
		gfx_fill(s, (struct gfx_rect){x, y + 1, it->w, it->h - 2}, gfx_rgb(255, 225, 225));
		gfx_frame(s, (struct gfx_rect){x, y + 1, it->w, it->h - 2}, gfx_rgb(200, 0, 0));
		gfx_font_draw_n(s, font, x + SCOUT_PLACEHOLDER_PAD, y, text, it->len,
		                gfx_rgb(170, 0, 0));
		return;
	}
	if (w->kind == SCOUT_WORD_LINK) {
		color = gfx_rgb(0, 60, 200);
		/* the underline reaches into the space when the link goes on */
		int uw = it->w + (w->space_after && (size_t)it->index + 1 < doc->word_count &&
		                                  doc->words[it->index + 1].link == w->link
		                          ? gfx_font_text_width(font, " ")
		                          : 0);
		gfx_fill(s, (struct gfx_rect){x, y + font->baseline + 1, uw, 1}, color);
	}
	gfx_font_draw_n(s, font, x, y, text, it->len, color);
}

static void
scout_render_image(struct gfx_surface *s, const struct scout_doc *doc, const struct scout_item *it,
                   const struct gfx_font *font, int x, int y)
{
	const struct scout_block *b = &doc->blocks[it->index];

	if (it->kind == SCOUT_ITEM_IMAGE) {
		const struct gfx_surface *img = b->img;
		gfx_blit(s, x, y, img, gfx_surface_area(img));
		return;
	}
	struct gfx_rect r = {x, y, it->w, it->h};
	gfx_fill(s, r, gfx_rgb(255, 225, 225));
	gfx_frame(s, r, gfx_rgb(200, 0, 0));
	gfx_font_draw(s, font, x + SCOUT_PLACEHOLDER_PAD, y + SCOUT_PLACEHOLDER_PAD,
	              scout_doc_str(doc, b->image), gfx_rgb(170, 0, 0));
}

void
scout_render_page(struct gfx_surface *s, struct scout_box box, const struct scout_doc *doc,
                  const struct scout_layout *l, const struct scout_fonts *fonts, int scroll)
{
	struct gfx_rect saved = s->clip;

	gfx_surface_clip(s, (struct gfx_rect){box.x, box.y, box.w, box.h});
	gfx_fill(s, s->clip, gfx_rgb(250, 250, 245));
	for (size_t i = 0; i < l->item_count; i++) {
		const struct scout_item *it = &l->items[i];
		int x = box.x + it->x, y = box.y + it->y - scroll;
		if (y + it->h <= box.y || y >= box.y + box.h)
			continue;
		const struct gfx_font *font = &fonts->font[it->font];
		if (it->kind == SCOUT_ITEM_WORD)
			scout_render_word(s, doc, it, font, x, y);
		else
			scout_render_image(s, doc, it, &fonts->font[SCOUT_FONT_TEXT], x, y);
	}
	s->clip = saved;
}

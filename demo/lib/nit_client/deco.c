/*
 * \brief  Window decoration: border and title bar
 */

#include "../window/window.h"
#include "nit_client.h"

enum {
	DECO_BORDER = 0x8410,       /* grey */
	DECO_TITLE = 0x4208,        /* dark grey */
	DECO_TITLE_ACTIVE = 0x2a7f, /* blue */
	DECO_TEXT = 0xffff,
};

/* a bar where a text would be, for components without a font */
static void
deco_text_bar(struct gfx_surface *s, int x, int y, const char *title)
{
	int n = 0;
	while (title[n])
		n++;
	gfx_fill(s, (struct gfx_rect){x, y + 6, n * 6, WINDOW_TITLE_H - 12}, DECO_TEXT);
}

void
nit_client_deco_draw(struct gfx_surface *s, struct gfx_rect area, const char *title,
                     const struct gfx_font *font, bool active)
{
	struct gfx_rect saved = s->clip;
	struct gfx_rect bar = {area.x + WINDOW_BORDER, area.y + WINDOW_BORDER,
	                       area.w - 2 * WINDOW_BORDER, WINDOW_TITLE_H};
	gfx_surface_clip(s, gfx_rect_intersect(area, saved));
	for (int i = 0; i < WINDOW_BORDER; i++)
		gfx_frame(s,
		          (struct gfx_rect){area.x + i, area.y + i, area.w - 2 * i, area.h - 2 * i},
		          DECO_BORDER);
	gfx_fill(s, bar, active ? DECO_TITLE_ACTIVE : DECO_TITLE);
	gfx_surface_clip(s, gfx_rect_intersect(bar, s->clip));
	if (font)
		(void)gfx_font_draw(s, font, bar.x + 4, bar.y + (WINDOW_TITLE_H - font->height) / 2,
		                    title, DECO_TEXT);
	else
		deco_text_bar(s, bar.x + 4, bar.y, title);
	s->clip = saved;
}

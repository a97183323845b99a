/*
 * \brief  scout's drawing: the page and the window around it
 */

#ifndef _DEMO__SCOUT__RENDER_H_
#define _DEMO__SCOUT__RENDER_H_

#include <gfx/font.h>
#include <gfx/surface.h>

#include "../lib/chrome.h"
#include "../lib/layout.h"

struct scout_fonts {
	struct gfx_font font[SCOUT_FONT_COUNT]; /* over ROM modules, BORROWED */
};

/* metrics for scout_layout_build measured with fonts (BORROWED, must outlive them) */
struct scout_metrics scout_render_metrics(const struct scout_fonts *fonts);

/* the page of doc as laid out in l, scrolled by scroll, into box of s */
void scout_render_page(struct gfx_surface *s, struct scout_box box, const struct scout_doc *doc,
                       const struct scout_layout *l, const struct scout_fonts *fonts, int scroll);

struct scout_chrome_state {
	const char *title;
	bool can_back, can_forward;
	int doc_h, scroll;
};

/* title bar, buttons and scrollbar of a window the size of s */
void scout_render_chrome(struct gfx_surface *s, const struct scout_fonts *fonts,
                         const struct scout_chrome_state *st);

#endif /* _DEMO__SCOUT__RENDER_H_ */

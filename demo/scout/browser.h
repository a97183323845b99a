/*
 * \brief  scout's browser: the document shown, its layout, the history
 *
 * Everything is scout's own heap (paid from its quota): the document,
 * its layout and its images' surfaces are replaced on each navigation.
 */

#ifndef _DEMO__SCOUT__BROWSER_H_
#define _DEMO__SCOUT__BROWSER_H_

#include "gui.h"
#include "lib/history.h"
#include "draw/render.h"

struct scout_browser {
	struct env *env;
	struct scout_gui gui;
	struct scout_fonts fonts;
	struct scout_metrics metrics;
	struct scout_doc doc;       /* OWNED, the shown one */
	struct scout_layout layout; /* OWNED */
	struct gfx_surface *images; /* OWNED, one per block (most unused) */
	struct scout_history history;
	int scroll;
	enum scout_area grab; /* where the pressed button went down */
	int grab_dx, grab_dy; /* the pointer from the window's corner at the press */
	char title[SCOUT_NAME_MAX + SCOUT_ANCHOR_MAX + 2];
};

/* show place (scroll < 0: its anchor's) and log it; false (logged) if its document is missing */
bool scout_browser_show(struct scout_browser *b, const struct scout_place *place);

/* a page saying that document name could not be loaded */
void scout_browser_show_missing(struct scout_browser *b, const char *name);

/* follow link of the shown document; a missing target breaks the link visibly */
void scout_browser_follow(struct scout_browser *b, long link);

void scout_browser_back(struct scout_browser *b);
void scout_browser_forward(struct scout_browser *b);

/* scroll to offset (clamped) and redraw */
void scout_browser_scroll(struct scout_browser *b, int offset);

/* redraw the whole window and show it */
void scout_browser_draw(struct scout_browser *b);

/* the height of the page area of the window */
int scout_browser_page_h(const struct scout_browser *b);

/* react to one input event */
void scout_browser_input(struct scout_browser *b, const struct input_event *ev);

#endif /* _DEMO__SCOUT__BROWSER_H_ */

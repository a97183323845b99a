/*
 * \brief  scout's layout of a document at a width, and hit testing
 *
 * Pure logic: the caller supplies the fonts' metrics; the layout places
 * every word (or piece of a word too wide for a line) and every image,
 * in document coordinates (y grows downwards from the document's top).
 * Drawing and hit testing then only look at the placed items.
 */

#ifndef _DEMO__SCOUT__LIB__LAYOUT_H_
#define _DEMO__SCOUT__LIB__LAYOUT_H_

#include "doc.h"

/* the font of each kind of block; text of other kinds uses SCOUT_FONT_TEXT */
enum scout_font { SCOUT_FONT_TEXT, SCOUT_FONT_H1, SCOUT_FONT_H2, SCOUT_FONT_COUNT };

struct scout_metrics {
	/* width in pixels of text (len bytes) in font */
	int (*text_width)(void *ctx, enum scout_font font, const char *text, size_t len);
	void *ctx;
	int line_height[SCOUT_FONT_COUNT];
};

enum { SCOUT_MARGIN = 12, SCOUT_PLACEHOLDER_PAD = 4 };

enum scout_item_kind {
	SCOUT_ITEM_WORD,          /* text of word, bytes off..off+len */
	SCOUT_ITEM_IMAGE,         /* the image of block */
	SCOUT_ITEM_IMAGE_MISSING, /* a placeholder box for the image of block */
};

struct scout_item {
	int x, y, w, h;
	uint8_t kind; /* enum scout_item_kind */
	uint8_t font; /* enum scout_font */
	uint16_t off, len;
	uint32_t index; /* the word (ITEM_WORD) or block */
};

struct scout_layout {
	struct heap *heap;        /* BORROWED, pays for the arrays */
	struct scout_item *items; /* OWNED */
	size_t item_count, item_cap;
	int *block_y; /* OWNED: the top of each block */
	size_t block_count;
	int width, height;
};

/* lay doc out at width (at least 2 * SCOUT_MARGIN + 1 is used); STATUS_OUT_OF_MEMORY */
status_t scout_layout_build(struct scout_layout *l, const struct scout_doc *doc, int width,
                            const struct scout_metrics *m, struct heap *heap);

void scout_layout_free(struct scout_layout *l);

/* the link (index into doc->links) at document point (x, y), -1 if none */
long scout_layout_hit(const struct scout_layout *l, const struct scout_doc *doc, int x, int y);

/* the scroll offset that shows anchor at the top (0 if not found), clamped */
int scout_layout_anchor_y(const struct scout_layout *l, const struct scout_doc *doc,
                          const char *anchor, int view_h);

/* scroll clamped to 0..height - view_h */
int scout_layout_clamp(const struct scout_layout *l, int scroll, int view_h);

#endif /* _DEMO__SCOUT__LIB__LAYOUT_H_ */

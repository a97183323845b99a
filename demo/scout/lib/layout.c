/*
 * \brief  scout's layout: line breaking with the fonts' advances
 *
 * Words fill lines left to right; a word that does not fit on a line that
 * already has words starts the next, a word wider than a whole line is
 * broken into pieces that fit. Placeholders get a padded box, images are
 * centred (a missing one is a placeholder box naming it).
 */

#include <util/string.h>

#include "layout.h"

/* beyond this the rest of a document is not laid out (no int overflow) */
enum { SCOUT_LAYOUT_HEIGHT_MAX = 1 << 28 };

struct scout_flow {
	struct scout_layout *l;
	const struct scout_metrics *m;
	const struct scout_doc *doc;
	status_t status;
	enum scout_font font;
	int cw;         /* the width lines may fill */
	int x, y;       /* the next word's place in the line, the line's top */
	bool line_used; /* the line has items */
};

static void
scout_flow_add(struct scout_flow *f, struct scout_item it)
{
	struct scout_layout *l = f->l;

	if (f->status != STATUS_OK)
		return;
	if (l->item_count == l->item_cap) {
		size_t cap = l->item_cap ? l->item_cap * 2 : 64;
		void *fresh = NULL;
		if (cap > SIZE_MAX / 2 / sizeof(it) ||
		    heap_alloc(l->heap, cap * sizeof(it), &fresh) != STATUS_OK) {
			f->status = STATUS_OUT_OF_MEMORY;
			return;
		}
		if (l->items) {
			mem_copy(fresh, l->items, l->item_count * sizeof(it));
			heap_free(l->heap, l->items);
		}
		l->items = fresh;
		l->item_cap = cap;
	}
	l->items[l->item_count++] = it;
}

static int
scout_flow_width(const struct scout_flow *f, const char *text, size_t len)
{
	int w = f->m->text_width(f->m->ctx, f->font, text, len);
	return w < 0 ? 0 : w;
}

static void
scout_flow_newline(struct scout_flow *f)
{
	if (f->line_used)
		f->y += f->m->line_height[f->font];
	f->x = 0;
	f->line_used = false;
}

/* the longest prefix of text (at least one byte) that fits into avail */
static size_t
scout_flow_fit(const struct scout_flow *f, const char *text, size_t len, int avail, int pad)
{
	size_t n = 1;
	while (n < len && scout_flow_width(f, text, n + 1) + pad <= avail)
		n++;
	return n;
}

/* place word (or its pieces, if wider than a line) */
static void
scout_flow_word(struct scout_flow *f, size_t index)
{
	const struct scout_word *w = &f->doc->words[index];
	const char *text = scout_doc_str(f->doc, w->text);
	int pad = w->kind == SCOUT_WORD_BAD ? 2 * SCOUT_PLACEHOLDER_PAD : 0;
	size_t off = 0;

	while (off < w->len || (off == 0 && w->len == 0)) {
		size_t n = w->len - off;
		int ww = scout_flow_width(f, text + off, n) + pad;
		if (f->line_used && f->x + ww > f->cw)
			scout_flow_newline(f);
		if (ww > f->cw && n > 1) {
			n = scout_flow_fit(f, text + off, n, f->cw, pad);
			ww = scout_flow_width(f, text + off, n) + pad;
		}
		scout_flow_add(f, (struct scout_item){SCOUT_MARGIN + f->x, f->y, ww,
		                                      f->m->line_height[f->font], SCOUT_ITEM_WORD,
		                                      (uint8_t)f->font, (uint16_t)off, (uint16_t)n,
		                                      (uint32_t)index});
		f->x += ww;
		f->line_used = true;
		off += n;
		if (n == 0)
			break;
		if (off < w->len)
			scout_flow_newline(f);
	}
	if (w->space_after)
		f->x += scout_flow_width(f, " ", 1);
}

static void
scout_flow_image(struct scout_flow *f, size_t b)
{
	const struct scout_block *blk = &f->doc->blocks[b];
	struct scout_item it = {.kind = SCOUT_ITEM_IMAGE, .index = (uint32_t)b, .y = f->y};

	if (blk->img && blk->img_w > 0 && blk->img_h > 0) {
		it.w = blk->img_w;
		it.h = blk->img_h;
	} else {
		it.kind = SCOUT_ITEM_IMAGE_MISSING;
		const char *name = scout_doc_str(f->doc, blk->image);
		it.w = scout_flow_width(f, name, str_len(name)) + 2 * SCOUT_PLACEHOLDER_PAD;
		it.h = f->m->line_height[SCOUT_FONT_TEXT] + 2 * SCOUT_PLACEHOLDER_PAD;
	}
	it.x = SCOUT_MARGIN + (it.w < f->cw ? (f->cw - it.w) / 2 : 0);
	scout_flow_add(f, it);
	f->y += it.h > SCOUT_LAYOUT_HEIGHT_MAX ? SCOUT_LAYOUT_HEIGHT_MAX : it.h;
}

static enum scout_font
scout_flow_font(enum scout_block_kind kind)
{
	return kind == SCOUT_H1   ? SCOUT_FONT_H1
	       : kind == SCOUT_H2 ? SCOUT_FONT_H2
	                          : SCOUT_FONT_TEXT;
}

/* one block; a gap of half its line height above headings and below every block */
static void
scout_flow_block(struct scout_flow *f, size_t b)
{
	const struct scout_block *blk = &f->doc->blocks[b];

	f->font = scout_flow_font(blk->kind);
	int gap = f->m->line_height[f->font] / 2;
	if (b > 0 && blk->kind != SCOUT_PARA && blk->kind != SCOUT_IMAGE)
		f->y += gap;
	f->l->block_y[b] = f->y;
	if (blk->kind == SCOUT_IMAGE) {
		scout_flow_image(f, b);
	} else {
		f->x = 0;
		f->line_used = false;
		for (size_t w = 0; w < blk->word_count; w++)
			scout_flow_word(f, blk->first_word + w);
		scout_flow_newline(f);
	}
	f->y += gap;
}

status_t
scout_layout_build(struct scout_layout *l, const struct scout_doc *doc, int width,
                   const struct scout_metrics *m, struct heap *heap)
{
	struct scout_flow f = {.l = l, .m = m, .doc = doc, .status = STATUS_OK, .y = SCOUT_MARGIN};

	mem_set(l, 0, sizeof(*l));
	l->heap = heap;
	l->width = width;
	f.cw = width - 2 * SCOUT_MARGIN > 0 ? width - 2 * SCOUT_MARGIN : 1;
	if (doc->block_count > SIZE_MAX / 2 / sizeof(int) ||
	    heap_alloc(heap, (doc->block_count + 1) * sizeof(int), (void **)&l->block_y) !=
	            STATUS_OK)
		return STATUS_OUT_OF_MEMORY;
	l->block_count = doc->block_count;
	for (size_t b = 0; b < doc->block_count; b++) {
		if (f.y < SCOUT_LAYOUT_HEIGHT_MAX)
			scout_flow_block(&f, b);
		else /* the rest is not shown */
			l->block_y[b] = f.y = SCOUT_LAYOUT_HEIGHT_MAX;
	}
	l->height = f.y + SCOUT_MARGIN;
	if (f.status != STATUS_OK)
		scout_layout_free(l);
	return f.status;
}

void
scout_layout_free(struct scout_layout *l)
{
	if (l->items)
		heap_free(l->heap, l->items);
	if (l->block_y)
		heap_free(l->heap, l->block_y);
	l->items = NULL;
	l->block_y = NULL;
	l->item_count = l->item_cap = l->block_count = 0;
}

long
scout_layout_hit(const struct scout_layout *l, const struct scout_doc *doc, int x, int y)
{
	for (size_t i = 0; i < l->item_count; i++) {
		const struct scout_item *it = &l->items[i];
		if (it->kind != SCOUT_ITEM_WORD || x < it->x || y < it->y || x - it->x >= it->w ||
		    y - it->y >= it->h)
			continue;
		const struct scout_word *w = &doc->words[it->index];
		return w->kind == SCOUT_WORD_LINK ? (long)w->link : -1;
	}
	return -1;
}

int
scout_layout_clamp(const struct scout_layout *l, int scroll, int view_h)
{
	int max = l->height - view_h;
	if (scroll > max)
		scroll = max;
	return scroll < 0 ? 0 : scroll;
}

int
scout_layout_anchor_y(const struct scout_layout *l, const struct scout_doc *doc, const char *anchor,
                      int view_h)
{
	long b = scout_doc_anchor_find(doc, anchor);
	if (b <= 0 || (size_t)b >= l->block_count)
		return 0;
	return scout_layout_clamp(l, l->block_y[b] - SCOUT_MARGIN, view_h);
}

/*
 * \brief  scout's browser: loading documents and moving between places
 */

#include <base/log.h>
#include <gfx/image.h>
#include <util/string.h>

#include "browser.h"
#include "rom.h"

static void
scout_browser_report(void *ctx, const char *doc, unsigned line, const char *what)
{
	(void)ctx;
	log_warning("scout: %s:%u: %s", doc, line, what);
}

/* the images of the document's image blocks, from their ROM modules */
static void
scout_browser_images(struct scout_browser *b)
{
	struct scout_doc *d = &b->doc;

	if (heap_alloc(env_heap(b->env), (d->block_count + 1) * sizeof(*b->images),
	               (void **)&b->images) != STATUS_OK) {
		b->images = NULL;
		log_error("scout: out of memory for the images of \"%s\"", d->name);
		return;
	}
	for (size_t i = 0; i < d->block_count; i++) {
		struct scout_block *blk = &d->blocks[i];
		if (blk->kind != SCOUT_IMAGE)
			continue;
		const char *name = scout_doc_str(d, blk->image);
		const struct scout_rom *rom = scout_rom_get(b->env, name);
		if (!rom || gfx_image_parse(&b->images[i], rom->data, rom->size) != STATUS_OK) {
			log_warning("scout: %s:%u: image \"%s\" missing or malformed", d->name,
			            blk->line, name);
			continue;
		}
		blk->img = &b->images[i];
		blk->img_w = b->images[i].w;
		blk->img_h = b->images[i].h;
	}
}

static void
scout_browser_unload(struct scout_browser *b)
{
	scout_layout_free(&b->layout);
	scout_doc_free(&b->doc);
	if (b->images)
		heap_free(env_heap(b->env), b->images);
	b->images = NULL;
	b->doc.name[0] = 0;
}

/* lay the shown document out at the page's width; false (logged) if out of memory */
static bool
scout_browser_layout(struct scout_browser *b)
{
	struct scout_box page = scout_chrome_box(b->gui.w, b->gui.h, SCOUT_AREA_PAGE);
	scout_layout_free(&b->layout);
	if (scout_layout_build(&b->layout, &b->doc, page.w, &b->metrics, env_heap(b->env)) ==
	    STATUS_OK)
		return true;
	log_error("scout: out of memory for the layout of \"%s\"", b->doc.name);
	return false;
}

/* make name the shown document; false (logged) if it cannot be loaded */
static bool
scout_browser_load(struct scout_browser *b, const char *name)
{
	if (b->doc.name[0] && str_equal(b->doc.name, name))
		return true;
	const struct scout_rom *rom = scout_rom_get(b->env, name);
	if (!rom)
		return false;
	scout_browser_unload(b);
	if (scout_doc_parse(&b->doc, name, rom->data, rom->size, env_heap(b->env),
	                    scout_browser_report, b) != STATUS_OK) {
		log_error("scout: out of memory for document \"%s\"", name);
		b->doc.name[0] = 0;
		return false;
	}
	scout_browser_images(b);
	return scout_browser_layout(b);
}

int
scout_browser_page_h(const struct scout_browser *b)
{
	return scout_chrome_box(b->gui.w, b->gui.h, SCOUT_AREA_PAGE).h;
}

void
scout_browser_draw(struct scout_browser *b)
{
	struct gfx_surface *s = &b->gui.surface;
	struct scout_chrome_state st = {.title = b->title,
	                                .can_back = scout_history_can_back(&b->history),
	                                .can_forward = scout_history_can_forward(&b->history),
	                                .doc_h = b->layout.height,
	                                .scroll = b->scroll};

	scout_render_page(s, scout_chrome_box(s->w, s->h, SCOUT_AREA_PAGE), &b->doc, &b->layout,
	                  &b->fonts, b->scroll);
	scout_render_chrome(s, &b->fonts, &st);
	scout_gui_refresh(&b->gui, gfx_surface_area(s));
}

void
scout_browser_scroll(struct scout_browser *b, int offset)
{
	int s = scout_layout_clamp(&b->layout, offset, scout_browser_page_h(b));
	if (s == b->scroll)
		return;
	b->scroll = s;
	scout_browser_draw(b);
}

bool
scout_browser_show(struct scout_browser *b, const struct scout_place *place)
{
	if (!scout_browser_load(b, place->doc))
		return false;
	int page_h = scout_browser_page_h(b);
	if (place->anchor[0] && scout_doc_anchor_find(&b->doc, place->anchor) < 0)
		log_warning("scout: \"%s\" has no anchor \"%s\", showing its top", place->doc,
		            place->anchor);
	b->scroll = place->scroll >= 0
	                    ? scout_layout_clamp(&b->layout, place->scroll, page_h)
	                    : scout_layout_anchor_y(&b->layout, &b->doc, place->anchor, page_h);
	format_string(b->title, sizeof(b->title), "%s%s%s", place->doc, place->anchor[0] ? "#" : "",
	              place->anchor);
	log_print("scout: showing \"%s#%s\"", place->doc, place->anchor);
	scout_gui_title(&b->gui, b->title);
	scout_browser_draw(b);
	return true;
}

void
scout_browser_follow(struct scout_browser *b, long link)
{
	if (link < 0 || (size_t)link >= b->doc.link_count)
		return;
	const struct scout_link *l = &b->doc.links[link];
	const char *doc = scout_doc_str(&b->doc, l->doc);
	struct scout_place to = {.scroll = -1};

	str_copy(to.doc, doc[0] ? doc : b->doc.name, sizeof(to.doc));
	str_copy(to.anchor, scout_doc_str(&b->doc, l->anchor), sizeof(to.anchor));
	scout_history_current(&b->history)->scroll = b->scroll;
	if (scout_browser_show(b, &to)) {
		scout_history_follow(&b->history, &to);
		scout_browser_draw(b); /* the back button is enabled now */
		return;
	}
	scout_doc_link_break(&b->doc, (size_t)link, "no such document");
	if (scout_browser_layout(b))
		scout_browser_draw(b);
}

void
scout_browser_back(struct scout_browser *b)
{
	scout_history_current(&b->history)->scroll = b->scroll;
	if (scout_history_back(&b->history))
		scout_browser_show(b, scout_history_current(&b->history));
}

void
scout_browser_forward(struct scout_browser *b)
{
	scout_history_current(&b->history)->scroll = b->scroll;
	if (scout_history_forward(&b->history))
		scout_browser_show(b, scout_history_current(&b->history));
}

void
scout_browser_show_missing(struct scout_browser *b, const char *name)
{
	static const char text[] = "= Document missing\n"
	                           "scout could not load the ROM module its config names as "
	                           "document. The log says why.\n";

	scout_browser_unload(b);
	if (scout_doc_parse(&b->doc, name, text, sizeof(text) - 1, env_heap(b->env),
	                    scout_browser_report, b) != STATUS_OK ||
	    !scout_browser_layout(b))
		return;
	b->scroll = 0;
	format_string(b->title, sizeof(b->title), "%s (missing)", name);
	scout_gui_title(&b->gui, b->title);
	scout_browser_draw(b);
}

/*
 * \brief  Unit test of scout's drawing: a page with real fonts and a
 *         picture into a memory surface, scrolled, clipped, and the window
 *
 * The modules are the build's font_text.gft, font_heading.gft,
 * scout_views.gfi and the tutorial's documents, copied beside this program
 * (demo/scout/docs/docs.mk).
 * With SCOUT_RENDER_DUMP=<file.ppm> the window is written out for a look.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <base/log.h>
#include <gfx/image.h>

#include "../../../demo/scout/draw/render.h"
#include "../../harness/harness.h"
#include "../../harness/test_heap.h"

enum { W = 420, H = 480, SENTINEL = 0x1234, MODULE_MAX = 1 << 20 };

struct module {
	char data[MODULE_MAX];
	size_t size;
};

static char test_dir[512] = ".";
static struct module text_font, heading_font, image;
static struct scout_fonts fonts;
static struct gfx_surface picture;
static uint16_t pixels[W * H], scrolled[W * H];
static struct test_heap th;
static struct scout_doc doc;
static struct scout_layout layout;
static const struct scout_box page = {0, SCOUT_TITLE_H, W - SCOUT_BAR_W, H - SCOUT_TITLE_H};

static const char doc_text[] = "= Heading {#top}\n"
                               "[[b.txt|link]] text after the link\n\n"
                               "[image pic]\n\n"
                               "[[#nowhere|bad]] word\n\n";

/* gfx logs what it refuses; here that goes to stdout */
void
log_output_line(const char *line, size_t len)
{
	printf("  log: %.*s\n", (int)len, line);
}

static bool
load(struct module *m, const char *name)
{
	char path[600];
	snprintf(path, sizeof(path), "%s/%s", test_dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("  cannot open %s\n", path);
		return false;
	}
	m->size = fread(m->data, 1, sizeof(m->data), f);
	fclose(f);
	return true;
}

/* fonts, picture, and the document laid out with the picture in block 2 */
static bool
setup(void)
{
	static char text[4096];
	if (!CHECK(load(&text_font, "test-scout_render-font.gft") &&
	           load(&heading_font, "test-scout_render-heading.gft") &&
	           load(&image, "test-scout_render-image.gfi")) ||
	    !CHECK_EQ(gfx_font_parse(&fonts.font[0], text_font.data, text_font.size), 0) ||
	    !CHECK_EQ(gfx_font_parse(&fonts.font[1], heading_font.data, heading_font.size), 0) ||
	    !CHECK_EQ(gfx_image_parse(&picture, image.data, image.size), 0))
		return false;
	fonts.font[2] = fonts.font[1];
	size_t n = (size_t)snprintf(text, sizeof(text), "%s", doc_text);
	for (int i = 0; i < 30; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "line %d\n\n", i);
	test_heap_init(&th, SIZE_MAX);
	if (!CHECK_EQ(scout_doc_parse(&doc, "r.txt", text, n, &th.heap, NULL, NULL), 0))
		return false;
	doc.blocks[2].img = &picture;
	doc.blocks[2].img_w = picture.w;
	doc.blocks[2].img_h = picture.h;
	struct scout_metrics m = scout_render_metrics(&fonts);
	return CHECK_EQ(scout_layout_build(&layout, &doc, page.w, &m, &th.heap), 0);
}

/* the page at scroll into buf, everything else SENTINEL */
static struct gfx_surface
draw(uint16_t *buf, int scroll)
{
	struct gfx_surface s;
	gfx_surface_init(&s, buf, NULL, W, H);
	for (int i = 0; i < W * H; i++)
		buf[i] = SENTINEL;
	scout_render_page(&s, page, &doc, &layout, &fonts, scroll);
	return s;
}

/* the first item showing word text */
static const struct scout_item *
item_of(const char *text)
{
	for (size_t i = 0; i < layout.item_count; i++) {
		const struct scout_item *it = &layout.items[i];
		if (it->kind == SCOUT_ITEM_WORD &&
		    !strcmp(scout_doc_str(&doc, doc.words[it->index].text), text))
			return it;
	}
	return NULL;
}

/* the pixel at x, y; SENTINEL beyond the surface (a check then fails) */
static uint16_t
at(const uint16_t *buf, int x, int y)
{
	return x >= 0 && y >= 0 && x < W && y < H ? buf[y * W + x] : SENTINEL;
}

static void
render_clipped(void)
{
	draw(pixels, 0);
	unsigned outside = 0;
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			bool in = x >= page.x && x < page.x + page.w && y >= page.y &&
			          y < page.y + page.h;
			outside += !in && at(pixels, x, y) != SENTINEL;
		}
	CHECK_EQ(outside, 0);
	CHECK_EQ(at(pixels, page.x + 1, page.y + 1), gfx_rgb(250, 250, 245));
}

static void
render_link_and_text(void)
{
	const struct scout_item *link = item_of("link"), *plain = item_of("text");
	if (!CHECK(link && plain))
		return;
	draw(pixels, 0);
	uint16_t blue = gfx_rgb(0, 60, 200);
	int underline = page.y + link->y + fonts.font[0].baseline + 1;
	for (int x = link->x; x < link->x + link->w; x++)
		if (!CHECK_EQ(at(pixels, page.x + x, underline), blue))
			break;
	unsigned inked = 0, blue_in_text = 0;
	for (int y = plain->y; y < plain->y + plain->h; y++)
		for (int x = plain->x; x < plain->x + plain->w; x++) {
			uint16_t p = at(pixels, page.x + x, page.y + y);
			inked += p != gfx_rgb(250, 250, 245);
			blue_in_text += p == blue;
		}
	CHECK(inked > 20); /* the glyphs are there */
	CHECK_EQ(blue_in_text, 0);
}

static void
render_placeholder_and_image(void)
{
	const struct scout_item *bad = item_of("bad"), *img = NULL;
	for (size_t i = 0; i < layout.item_count; i++)
		if (layout.items[i].kind == SCOUT_ITEM_IMAGE)
			img = &layout.items[i];
	if (!CHECK(bad && img))
		return;
	draw(pixels, 0);
	CHECK_EQ(at(pixels, page.x + bad->x, page.y + bad->y + 1), gfx_rgb(200, 0, 0));
	CHECK(img->x > SCOUT_MARGIN); /* centred */
	CHECK_EQ(img->x - SCOUT_MARGIN, page.w - SCOUT_MARGIN - (img->x + img->w));
	int cx = img->w / 2, cy = img->h / 2;
	CHECK_EQ(at(pixels, page.x + img->x + cx, page.y + img->y + cy),
	         picture.pixels[cy * picture.w + cx]);
}

static void
render_scroll(void)
{
	enum { S = 37 };
	draw(pixels, 0);
	draw(scrolled, S);
	unsigned differ = 0;
	for (int y = page.y; y < page.y + page.h - S; y++)
		for (int x = page.x; x < page.x + page.w; x++)
			differ += at(scrolled, x, y) != at(pixels, x, y + S);
	CHECK_EQ(differ, 0);
	CHECK(memcmp(pixels, scrolled, sizeof(pixels)) != 0);
}

static void
render_window(void)
{
	struct gfx_surface s = draw(pixels, 0);
	struct scout_chrome_state st = {
	        .title = "r.txt", .can_back = true, .doc_h = layout.height, .scroll = 0};
	scout_render_chrome(&s, &fonts, &st);
	struct scout_box back = scout_chrome_box(W, H, SCOUT_AREA_BACK);
	struct scout_box fwd = scout_chrome_box(W, H, SCOUT_AREA_FORWARD);
	struct scout_box bar = scout_chrome_box(W, H, SCOUT_AREA_SCROLLBAR);
	CHECK_EQ(at(pixels, back.x + 3, back.y + 3), gfx_rgb(110, 125, 150)); /* enabled */
	CHECK_EQ(at(pixels, fwd.x + 3, fwd.y + 3), gfx_rgb(80, 88, 105));     /* disabled */
	uint16_t thumb = gfx_rgb(120, 130, 150);
	CHECK_EQ(at(pixels, bar.x + bar.w / 2, bar.y + 2), thumb);
	CHECK(at(pixels, bar.x + bar.w / 2, bar.y + bar.h - 3) != thumb);
	st.scroll = layout.height - page.h; /* at the end the thumb is at the bottom */
	scout_render_chrome(&s, &fonts, &st);
	CHECK(at(pixels, bar.x + bar.w / 2, bar.y + 2) != thumb);
	CHECK_EQ(at(pixels, bar.x + bar.w / 2, bar.y + bar.h - 3), thumb);
	const char *dump = getenv("SCOUT_RENDER_DUMP");
	FILE *f = dump ? fopen(dump, "wb") : NULL;
	if (f) {
		fprintf(f, "P6 %d %d 255\n", W, H);
		for (int i = 0; i < W * H; i++)
			fprintf(f, "%c%c%c", gfx_red(pixels[i]), gfx_green(pixels[i]),
			        gfx_blue(pixels[i]));
		fclose(f);
	}
}

/* the tutorial's documents parse without a defect, and every link has its target */
static void
tutorial_clean(void)
{
	static const char *const names[] = {"tutorial.txt", "nitpicker.txt"};
	static struct module text[2];
	struct scout_doc d[2];

	for (int i = 0; i < 2; i++) {
		char file[64];
		snprintf(file, sizeof(file), "test-scout_render-%s", names[i]);
		if (!CHECK(load(&text[i], file)))
			return;
		CHECK_EQ(scout_doc_parse(&d[i], names[i], text[i].data, text[i].size, &th.heap,
		                         NULL, NULL),
		         0);
		CHECK_EQ(d[i].problems, 0);
	}
	for (int i = 0; i < 2; i++)
		for (size_t l = 0; l < d[i].link_count; l++) {
			const char *to = scout_doc_str(&d[i], d[i].links[l].doc);
			const char *anchor = scout_doc_str(&d[i], d[i].links[l].anchor);
			int t = !to[0]                  ? i
			        : !strcmp(to, names[0]) ? 0
			        : !strcmp(to, names[1]) ? 1
			                                : -1;
			if (!CHECK(t >= 0 && scout_doc_anchor_find(&d[t], anchor) >= 0))
				printf("  %s line %u: no target %s#%s\n", names[i],
				       d[i].links[l].line, to, anchor);
		}
	scout_doc_free(&d[0]);
	scout_doc_free(&d[1]);
}

int
main(int argc, char **argv)
{
	static const struct test_case cases[] = {TEST_CASE(render_clipped),
	                                         TEST_CASE(render_link_and_text),
	                                         TEST_CASE(render_placeholder_and_image),
	                                         TEST_CASE(render_scroll),
	                                         TEST_CASE(render_window),
	                                         TEST_CASE(tutorial_clean)};
	const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;

	if (slash && (size_t)(slash - argv[0]) < sizeof(test_dir))
		snprintf(test_dir, sizeof(test_dir), "%.*s", (int)(slash - argv[0]), argv[0]);
	if (!setup()) {
		printf("FAIL setup\n0 passed, 1 failed\n");
		return 1;
	}
	return test_run(cases, sizeof(cases) / sizeof(cases[0]));
}

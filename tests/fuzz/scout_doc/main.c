/*
 * \brief  Fuzz target: scout's parser, layout and hit test on any document
 *
 * The first byte picks the width of the layout (down to less than one
 * character), the rest is the document. Besides not crashing, every word
 * must lie in its block and the pool, every link index be valid, every
 * placed item be inside the document's height, and a hit anywhere name a
 * link that exists or none.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../../demo/scout/lib/layout.h"
#include "../../harness/test_heap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct heap *
fuzz_heap(void)
{
	static struct test_heap th;
	static struct heap *heap;
	if (!heap)
		heap = test_heap_init(&th, SIZE_MAX);
	return heap;
}

/* advances like a proportional font: 3 to 10 pixels by byte */
static int
fuzz_width(void *ctx, enum scout_font font, const char *text, size_t len)
{
	int w = 0;
	(void)ctx;
	for (size_t i = 0; i < len; i++)
		w += 3 + ((unsigned char)text[i] + (unsigned)font) % 8;
	return w;
}

static void
fuzz_check_doc(const struct scout_doc *d)
{
	size_t words = 0;
	for (size_t b = 0; b < d->block_count; b++) {
		if (d->blocks[b].first_word != words || d->blocks[b].anchor >= d->pool_len ||
		    d->blocks[b].image >= d->pool_len)
			abort();
		words += d->blocks[b].word_count;
	}
	if (words != d->word_count)
		abort();
	for (size_t w = 0; w < d->word_count; w++) {
		const struct scout_word *wd = &d->words[w];
		if (wd->text + wd->len >= d->pool_len || wd->len > SCOUT_WORD_MAX ||
		    strlen(d->pool + wd->text) != wd->len || wd->link >= (int32_t)d->link_count ||
		    (wd->kind == SCOUT_WORD_LINK && wd->link < 0))
			abort();
	}
}

static void
fuzz_check_layout(const struct scout_layout *l, const struct scout_doc *d)
{
	for (size_t i = 0; i < l->item_count; i++) {
		const struct scout_item *it = &l->items[i];
		if (it->y < 0 || it->y + it->h > l->height || it->w < 0 ||
		    (it->kind == SCOUT_ITEM_WORD &&
		     (it->index >= d->word_count || it->off + it->len > d->words[it->index].len)))
			abort();
		long link = scout_layout_hit(l, d, it->x + it->w / 2, it->y + it->h / 2);
		if (link < -1 || link >= (long)d->link_count)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct scout_metrics m = {.text_width = fuzz_width,
	                                       .line_height = {16, 28, 20}};
	struct scout_doc d;
	struct scout_layout l;

	if (size < 1)
		return 0;
	int width = data[0] * 4;
	if (scout_doc_parse(&d, "fuzz.txt", (const char *)data + 1, size - 1, fuzz_heap(), NULL,
	                    NULL) != STATUS_OK)
		abort(); /* the host's heap does not run out */
	fuzz_check_doc(&d);
	if (scout_layout_build(&l, &d, width, &m, fuzz_heap()) != STATUS_OK)
		abort();
	fuzz_check_layout(&l, &d);
	scout_layout_free(&l);
	scout_doc_free(&d);
	return 0;
}

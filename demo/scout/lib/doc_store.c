/*
 * \brief  scout's document store: growing arrays and the string pool
 */

#include <stdarg.h>

#include <util/string.h>

#include "doc_store.h"

/* make room for need elements of size in *arr (count of them used, *cap there) */
static bool
scout_store_grow(struct scout_parser *p, void **arr, size_t *cap, size_t count, size_t need,
                 size_t size)
{
	if (p->status != STATUS_OK)
		return false;
	if (need <= *cap)
		return true;
	size_t new_cap = *cap ? *cap * 2 : 16;
	if (new_cap < need)
		new_cap = need;
	void *fresh = NULL;
	if (new_cap > SIZE_MAX / size / 2 ||
	    heap_alloc(p->doc->heap, new_cap * size, &fresh) != STATUS_OK) {
		p->status = STATUS_OUT_OF_MEMORY;
		return false;
	}
	if (*arr) {
		mem_copy(fresh, *arr, count * size);
		heap_free(p->doc->heap, *arr);
	}
	*arr = fresh;
	*cap = new_cap;
	return true;
}

uint32_t
scout_store_string(struct scout_parser *p, const char *s, size_t len)
{
	struct scout_doc *d = p->doc;

	if (d->pool_len + len + 1 > UINT32_MAX) {
		p->status = STATUS_OUT_OF_MEMORY;
		return 0;
	}
	if (!scout_store_grow(p, (void **)&d->pool, &d->pool_cap, d->pool_len,
	                      d->pool_len + len + 1, 1))
		return 0;
	uint32_t off = (uint32_t)d->pool_len;
	mem_copy(d->pool + off, s, len);
	d->pool[off + len] = 0;
	d->pool_len += len + 1;
	return off;
}

long
scout_store_block(struct scout_parser *p, enum scout_block_kind kind)
{
	struct scout_doc *d = p->doc;

	if (!scout_store_grow(p, (void **)&d->blocks, &d->block_cap, d->block_count,
	                      d->block_count + 1, sizeof(*d->blocks)))
		return -1;
	struct scout_block *b = &d->blocks[d->block_count];
	mem_set(b, 0, sizeof(*b));
	b->kind = (uint8_t)kind;
	b->first_word = (uint32_t)d->word_count;
	b->line = p->line;
	p->space_before = false;
	return (long)d->block_count++;
}

void
scout_store_word(struct scout_parser *p, const char *text, size_t len, enum scout_word_kind kind,
                 int32_t link)
{
	struct scout_doc *d = p->doc;

	if (d->block_count == 0 && scout_store_block(p, SCOUT_PARA) < 0)
		return;
	if (!scout_store_grow(p, (void **)&d->words, &d->word_cap, d->word_count, d->word_count + 1,
	                      sizeof(*d->words)))
		return;
	uint32_t text_off = scout_store_string(p, text, len);
	if (p->status != STATUS_OK)
		return;
	struct scout_block *b = &d->blocks[d->block_count - 1];
	if (b->word_count > 0)
		d->words[d->word_count - 1].space_after = p->space_before;
	d->words[d->word_count++] = (struct scout_word){
	        .text = text_off, .len = (uint16_t)len, .kind = (uint8_t)kind, .link = link};
	b->word_count++;
	p->space_before = false;
}

int32_t
scout_store_link(struct scout_parser *p, uint32_t doc, uint32_t anchor)
{
	struct scout_doc *d = p->doc;

	if (d->link_count >= INT32_MAX ||
	    !scout_store_grow(p, (void **)&d->links, &d->link_cap, d->link_count, d->link_count + 1,
	                      sizeof(*d->links)))
		return -1;
	d->links[d->link_count] =
	        (struct scout_link){.doc = doc, .anchor = anchor, .line = p->line};
	return (int32_t)d->link_count++;
}

void
scout_store_report(struct scout_parser *p, const char *fmt, ...)
{
	char what[160];
	va_list ap;

	va_start(ap, fmt);
	format_vstring(what, sizeof(what), fmt, ap);
	va_end(ap);
	p->doc->problems++;
	if (p->doc->report)
		p->doc->report(p->doc->report_ctx, p->doc->name, p->line, what);
}

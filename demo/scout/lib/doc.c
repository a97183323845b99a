/*
 * \brief  scout's document: lookups on a parsed document, and freeing it
 */

#include <util/string.h>

#include "doc_store.h"

long
scout_doc_anchor_find(const struct scout_doc *doc, const char *anchor)
{
	if (!anchor[0])
		return doc->block_count ? 0 : -1;
	for (size_t b = 0; b < doc->block_count; b++)
		if (doc->blocks[b].anchor &&
		    str_equal(scout_doc_str(doc, doc->blocks[b].anchor), anchor))
			return (long)b;
	return -1;
}

void
scout_doc_link_break(struct scout_doc *doc, size_t link, const char *why)
{
	if (link >= doc->link_count)
		return;
	struct scout_link *l = &doc->links[link];
	doc->problems++;
	if (doc->report) {
		char what[160];
		format_string(what, sizeof(what), "link to \"%s#%s\": %s",
		              scout_doc_str(doc, l->doc), scout_doc_str(doc, l->anchor), why);
		doc->report(doc->report_ctx, doc->name, l->line, what);
	}
	for (size_t w = 0; w < doc->word_count; w++)
		if (doc->words[w].link == (int32_t)link)
			doc->words[w].kind = SCOUT_WORD_BAD;
}

void
scout_doc_free(struct scout_doc *doc)
{
	if (doc->pool)
		heap_free(doc->heap, doc->pool);
	if (doc->words)
		heap_free(doc->heap, doc->words);
	if (doc->blocks)
		heap_free(doc->heap, doc->blocks);
	if (doc->links)
		heap_free(doc->heap, doc->links);
	doc->pool = NULL;
	doc->words = NULL;
	doc->blocks = NULL;
	doc->links = NULL;
	doc->pool_len = doc->pool_cap = doc->word_count = doc->word_cap = 0;
	doc->block_count = doc->block_cap = doc->link_count = doc->link_cap = 0;
}

/*
 * \brief  Unit test of scout: what the cases share
 */

#include <stdio.h>
#include <string.h>

#include "fixture.h"

char fixture_reports[8192];
static struct test_heap fixture_heap;
static bool fixture_heap_up;

static void
fixture_report(void *ctx, const char *doc, unsigned line, const char *what)
{
	size_t used = strlen(fixture_reports);
	(void)ctx;
	snprintf(fixture_reports + used, sizeof(fixture_reports) - used, "%s:%u: %s\n", doc, line,
	         what);
}

status_t
fixture_parse_counted(struct scout_doc *doc, const char *name, const char *text, size_t len,
                      struct heap *heap)
{
	fixture_reports[0] = 0;
	return scout_doc_parse(doc, name, text, len, heap, fixture_report, NULL);
}

status_t
fixture_parse(struct scout_doc *doc, const char *name, const char *text)
{
	if (!fixture_heap_up) {
		test_heap_init(&fixture_heap, SIZE_MAX);
		fixture_heap_up = true;
	}
	return fixture_parse_counted(doc, name, text, strlen(text), &fixture_heap.heap);
}

const char *
fixture_word(const struct scout_doc *doc, size_t w)
{
	return w < doc->word_count ? scout_doc_str(doc, doc->words[w].text) : "(none)";
}

static int
fixture_width(void *ctx, enum scout_font font, const char *text, size_t len)
{
	static const int advance[SCOUT_FONT_COUNT] = {6, 10, 8};
	(void)ctx;
	(void)text;
	return advance[font] * (int)len;
}

const struct scout_metrics fixture_metrics = {
        .text_width = fixture_width, .ctx = NULL, .line_height = {16, 28, 20}};

void
fixture_finish(struct scout_doc *doc)
{
	scout_doc_free(doc);
}

/*
 * \brief  Unit test of scout: what the cases share
 */

#ifndef _TESTS__UNIT__SCOUT__FIXTURE_H_
#define _TESTS__UNIT__SCOUT__FIXTURE_H_

#include "../../../demo/scout/lib/chrome.h"
#include "../../../demo/scout/lib/doc.h"
#include "../../../demo/scout/lib/history.h"
#include "../../../demo/scout/lib/layout.h"
#include "../../harness/harness.h"
#include "../../harness/test_heap.h"

/* the reports of the last parse, one "doc:line: what" per line */
extern char fixture_reports[8192];

/* parse text (a C string) as document name, reports into fixture_reports */
status_t fixture_parse(struct scout_doc *doc, const char *name, const char *text);

/* the same with len bytes and a heap of its own */
status_t fixture_parse_counted(struct scout_doc *doc, const char *name, const char *text,
                               size_t len, struct heap *heap);

/* the text of word w */
const char *fixture_word(const struct scout_doc *doc, size_t w);

/* fixed-width metrics: 6 px per byte for text, 10 for H1, 8 for H2 */
extern const struct scout_metrics fixture_metrics;

void fixture_finish(struct scout_doc *doc);

#endif /* _TESTS__UNIT__SCOUT__FIXTURE_H_ */

/*
 * \brief  scout's document store: growing arrays and the string pool
 *
 * Internal to the parser (doc_*.c). A failed allocation makes the
 * parser's status sticky: later additions do nothing, so the parse can
 * run to its end without checking every step and report one failure.
 */

#ifndef _DEMO__SCOUT__LIB__DOC_STORE_H_
#define _DEMO__SCOUT__LIB__DOC_STORE_H_

#include "doc.h"
#include <util/format.h>

struct scout_parser {
	struct scout_doc *doc; /* BORROWED */
	status_t status;       /* the first failure, sticky */
	unsigned line;
	bool in_block;     /* the last block takes more words (a paragraph's lines) */
	bool space_before; /* whitespace precedes the next word */
};

/* a copy of s (len bytes) in the pool; 0 ("") on failure */
uint32_t scout_store_string(struct scout_parser *p, const char *s, size_t len);

/* a new block of kind at the parser's line, its index (-1 on failure) */
long scout_store_block(struct scout_parser *p, enum scout_block_kind kind);

/* a word of the last block, text copied (len <= SCOUT_WORD_MAX) */
void scout_store_word(struct scout_parser *p, const char *text, size_t len,
                      enum scout_word_kind kind, int32_t link);

/* a new link, its index (-1 on failure) */
int32_t scout_store_link(struct scout_parser *p, uint32_t doc, uint32_t anchor);

/* report a defect at the parser's line */
void scout_store_report(struct scout_parser *p, const char *fmt, ...) FORMAT_PRINTF(2, 3);

#endif /* _DEMO__SCOUT__LIB__DOC_STORE_H_ */

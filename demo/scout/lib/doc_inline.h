/*
 * \brief  scout's inline markup: words, escapes and links of one line
 */

#ifndef _DEMO__SCOUT__LIB__DOC_INLINE_H_
#define _DEMO__SCOUT__LIB__DOC_INLINE_H_

#include "doc_store.h"

/* the words and links of s (len bytes) appended to the last block */
void scout_inline_line(struct scout_parser *p, const char *s, size_t len);

/* the words of s as kind (links: of link); no markup but escapes */
void scout_inline_words(struct scout_parser *p, const char *s, size_t len,
                        enum scout_word_kind kind, int32_t link);

/* whether s (len bytes) may name a document or image (dots allowed) or an anchor */
bool scout_name_valid(const char *s, size_t len, bool dots);

#endif /* _DEMO__SCOUT__LIB__DOC_INLINE_H_ */

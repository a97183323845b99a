/*
 * \brief  scout's document model and the parser of its markup
 *
 * A document (doc/gui.md, "scout") is parsed once into blocks (headings,
 * paragraphs, images) whose text is split into words, each word possibly
 * part of a link. The parser trusts nothing in the module: whatever it
 * cannot use (overlong lines and words, unknown markup, unterminated links,
 * bad names, targets that do not exist) becomes a placeholder word drawn
 * as such, and a report naming the document and line. Everything it keeps
 * is allocated from the heap the caller passes (the component's quota).
 */

#ifndef _DEMO__SCOUT__LIB__DOC_H_
#define _DEMO__SCOUT__LIB__DOC_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/heap.h>
#include <base/status.h>

enum {
	SCOUT_LINE_MAX = 1024, /* bytes of a line used, the rest is cut */
	SCOUT_WORD_MAX = 48,   /* bytes of a word, the rest is cut */
	SCOUT_NAME_MAX = 64,   /* a document's or image's name, with its NUL */
	SCOUT_ANCHOR_MAX = 32, /* an anchor, with its NUL */
};

enum scout_block_kind { SCOUT_PARA, SCOUT_H1, SCOUT_H2, SCOUT_IMAGE };

/* what a word is drawn as: plain text, part of a link, or a placeholder */
enum scout_word_kind { SCOUT_WORD_TEXT, SCOUT_WORD_LINK, SCOUT_WORD_BAD };

struct scout_word {
	uint32_t text; /* offset of its NUL-terminated text in the pool */
	uint16_t len;
	uint8_t kind;        /* enum scout_word_kind */
	uint8_t space_after; /* a space separates it from the next word */
	int32_t link;        /* index of its link, -1: none */
};

struct scout_link {
	uint32_t doc;    /* pool offset of the target document ("": this one) */
	uint32_t anchor; /* pool offset of the anchor ("": the top) */
	unsigned line;
};

struct scout_block {
	uint8_t kind; /* enum scout_block_kind */
	uint32_t first_word, word_count;
	uint32_t anchor; /* pool offset ("": none) */
	uint32_t image;  /* pool offset of the image's name (SCOUT_IMAGE) */
	unsigned line;
	int img_w, img_h; /* set by the caller once loaded; 0: missing */
	const void *img;  /* the caller's image, BORROWED, NULL: missing */
};

/* how the parser reports a defect: document, line (1-based), what */
typedef void (*scout_report_fn)(void *ctx, const char *doc, unsigned line, const char *what);

struct scout_doc {
	char name[SCOUT_NAME_MAX];
	struct heap *heap; /* BORROWED, pays for the arrays below */
	scout_report_fn report;
	void *report_ctx;
	unsigned problems; /* reports made */

	char *pool; /* OWNED: every string, NUL-terminated; offset 0 is "" */
	size_t pool_len, pool_cap;
	struct scout_word *words; /* OWNED */
	size_t word_count, word_cap;
	struct scout_block *blocks; /* OWNED */
	size_t block_count, block_cap;
	struct scout_link *links; /* OWNED */
	size_t link_count, link_cap;
};

/*
 * Parse text (len bytes, need not be terminated) as the document name.
 * Defects are reported and shown, they do not fail the parse; only an
 * exhausted heap does (STATUS_OUT_OF_MEMORY, *doc then empty but valid).
 */
status_t scout_doc_parse(struct scout_doc *doc, const char *name, const char *text, size_t len,
                         struct heap *heap, scout_report_fn report, void *report_ctx);

/* free what the document owns */
void scout_doc_free(struct scout_doc *doc);

static inline const char *
scout_doc_str(const struct scout_doc *doc, uint32_t off)
{
	return doc->pool + off;
}

/* the block whose anchor is anchor, -1 if none ("" is the top: 0 when any block) */
long scout_doc_anchor_find(const struct scout_doc *doc, const char *anchor);

/*
 * Mark link as broken (its target is missing: a document the caller
 * could not load, or an anchor in it): its words become placeholders and
 * a report names the link's line.
 */
void scout_doc_link_break(struct scout_doc *doc, size_t link, const char *why);

#endif /* _DEMO__SCOUT__LIB__DOC_H_ */

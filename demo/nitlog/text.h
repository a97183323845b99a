/*
 * \brief  nitlog's text: labeled lines wrapped into rows of a window, the oldest scrolled out
 *
 * Pure logic, no drawing: the width of text in pixels comes from the
 * caller (the font's measure), so tests use a fixed-width stand-in.
 * Every line is made safe first: control characters and malformed UTF-8
 * are shown escaped (util/escape.h), as core shows them on the console.
 */

#ifndef _DEMO__NITLOG__TEXT_H_
#define _DEMO__NITLOG__TEXT_H_

#include <stddef.h>
#include <stdint.h>

enum {
	NITLOG_ROW_MAX = 256,   /* bytes of one row, terminator included */
	NITLOG_LINE_MAX = 1200, /* bytes of one escaped "[label] text" line; longer is cut */
};

struct nitlog_row {
	uint16_t color;
	char text[NITLOG_ROW_MAX];
};

/* width in pixels of the n bytes at s */
typedef int (*nitlog_measure_fn)(void *ctx, const char *s, size_t n);

struct nitlog_text {
	struct nitlog_row *rows; /* BORROWED: capacity rows, a ring */
	unsigned capacity;
	unsigned first, count; /* the oldest row, rows in use */
	int width;             /* pixels a row may take */
	nitlog_measure_fn measure;
	void *measure_ctx;
	uint64_t lines; /* added since the start, for the tests and the log */
};

void nitlog_text_init(struct nitlog_text *t, struct nitlog_row *rows, unsigned capacity, int width,
                      nitlog_measure_fn measure, void *ctx);

/*
 * Add "[label] text" in color, wrapped into rows of t->width pixels (a
 * row takes at least one character); rows beyond the capacity push the
 * oldest out. Returns the rows added.
 */
unsigned nitlog_text_add(struct nitlog_text *t, const char *label, const char *text,
                         uint16_t color);

/* row i counted from the oldest visible one (i < t->count) */
const struct nitlog_row *nitlog_text_row(const struct nitlog_text *t, unsigned i);

/* a colour for label, the same for the same label, from a palette readable on black */
uint16_t nitlog_label_color(const char *label);

#endif /* _DEMO__NITLOG__TEXT_H_ */

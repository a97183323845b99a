/*
 * \brief  nitlog's text: sanitising, wrapping, scrolling
 */

#include <util/escape.h>
#include <util/string.h>

#include "text.h"

void
nitlog_text_init(struct nitlog_text *t, struct nitlog_row *rows, unsigned capacity, int width,
                 nitlog_measure_fn measure, void *ctx)
{
	mem_set(t, 0, sizeof(*t));
	t->rows = rows;
	t->capacity = capacity;
	t->width = width;
	t->measure = measure;
	t->measure_ctx = ctx;
}

/* bytes of the UTF-8 sequence starting with c (escaped text is well-formed) */
static size_t
utf8_len(unsigned char c)
{
	return c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* bytes of s (len) that fit into one row: at least one character */
static size_t
nitlog_row_fit(const struct nitlog_text *t, const char *s, size_t len)
{
	size_t n = 0;
	while (n < len) {
		size_t next = n + utf8_len((unsigned char)s[n]);
		if (next > len || next >= NITLOG_ROW_MAX)
			break;
		if (n > 0 && t->measure(t->measure_ctx, s, next) > t->width)
			break;
		n = next;
	}
	return n ? n : len < NITLOG_ROW_MAX ? len : NITLOG_ROW_MAX - 1;
}

static void
nitlog_row_push(struct nitlog_text *t, const char *s, size_t n, uint16_t color)
{
	unsigned at;
	if (t->count < t->capacity) {
		at = (t->first + t->count++) % t->capacity;
	} else { /* full: the oldest row scrolls out */
		at = t->first;
		t->first = (t->first + 1) % t->capacity;
	}
	t->rows[at].color = color;
	str_copy_counted(t->rows[at].text, NITLOG_ROW_MAX, s, n);
}

unsigned
nitlog_text_add(struct nitlog_text *t, const char *label, const char *text, uint16_t color)
{
	static char line[NITLOG_LINE_MAX];
	size_t len = 0, done = 0;
	unsigned added = 0;
	if (!t->capacity)
		return 0;
	line[len++] = '[';
	len += escape_text(line + len, sizeof(line) - len - 2, label, str_len(label), 0);
	line[len++] = ']';
	line[len++] = ' ';
	len += escape_text(line + len, sizeof(line) - len, text, str_len(text), 0);
	t->lines++;
	do {
		size_t n = nitlog_row_fit(t, line + done, len - done);
		nitlog_row_push(t, line + done, n, color);
		done += n;
		added++;
	} while (done < len);
	return added;
}

const struct nitlog_row *
nitlog_text_row(const struct nitlog_text *t, unsigned i)
{
	return &t->rows[(t->first + i) % t->capacity];
}

uint16_t
nitlog_label_color(const char *label)
{
	static const uint16_t palette[] = {0xffe0, 0x07ff, 0xf81f, 0x87f0, 0xfc10, 0x841f};
	uint32_t h = 2166136261u;
	for (; *label; label++)
		h = (h ^ (unsigned char)*label) * 16777619u;
	return palette[h % (sizeof(palette) / sizeof(palette[0]))];
}

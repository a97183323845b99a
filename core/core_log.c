/*
 * \brief  core's console output
 */

#include <util/escape.h>
#include <util/string.h>

#include "core_log.h"
#include "platform.h"

struct line {
	char buf[CORE_LOG_LINE_MAX];
	size_t len;
};

/* keeps one byte for the newline, so a cut line still ends */
static void
line_append(struct line *l, const char *s, size_t len)
{
	size_t room = sizeof(l->buf) - 1 - l->len;
	size_t n = len < room ? len : room;
	mem_copy(l->buf + l->len, s, n);
	l->len += n;
}

static void
line_emit(struct line *l)
{
	l->buf[l->len++] = '\n';
	platform_console_write(l->buf, l->len);
}

void
log_output_line(const char *text, size_t len)
{
	struct line l = {.len = 0};
	line_append(&l, text, len);
	line_emit(&l);
}

/* append s escaped, as far as whole escapes fit before the newline's byte */
static void
line_append_escaped(struct line *l, const char *s, size_t len)
{
	l->len += escape_text(l->buf + l->len, sizeof(l->buf) - 1 - l->len, s, len, 0);
}

static void
line_emit_labeled(const char *label, const char *text, size_t len)
{
	struct line l = {.len = 0};
	line_append(&l, "[", 1);
	line_append_escaped(&l, label, str_len(label));
	line_append(&l, "] ", 2);
	line_append_escaped(&l, text, len);
	line_emit(&l);
}

/*
 * Each newline of text starts a new line under the same prefix, so text
 * cannot begin a line of its own; one trailing newline ends the text and
 * makes no empty line.
 */
void
core_log_labeled(const char *label, const char *text, size_t len)
{
	if (len && text[len - 1] == '\n')
		len--;
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		line_emit_labeled(label, text + start, i - start);
		start = i + 1;
	}
}

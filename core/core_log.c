/*
 * \brief  core's console output
 */

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

void
core_log_labeled(const char *label, const char *text, size_t len)
{
	struct line l = {.len = 0};
	line_append(&l, "[", 1);
	line_append(&l, label, str_len(label));
	line_append(&l, "] ", 2);
	line_append(&l, text, len);
	line_emit(&l);
}

/*
 * \brief  core's own log output
 */

#include <util/string.h>

#include "core_log.h"
#include "platform.h"

/* formatting state for one line: truncated lines still end in a newline */
struct line {
	char buf[CORE_LOG_LINE_MAX];
	size_t len;
};

static void
line_append(void *ctx, const char *s, size_t len)
{
	struct line *l = ctx;
	size_t room = sizeof(l->buf) - 1 - l->len; /* keep one byte for '\n' */
	size_t n = len < room ? len : room;
	mem_copy(l->buf + l->len, s, n);
	l->len += n;
}

void
core_log(const char *fmt, ...)
{
	struct line l = {.len = 0};
	va_list ap;
	va_start(ap, fmt);
	format_to(line_append, &l, fmt, ap);
	va_end(ap);
	l.buf[l.len++] = '\n';
	platform_console_write(l.buf, l.len);
}

void
core_log_labeled(const char *label, const char *text, size_t len)
{
	struct line l = {.len = 0};
	line_append(&l, "[", 1);
	line_append(&l, label, str_len(label));
	line_append(&l, "] ", 2);
	line_append(&l, text, len);
	l.buf[l.len++] = '\n';
	platform_console_write(l.buf, l.len);
}

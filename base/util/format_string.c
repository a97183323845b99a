/*
 * \brief  printf-like formatting into a fixed buffer
 *
 * A sink for format_to that keeps what fits and counts everything, so the
 * caller learns the full length and can detect truncation like snprintf.
 */

#include <stdint.h>

#include <util/format.h>
#include <util/string.h>

struct buffer_sink {
	char *buf;
	size_t size;
	size_t len; /* of the complete output, also what did not fit */
};

static void
buffer_sink_out(void *ctx, const char *s, size_t len)
{
	struct buffer_sink *b = ctx;
	if (b->size > 0 && b->len < b->size - 1) {
		size_t room = b->size - 1 - b->len;
		mem_copy(b->buf + b->len, s, len < room ? len : room);
	}
	b->len = len > SIZE_MAX - b->len ? SIZE_MAX : b->len + len;
}

size_t
format_vstring(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buffer_sink b = {buf, size, 0};
	format_to(buffer_sink_out, &b, fmt, ap);
	if (size > 0)
		buf[b.len < size ? b.len : size - 1] = 0;
	return b.len;
}

size_t
format_string(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t len = format_vstring(buf, size, fmt, ap);
	va_end(ap);
	return len;
}

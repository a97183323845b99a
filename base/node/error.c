/*
 * \brief  Recording and rendering config errors
 *
 * Generic code has no printf, so the one message format every reader of a
 * config uses is built here by hand.
 */

#include <util/node_tree.h>
#include <util/string.h>

status_t
node_error_set(struct node_error *e, status_t s, uint32_t line, uint32_t column, const char *what,
               struct node_span name)
{
	if (!e)
		return s;
	e->status = s;
	e->line = line;
	e->column = column;
	e->what = what;
	str_copy_counted(e->name, sizeof(e->name), name.start, name.start ? name.len : 0);
	return s;
}

/*
 * *len counts what the message would need, so that the caller learns the
 * full length even after buf is full; writing stops at size - 1.
 */
static void
append(char *buf, size_t size, size_t *len, const char *s)
{
	size_t done = *len < size ? *len : size - 1;
	*len += str_copy(buf + done, s, size - done);
}

static void
append_u32(char *buf, size_t size, size_t *len, uint32_t v)
{
	char digits[11];
	size_t i = sizeof(digits) - 1;
	digits[i] = 0;
	do {
		digits[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	append(buf, size, len, &digits[i]);
}

size_t
node_error_format(const struct node_error *e, char *buf, size_t size)
{
	size_t len = 0;
	if (e->line) {
		append(buf, size, &len, "line ");
		append_u32(buf, size, &len, e->line);
		append(buf, size, &len, ", column ");
		append_u32(buf, size, &len, e->column);
		append(buf, size, &len, ": ");
	}
	append(buf, size, &len, e->what ? e->what : status_name(e->status));
	if (e->name[0]) {
		append(buf, size, &len, " '");
		append(buf, size, &len, e->name);
		append(buf, size, &len, "'");
	}
	return len;
}

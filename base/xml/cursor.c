/*
 * \brief  Lexical steps of the XML parser
 */

#include <util/string.h>

#include "cursor.h"

static const struct node_span no_name = {NULL, 0};

void
cur_init(struct xml_cursor *c, const char *src, size_t len, struct node_error *err)
{
	c->src = src;
	c->len = len;
	c->pos = 0;
	c->line = 1;
	c->column = 1;
	c->err = err;
}

bool
cur_looking_at(const struct xml_cursor *c, const char *s)
{
	size_t n = str_len(s);
	return c->len - c->pos >= n && mem_compare(cur_here(c), s, n) == 0;
}

void
cur_advance(struct xml_cursor *c, size_t n)
{
	for (; n > 0 && !cur_end(c); n--, c->pos++) {
		if (c->src[c->pos] == '\n') {
			c->line++;
			c->column = 1;
		} else {
			c->column++;
		}
	}
}

bool
cur_skip_space(struct xml_cursor *c)
{
	size_t start = c->pos;
	while (!cur_end(c) && char_is_space(cur_peek(c)))
		cur_advance(c, 1);
	return c->pos != start;
}

status_t
cur_fail_at(struct xml_cursor *c, uint32_t line, uint32_t column, const char *what,
            struct node_span name)
{
	return node_error_set(c->err, STATUS_INVALID_ARGS, line, column, what, name);
}

status_t
cur_fail(struct xml_cursor *c, const char *what, struct node_span name)
{
	return cur_fail_at(c, c->line, c->column, what, name);
}

static bool
name_start(char ch)
{
	return char_is_alpha(ch) || ch == '_' || ch == ':';
}

static bool
name_char(char ch)
{
	return name_start(ch) || char_is_digit(ch) || ch == '-' || ch == '.';
}

bool
cur_name(struct xml_cursor *c, struct node_span *name)
{
	if (!name_start(cur_peek(c)))
		return false;
	name->start = cur_here(c);
	while (!cur_end(c) && name_char(cur_peek(c)))
		cur_advance(c, 1);
	name->len = (size_t)(cur_here(c) - name->start);
	return true;
}

status_t
cur_skip_markup(struct xml_cursor *c)
{
	bool comment = cur_looking_at(c, "<!--");
	const char *close = comment ? "-->" : "?>";
	uint32_t line = c->line, column = c->column;

	cur_advance(c, comment ? 4 : 2);
	while (!cur_end(c) && !cur_looking_at(c, close))
		cur_advance(c, 1);
	if (cur_end(c))
		return cur_fail_at(c, line, column,
		                   comment ? "unterminated comment"
		                           : "unterminated processing instruction",
		                   no_name);
	cur_advance(c, str_len(close));
	return STATUS_OK;
}

status_t
cur_text(struct xml_cursor *c, char stop, struct node_value *v)
{
	v->text.start = cur_here(c);
	v->line = c->line;
	v->column = c->column;
	v->escape = NODE_ESCAPE_NONE;

	while (!cur_end(c) && cur_peek(c) != stop) {
		char ch = cur_peek(c), buf[4];
		size_t used = 1, n;
		if (ch == 0)
			return cur_fail(c, "NUL byte in the text of", v->name);
		if (ch == '<')
			return cur_fail(c, "'<' in the value of attribute", v->name);
		if (ch == '&') {
			used = node_escape_xml_decode(cur_here(c), c->len - c->pos, buf, &n);
			if (!used)
				return cur_fail(c, "malformed character reference in", v->name);
			v->escape = NODE_ESCAPE_XML;
		}
		cur_advance(c, used);
	}
	v->text.len = (size_t)(cur_here(c) - v->text.start);
	return STATUS_OK;
}

/*
 * \brief  Position in an XML text, with the lexical steps of the parser
 *
 * Every byte is consumed through cur_advance() so that line and column are
 * always known, which lets each error message say where it happened.
 * Private to the xml library.
 */

#ifndef _BASE__XML__CURSOR_H_
#define _BASE__XML__CURSOR_H_

#include <util/node_tree.h>

struct xml_cursor {
	const char *src; /* borrowed, len bytes */
	size_t len, pos;
	uint32_t line, column;
	struct node_error *err; /* may be NULL */
};

static inline bool
cur_end(const struct xml_cursor *c)
{
	return c->pos >= c->len;
}

/* the current byte, or 0 at the end */
static inline char
cur_peek(const struct xml_cursor *c)
{
	return cur_end(c) ? 0 : c->src[c->pos];
}

static inline const char *
cur_here(const struct xml_cursor *c)
{
	return c->src + c->pos;
}

void cur_init(struct xml_cursor *c, const char *src, size_t len, struct node_error *err);
bool cur_looking_at(const struct xml_cursor *c, const char *s);
void cur_advance(struct xml_cursor *c, size_t n);

/* returns whether any white space was skipped */
bool cur_skip_space(struct xml_cursor *c);

/* record a syntax error at the given or the current position */
status_t cur_fail_at(struct xml_cursor *c, uint32_t line, uint32_t column, const char *what,
                     struct node_span name);
status_t cur_fail(struct xml_cursor *c, const char *what, struct node_span name);

/* consume an XML name; false (nothing consumed) if none starts here */
bool cur_name(struct xml_cursor *c, struct node_span *name);

/* skip the comment or processing instruction starting here */
status_t cur_skip_markup(struct xml_cursor *c);

/*
 * Consume text up to the byte stop or the end, checking its character
 * references, and describe it in v (text, escape, line, column). For an
 * attribute value (stop is a quote) a '<' is an error.
 */
status_t cur_text(struct xml_cursor *c, char stop, struct node_value *v);

#endif /* _BASE__XML__CURSOR_H_ */

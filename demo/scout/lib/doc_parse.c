/*
 * \brief  scout's markup, line by line: headings, images, paragraphs
 *
 * "= text {#anchor}" and "== text {#anchor}" are headings, "[image name]"
 * alone on its line an image, a blank line ends a paragraph, any other
 * line continues one. A line that starts like markup but is none is shown
 * behind a placeholder, so nothing the author wrote silently vanishes.
 */

#include <util/string.h>

#include "doc_inline.h"

/* s without blanks at either end */
static void
scout_parse_trim(const char **s, size_t *len)
{
	while (*len && char_is_space(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && char_is_space((*s)[*len - 1]))
		(*len)--;
}

static void
scout_parse_unknown(struct scout_parser *p, const char *s, size_t len)
{
	char shown[12];
	str_copy_counted(shown, sizeof(shown), s, len);
	scout_store_report(p, "unknown markup \"%s\"", shown);
	if (!p->in_block)
		scout_store_block(p, SCOUT_PARA);
	p->in_block = true;
	scout_store_word(p, "[?]", 3, SCOUT_WORD_BAD, -1);
	p->space_before = true;
	scout_inline_line(p, s, len);
}

/* "{#anchor}" at the end of a heading: stripped from s, stored in block b */
static void
scout_parse_anchor(struct scout_parser *p, const char *s, size_t *len, long b)
{
	size_t open = *len;
	if (*len < 2 || s[*len - 1] != '}')
		return;
	while (open > 0 && s[open - 1] != '{')
		open--;
	if (open == 0 || open >= *len || s[open] != '#')
		return;
	const char *name = s + open + 1;
	size_t name_len = *len - open - 2;
	*len = open - 1;
	if (!scout_name_valid(name, name_len, false)) {
		scout_store_report(p, "bad anchor (letters, digits, '_' and '-', at most %u)",
		                   SCOUT_ANCHOR_MAX - 1);
		scout_store_word(p, "[anchor?]", 9, SCOUT_WORD_BAD, -1);
		return;
	}
	char key[SCOUT_ANCHOR_MAX];
	str_copy_counted(key, sizeof(key), name, name_len);
	if (scout_doc_anchor_find(p->doc, key) >= 0) {
		scout_store_report(p, "anchor \"%s\" defined twice", key);
		return;
	}
	p->doc->blocks[b].anchor = scout_store_string(p, name, name_len);
}

static void
scout_parse_heading(struct scout_parser *p, const char *s, size_t len)
{
	size_t level = 0;
	while (level < len && s[level] == '=')
		level++;
	if (level > 2 || level >= len || s[level] != ' ') {
		scout_parse_unknown(p, s, len);
		return;
	}
	long b = scout_store_block(p, level == 1 ? SCOUT_H1 : SCOUT_H2);
	if (b < 0)
		return;
	s += level;
	len -= level;
	scout_parse_anchor(p, s, &len, b);
	scout_inline_line(p, s, len);
	p->in_block = false;
}

/* "[image name]": an image block, or a placeholder if the name is bad */
static void
scout_parse_image(struct scout_parser *p, const char *s, size_t len)
{
	const char *name = s + 7;
	size_t name_len = len - 8;

	scout_parse_trim(&name, &name_len);
	if (!scout_name_valid(name, name_len, true)) {
		scout_store_report(p, "bad image name (letters, digits, '_', '-' and '.')");
		scout_store_block(p, SCOUT_PARA);
		scout_store_word(p, "[image?]", 8, SCOUT_WORD_BAD, -1);
	} else {
		long b = scout_store_block(p, SCOUT_IMAGE);
		if (b >= 0)
			p->doc->blocks[b].image = scout_store_string(p, name, name_len);
	}
	p->in_block = false;
}

static void
scout_parse_line(struct scout_parser *p, const char *s, size_t len)
{
	scout_parse_trim(&s, &len);
	if (len == 0) {
		p->in_block = false;
		return;
	}
	if (s[0] == '=') {
		scout_parse_heading(p, s, len);
		return;
	}
	if (len >= 8 && str_has_prefix(s, "[image ") && s[len - 1] == ']') {
		scout_parse_image(p, s, len);
		return;
	}
	if (s[0] == '[' && (len < 2 || s[1] != '[')) {
		scout_parse_unknown(p, s, len);
		return;
	}
	if (!p->in_block)
		scout_store_block(p, SCOUT_PARA);
	p->in_block = true;
	p->space_before = true;
	scout_inline_line(p, s, len);
}

/* line after line of text; a line beyond SCOUT_LINE_MAX is cut, visibly */
static void
scout_parse_lines(struct scout_parser *p, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len && p->status == STATUS_OK) {
		size_t end = i;
		while (end < len && text[end] != '\n')
			end++;
		p->line++;
		size_t used = end - i > SCOUT_LINE_MAX ? SCOUT_LINE_MAX : end - i;
		scout_parse_line(p, text + i, used);
		if (used < end - i) {
			scout_store_report(p, "line longer than %u bytes cut", SCOUT_LINE_MAX);
			scout_store_word(p, "[line cut]", 10, SCOUT_WORD_BAD, -1);
		}
		i = end + 1;
	}
}

/* links to anchors of this document that it lacks are broken */
static void
scout_parse_check_links(struct scout_doc *doc)
{
	for (size_t l = 0; l < doc->link_count; l++) {
		const char *target = scout_doc_str(doc, doc->links[l].doc);
		if (target[0] && !str_equal(target, doc->name))
			continue;
		if (scout_doc_anchor_find(doc, scout_doc_str(doc, doc->links[l].anchor)) < 0)
			scout_doc_link_break(doc, l, "no such anchor");
	}
}

status_t
scout_doc_parse(struct scout_doc *doc, const char *name, const char *text, size_t len,
                struct heap *heap, scout_report_fn report, void *report_ctx)
{
	struct scout_parser p = {.doc = doc, .status = STATUS_OK};

	mem_set(doc, 0, sizeof(*doc));
	str_copy(doc->name, name, sizeof(doc->name));
	doc->heap = heap;
	doc->report = report;
	doc->report_ctx = report_ctx;
	scout_store_string(&p, "", 0);
	scout_parse_lines(&p, text, len);
	if (p.status == STATUS_OK && doc->word_count == 0 && doc->block_count == 0) {
		scout_store_report(&p, "document is empty");
		scout_store_word(&p, "[empty]", 7, SCOUT_WORD_BAD, -1);
	}
	if (p.status != STATUS_OK) {
		scout_doc_free(doc);
		mem_set(doc, 0, sizeof(*doc));
		str_copy(doc->name, name, sizeof(doc->name));
		return p.status;
	}
	scout_parse_check_links(doc);
	return STATUS_OK;
}

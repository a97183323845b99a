/*
 * \brief  scout's inline markup: words, escapes and links of one line
 *
 * Words are separated by blanks. A backslash takes the next byte
 * literally (so "\[[" is text). [[target|text]] and [[target]] are links;
 * target is "#anchor", "doc", or "doc#anchor".
 */

#include <util/string.h>

#include "doc_inline.h"

bool
scout_name_valid(const char *s, size_t len, bool dots)
{
	if (len == 0 || len >= (dots ? SCOUT_NAME_MAX : SCOUT_ANCHOR_MAX))
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!char_is_alpha(c) && !char_is_digit(c) && c != '_' && c != '-' &&
		    !(dots && c == '.'))
			return false;
	}
	return true;
}

/* one word from s[*i]: copied into buf (cut at SCOUT_WORD_MAX), *i past it */
static size_t
scout_inline_word(const char *s, size_t len, size_t *i, char *buf, bool *cut, bool *control)
{
	size_t n = 0;

	while (*i < len && !char_is_space(s[*i])) {
		char c = s[*i];
		if (c == '\\' && *i + 1 < len)
			c = s[++*i];
		(*i)++;
		if ((unsigned char)c < 32 || c == 127) {
			*control = true;
			c = '?';
		}
		if (n < SCOUT_WORD_MAX)
			buf[n++] = c;
		else
			*cut = true;
	}
	return n;
}

void
scout_inline_words(struct scout_parser *p, const char *s, size_t len, enum scout_word_kind kind,
                   int32_t link)
{
	char buf[SCOUT_WORD_MAX];
	bool control = false;

	for (size_t i = 0; i < len;) {
		if (char_is_space(s[i])) {
			p->space_before = true;
			i++;
			continue;
		}
		bool cut = false;
		size_t n = scout_inline_word(s, len, &i, buf, &cut, &control);
		scout_store_word(p, buf, n, kind, link);
		if (cut) {
			scout_store_report(p, "word longer than %u bytes cut", SCOUT_WORD_MAX);
			scout_store_word(p, "[cut]", 5, SCOUT_WORD_BAD, -1);
		}
	}
	if (control)
		scout_store_report(p, "control characters shown as '?'");
}

/* "doc#anchor", "#anchor" or "doc" into a link; -1 (reported) if malformed */
static int32_t
scout_inline_target(struct scout_parser *p, const char *t, size_t len)
{
	size_t hash = 0;

	while (hash < len && t[hash] != '#')
		hash++;
	const char *anchor = hash < len ? t + hash + 1 : t + len;
	size_t anchor_len = hash < len ? len - hash - 1 : 0;
	if ((hash > 0 && !scout_name_valid(t, hash, true)) ||
	    (anchor_len > 0 && !scout_name_valid(anchor, anchor_len, false)) ||
	    (hash == 0 && anchor_len == 0)) {
		char shown[SCOUT_NAME_MAX];
		str_copy_counted(shown, sizeof(shown), t, len);
		scout_store_report(p, "bad link target \"%s\"", shown);
		return -1;
	}
	uint32_t doc = scout_store_string(p, t, hash);
	return scout_store_link(p, doc, scout_store_string(p, anchor, anchor_len));
}

/* the link whose inner text (between [[ and ]]) is s */
static void
scout_inline_link(struct scout_parser *p, const char *s, size_t len)
{
	size_t bar = 0;

	while (bar < len && s[bar] != '|')
		bar++;
	int32_t link = scout_inline_target(p, s, bar);
	const char *text = bar < len ? s + bar + 1 : s;
	size_t text_len = bar < len ? len - bar - 1 : bar;
	if (text_len == 0) { /* [[target|]] shows its target */
		text = s;
		text_len = bar;
	}
	if (link < 0) {
		scout_inline_words(p, text, text_len, SCOUT_WORD_BAD, -1);
		return;
	}
	scout_inline_words(p, text, text_len, SCOUT_WORD_LINK, link);
}

/* index of the next unescaped pair of c ("[[" or "]]") in s from i, len if none */
static size_t
scout_inline_find(const char *s, size_t len, size_t i, char c)
{
	for (; i + 1 < len; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == c && s[i + 1] == c)
			return i;
	}
	return len;
}

void
scout_inline_line(struct scout_parser *p, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t open = scout_inline_find(s, len, i, '[');
		scout_inline_words(p, s + i, open - i, SCOUT_WORD_TEXT, -1);
		if (open == len)
			return;
		size_t close = scout_inline_find(s, len, open + 2, ']');
		if (close == len) {
			scout_store_report(p, "unterminated link");
			scout_store_word(p, "[[?", 3, SCOUT_WORD_BAD, -1);
			i = open + 2;
			continue;
		}
		scout_inline_link(p, s + open + 2, close - open - 2);
		i = close + 2;
	}
}

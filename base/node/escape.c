/*
 * \brief  Decoding XML character references
 *
 * Lives with the node API rather than the XML parser because values are
 * decoded lazily, when a reader copies them, so the tree never needs a
 * second buffer for decoded text.
 */

#include <util/node_tree.h>
#include <util/string.h>

static const struct {
	const char *name;
	char ch;
} named_refs[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
};

static int
digit_value(char c, unsigned base)
{
	if (char_is_digit(c))
		return c - '0';
	if (base == 16 && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (base == 16 && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* s follows "&#"; returns the bytes up to and including ';', or 0 */
static size_t
decode_numeric(const char *s, size_t len, uint32_t *cp)
{
	unsigned base = 10;
	size_t i = 0;
	if (len > 0 && s[0] == 'x') {
		base = 16;
		i = 1;
	}
	size_t first_digit = i;
	uint32_t v = 0;
	for (; i < len && s[i] != ';'; i++) {
		int d = digit_value(s[i], base);
		if (d < 0)
			return 0;
		v = v * base + (uint32_t)d;
		/* stop before v can overflow: nothing above this is a character */
		if (v > 0x10ffff)
			return 0;
	}
	if (i == len || i == first_digit || v == 0 || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return i + 1;
}

static size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
node_escape_xml_decode(const char *s, size_t len, char out[4], size_t *out_len)
{
	if (len < 3 || s[0] != '&')
		return 0;

	if (s[1] == '#') {
		uint32_t cp;
		size_t used = decode_numeric(s + 2, len - 2, &cp);
		if (!used)
			return 0;
		*out_len = utf8_encode(cp, out);
		return used + 2;
	}
	for (size_t i = 0; i < sizeof(named_refs) / sizeof(named_refs[0]); i++) {
		size_t n = str_len(named_refs[i].name);
		if (len >= n + 2 && s[n + 1] == ';' &&
		    mem_compare(s + 1, named_refs[i].name, n) == 0) {
			out[0] = named_refs[i].ch;
			*out_len = 1;
			return n + 2;
		}
	}
	return 0;
}

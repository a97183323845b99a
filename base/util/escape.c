/*
 * \brief  Showing untrusted text on a console line (see util/escape.h)
 */

#include <stdbool.h>
#include <stdint.h>

#include <util/escape.h>
#include <util/string.h>

/* length of the well-formed UTF-8 sequence at s (lead byte >= 0x80), 0 if malformed */
static size_t
utf8_length(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
	if (n == 0 || s[0] > 0xf4 || n > len)
		return 0;
	uint32_t c = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0; /* overlong, beyond Unicode, or a surrogate */
	*cp = c;
	return n;
}

/* code points that steer the terminal or the layout of the line */
static bool
code_point_controls(uint32_t c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x200e || c == 0x200f || c == 0x2028 ||
	       c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* the escape of one byte into out (>= ESCAPE_EXPANSION_MAX); returns its length */
static size_t
byte_escape(unsigned char b, char *out)
{
	static const char hex[] = "0123456789abcdef";
	out[0] = '\\';
	if (b == '\n' || b == '\r' || b == '\t') {
		out[1] = b == '\n' ? 'n' : b == '\r' ? 'r' : 't';
		return 2;
	}
	out[1] = 'x';
	out[2] = hex[b >> 4];
	out[3] = hex[b & 0xf];
	return 4;
}

/*
 * What the text at s becomes: *out_len bytes in out (>= 4 * 4 bytes);
 * returns the source bytes this covers
 */
static size_t
unit_escape(const unsigned char *s, size_t len, char *out, size_t *out_len)
{
	uint32_t cp = 0;
	size_t n = s[0] >= 0x80 ? utf8_length(s, len, &cp) : 0;
	*out_len = 0;
	if (s[0] >= 0x20 && s[0] < 0x7f) {
		out[(*out_len)++] = (char)s[0];
		return 1;
	}
	if (n && !code_point_controls(cp)) {
		mem_copy(out, s, n);
		*out_len = n;
		return n;
	}
	/* a control code point goes as a whole; a malformed byte alone, then resync */
	size_t take = n ? n : 1;
	for (size_t i = 0; i < take; i++)
		*out_len += byte_escape(s[i], out + *out_len);
	return take;
}

size_t
escape_text(char *dst, size_t dst_size, const char *src, size_t len, size_t *consumed)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t in = 0, out = 0;
	while (in < len) {
		char unit[4 * ESCAPE_EXPANSION_MAX];
		size_t unit_len = 0;
		size_t took = unit_escape(s + in, len - in, unit, &unit_len);
		if (unit_len > dst_size - out)
			break;
		mem_copy(dst + out, unit, unit_len);
		out += unit_len;
		in += took;
	}
	if (consumed)
		*consumed = in;
	return out;
}

void
escape_string(char *dst, size_t dst_size, const char *src)
{
	if (dst_size == 0)
		return;
	size_t n = escape_text(dst, dst_size - 1, src, str_len(src), 0);
	dst[n] = 0;
}

/*
 * \brief  Interpreting attribute values and text content
 */

#include <util/node_tree.h>
#include <util/number.h>
#include <util/string.h>

static status_t
malformed(const struct node_value *v, const char *what, struct node_error *err)
{
	return node_error_set(err, STATUS_INVALID_ARGS, v->line, v->column, what, v->name);
}

status_t
node_value_u64(const struct node_value *v, uint64_t *out, struct node_error *err)
{
	if (number_parse_u64(v->text.start, v->text.len, out) != STATUS_OK)
		return malformed(v, "malformed unsigned number in", err);
	return STATUS_OK;
}

status_t
node_value_s64(const struct node_value *v, int64_t *out, struct node_error *err)
{
	if (number_parse_s64(v->text.start, v->text.len, out) != STATUS_OK)
		return malformed(v, "malformed signed number in", err);
	return STATUS_OK;
}

status_t
node_value_size(const struct node_value *v, uint64_t *out, struct node_error *err)
{
	if (number_parse_size(v->text.start, v->text.len, out) != STATUS_OK)
		return malformed(v, "malformed size in", err);
	return STATUS_OK;
}

status_t
node_value_bool(const struct node_value *v, bool *out, struct node_error *err)
{
	static const char *const yes[] = {"yes", "true", "on"};
	static const char *const no[] = {"no", "false", "off"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (node_value_equal(v, yes[i]) || node_value_equal(v, no[i])) {
			*out = node_value_equal(v, yes[i]);
			return STATUS_OK;
		}
	}
	return malformed(v, "expected yes or no in", err);
}

/*
 * The next piece of v's decoded text from *pos: a run of plain bytes in the
 * source, or one decoded reference in buf. Returns the piece's length.
 */
static size_t
next_piece(const struct node_value *v, size_t *pos, char buf[4], const char **piece)
{
	bool xml = v->escape == NODE_ESCAPE_XML;
	const char *s = v->text.start + *pos;
	size_t left = v->text.len - *pos;
	size_t n;

	if (xml && s[0] == '&') {
		size_t used = node_escape_xml_decode(s, left, buf, &n);
		if (used) {
			*pos += used;
			*piece = buf;
			return n;
		}
	}
	/* a stray '&' is kept as it is; the XML parser never lets one through */
	for (n = 1; n < left && !(xml && s[n] == '&'); n++)
		;
	*pos += n;
	*piece = s;
	return n;
}

size_t
node_value_copy(const struct node_value *v, char *dst, size_t size)
{
	size_t total = 0, pos = 0;
	char buf[4];
	const char *piece;

	while (pos < v->text.len) {
		size_t n = next_piece(v, &pos, buf, &piece);
		if (size > 0 && total < size - 1) {
			size_t room = size - 1 - total;
			mem_copy(dst + total, piece, n < room ? n : room);
		}
		total += n;
	}
	if (size > 0)
		dst[total < size ? total : size - 1] = 0;
	return total;
}

bool
node_value_equal(const struct node_value *v, const char *s)
{
	size_t off = 0, pos = 0;
	char buf[4];
	const char *piece;

	while (pos < v->text.len) {
		size_t n = next_piece(v, &pos, buf, &piece);
		if (str_len_bounded(s + off, n) != n || mem_compare(s + off, piece, n) != 0)
			return false;
		off += n;
	}
	return s[off] == 0;
}

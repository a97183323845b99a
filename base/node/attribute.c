/*
 * \brief  Attribute shorthands: look up, fall back to a default, interpret
 *
 * A missing attribute is not an error because Genode configs leave out
 * whatever has a sensible default; a present but malformed one always is.
 */

#include <util/node_tree.h>
#include <util/string.h>

status_t
node_attribute_u64(const struct node *n, const char *name, uint64_t def, uint64_t *out,
                   struct node_error *err)
{
	const struct node_value *v = node_attribute(n, name);
	if (!v) {
		*out = def;
		return STATUS_OK;
	}
	return node_value_u64(v, out, err);
}

status_t
node_attribute_s64(const struct node *n, const char *name, int64_t def, int64_t *out,
                   struct node_error *err)
{
	const struct node_value *v = node_attribute(n, name);
	if (!v) {
		*out = def;
		return STATUS_OK;
	}
	return node_value_s64(v, out, err);
}

status_t
node_attribute_size(const struct node *n, const char *name, uint64_t def, uint64_t *out,
                    struct node_error *err)
{
	const struct node_value *v = node_attribute(n, name);
	if (!v) {
		*out = def;
		return STATUS_OK;
	}
	return node_value_size(v, out, err);
}

status_t
node_attribute_bool(const struct node *n, const char *name, bool def, bool *out,
                    struct node_error *err)
{
	const struct node_value *v = node_attribute(n, name);
	if (!v) {
		*out = def;
		return STATUS_OK;
	}
	return node_value_bool(v, out, err);
}

status_t
node_attribute_string(const struct node *n, const char *name, char *dst, size_t size,
                      const char *def, struct node_error *err)
{
	struct node_span name_span = {name, str_len(name)};
	const struct node_value *v = node_attribute(n, name);
	size_t len;
	uint32_t line = n->line, column = n->column;

	if (size == 0)
		return node_error_set(err, STATUS_INVALID_ARGS, line, column,
		                      "no room for the value of attribute", name_span);
	if (v) {
		len = node_value_copy(v, dst, size);
		line = v->line;
		column = v->column;
	} else {
		len = str_copy(dst, def ? def : "", size);
	}
	if (len >= size)
		return node_error_set(err, STATUS_OUT_OF_MEMORY, line, column,
		                      "value too long for attribute", name_span);
	return STATUS_OK;
}

/*
 * \brief  Windows from a config: attribute readers that never trust the text
 */

#include <base/log.h>
#include <util/node_tree.h>
#include <util/string.h>
#include <util/xml.h>

#include "window_config.h"

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

status_t
window_color_parse(const char *text, uint16_t *rgb565)
{
	unsigned v = 0;
	if (text[0] != '#' || str_len_bounded(text, 8) != 7)
		return STATUS_INVALID_ARGS;
	for (int i = 1; i < 7; i++) {
		int d = hex_digit(text[i]);
		if (d < 0)
			return STATUS_INVALID_ARGS;
		v = v << 4 | (unsigned)d;
	}
	unsigned r = v >> 16 & 0xff, g = v >> 8 & 0xff, b = v & 0xff;
	*rgb565 = (uint16_t)(((r & 0xf8u) << 8) | ((g & 0xfcu) << 3) | (b >> 3));
	return STATUS_OK;
}

bool
window_attr_int(const struct node *n, const char *name, int def, int min, int max, int *out,
                const char *who)
{
	struct node_error err = {0};
	int64_t v = def;
	*out = def;
	if (node_attribute_s64(n, name, def, &v, &err) != STATUS_OK) {
		log_error("%s: config: %s=\"...\" is not a number (line %u), using %d", who, name,
		          (unsigned)err.line, def);
		return false;
	}
	if (v < min || v > max) {
		log_error("%s: config: %s=%lld is outside %d..%d, using %d", who, name,
		          (long long)v, min, max, def);
		return false;
	}
	*out = (int)v;
	return true;
}

bool
window_attr_color(const struct node *n, const char *name, uint16_t def, uint16_t *out,
                  const char *who)
{
	char text[16];
	const struct node_value *v = node_attribute(n, name);
	*out = def;
	if (!v)
		return true;
	if (node_value_copy(v, text, sizeof(text)) >= sizeof(text) ||
	    window_color_parse(text, out) != STATUS_OK) {
		*out = def;
		log_error("%s: config: %s=\"...\" is not a colour \"#rrggbb\", using the default",
		          who, name);
		return false;
	}
	return true;
}

bool
window_attr_title(const struct node *n, const char *name, const char *def, char *out,
                  const char *who)
{
	char text[WINDOW_TITLE_MAX * 4];
	const struct node_value *v = node_attribute(n, name);
	bool ok = true;
	str_copy(out, def, WINDOW_TITLE_MAX);
	if (!v)
		return true;
	if (node_value_copy(v, text, sizeof(text)) >= WINDOW_TITLE_MAX) {
		log_error("%s: config: %s=\"...\" is longer than %d bytes, cut", who, name,
		          WINDOW_TITLE_MAX - 1);
		ok = false;
	}
	/* titles go to nitpicker and the screen: printable ASCII only */
	size_t i = 0;
	for (; i < WINDOW_TITLE_MAX - 1 && text[i]; i++)
		out[i] = (text[i] >= 0x20 && text[i] < 0x7f) ? text[i] : '?';
	out[i] = 0;
	return ok;
}

/* one <window/> node over the default d */
static void
window_node_read(const struct node *n, struct window *w, const struct window *d, const char *who)
{
	*w = *d;
	(void)window_attr_int(n, "x", d->x, -WINDOW_COORD_MAX / 2, WINDOW_COORD_MAX / 2, &w->x,
	                      who);
	(void)window_attr_int(n, "y", d->y, -WINDOW_COORD_MAX / 2, WINDOW_COORD_MAX / 2, &w->y,
	                      who);
	(void)window_attr_int(n, "w", d->w, WINDOW_SIZE_MIN, WINDOW_SIZE_MAX, &w->w, who);
	(void)window_attr_int(n, "h", d->h, WINDOW_SIZE_MIN, WINDOW_SIZE_MAX, &w->h, who);
	(void)window_attr_color(n, "color", d->color, &w->color, who);
	(void)window_attr_title(n, "title", d->title, w->title, who);
}

enum { CONFIG_NODES = 2 + WINDOW_STACK_MAX, CONFIG_ATTRS = 8 * WINDOW_STACK_MAX };

unsigned
window_config_parse(const char *text, size_t len, struct window *windows, unsigned max,
                    const struct window *defaults, const char *who)
{
	static struct node nodes[CONFIG_NODES];
	static struct node_value attrs[CONFIG_ATTRS];
	struct node_tree tree;
	struct node_error err = {0};
	const struct node *root = 0, *n = 0;
	unsigned count = 0;

	node_tree_init(&tree, nodes, CONFIG_NODES, attrs, CONFIG_ATTRS);
	if (text && xml_parse(&tree, text, len, &err) == STATUS_OK)
		root = node_tree_root(&tree);
	else if (text)
		log_error("%s: config does not parse (line %u: %s), using the default windows", who,
		          (unsigned)err.line, err.what ? err.what : "?");
	n = root ? node_sub_node(root, "window") : 0;
	for (; n && count < max; n = node_next(n, "window"), count++)
		window_node_read(n, &windows[count], &defaults[count], who);
	if (n)
		log_error("%s: config: more than %u windows, the rest ignored", who, max);
	for (unsigned i = 0; count == 0 && i < max; i++)
		windows[i] = defaults[i];
	return count ? count : max;
}

/*
 * \brief  fb_driver: the mode a driver's config asks for
 *
 * 10.02's VESA driver: <config width=".." height=".." depth=".."/>, each
 * attribute optional. Only modes the driver lists are accepted; anything
 * else is refused with the list, so that a typo does not start a screen
 * of a size nobody asked for.
 */

#include <base/log.h>
#include <os/fb_driver.h>
#include <util/format.h>
#include <util/string.h>

enum { FB_MODE_TEXT_MAX = 32, FB_MODE_LIST_MAX = 256 };

static uint32_t
mode_depth(const struct fb_mode *m)
{
	return (uint32_t)framebuffer_format_bytes(m->format) * 8;
}

void
fb_mode_format(const struct fb_mode *m, char *text, size_t size)
{
	format_string(text, size, "%ux%ux%u", m->width, m->height, mode_depth(m));
}

/* attribute name of config as a number below 2^32, def if absent; false (logged) if malformed */
static bool
mode_attribute(const struct node *config, const char *name, uint32_t def, uint32_t *out,
               const char *who)
{
	struct node_error err = {0};
	uint64_t v = def;
	char text[FB_MODE_TEXT_MAX];

	if (!config ||
	    (node_attribute_u64(config, name, def, &v, &err) == STATUS_OK && v <= UINT32_MAX)) {
		*out = (uint32_t)v;
		return true;
	}
	node_value_copy(node_attribute(config, name), text, sizeof(text));
	log_error("%s: config: %s=\"%s\" is not a number of pixels or bits", who, name, text);
	return false;
}

static void
mode_list_format(const struct fb_mode *supported, size_t count, char *text, size_t size)
{
	size_t len = 0;

	text[0] = 0;
	for (size_t i = 0; i < count && len < size; i++) {
		char one[FB_MODE_TEXT_MAX];
		fb_mode_format(&supported[i], one, sizeof(one));
		len += format_string(text + len, size - len, "%s%s", i ? ", " : "", one);
	}
}

static bool
mode_refuse(const char *who, const char *what, const struct fb_mode *supported, size_t count)
{
	char list[FB_MODE_LIST_MAX];

	mode_list_format(supported, count, list, sizeof(list));
	log_error("%s: %s; supported modes (width x height x depth): %s", who, what, list);
	return false;
}

bool
fb_mode_from_config(const struct node *config, const struct fb_mode *supported, size_t count,
                    const struct fb_mode *def, const char *who, struct fb_mode *out)
{
	uint32_t w, h, depth;
	char what[80];

	if (!mode_attribute(config, "width", def->width, &w, who) ||
	    !mode_attribute(config, "height", def->height, &h, who) ||
	    !mode_attribute(config, "depth", mode_depth(def), &depth, who))
		return mode_refuse(who, "malformed mode in the config", supported, count);
	for (size_t i = 0; i < count; i++) {
		if (supported[i].width == w && supported[i].height == h &&
		    mode_depth(&supported[i]) == depth) {
			*out = supported[i];
			return true;
		}
	}
	format_string(what, sizeof(what), "the config's mode %ux%ux%u is not supported", w, h,
	              depth);
	return mode_refuse(who, what, supported, count);
}

/*
 * \brief  The font of X-ray's labels: the ROM module font_label.gft
 *
 * Optional: without it (or with a module gfx_font_parse refuses) the
 * bars show no text, and nitpicker says so once. The module is mapped
 * for the life of nitpicker.
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <gfx/font.h>
#include <rom_session/connection.h>

#include "nitpicker.h"

#define NP_FONT_MODULE "font_label.gft"

static struct gfx_font np_font;

static void
np_font_draw(void *ctx, struct gfx_surface *s, int x, int y, const char *text, uint16_t color)
{
	(void)ctx;
	(void)gfx_font_draw(s, &np_font, x, y, text, color);
}

static int
np_font_width(void *ctx, const char *text)
{
	(void)ctx;
	return gfx_font_text_width(&np_font, text);
}

bool
np_font_open(struct env *env, struct npc_ops *ops, struct npc *core)
{
	const char *data = 0;
	size_t size = 0;
	status_t st = rom_connection_map(env_parent(env), NP_FONT_MODULE, &data, &size);

	if (st == STATUS_OK)
		st = gfx_font_parse(&np_font, data, size);
	if (st != STATUS_OK) {
		log_warning("nitpicker: no usable ROM module \"" NP_FONT_MODULE
		            "\" (%s): X-ray's labels without text",
		            status_name(st));
		return false;
	}
	ops->text_draw = np_font_draw;
	ops->text_width = np_font_width;
	core->label_height = np_font.height + 2;
	core->menubar_height = np_font.height + 4;
	return true;
}

/*
 * \brief  scout: a document browser in a nitpicker window
 *
 * <config document="tutorial.txt" width="500" height="600" xpos="100"
 *         ypos="50" font="..." font_h1="..." font_h2="..."/>
 * shows the document (a ROM module, doc/gui.md "scout") in a window with
 * a title bar, back and forward buttons and a scrollbar. Every navigation
 * is logged as 'scout: showing "<doc>#<anchor>"'.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <base/signal.h>
#include <input_session/client.h>
#include <util/string.h>

#include "browser.h"
#include "rom.h"

enum { SCOUT_SIZE_MAX = 4096 };

struct scout_config {
	char document[SCOUT_NAME_MAX];
	char font[SCOUT_FONT_COUNT][SCOUT_NAME_MAX];
	int64_t w, h, x, y;
};

static const char *const scout_font_attr[SCOUT_FONT_COUNT] = {"font", "font_h1", "font_h2"};
static const char *const scout_font_default[SCOUT_FONT_COUNT] = {
        "font_text.gft", "font_heading.gft", "font_heading.gft"};

/* the config's attributes, each checked; false (logged) if unusable */
static bool
scout_config_read(struct env *env, struct scout_config *c)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	struct node_error *e = &cfg.err;

	if (!root ||
	    node_attribute_string(root, "document", c->document, sizeof(c->document),
	                          "tutorial.txt", e) != STATUS_OK ||
	    node_attribute_s64(root, "width", 500, &c->w, e) != STATUS_OK ||
	    node_attribute_s64(root, "height", 600, &c->h, e) != STATUS_OK ||
	    node_attribute_s64(root, "xpos", 100, &c->x, e) != STATUS_OK ||
	    node_attribute_s64(root, "ypos", 50, &c->y, e) != STATUS_OK) {
		log_error("scout: malformed config (document, width, height, xpos, ypos)");
		return false;
	}
	for (int i = 0; i < SCOUT_FONT_COUNT; i++)
		if (node_attribute_string(root, scout_font_attr[i], c->font[i], sizeof(c->font[i]),
		                          scout_font_default[i], e) != STATUS_OK) {
			log_error("scout: malformed config attribute %s", scout_font_attr[i]);
			return false;
		}
	if (c->w < SCOUT_WINDOW_MIN_W || c->w > SCOUT_SIZE_MAX || c->h < SCOUT_WINDOW_MIN_H ||
	    c->h > SCOUT_SIZE_MAX || c->x < -SCOUT_SIZE_MAX || c->x > SCOUT_SIZE_MAX ||
	    c->y < -SCOUT_SIZE_MAX || c->y > SCOUT_SIZE_MAX) {
		log_error(
		        "scout: config: width %lld, height %lld, xpos %lld, ypos %lld: needs width "
		        "%d..%d, height %d..%d, xpos and ypos within +-%d",
		        (long long)c->w, (long long)c->h, (long long)c->x, (long long)c->y,
		        SCOUT_WINDOW_MIN_W, SCOUT_SIZE_MAX, SCOUT_WINDOW_MIN_H, SCOUT_SIZE_MAX,
		        SCOUT_SIZE_MAX);
		return false;
	}
	return true;
}

/* the fonts from their modules; a missing heading font is the text font */
static bool
scout_fonts_load(struct env *env, struct scout_fonts *f, const struct scout_config *c)
{
	for (int i = 0; i < SCOUT_FONT_COUNT; i++) {
		const struct scout_rom *rom = scout_rom_get(env, c->font[i]);
		if (rom && gfx_font_parse(&f->font[i], rom->data, rom->size) == STATUS_OK)
			continue;
		if (i == SCOUT_FONT_TEXT) {
			log_error("scout: no usable font \"%s\"", c->font[i]);
			return false;
		}
		log_warning("scout: font \"%s\" unusable, headings in \"%s\"", c->font[i],
		            c->font[SCOUT_FONT_TEXT]);
		f->font[i] = f->font[SCOUT_FONT_TEXT];
	}
	return true;
}

/* at most this many flushes per signal, so that input cannot starve the entrypoint */
enum { SCOUT_FLUSH_ROUNDS = 8 };

static void
scout_input_signal(void *arg, unsigned num)
{
	struct scout_browser *b = arg;
	(void)num;

	for (unsigned round = 0; round < SCOUT_FLUSH_ROUNDS; round++) {
		unsigned n = scout_gui_flush(&b->gui);
		if (n == 0)
			return;
		for (unsigned i = 0; i < n; i++) {
			struct input_event ev = b->gui.events[i]; /* read once: shared */
			scout_browser_input(b, &ev);
		}
	}
}

static status_t
scout_input_connect(struct env *env, struct scout_browser *b)
{
	struct signal_context *ctx = NULL;
	status_t st = signal_handler_create(env_ep(env), scout_input_signal, b, &ctx);
	if (st == STATUS_OK)
		st = input_session_sigh(b->gui.input, signal_context_cap(ctx));
	if (st != STATUS_OK)
		log_error("scout: cannot receive input: %s", status_name(st));
	return st;
}

void
component_construct(struct env *env)
{
	static struct scout_browser browser;
	static struct scout_config config;
	struct scout_browser *b = &browser;

	b->env = env;
	if (!scout_config_read(env, &config) || !scout_fonts_load(env, &b->fonts, &config))
		env_exit(env, 1);
	b->metrics = scout_render_metrics(&b->fonts);
	if (scout_gui_open(env, &b->gui, (int)config.x, (int)config.y, (int)config.w, (int)config.h,
	                   "scout") != STATUS_OK)
		env_exit(env, 1);

	struct scout_place first = {.scroll = -1};
	str_copy(first.doc, config.document, sizeof(first.doc));
	scout_history_init(&b->history, &first);
	if (!scout_browser_show(b, &first))
		scout_browser_show_missing(b, config.document);
	if (scout_input_connect(env, b) != STATUS_OK)
		env_exit(env, 1);
}

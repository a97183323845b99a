/*
 * \brief  nitlog: the LOG service drawn into a movable nitpicker window
 *
 * <config xpos=".." ypos=".." width=".." height=".." font=".."/>: the
 * window's place and outer size, the font ROM module. Without a font the
 * text is drawn as bars of its width in its colour, so a test can still
 * see which row a line went to.
 *
 * Exit value 1: no Nitpicker session, Timer or LOG service at start;
 * 3: nitpicker closed the session while running.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <util/string.h>

#include "../lib/nit_client/nit_client.h"
#include "../lib/window/window_config.h"
#include "nitlog.h"

enum { NITLOG_EXIT_START = 1, NITLOG_EXIT_CLOSED = 3, NITLOG_TICK_MS = 20 };
enum { NITLOG_BAR_CHAR_W = 6, NITLOG_BAR_LINE_H = 12 }; /* without a font */

#define NITLOG_FONT "font_mono.gft"

struct nitlog_text nitlog_text;
bool nitlog_dirty;

static struct nitlog {
	struct env *env;
	struct nit_client nit;
	struct window win;
	struct window_drag drag;
	nitpicker_view_cap_t view; /* OWNED */
	struct gfx_font font;
	bool have_font;
	int line_h;
} nl;

static int
nitlog_measure(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	char text[NITLOG_ROW_MAX];
	if (!nl.have_font)
		return (int)n * NITLOG_BAR_CHAR_W;
	str_copy_counted(text, sizeof(text), s, n);
	return gfx_font_text_width(&nl.font, text);
}

static void
nitlog_draw_row(struct gfx_surface *s, int x, int y, const struct nitlog_row *row)
{
	if (nl.have_font)
		(void)gfx_font_draw(s, &nl.font, x, y, row->text, row->color);
	else
		gfx_fill(s,
		         (struct gfx_rect){x, y + 2,
		                           nitlog_measure(0, row->text, str_len(row->text)),
		                           nl.line_h - 4},
		         row->color);
}

static void
nitlog_redraw(void)
{
	struct gfx_surface *s = &nl.nit.buffer;
	struct gfx_rect all = {0, 0, nl.win.w, nl.win.h};
	struct gfx_rect text = {window_client_dx(), window_client_dy(), window_client_w(&nl.win),
	                        window_client_h(&nl.win)};
	nit_client_deco_draw(s, all, nl.win.title, nl.have_font ? &nl.font : 0, false);
	gfx_fill(s, text, 0);
	struct gfx_rect saved = s->clip;
	gfx_surface_clip(s, text);
	for (unsigned i = 0; i < nitlog_text.count; i++)
		nitlog_draw_row(s, text.x + 2, text.y + (int)i * nl.line_h,
		                nitlog_text_row(&nitlog_text, i));
	s->clip = saved;
	(void)nit_client_refresh(&nl.nit, all);
	nitlog_dirty = false;
}

static void
nitlog_event(void *ctx, const struct input_event *ev)
{
	(void)ctx;
	if (ev->type == INPUT_EVENT_PRESS && ev->code == INPUT_BTN_LEFT) {
		(void)nit_client_view_raise(nl.view);
		(void)window_drag_begin(&nl.drag, &nl.win, ev->ax, ev->ay);
	} else if (ev->type == INPUT_EVENT_RELEASE && ev->code == INPUT_BTN_LEFT) {
		window_drag_end(&nl.drag);
	} else if (ev->type == INPUT_EVENT_FOCUS && !ev->code) {
		window_drag_end(&nl.drag);
	} else if (ev->type == INPUT_EVENT_MOTION &&
	           window_drag_motion(&nl.drag, &nl.win, ev->ax, ev->ay)) {
		(void)nitpicker_view_viewport(nl.view, nl.win.x, nl.win.y, nl.win.w, nl.win.h, 0, 0,
		                              true);
	}
}

static void
nitlog_tick(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	status_t st = nit_client_poll(&nl.nit, nitlog_event, 0);
	if (st != STATUS_OK) {
		log_print("nitpicker session closed, exiting (%s)", status_name(st));
		env_exit(nl.env, NITLOG_EXIT_CLOSED);
	}
	if (nitlog_dirty)
		nitlog_redraw();
}

/* the window and font from the config */
static void
nitlog_config(char *font, size_t font_size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(nl.env, &cfg);
	static const struct node empty;
	const struct node *n = root ? root : &empty;
	if (!root && cfg.err.status != STATUS_NOT_FOUND)
		log_error("nitlog: config does not parse (line %u: %s), using the defaults",
		          (unsigned)cfg.err.line, cfg.err.what ? cfg.err.what : "?");
	str_copy(nl.win.title, "nitlog", sizeof(nl.win.title));
	(void)window_attr_int(n, "xpos", 600, -WINDOW_COORD_MAX / 2, WINDOW_COORD_MAX / 2,
	                      &nl.win.x, "nitlog");
	(void)window_attr_int(n, "ypos", 20, -WINDOW_COORD_MAX / 2, WINDOW_COORD_MAX / 2, &nl.win.y,
	                      "nitlog");
	(void)window_attr_int(n, "width", 400, WINDOW_SIZE_MIN, 4096, &nl.win.w, "nitlog");
	(void)window_attr_int(n, "height", 240, WINDOW_SIZE_MIN, 4096, &nl.win.h, "nitlog");
	if (node_attribute_string(n, "font", font, font_size, NITLOG_FONT, &cfg.err) != STATUS_OK) {
		log_error("nitlog: config: font=\"...\" is malformed or too long, using \"%s\"",
		          NITLOG_FONT);
		str_copy(font, NITLOG_FONT, font_size);
	}
}

/* the text's rows: as many as the text area shows, from nitlog's own quota */
static bool
nitlog_text_start(void)
{
	struct nitlog_row *rows = 0;
	unsigned capacity = (unsigned)(window_client_h(&nl.win) / nl.line_h);
	if (capacity == 0)
		capacity = 1;
	if (heap_alloc(env_heap(nl.env), capacity * sizeof(*rows), (void **)&rows) != STATUS_OK) {
		log_error("nitlog: no memory for %u rows of text", capacity);
		return false;
	}
	nitlog_text_init(&nitlog_text, rows, capacity, window_client_w(&nl.win) - 4, nitlog_measure,
	                 0);
	return true;
}

static status_t
nitlog_view(void)
{
	status_t st = nit_client_view_create(&nl.nit, "nitlog", &nl.view);
	if (st == STATUS_OK)
		st = nitpicker_view_viewport(nl.view, nl.win.x, nl.win.y, nl.win.w, nl.win.h, 0, 0,
		                             true);
	if (st == STATUS_OK)
		st = nit_client_view_raise(nl.view);
	if (st != STATUS_OK)
		log_error("nitlog: no view: %s", status_name(st));
	return st;
}

void
component_construct(struct env *env)
{
	char font[64];
	nl.env = env;
	nitlog_config(font, sizeof(font));
	nl.have_font = nit_client_font_load(env, font, &nl.font, "nitlog");
	nl.line_h = nl.have_font ? nl.font.height : NITLOG_BAR_LINE_H;
	if (nl.line_h <= 0)
		nl.line_h = NITLOG_BAR_LINE_H;
	if (!nitlog_text_start() ||
	    nit_client_open(&nl.nit, env, (unsigned)nl.win.w, (unsigned)nl.win.h, 1, "nitlog") !=
	            STATUS_OK ||
	    nitlog_view() != STATUS_OK ||
	    nit_client_tick_start(env, NITLOG_TICK_MS, nitlog_tick, 0, "nitlog") != STATUS_OK ||
	    !nitlog_service_start(env))
		env_exit(env, NITLOG_EXIT_START);
	nitlog_redraw();
	log_print("nitlog: window at %d,%d size %dx%d, %u rows", nl.win.x, nl.win.y, nl.win.w,
	          nl.win.h, nitlog_text.capacity);
}

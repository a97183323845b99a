/*
 * \brief  testnit: a nitpicker client with three coloured, movable windows
 *
 * <config font="..."> <window x=".." y=".." w=".." h=".." color="#rrggbb"
 * title=".."/> ... </config>: up to three windows (defaults for what is
 * missing). Each window is a view onto its own stripe of the buffer:
 * border, title bar, client area in its colour. A click raises a window,
 * dragging its title bar moves it. Every key press is logged with the
 * window it is meant for, and so are focus changes, so a test can see
 * which client the keys reached.
 *
 * Exit values: 1 no usable Nitpicker session or Timer at start,
 * 3 nitpicker closed the session (kill mode) while running.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <util/string.h>

#include "../lib/nit_client/nit_client.h"
#include "../lib/window/window_config.h"
#include "ui.h"

enum { TESTNIT_EXIT_START = 1, TESTNIT_EXIT_CLOSED = 3, TESTNIT_TICK_MS = 20 };

/* the font ROM module when the config names none */
#define TESTNIT_FONT "font_label.gft"

static const struct window testnit_defaults[TESTNIT_WINDOWS] = {
        {.x = 100, .y = 100, .w = 240, .h = 180, .color = 0xc800, .title = "red"},
        {.x = 220, .y = 180, .w = 240, .h = 180, .color = 0x0640, .title = "green"},
        {.x = 340, .y = 260, .w = 240, .h = 180, .color = 0x0019, .title = "blue"},
};

static struct testnit {
	struct env *env;
	struct nit_client nit;
	struct testnit_ui ui;
	nitpicker_view_cap_t views[TESTNIT_WINDOWS]; /* OWNED */
	int buf_y[TESTNIT_WINDOWS];                  /* each window's stripe of the buffer */
	struct gfx_font font;
	bool have_font;
} tn;

/* draw window i into its stripe; active: its title bar highlighted */
static void
testnit_draw(unsigned i, bool active)
{
	const struct window *w = &tn.ui.win[i];
	struct gfx_rect area = {0, tn.buf_y[i], w->w, w->h};
	gfx_fill(&tn.nit.buffer, area, w->color);
	nit_client_deco_draw(&tn.nit.buffer, area, w->title, tn.have_font ? &tn.font : 0, active);
	(void)nit_client_refresh(&tn.nit, area);
}

static status_t
testnit_place(unsigned i)
{
	const struct window *w = &tn.ui.win[i];
	return nitpicker_view_viewport(tn.views[i], w->x, w->y, w->w, w->h, 0, tn.buf_y[i], true);
}

static void
testnit_act(const struct testnit_action *a)
{
	switch (a->kind) {
	case TESTNIT_RAISE:
		(void)nit_client_view_raise(tn.views[a->window]);
		for (unsigned i = 0; i < tn.ui.n; i++)
			testnit_draw(i, (int)i == a->window);
		/* after the stack call: a test may look at the screen once it reads this */
		log_print("window \"%s\" raised", tn.ui.win[a->window].title);
		break;
	case TESTNIT_DROPPED:
		log_print("window \"%s\" at %d,%d", tn.ui.win[a->window].title,
		          tn.ui.win[a->window].x, tn.ui.win[a->window].y);
		break;
	case TESTNIT_MOVE:
		(void)testnit_place((unsigned)a->window);
		break;
	case TESTNIT_KEY:
		if (a->window >= 0)
			log_print("key %u on window \"%s\"", a->code, tn.ui.win[a->window].title);
		break;
	case TESTNIT_FOCUS:
		log_print(a->code ? "got the focus" : "lost the focus");
		break;
	default:
		break;
	}
}

static void
testnit_event(void *ctx, const struct input_event *ev)
{
	(void)ctx;
	struct testnit_action a = testnit_ui_event(&tn.ui, ev);
	testnit_act(&a);
}

static void
testnit_tick(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	status_t st = nit_client_poll(&tn.nit, testnit_event, 0);
	if (st != STATUS_OK) {
		log_print("nitpicker session closed, exiting (%s)", status_name(st));
		env_exit(tn.env, TESTNIT_EXIT_CLOSED);
	}
}

/* the windows from the config, and the buffer that holds them one below the other */
static void
testnit_config(unsigned *buf_w, unsigned *buf_h)
{
	struct window win[TESTNIT_WINDOWS];
	const char *text = 0;
	size_t len = 0;
	if (env_config(tn.env, &text, &len) != STATUS_OK)
		text = 0;
	unsigned n =
	        window_config_parse(text, len, win, TESTNIT_WINDOWS, testnit_defaults, "testnit");
	testnit_ui_init(&tn.ui, win, n);
	*buf_w = *buf_h = 0;
	for (unsigned i = 0; i < n; i++) {
		tn.buf_y[i] = (int)*buf_h;
		*buf_h += (unsigned)win[i].w > 0 ? (unsigned)win[i].h : 0;
		*buf_w = (unsigned)win[i].w > *buf_w ? (unsigned)win[i].w : *buf_w;
	}
}

/* the font named in the config (attribute font, default TESTNIT_FONT) */
static void
testnit_font(void)
{
	char name[64] = TESTNIT_FONT;
	struct config_root cfg;
	const struct node *root = config_root_parse(tn.env, &cfg);
	if (root && node_attribute_string(root, "font", name, sizeof(name), TESTNIT_FONT,
	                                  &cfg.err) != STATUS_OK) {
		log_error("testnit: config: font=\"...\" is malformed or too long, using \"%s\"",
		          TESTNIT_FONT);
		str_copy(name, TESTNIT_FONT, sizeof(name));
	}
	tn.have_font = nit_client_font_load(tn.env, name, &tn.font, "testnit");
}

/* the views, placed and titled, the first on top */
static status_t
testnit_views(void)
{
	for (unsigned i = 0; i < tn.ui.n; i++) {
		status_t st = nit_client_view_create(&tn.nit, tn.ui.win[i].title, &tn.views[i]);
		if (st == STATUS_OK)
			st = testnit_place(i);
		if (st != STATUS_OK) {
			log_error("testnit: view %u: %s", i, status_name(st));
			return st;
		}
		testnit_draw(i, i == 0);
	}
	/* stack from the bottom up, so that window 0 ends on top */
	for (unsigned i = tn.ui.n; i-- > 0;)
		(void)nit_client_view_raise(tn.views[i]);
	return STATUS_OK;
}

void
component_construct(struct env *env)
{
	unsigned buf_w, buf_h;
	tn.env = env;
	testnit_config(&buf_w, &buf_h);
	testnit_font();
	if (nit_client_open(&tn.nit, env, buf_w, buf_h, tn.ui.n, "testnit") != STATUS_OK ||
	    testnit_views() != STATUS_OK ||
	    nit_client_tick_start(env, TESTNIT_TICK_MS, testnit_tick, 0, "testnit") != STATUS_OK)
		env_exit(env, TESTNIT_EXIT_START);
	for (unsigned i = 0; i < tn.ui.n; i++) {
		const struct window *w = &tn.ui.win[i];
		log_print("window \"%s\" at %d,%d size %dx%d", w->title, w->x, w->y, w->w, w->h);
	}
}

/*
 * \brief  test-nit-double: the config's script, one step per tick
 *
 * <config> <await label=".."/> <sleep ms=".."/> <probe x y/> <count x y
 * w h color="#rrggbb"/> <click label x y/> <key code/> <drag label x0 y0
 * x1 y1/> <kill label/> </config>. await waits until the labeled
 * session shows a view; click and drag give that session the focus
 * first (focus events to it and to the previous one), key goes to the
 * focused session. A probe with expect="#rrggbb" waits up to 5 s for
 * that colour before it logs what it sees: clients redraw on their own
 * ticks, and a loaded machine must not make a correct client fail.
 * A malformed step is logged and skipped.
 */

#include <base/log.h>
#include <util/node_tree.h>
#include <util/string.h>
#include <util/xml.h>

#include "../../lib/nit_client/nit_client.h"
#include "../../lib/window/window_config.h"
#include "double.h"

enum { DBL_TICK_MS = 20, DBL_NODES = 128, DBL_ATTRS = 512 };

static struct node dbl_nodes[DBL_NODES];
static struct node_value dbl_attrs[DBL_ATTRS];
static struct node_tree dbl_tree;
static const struct node *dbl_step;
static unsigned dbl_sleep_ticks;
static struct dbl_session *dbl_focus;

static int
dbl_int(const struct node *n, const char *name)
{
	int v = 0;
	(void)window_attr_int(n, name, 0, -65536, 65536, &v, "script");
	return v;
}

static struct dbl_session *
dbl_labeled(const struct node *n)
{
	char label[ROOT_LABEL_MAX] = "";
	(void)node_attribute_string(n, "label", label, sizeof(label), "", 0);
	return dbl_session_find(label);
}

static void
dbl_send(struct dbl_session *s, uint32_t type, uint32_t code, int x, int y)
{
	struct input_event ev = {.type = type, .code = code, .ax = x, .ay = y};
	dbl_session_submit(s, &ev);
}

static void
dbl_focus_to(struct dbl_session *s)
{
	if (dbl_focus == s)
		return;
	if (dbl_focus && dbl_session_find(dbl_focus->base.label) == dbl_focus)
		dbl_send(dbl_focus, INPUT_EVENT_FOCUS, 0, 0, 0);
	dbl_focus = s;
	dbl_send(s, INPUT_EVENT_FOCUS, 1, 0, 0);
}

static bool
dbl_visible(const struct dbl_session *s)
{
	for (struct list_elem *e = list_first(&s->views); e; e = list_next(&s->views, e))
		if (list_entry(e, struct dbl_view, session_elem)->w > 0)
			return true;
	return false;
}

enum { DBL_EXPECT_TICKS = 5000 / DBL_TICK_MS };

/* false: the colour is not the expected one yet, try again */
static bool
dbl_probe(const struct node *n)
{
	static unsigned tries;
	int x = dbl_int(n, "x"), y = dbl_int(n, "y");
	uint16_t c = 0, want = 0;
	struct dbl_session *owner = 0;
	bool shown = dbl_screen_pixel(x, y, &c, &owner);
	if (node_has_attribute(n, "expect") && window_attr_color(n, "expect", 0, &want, "script") &&
	    (!shown || c != want) && ++tries < DBL_EXPECT_TICKS)
		return false;
	tries = 0;
	if (!shown)
		log_print("probe %d,%d: nothing", x, y);
	else
		log_print("probe %d,%d: #%02x%02x%02x of \"%s\"", x, y, gfx_red(c), gfx_green(c),
		          gfx_blue(c), owner->base.label);
	return true;
}

static void
dbl_count(const struct node *n)
{
	int x = dbl_int(n, "x"), y = dbl_int(n, "y"), w = dbl_int(n, "w"), h = dbl_int(n, "h");
	uint16_t want = 0, c = 0;
	struct dbl_session *owner;
	unsigned found = 0;
	(void)window_attr_color(n, "color", 0, &want, "script");
	for (int j = y; j < y + h; j++)
		for (int i = x; i < x + w; i++)
			found += dbl_screen_pixel(i, j, &c, &owner) && c == want;
	log_print("count %d,%d %dx%d #%02x%02x%02x: %u", x, y, w, h, gfx_red(want), gfx_green(want),
	          gfx_blue(want), found);
}

/* the input steps; false if the session is missing */
static bool
dbl_input_step(const struct node *n)
{
	struct dbl_session *s = node_has_type(n, "key") ? dbl_focus : dbl_labeled(n);
	if (!s)
		return false;
	if (node_has_type(n, "key")) {
		dbl_send(s, INPUT_EVENT_PRESS, (uint32_t)dbl_int(n, "code"), 0, 0);
		dbl_send(s, INPUT_EVENT_RELEASE, (uint32_t)dbl_int(n, "code"), 0, 0);
		return true;
	}
	int x0 = dbl_int(n, node_has_type(n, "drag") ? "x0" : "x");
	int y0 = dbl_int(n, node_has_type(n, "drag") ? "y0" : "y");
	int x1 = node_has_type(n, "drag") ? dbl_int(n, "x1") : x0;
	int y1 = node_has_type(n, "drag") ? dbl_int(n, "y1") : y0;
	dbl_focus_to(s);
	dbl_send(s, INPUT_EVENT_MOTION, 0, x0, y0);
	dbl_send(s, INPUT_EVENT_PRESS, INPUT_BTN_LEFT, x0, y0);
	if (x1 != x0 || y1 != y0)
		dbl_send(s, INPUT_EVENT_MOTION, 0, x1, y1);
	dbl_send(s, INPUT_EVENT_RELEASE, INPUT_BTN_LEFT, x1, y1);
	return true;
}

/* run step n; false: try it again on the next tick */
static bool
dbl_run(const struct node *n)
{
	if (node_has_type(n, "sleep")) {
		dbl_sleep_ticks = (unsigned)dbl_int(n, "ms") / DBL_TICK_MS;
		return true;
	}
	if (node_has_type(n, "await")) {
		struct dbl_session *s = dbl_labeled(n);
		return s && dbl_visible(s);
	}
	if (node_has_type(n, "probe")) {
		return dbl_probe(n);
	} else if (node_has_type(n, "count")) {
		dbl_count(n);
	} else if (node_has_type(n, "click") || node_has_type(n, "drag") ||
	           node_has_type(n, "key")) {
		return dbl_input_step(n);
	} else if (node_has_type(n, "kill")) {
		struct dbl_session *s = dbl_labeled(n);
		if (!s)
			return false;
		dbl_session_kill(s);
	} else {
		log_error("script: unknown step <%.*s> (line %u) skipped", (int)n->type.len,
		          n->type.start, (unsigned)n->line);
	}
	return true;
}

static void
dbl_tick(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	if (dbl_sleep_ticks) {
		dbl_sleep_ticks--;
		return;
	}
	if (!dbl_step || !dbl_run(dbl_step))
		return;
	dbl_step = dbl_step->next_sibling;
	if (!dbl_step)
		log_print("script done");
}

bool
dbl_script_start(struct env *env)
{
	const char *text = 0;
	size_t len = 0;
	struct node_error err = {0};
	node_tree_init(&dbl_tree, dbl_nodes, DBL_NODES, dbl_attrs, DBL_ATTRS);
	if (env_config(env, &text, &len) == STATUS_OK) {
		if (xml_parse(&dbl_tree, text, len, &err) != STATUS_OK) {
			log_error("config does not parse (line %u: %s)", (unsigned)err.line,
			          err.what ? err.what : "?");
			return false;
		}
		dbl_step = node_tree_root(&dbl_tree)->first_child;
	}
	return nit_client_tick_start(env, DBL_TICK_MS, dbl_tick, 0, "test-nit-double") == STATUS_OK;
}

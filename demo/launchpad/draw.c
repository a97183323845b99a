/*
 * \brief  launchpad's window drawn from the model, by the layout (layout.h)
 */

#include <util/format.h>

#include "colors.h"
#include "window.h"

static uint16_t
color(unsigned rgb)
{
	return launchpad_color(rgb);
}


/* text in r at its left, centred in its height */
static void
text(struct launchpad_window *w, struct gfx_rect r, int indent, const char *t, unsigned rgb)
{
	int y = r.y + (r.h - w->font.height) / 2;
	gfx_font_draw(&w->surface, &w->font, r.x + indent, y, t, color(rgb));
}

static void
launcher_draw(struct launchpad_window *w, const struct launchpad_model *m, unsigned i)
{
	const struct launchpad_launcher *l = &m->launchers[i];
	struct gfx_rect bar = launchpad_layout_bar(&w->layout, i);
	char quota[32];
	text(w, launchpad_layout_name(&w->layout, i), 0, l->name,
	     l->running ? LAUNCHPAD_DIM : LAUNCHPAD_TEXT);
	gfx_fill(&w->surface, launchpad_layout_bar_fill(bar, l->quota, m->quota_max),
	         color(LAUNCHPAD_BAR_FILL));
	gfx_frame(&w->surface, bar, color(LAUNCHPAD_BAR_FRAME));
	format_string(quota, sizeof(quota), "%llu KiB", (unsigned long long)l->quota / 1024);
	text(w, bar, w->layout.pad, quota, LAUNCHPAD_TEXT);
}

static void
child_draw(struct launchpad_window *w, const struct launchpad_model *m, unsigned slot)
{
	const struct launchpad_launcher *l = &m->launchers[launchpad_model_running_at(m, slot)];
	struct gfx_rect kill = launchpad_layout_kill(&w->layout, m, slot);
	char line[LAUNCHPAD_NAME_MAX + 32];
	format_string(line, sizeof(line), "%s  %llu KiB", l->name,
	              (unsigned long long)l->granted / 1024);
	text(w, launchpad_layout_child(&w->layout, m, slot), 0, line, LAUNCHPAD_TEXT);
	gfx_fill(&w->surface, kill, color(LAUNCHPAD_KILL));
	gfx_frame(&w->surface, kill, color(LAUNCHPAD_TEXT));
	text(w, kill, w->layout.pad, "kill", LAUNCHPAD_TEXT);
}

/* fit the view to h rows of pixels; on top at its first showing */
static void
view_fit(struct launchpad_window *w, int h)
{
	if (h == w->shown_h)
		return;
	(void)nitpicker_view_viewport(w->view, w->x, w->y, w->layout.width, h, 0, 0, true);
	if (w->shown_h == 0)
		(void)nitpicker_view_stack(w->view, CAP_TYPED_INVALID(nitpicker_view_cap_t), true,
		                           true);
	w->shown_h = h;
}

void
launchpad_window_draw(struct launchpad_window *w, const struct launchpad_model *m)
{
	char line[64];
	struct gfx_surface *s = &w->surface;
	gfx_fill(s, gfx_surface_area(s), color(LAUNCHPAD_BACKGROUND));
	format_string(line, sizeof(line), "%llu KiB available",
	              (unsigned long long)m->avail / 1024);
	text(w, launchpad_layout_status(&w->layout), w->layout.pad, line, LAUNCHPAD_TEXT);
	for (unsigned i = 0; i < m->count; i++)
		launcher_draw(w, m, i);
	text(w, launchpad_layout_heading(&w->layout, m), w->layout.pad, "running", LAUNCHPAD_DIM);
	unsigned running = launchpad_model_running_count(m);
	for (unsigned slot = 0; slot < running; slot++)
		child_draw(w, m, slot);
	int h = launchpad_layout_height(&w->layout, m);
	h = h < s->h ? h : s->h;
	/* the view first: a refresh is what a watcher (a test) takes as done */
	view_fit(w, h);
	(void)framebuffer_session_refresh(w->fb, 0, 0, s->w, h);
}

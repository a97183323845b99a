/*
 * \brief  bench-gui: nitpicker's composition of a full screen, alone
 *
 * nitpicker's core library (os/server/nitpicker/core) on memory surfaces
 * of the screen's size: one session, one view over the whole screen,
 * the client's refresh of all of it and the flush that redraws it, as
 * nitpicker does once per period. Baseline: memcpy of the same bytes,
 * the least a composition that copies every pixel can cost.
 */

#include <stdlib.h>
#include <string.h>

#include "../common/measure.h"
#include "../../os/server/nitpicker/core/npc.h"
#include "bench_gui.h"

struct compose {
	struct npc core;
	struct npc_session session;
	struct npc_view view;
	struct gfx_surface screen;
	uint16_t *screen_px, *buffer_px; /* OWNED */
};

static void
deliver_none(void *ctx, struct npc_session *s, const struct input_event *ev)
{
	(void)ctx, (void)s, (void)ev;
}

static void
kill_none(void *ctx, struct npc_session *s)
{
	(void)ctx, (void)s;
}

static const struct npc_ops compose_ops = {.deliver = deliver_none, .kill = kill_none};

static bool
compose_frame(void *ctx)
{
	struct compose *c = ctx;
	struct gfx_rect done;

	npc_session_refresh(&c->core, &c->session, (struct gfx_rect){0, 0, GUI_W, GUI_H});
	npc_flush(&c->core, &done);
	return done.w == GUI_W && done.h == GUI_H;
}

static bool
copy_frame(void *ctx)
{
	struct compose *c = ctx;
	memcpy(c->screen_px, c->buffer_px, (size_t)GUI_W * GUI_H * 2);
	return true;
}

void
compose_measure(double *compose_ns, double *memcpy_ns)
{
	static struct compose c;
	struct gfx_surface buffer;

	c.screen_px = calloc((size_t)GUI_W * GUI_H, 2);
	c.buffer_px = calloc((size_t)GUI_W * GUI_H, 2);
	if (!c.screen_px || !c.buffer_px)
		exit(2);
	gfx_surface_init(&c.screen, c.screen_px, 0, GUI_W, GUI_H);
	gfx_surface_init(&buffer, c.buffer_px, 0, GUI_W, GUI_H);
	npc_init(&c.core, &c.screen, &compose_ops, 0);
	npc_session_add(&c.core, &c.session, "bench", NPC_COLOR_DEFAULT, false, buffer);
	npc_view_add(&c.core, &c.view, &c.session);
	npc_view_viewport(&c.core, &c.view, (struct gfx_rect){0, 0, GUI_W, GUI_H}, 0, 0);
	(void)npc_view_stack(&c.core, &c.view, NULL, true);
	*compose_ns = measure(compose_frame, &c, 500);
	*memcpy_ns = measure(copy_frame, &c, 1000);
	free(c.screen_px);
	free(c.buffer_px);
}
